/**
 * Adding and editing a project's risks and issues from the Programme tab, over real HTTP against the running bot on
 * the demo programme (local mode, the demo sign-in), on SQLite and PostgreSQL: a Project Lead adds a risk (a
 * likelihood outside 1–5 refused under its field with nothing stored), finds someone to own one, edits it (the owner
 * kept when none is sent); an edit from a form opened before someone else's change is refused saying who changed
 * what; a colleague is refused (403) and the refusal audited; an unknown project or entry is a 404; nobody signed in
 * a 401; not JSON a 415; too large a 413; the database out of reach a 503 (SQLite: another connection holding the
 * write lock past the bot's wait).
 */
import BetterSqlite3 from 'better-sqlite3';
import type { PeopleResponse, ProjectDetailResponse, RiskSaved } from '../../src/domain/programme-view-types';
import { addDays } from '../../src/domain/calendar';
import { MOCK_USERS } from '../../src/playground/mock-tenant';
import { startDemoDsgBot } from './support/dsg';
import { ENGINES, TestDatabase, type TestBot } from './support/test-bot';

const { councilOfficer, projectLeadLearning2, projectManagerLearning2 } = MOCK_USERS;

jest.setTimeout(60_000);

const AT = '2026-11-27T10:00:00Z';
const TODAY = AT.slice(0, 10);
const DESCRIPTION = 'The booking supplier may not deliver the payments module before the halls reopen';

