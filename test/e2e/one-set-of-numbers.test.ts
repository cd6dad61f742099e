/**
 * One set of numbers: the demo programme seeded as `npm run seed-demo` does, then the same figures read from
 * all four outputs of the running bot: the digest card (`digest preview`), the Programme tab's API, the annual
 * report (its card, and its CSV and JSON downloads) and open data (figures as JSON and CSV, and the
 * programme's own CSV summed). Planned annual savings, savings realised this financial year and projects by
 * status agree everywhere, each with the same definition beside it.
 */
import type { ProgrammeFigures } from '../../src/domain/figures';
import type { ProgrammeResponse } from '../../src/domain/programme-view-types';
import { MOCK_USERS } from '../../src/playground/mock-tenant';
import { ofType } from '../presenters/card-checks';
import { invokeAction, message, personalChatId } from './support/activities';
import { attachedCard, invokeCard, wordsOf } from './support/card-reading';
import { startDemoDsgBot } from './support/dsg';
import { TestDatabase, type TestBot } from './support/test-bot';

const { dsgAdmin, dsgChair } = MOCK_USERS;
/** The day the walk-through found £62,200 against £49,800: a Friday, no digest or reminder due. */
const NOW = '2026-12-04T10:00:00Z';
const ENV = {
  DSG_ADMIN_AAD_IDS: dsgAdmin.aadObjectId,
  REPORT_LINK_SECRET: 'a-test-secret-that-is-long-enough-32+',
  OPEN_DATA: 'on',
  REMINDER_SCHEDULE: '0 3 1 1 *',
  DIGEST_MEETING_CHECK_SCHEDULE: '0 3 1 1 *',
};

let db: TestDatabase;
let t: TestBot;

beforeAll(async () => {
  db = await TestDatabase.create('sqlite');
  t = await startDemoDsgBot(db, NOW, ENV);
});

afterAll(async () => {
  await t?.stop();
  await db?.dispose();
});

