/**
 * `report assurance` (issue 17 part 4) on the demo programme, through POST /api/messages: the card for the DSG,
 * its signed .docx and .csv downloads (the red project and its reason in them), a quarter typed wrongly, and
 * someone outside the DSG refused and audited.
 */
import JSZip from 'jszip';
import { MOCK_USERS } from '../../src/playground/mock-tenant';
import { healthOf } from '../../src/domain/health';
import { HIGH_RISK_SCORE, liveProjectTitles, topRisks } from '../../src/domain/risks';
import { invokeAction } from './support/activities';
import { invokeCard, invokeMessage, linkOf, wordsOf } from './support/card-reading';
import { startDemoDsgBot } from './support/dsg';
import { TestDatabase, type TestBot } from './support/test-bot';
import { healthRules } from '../support/health-rules';

const AT = '2026-12-04T10:00:00.000Z';
const { councilOfficer, dsgChair } = MOCK_USERS;

let db: TestDatabase;
let t: TestBot;

beforeAll(async () => {
  db = await TestDatabase.create('sqlite');
  t = await startDemoDsgBot(db, AT);
});
afterAll(async () => {
  await t?.stop();
  await db?.dispose();
});

const ask = async (from: typeof dsgChair, quarter?: string) =>
  (await t.post(invokeAction('report.assurance', quarter === undefined ? {} : { quarter }, { ...t.opts, from }))).body;

/** A demo project that is red now, by the one definition, and the reason its lead gave. */
async function aRedProject() {
  const programme = await db.read((store) => store.projects.listWithRequests());
  const red = programme.find((r) => healthOf(r.request.status, r.project.health, AT.slice(0, 10), healthRules())?.shown === 'red');
  if (!red) throw new Error('the demo programme has no red project');
  return { title: red.request.title, reference: red.request.reference, reason: red.project.health!.ratings.overall.reason! };
}

it("gives the DSG this quarter's report, section by section, with its numbers in words", async () => {
  const card = invokeCard(await ask(dsgChair));
  const words = wordsOf(card);
  expect(words).toContain('Assurance report, 2026 Q4');
  expect(words).toContain('1 Oct 2026 to 31 Dec 2026 · as at 4 Dec 2026');
  for (const heading of ['The programme by strand and stage', 'Health (RAG) and movement since the last report', 'Red and amber projects', 'Top risks', 'Gates passed', 'Overdue conditions and actions', 'Benefits to date against plan']) {
    expect(words).toContain(heading);
  }
  const red = await aRedProject();
  expect(words).toContain(red.reference);
  expect(words).toMatch(/Of \d+ projects in delivery, \d+ red/);
  // From stages and gates: the demo's gates passed this quarter, and its overdue gate conditions.
  expect(words).toMatch(/[1-9]\d* gates? passed this quarter\./);
  expect(words).toMatch(/[1-9]\d* gate conditions? and \d+ meeting actions? overdue on 4 Dec 2026\./);
});

it('downloads the whole report as .docx (the red project and its reason in it) and .csv, through signed links only', async () => {
  const card = invokeCard(await ask(dsgChair, '2026 Q4'));
  const docxUrl = new URL(linkOf(card, 'Download (.docx)'));
  const csvUrl = new URL(linkOf(card, 'Download (.csv)'));
  expect(docxUrl.pathname).toBe('/reports/assurance/2026-Q4.docx');

  const docx = await fetch(`${t.bot.url}${docxUrl.pathname}${docxUrl.search}`);
  expect(docx.status).toBe(200);
  expect(docx.headers.get('content-type')).toContain('wordprocessingml');
  const xml = await (await JSZip.loadAsync(Buffer.from(await docx.arrayBuffer()))).file('word/document.xml')!.async('string');
  const red = await aRedProject();
  expect(xml).toContain('Digital Programme assurance report, 2026 Q4');
  expect(xml).toContain(red.title.replace(/&/g, '&amp;'));
  expect(xml).toContain(red.reason.replace(/&/g, '&amp;'));
  // The top risk: the demo's highest-scoring open risk of a live project.
  const [top] = await db.read(async (store) => topRisks(await store.risks.openScoringAtLeast(HIGH_RISK_SCORE), liveProjectTitles(await store.projects.listWithRequests())));
  expect(xml).toContain(top.description.replace(/&/g, '&amp;'));

  const csv = await (await fetch(`${t.bot.url}${csvUrl.pathname}${csvUrl.search}`)).text();
  expect(csv.split('\r\n')[0]).toBe('Quarter,Section,Reference,Item,Number or detail');
  expect(csv).toContain(red.reference);

  const tampered = new URL(docxUrl);
  tampered.searchParams.set('token', 'x');
  const refused = await fetch(`${t.bot.url}${tampered.pathname}${tampered.search}`);
  expect(refused.status).toBe(403);
  expect((await refused.json()).error).toMatch(/not valid.*report assurance 2026 Q4/);
  expect((await fetch(`${t.bot.url}/reports/assurance/2026-Q7.docx`)).status).toBe(404);
});

it('says how to write a quarter, and refuses (and audits) someone outside the DSG', async () => {
  expect(invokeMessage(await ask(dsgChair, 'last quarter'))).toMatch(/"last quarter" is not a quarter: write it like 2026 Q3/);
  expect(invokeMessage(await ask(councilOfficer))).toMatch(/Only members of the Digital Strategy Group and admins can see the assurance report/);
  const refusals = await db.read((store) => store.audit.listFor('settings', 'report'));
  expect(refusals.some((e) => e.action === 'report.assurance' && e.actorId === councilOfficer.id)).toBe(true);
});