describe.each(ENGINES)('risks and issues from the Programme tab (%s)', (engine) => {
  let db: TestDatabase;
  let t: TestBot;
  let reference: string;
  let otherReference: string;

  beforeAll(async () => {
    db = await TestDatabase.create(engine);
    t = await startDemoDsgBot(db, AT);
    [reference, otherReference] = await db.read(async (store) => {
      const programme = (await store.projects.listWithRequests()).filter((p) => p.request.status === 'in-delivery' || p.request.status === 'approved');
      const led = programme.find((p) => p.project.projectLead?.aadObjectId === projectLeadLearning2.aadObjectId)!;
      return [led.project.reference, programme.find((p) => p !== led)!.project.reference];
    });
  });
  afterAll(async () => {
    await t?.stop();
    await db?.dispose();
  });

  type User = { aadObjectId: string } | null;
  /** A call as the tab makes it: JSON, signed in with the demo sign-in as `as` (or nobody). */
  async function call(method: 'GET' | 'POST', path: string, as: User, body?: unknown, headers: Record<string, string> = {}) {
    const res = await fetch(`${t.bot.url}${path}`, {
      method,
      headers: { ...(body !== undefined && { 'content-type': 'application/json' }), ...(as && { 'x-demo-user': as.aadObjectId }), ...headers },
      body: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body),
    });
    return { status: res.status, headers: res.headers, body: (await res.json()) as any };
  }
  const add = (body: unknown, as: User = projectLeadLearning2, ref = reference) => call('POST', `/api/projects/${ref}/risks`, as, body);
  const edit = (id: string, body: unknown, as: User = projectLeadLearning2, ref = reference) => call('POST', `/api/projects/${ref}/risks/${id}`, as, body);
  const log = async (as: User = projectLeadLearning2) => ((await call('GET', `/api/projects/${reference}`, as)).body as ProjectDetailResponse).project.risks!;
  const stored = () => db.read((store) => store.risks.forProject(reference));

  const typed = {
    riskKind: 'risk',
    riskDescription: DESCRIPTION,
    riskLikelihood: '7',
    riskImpact: 5,
    riskOwner: projectLeadLearning2.aadObjectId,
    riskMitigation: 'Weekly calls with the supplier',
    riskReviewDate: addDays(TODAY, 14),
  };
  let riskId: string;

  it('refuses a likelihood outside 1–5 with a problem for that field and stores nothing; then adds the risk, scoring 20', async () => {
    const before = await stored();
    const bad = await add(typed);
    expect(bad.status).toBe(400);
    expect(bad.body).toEqual({ error: 'The entry needs fixing.', fields: { riskLikelihood: 'Likelihood is a whole number from 1 (rare) to 5 (almost certain).' } });
    expect(await stored()).toEqual(before);

    const empty = await add({ riskKind: 'risk' });
    expect(empty.status).toBe(400);
    expect(Object.keys(empty.body.fields).sort()).toEqual(['riskDescription', 'riskImpact', 'riskLikelihood', 'riskOwner', 'riskReviewDate']);

    const saved = await add({ ...typed, riskLikelihood: 4 });
    expect(saved.status).toBe(201);
    expect(saved.body).toEqual<RiskSaved>({ notice: 'Risk added: score 20 (likelihood 4 × impact 5). It scores 15 or more, so it goes on the next DSG agenda.', id: expect.any(String), version: 1 });
    riskId = saved.body.id;
    expect((await stored()).find((e) => e.id === riskId)).toMatchObject({ description: DESCRIPTION, likelihood: 4, impact: 5, owner: { aadObjectId: projectLeadLearning2.aadObjectId }, createdBy: projectLeadLearning2.name });
    const events = await db.read((store) => store.audit.listFor('request', reference));
    expect(events).toContainEqual(expect.objectContaining({ action: 'risk.add', outcome: 'done', actorName: projectLeadLearning2.name }));

    const shown = await log();
    expect(shown.canAdd).toBe(true);
    expect(shown.entries.find((e) => e.id === riskId)).toMatchObject({ description: DESCRIPTION, score: 20, high: true, version: 1, canEdit: true, owner: projectLeadLearning2.name });
  });

  it('finds people to own an entry by some of their name, signed in only, and gives the entry to one of them', async () => {
    const found = await call('GET', '/api/people?q=manager%20(learning)', projectLeadLearning2);
    expect(found.status).toBe(200);
    expect(found.body).toEqual<PeopleResponse>({ people: [{ id: projectManagerLearning2.aadObjectId, name: projectManagerLearning2.name }] });
    const many = await call('GET', '/api/people?q=e', projectLeadLearning2);
    expect(many.status).toBe(400);
    expect(many.body).toEqual({ error: 'Type at least 2 letters of a name to search for.', fields: { q: 'Type at least 2 letters of a name to search for.' } });
    expect((await call('GET', '/api/people?q=le', projectLeadLearning2)).body.people.length).toBeLessThanOrEqual(10);
    expect((await call('GET', '/api/people?q=manager', null)).status).toBe(401);

    const issue = await add({ riskKind: 'issue', riskDescription: 'The old booking system is down on Mondays', riskImpact: '2', riskOwner: found.body.people[0].id, riskReviewDate: addDays(TODAY, 7) });
    expect(issue.status).toBe(201);
    expect((await db.read((store) => store.risks.get(issue.body.id)))?.owner).toEqual({ aadObjectId: projectManagerLearning2.aadObjectId, name: projectManagerLearning2.name });
    // Someone the bot has never met cannot be chosen: the owner is reminded in Teams.
    const stranger = await add({ ...typed, riskLikelihood: '2', riskOwner: 'f0f0f0f0-0000-4000-8000-000000000000' });
    expect(stranger.status).toBe(400);
    expect(stranger.body.fields).toEqual({ riskOwner: expect.stringMatching(/^Choose the owner from the list/) });
  });

  it('edits the entry at the version read, keeping the owner when none is sent', async () => {
    const { riskOwner: _owner, ...withoutOwner } = typed;
    const saved = await edit(riskId, { ...withoutOwner, riskLikelihood: '3', version: 1 });
    expect(saved.status).toBe(200);
    expect(saved.body).toEqual({ notice: 'Saved (likelihood 4 → 3): score 15 (likelihood 3 × impact 5). It scores 15 or more, so it goes on the next DSG agenda.', id: riskId, version: 2 });
    expect(await db.read((store) => store.risks.get(riskId))).toMatchObject({ likelihood: 3, version: 2, owner: { aadObjectId: projectLeadLearning2.aadObjectId } });

    const bad = await edit(riskId, { ...withoutOwner, riskLikelihood: '3', riskImpact: '9', version: 2 });
    expect(bad.status).toBe(400);
    expect(bad.body.fields).toEqual({ riskImpact: 'Impact is a whole number from 1 (minimal) to 5 (severe).' });
    expect((await db.read((store) => store.risks.get(riskId)))?.impact).toBe(5);
  });

  it('refuses an edit from a form opened before someone else’s change, saying who changed what, and saves nothing', async () => {
    const managers = await edit(riskId, { ...typed, riskLikelihood: '2', version: 2 }, projectManagerLearning2);
    expect(managers.status).toBe(200);
    const stale = await edit(riskId, { ...typed, riskLikelihood: '5', version: 2 });
    expect(stale.status).toBe(409);
    expect(stale.body.error).toMatch(/^This risk was changed since you opened it: likelihood 3 → 2, by Project Manager \(Learning\) 2 on 27 Nov 2026, \d\d:\d\d\. Nothing was saved; here it is as it is now\.$/);
    expect(await db.read((store) => store.risks.get(riskId))).toMatchObject({ likelihood: 2, version: 3 });
  });

  it('refuses a colleague who is none of the project’s people (403) and audits it; they are offered no form', async () => {
    const version = (await db.read((store) => store.risks.get(riskId)))!.version;
    const added = await add({ ...typed, riskLikelihood: '1' }, councilOfficer);
    expect(added.status).toBe(403);
    expect(added.body.error).toMatch(/^Only the Project Lead, the Project Manager, the Digital Leader, the DSG chair and admins can add to the risks and issues of /);
    const edited = await edit(riskId, { ...typed, riskLikelihood: '1', version }, councilOfficer);
    expect(edited.status).toBe(403);
    expect(edited.body.error).toMatch(/^Only Project Lead \(Learning\) 2, who owns this risk/);
    const events = await db.read((store) => store.audit.listFor('request', reference));
    expect(events).toEqual(expect.arrayContaining([expect.objectContaining({ actorId: councilOfficer.id, action: 'risk.add', outcome: 'refused' }), expect.objectContaining({ actorId: councilOfficer.id, action: 'risk.edit', outcome: 'refused' })]));
    expect((await db.read((store) => store.risks.get(riskId)))?.version).toBe(version);

    const theirs = await log(councilOfficer);
    expect(theirs.canAdd).toBe(false);
    expect(theirs.entries.every((e) => !e.canEdit)).toBe(true);
  });

  it('answers 404 for a project not in the programme, an unknown entry, or an entry of another project', async () => {
    const before = await stored();
    const unknown = await add({ ...typed, riskLikelihood: '1' }, projectLeadLearning2, 'DP-2099-0001');
    expect(unknown).toMatchObject({ status: 404, body: { error: 'DP-2099-0001 is not in the Digital Programme.' } });
    expect((await add({ ...typed, riskLikelihood: '1' }, projectLeadLearning2, 'not-a-reference')).status).toBe(400);
    expect(await edit('no-such-entry', { ...typed, version: 1 })).toMatchObject({ status: 404, body: { error: `That risk or issue is not in the log of ${reference}.` } });
    expect((await edit(riskId, { ...typed, version: 3 }, projectLeadLearning2, otherReference)).status).toBe(404);
    expect(await stored()).toEqual(before);
  });

  it('answers 401 to nobody signed in, 415 to a body that is not JSON, 413 to one too large, 400 to one of the wrong shape', async () => {
    const before = await stored();
    const nobody = await add({ ...typed, riskLikelihood: '1' }, null);
    expect(nobody.status).toBe(401);
    expect(nobody.body).toEqual({ error: 'Sign in to do this: changes are made by name.' });
    expect(nobody.headers.get('www-authenticate')).toMatch(/^Bearer/);

    const form = await fetch(`${t.bot.url}/api/projects/${reference}/risks`, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded', 'x-demo-user': projectLeadLearning2.aadObjectId }, body: 'riskDescription=x' });
    expect(form.status).toBe(415);
    expect(await form.json()).toEqual({ error: 'The body must be a risk or issue sent as JSON (Content-Type: application/json).' });

    const large = await add({ ...typed, riskLikelihood: '1', riskMitigation: 'x'.repeat(20_000) });
    expect(large).toMatchObject({ status: 413, body: { error: 'The body is larger than 16 KB.' } });
    expect(await add('{"riskKind": ')).toMatchObject({ status: 400, body: { error: 'The body is not valid JSON.' } });
    expect(await add({ ...typed, reference: 'DP-2026-0001' })).toMatchObject({ status: 400, body: { fields: { body: expect.stringMatching(/reference/) } } });
    expect(await edit(riskId, typed)).toMatchObject({ status: 400, body: { fields: { version: 'Send the version of the entry you read (a whole number).' } } });
    expect(await stored()).toEqual(before);
  });

  if (engine === 'sqlite') {
    it('answers 503 when the database cannot take the change, and saves it once it can', async () => {
      const holder = new BetterSqlite3(db.env.SQLITE_PATH);
      holder.exec('BEGIN IMMEDIATE');
      let down: Awaited<ReturnType<typeof add>>;
      try {
        down = await add({ ...typed, riskLikelihood: '1', riskDescription: 'Saved once the database is back' });
      } finally {
        holder.exec('ROLLBACK');
        holder.close();
      }
      expect(down.status).toBe(503);
      expect(down.headers.get('retry-after')).toBe('30');
      expect(down.body).toEqual({ error: 'Sorry, dsg-bot cannot reach its database just now, so nothing was saved. Please try again in a minute.' });
      expect((await stored()).some((e) => e.description === 'Saved once the database is back')).toBe(false);
      expect((await add({ ...typed, riskLikelihood: '1', riskDescription: 'Saved once the database is back' })).status).toBe(201);
    });
  }
});
