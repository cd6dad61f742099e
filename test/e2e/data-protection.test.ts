/**
 * Data protection end to end: the bot learns people's email from Teams, links its privacy notice from the welcome
 * card, serves /privacy and /accessibility, answers `retention preview` and `subject access <email>` for admins
 * only (the signed link works with its token only), and `npm run sar` / `npm run erase-person` work on its
 * database, saying so for someone unknown and finding nothing to do the second time.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { MOCK_TENANT, MOCK_USERS } from '../../src/playground/mock-tenant';
import { installationUpdate, message, personalChatId } from './support/activities';
import { attachedCard, wordsOf } from './support/card-reading';
import { startTestBot, TestDatabase, type TestBot } from './support/test-bot';

const ROOT = path.resolve(__dirname, '..', '..');
const { councilOfficer, dsgAdmin } = MOCK_USERS;
const ENV = { DSG_ADMIN_AAD_IDS: dsgAdmin.aadObjectId, REPORT_LINK_SECRET: 'a-test-secret-that-is-long-enough-32+', COUNCIL_NAME: 'Inverallan Council', PRIVACY_CONTACT: 'dpo@inverallan.example' };

let db: TestDatabase;
let t: TestBot;
let out: string;

/** Says `text` in the person's personal chat and returns the bot's answer there. */
async function say(text: string, from = councilOfficer) {
  const chat = personalChatId(from);
  const before = t.connector.activities().length;
  await t.post(message(text, { ...t.opts, from }));
  const reply = t.connector.activities().slice(before).find((a) => a.conversationId === chat);
  if (!reply) throw new Error(`no answer to "${text}"`);
  return reply.activity;
}

/** The command line, run for real against the test's database, from an empty directory (no .env read). */
function cli(...args: string[]) {
  const run = spawnSync(path.join(ROOT, 'node_modules', '.bin', 'tsx'), [path.join(ROOT, 'src', 'data-protection-cli.ts'), ...args], {
    cwd: out,
    env: { PATH: process.env.PATH, ...db.env, DSG_ADMIN_AAD_IDS: dsgAdmin.aadObjectId },
    encoding: 'utf8',
    timeout: 60_000,
  });
  return { status: run.status, stdout: run.stdout, stderr: run.stderr };
}

beforeAll(async () => {
  db = await TestDatabase.create('sqlite');
  t = await startTestBot(db, ENV);
  out = mkdtempSync(path.join(tmpdir(), 'dsg-sar-'));
  // Teams answers "who is this" in each personal chat, with the person's email and UPN.
  for (const user of [councilOfficer, dsgAdmin]) t.connector.setRoster(personalChatId(user), [user]);
});
afterAll(async () => {
  await t?.stop();
  await db?.dispose();
  rmSync(out, { recursive: true, force: true });
});

