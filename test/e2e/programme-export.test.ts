/**
 * `programme export` end to end, on the demo programme: refused (and audited) for someone outside the DSG;
 * for the chair, a reply with a signed link whose workbook downloads with its token only, and imports again
 * with no changes.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { importProgramme } from '../../src/app/programme-sheets/import-programme';
import { IMPORT_SHEET_NAMES } from '../../src/domain/programme-workbook';
import { seedDemo } from '../../src/demo/seed';
import { MOCK_TENANT, MOCK_USERS } from '../../src/playground/mock-tenant';
import { readWorkbook } from '../../src/spreadsheet/workbook';
import { openStore } from '../../src/storage/open-store';
import { channelMention, invokeAction, message, personalChatId } from './support/activities';
import { attachedCard, invokeCard, invokeMessage, wordsOf } from './support/card-reading';
import { startTestBot, TestDatabase, type TestBot } from './support/test-bot';

const { councilOfficer, dsgAdmin, dsgChair } = MOCK_USERS;
const ENV = { DSG_ADMIN_AAD_IDS: dsgAdmin.aadObjectId, REPORT_LINK_SECRET: 'a-test-secret-that-is-long-enough-32+', REMINDER_SCHEDULE: '0 3 1 1 *', DIGEST_SCHEDULE: '0 3 1 1 *', DIGEST_MEETING_CHECK_SCHEDULE: '0 3 1 1 *' };
const NOW = '2026-11-27T10:00:00Z';
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** Where the card's Download button goes. */
const downloadUrl = (card: unknown): string => {
  const button = ((card as { actions?: { type: string; title: string; url?: string }[] }).actions ?? []).find((a) => a.type === 'Action.OpenUrl');
  if (!button?.url) throw new Error('the card has no Download button');
  expect(button.title).toBe('Download the Digital Programme (.xlsx)');
  return button.url;
};

describe('programme export', () => {
  let db: TestDatabase;
  let t: TestBot;
  const dir = mkdtempSync(path.join(tmpdir(), 'dsg-export-'));
  const openSameStore = () => openStore({ sqlitePath: db.env.SQLITE_PATH });
  /** The links are built from PUBLIC_URL's default, port 3978; the test bot listens elsewhere. */
  const local = (url: string) => url.replace(/^http:\/\/127\.0\.0\.1:\d+/, t.bot.url);

  beforeAll(async () => {
    db = await TestDatabase.create('sqlite');
    const store = await openSameStore();
    await seedDemo(store, { now: () => new Date(NOW) });
    await store.close();
    t = await startTestBot(db, ENV, undefined, NOW);
    t.connector.setRoster(MOCK_TENANT.team.id, [...MOCK_TENANT.users]);
    await t.post(channelMention('setup dsg', { ...t.opts, from: dsgAdmin }));
  });

  afterAll(async () => {
    await t?.stop();
    await db?.dispose();
    rmSync(dir, { recursive: true, force: true });
  });

  it('refuses someone outside the DSG, and records the refusal', async () => {
    const body = (await t.post(invokeAction('programme.export', {}, { ...t.opts, from: councilOfficer }))).body;
    expect(invokeMessage(body)).toBe('Sorry, you cannot do that. Only members of the Digital Strategy Group and admins can export the programme.');
    const store = await openSameStore();
    try {
      const events = await store.audit.listFor('settings', 'programme-export');
      expect(events).toEqual([expect.objectContaining({ actorId: councilOfficer.id, action: 'programme.export', outcome: 'refused' })]);
    } finally {
      await store.close();
    }
  });

  it('answers the chair with a signed link to a workbook that downloads with its token only and imports again with no changes', async () => {
    await t.post(message('programme export', { ...t.opts, from: dsgChair }));
    const reply = await t.connector.waitFor((a) => a.conversationId === personalChatId(dsgChair) && !!a.activity.attachments);
    const card = attachedCard(reply.activity);
    expect(wordsOf(card)).toMatch(/the audit log for 2026\/27\.\nThe link works until 28 Nov 2026, 10:00\. The workbook holds names/);
    const url = local(downloadUrl(card));
    expect(url).toMatch(/\/exports\/programme\/2026-27\.xlsx\?/);

    const download = await fetch(url);
    expect(download.status).toBe(200);
    expect(download.headers.get('content-type')).toBe(XLSX);
    expect(download.headers.get('content-disposition')).toBe('attachment; filename="dsg-programme-2026-27.xlsx"');
    const file = path.join(dir, 'export.xlsx');
    writeFileSync(file, Buffer.from(await download.arrayBuffer()));

    const read = await readWorkbook(file, 10 * 1024 * 1024);
    if (!read.ok) throw new Error(read.reason);
    expect(read.sheets.map((s) => s.name)).toEqual(['projects', 'milestones', 'benefits', 'decisions', 'audit 2026-27']);
    expect(read.sheets[0].rows.length).toBeGreaterThan(5);
    expect(read.sheets[3].rows.length).toBeGreaterThan(5);

    const store = await openSameStore();
    try {
      const result = await importProgramme({ store, clock: { now: () => new Date(NOW) }, newId: () => 'unused' }, { fileName: 'export.xlsx', sheets: read.sheets, requiredSheets: IMPORT_SHEET_NAMES, apply: false });
      if (result.kind !== 'checked') throw new Error(JSON.stringify(result.problems));
      expect(result.plan.problems).toEqual([]);
      expect(result.plan.unmatched).toEqual([]);
      expect(result.plan.adds).toEqual([]);
      expect(result.plan.updates).toEqual([]);
      expect(result.plan.counts.projects.unchanged).toBe(read.sheets[0].rows.length);
      expect((await store.audit.listFor('settings', 'programme-export')).map((e) => [e.actorId, e.outcome])).toEqual([
        [councilOfficer.id, 'refused'],
        [dsgChair.id, 'done'],
      ]);
    } finally {
      await store.close();
    }
  });

  it('refuses a download without its token, or with one signed for another year', async () => {
    const body = (await t.post(invokeAction('programme.export', { year: '2025/26' }, { ...t.opts, from: dsgAdmin }))).body;
    const url = new URL(local(downloadUrl(invokeCard(body))));
    expect(url.pathname).toBe('/exports/programme/2025-26.xlsx');
    const bare = new URL(url);
    bare.search = '';
    const none = await fetch(bare);
    expect(none.status).toBe(403);
    expect((await none.json()).error).toBe('This export link has no token. Ask the bot for a new link: type "programme export".');
    const otherYear = await fetch(url.toString().replace('2025-26', '2026-27'));
    expect(otherYear.status).toBe(403);
    expect((await otherYear.json()).error).toMatch(/not valid/);
    expect((await fetch(`${t.bot.url}/exports/programme/last-year.xlsx`)).status).toBe(404);
  });
});