const get = (path: string) => fetch(`${t.bot.url}${path}`);
const pounds = (n: number) => `£${n.toLocaleString('en-GB')}`;
/** CSV rows (the files hold no quoted line breaks) split into cells, quotes taken off. */
const rowsOf = (csv: string): string[][] =>
  csv
    .trimEnd()
    .split('\r\n')
    .map((line) => [...line.matchAll(/("(?:[^"]|"")*"|[^,]*)(,|$)/g)].slice(0, -1).map((m) => m[1].replace(/^"|"$/g, '').replace(/""/g, '"')));

describe('the four outputs agree', () => {
  let truth: ProgrammeFigures;

  beforeAll(async () => {
    const res = await get('/open/figures.json');
    expect(res.status).toBe(200);
    truth = (await res.json()) as ProgrammeFigures;
  });

  it('open data: the figures with their definitions, and the programme CSV sums to them', async () => {
    expect(truth.financialYear).toBe('2026/27');
    // The numbers: the digest and tab were right; the annual report left out the three projects
    // completed in 2025/26, which still plan £44,000 a year and recorded £12,400 in 2026/27.
    expect(truth.planned).toEqual({ label: 'Planned annual savings', value: 523_000, definition: 'the yearly cash saving planned by each project approved by 31 March 2027 (approved, in delivery or completed)' });
    expect(truth.realised).toEqual({ label: 'Realised in 2026/27', value: 62_200, definition: 'savings recorded for April 2026–March 2027, all projects' });

    const figures = rowsOf(await (await get('/open/figures.csv')).text());
    expect(figures[0]).toEqual(['Figure', 'Financial year', 'Value', 'Definition']);
    expect(figures).toContainEqual(['Planned annual savings (GBP)', '2026/27', '523000', truth.planned.definition]);
    expect(figures).toContainEqual(['Realised in 2026/27 (GBP)', '2026/27', '62200', truth.realised.definition]);
    for (const s of truth.byStatus) expect(figures).toContainEqual([`Projects: ${s.label}`, '2026/27', String(s.count), truth.byStatusDefinition]);

    const [header, ...projects] = rowsOf(await (await get('/open/programme.csv')).text());
    const col = (name: string) => header.indexOf(name);
    expect(projects.reduce((sum, r) => sum + Number(r[col('Planned annual cash saving (GBP)')] || 0), 0)).toBe(truth.planned.value);
    const realised = projects.reduce((sum, r) => sum + Number(/2026\/27: (\d+)/.exec(r[col('Realised cash savings by financial year (GBP)')])?.[1] ?? 0), 0);
    expect(realised).toBe(truth.realised.value);
    for (const s of truth.byStatus) expect(projects.filter((r) => r[col('Status')] === s.label)).toHaveLength(s.count);
  });

  it('the Programme tab: its API carries the same figures, and its projects add up to them', async () => {
    const programme = (await (await get('/api/programme')).json()) as ProgrammeResponse;
    expect(programme.figures).toEqual(truth);
    expect(programme.projects.reduce((sum, p) => sum + (p.plannedAnnualCashSaving ?? 0), 0)).toBe(truth.planned.value);
    expect(programme.projects.reduce((sum, p) => sum + p.realisedThisYear, 0)).toBe(truth.realised.value);
  });

  it('the digest card: the same figures, each with its definition', async () => {
    await t.post(message('digest preview', { ...t.opts, from: dsgChair }));
    const preview = await t.connector.waitFor((a) => a.conversationId === personalChatId(dsgChair) && wordsOf(a.activity).includes('Digest preview'));
    const card = attachedCard(preview.activity);
    const words = wordsOf(card);
    expect(words).toContain(`Planned annual savings\n${pounds(523_000)} · ${truth.planned.definition}`);
    expect(words).toContain(`Realised in 2026/27\n${pounds(62_200)} · ${truth.realised.definition}`);
    expect(words).toContain(`By status: ${truth.byStatusDefinition}.`);
    const bars = ofType(card, 'Chart.VerticalBar').find((c) => c.id === 'chart-benefits')?.data as { y: number }[];
    expect(bars.map((b) => b.y)).toEqual([truth.planned.value, truth.realised.value]);
    const donut = ofType(card, 'Chart.Donut')[0].data as { legend: string; value: number }[];
    expect(donut).toEqual(truth.byStatus.filter((s) => s.count > 0).map((s) => expect.objectContaining({ legend: s.label, value: s.count })));
  });

  it('the annual report: its card, CSV and JSON give the same figures', async () => {
    const card = invokeCard((await t.post(invokeAction('report.annual', { year: '2026/27' }, { ...t.opts, from: dsgChair }))).body);
    const words = wordsOf(card);
    expect(words).toContain(`Planned annual savings\n${pounds(523_000)} · ${truth.planned.definition}`);
    expect(words).toContain(`Realised in 2026/27\n${pounds(62_200)} · ${truth.realised.definition}`);
    const local = (url: string) => url.replace(/^http:\/\/127\.0\.0\.1:\d+/, t.bot.url);
    const [csvUrl, jsonUrl] = [...JSON.stringify(card).matchAll(/\((http:\/\/127\.0\.0\.1:\d+\/reports\/annual\/[^)]+)\)/g)].map((m) => local(m[1]));
    const json = await (await fetch(jsonUrl)).json();
    expect(json.planned).toEqual(truth.planned);
    expect(json.realised).toEqual(truth.realised);
    expect(json.byStatus).toEqual(truth.byStatus);
    const [header, ...rows] = rowsOf(await (await fetch(csvUrl)).text());
    const sum = (name: string) => rows.reduce((total, r) => total + Number(r[header.indexOf(name)] || 0), 0);
    expect(sum('Planned annual cash saving (GBP)')).toBe(truth.planned.value);
    expect(sum('Realised cash saving this year (GBP)')).toBe(truth.realised.value);
  });
});