describe('privacy and accessibility pages', () => {
  it('links the privacy notice from the welcome card', async () => {
    // The welcome comes when the bot is installed for someone new.
    const from = MOCK_USERS.projectManagerLearning2;
    await t.post(installationUpdate('add', { ...t.opts, from }));
    const sent = await t.connector.waitFor((a) => a.conversationId === personalChatId(from) && wordsOf(a.activity).includes('Send your ideas for digital projects'));
    const welcome = attachedCard(sent.activity) as { actions: { type: string; title: string; url?: string }[] };
    // PUBLIC_URL, here the local default (the test bot listens on a port of its own).
    expect(welcome.actions.at(-1)).toEqual({ type: 'Action.OpenUrl', title: 'How we use your data', url: 'http://127.0.0.1:3978/privacy' });
  });

  it('serves the privacy notice with the configured council, contact and retention periods', async () => {
    const res = await fetch(`${t.bot.url}/privacy`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toContain('text/html');
    const html = await res.text();
    expect(html).toContain('<html lang="en-GB">');
    expect(html).toContain('<title>Privacy notice: DSG Bot</title>');
    for (const words of ['Inverallan Council', 'dpo@inverallan.example', '2 years after the decision', '6 years after completion', '90 days', '1 year']) expect(html).toContain(words);
  });

  it('serves an accessibility statement in the regulations’ format', async () => {
    const html = await (await fetch(`${t.bot.url}/accessibility`)).text();
    for (const heading of ['Accessibility statement for DSG Bot', 'Feedback and contact information', 'Enforcement procedure', 'Compliance status', 'Non-accessible content', 'Preparation of this accessibility statement']) expect(html).toContain(heading);
    expect(html).toContain('4 Dec 2026');
  });
});

describe('retention preview and subject access in Teams', () => {
  it('tells an admin what the next retention run would do, and refuses anyone else', async () => {
    expect(wordsOf(attachedCard(await say('retention preview', dsgAdmin)))).toContain('Delete 0 drafts not saved for 90 days.');
    expect((await say('retention preview')).text).toMatch(/Only admins can preview the retention run/);
  });

  it('gives an admin signed links to what is held about a person, found by the email Teams gave', async () => {
    await say('new', councilOfficer);
    const answer = String((await say(`subject access ${councilOfficer.email.toUpperCase()}`, dsgAdmin)).text);
    expect(answer).toContain('Council Officer');
    // The links start with PUBLIC_URL (the local default); the test bot listens on a port of its own.
    const [html, json] = [...answer.matchAll(/https?:\/\/\S+/g)].map((m) => m[0].replace('http://127.0.0.1:3978', t.bot.url));
    const page = await fetch(html);
    expect(page.status).toBe(200);
    expect(page.headers.get('cache-control')).toBe('no-store');
    expect(await page.text()).toContain('What dsg-bot holds about Council Officer');
    const data = (await (await fetch(json)).json()) as { person: { emails: string[]; aadObjectIds: string[] }; conversations: unknown[] };
    expect(data.person).toMatchObject({ emails: [councilOfficer.email], aadObjectIds: [councilOfficer.aadObjectId] });
    expect(data.conversations).toHaveLength(1);
    const tampered = await fetch(html.replace(/token=[^&]+/, 'token=forged'));
    expect(tampered.status).toBe(403);
    expect((await tampered.json()).error).toMatch(/^This subject access link is not valid/);
  });

  it('says so for someone unknown, and refuses a non-admin (audited)', async () => {
    expect((await say('subject access nobody@dsg-council.example', dsgAdmin)).text).toMatch(/No one with the email nobody@dsg-council.example is known to dsg-bot/);
    expect((await say('subject access not-an-email', dsgAdmin)).text).toMatch(/is not an email address/);
    expect((await say(`subject access ${dsgAdmin.email}`)).text).toMatch(/Only admins can export/);
  });
});

describe('npm run sar and npm run erase-person', () => {
  it('writes the person’s JSON and readable page', () => {
    const run = cli('sar', '--email', councilOfficer.email, '--out', 'exports');
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    expect(run.stdout).toMatch(/^Found Council Officer: /);
    const files = readdirSync(path.join(out, 'exports')).sort();
    expect(files.map((f) => path.extname(f))).toEqual(['.html', '.json']);
    const json = JSON.parse(readFileSync(path.join(out, 'exports', files[1]), 'utf8')) as { people: { name: string }[] };
    expect(json.people[0].name).toBe('Council Officer');
  });

  it('says so for an unknown person, and for a bad address', () => {
    const unknown = cli('sar', '--email', 'nobody@dsg-council.example');
    expect(unknown.status).toBe(2);
    expect(unknown.stderr).toMatch(/No one with the email nobody@dsg-council.example is known to dsg-bot/);
    expect(cli('erase', '--email', 'nobody@dsg-council.example').status).toBe(2);
    expect(cli('sar').stderr).toMatch(/Give the person: --email/);
  });

  it('asks first, erases with --yes, and finds nothing to do the second time', () => {
    const asked = cli('erase', '--email', councilOfficer.email);
    expect(asked.status).toBe(1);
    expect(asked.stderr).toMatch(/Nothing was erased. Run again with --yes/);
    const erased = cli('erase', '--email', councilOfficer.email, '--yes');
    expect(erased.stderr).toBe('');
    expect(erased.stdout).toMatch(/^Erased: .*1 people/);
    const again = cli('erase', '--email', councilOfficer.email, '--yes');
    expect(again.status).toBe(0);
    expect(again.stdout).toMatch(/^Nothing to do: this person was erased on /);
    expect(cli('sar', '--email', councilOfficer.email).status).toBe(2);
    expect(existsSync(path.join(out, 'subject-access'))).toBe(false);
  });
});

it('keeps the mock tenant’s ids (a guard for the test data above)', () => {
  expect(MOCK_TENANT.users.map((u) => u.id)).toContain(dsgAdmin.id);
});
