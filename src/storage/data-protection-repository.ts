import { type Kysely, sql } from 'kysely';
import type { DataProtectionRepository, ErasureCounts, Identity, PersonalData, Row } from '../app/data-protection/ports';
import { CLOSED_STATUSES, everyoneIn, FORMER, isRoleName, type MeetingPeople, meetingWithout, mentionsAny, roleOfAction, roleOnly, withoutNames, type RetentionPlan } from '../domain/data-protection';
import { outcomeWords, type Meeting, type MeetingAction } from '../domain/meetings';
import type { MilestoneRevision } from '../domain/project';
import type { Member, PersonRef } from '../domain/settings';
import type { Decision, Question } from '../domain/triage';
import { atomically, containing, readJson, readList, readObject, toNumber, writeJson } from './columns';
import { meetingRepository } from './meeting-repository';
import { gatesOf, gatesOfPerson, gatesWithoutPeople, gateRecords } from './gate-people';
import type { Database } from './schema';

/**
 * Data protection over every table that holds people: the retention run (pseudonymise the people in records past
 * retention, delete old drafts and delivery logs), and one person's subject access export and erasure.
 * A name that goes becomes the role the person held (domain/data-protection.ts); ids are removed.
 */

type Db = Kysely<Database>;
/** Names to replace in one record, each with the role it becomes. */
type Names = Map<string, string>;

const CHUNK = 500;
const chunks = <T>(list: readonly T[]): T[][] => Array.from({ length: Math.ceil(list.length / CHUNK) }, (_, i) => list.slice(i * CHUNK, (i + 1) * CHUNK));
const count = (rows: { numUpdatedRows?: bigint; numDeletedRows?: bigint }[]): number => rows.reduce((n, r) => n + toNumber(r.numUpdatedRows ?? r.numDeletedRows ?? 0n), 0);
const addName = (names: Names, name: string | null | undefined, role: string) => {
  if (name && !isRoleName(name) && !names.has(name)) names.set(name, role);
};
const rowOf = (r: object): Row => ({ ...r });
/** Keeps `IN (...)` lists non-empty without matching anything (not '': an erased id is ''). */
const none = ['(none)'];

const OWNER_ROLES = { digital_leader: FORMER.digitalLeader, project_lead: FORMER.projectLead, project_manager: FORMER.projectManager } as const;
type OwnerColumn = keyof typeof OWNER_ROLES;
const OWNER_COLUMNS = Object.keys(OWNER_ROLES) as OwnerColumn[];
const OWNER_WORDS: Record<OwnerColumn, string> = { digital_leader: 'Digital Leader', project_lead: 'Project Lead', project_manager: 'Project Manager' };

/** The decisions and questions of a triage record with names and notes rewritten. */
function scrubTriage(lastDecision: string | null, questions: string | null, names: Names, isTheirs: (name: string) => boolean) {
  const decision = readJson<Decision | null>(lastDecision, null);
  const nextDecision = decision && {
    ...decision,
    by: isTheirs(decision.by) ? (decision.action === 'answer' ? FORMER.requester : FORMER.dsgMember) : decision.by,
    note: decision.note && withoutNames(decision.note, names),
  };
  const nextQuestions = readList<Question>(questions).map((q) => ({
    ...q,
    question: withoutNames(q.question, names),
    askedBy: isTheirs(q.askedBy) ? FORMER.dsgMember : q.askedBy,
    answer: q.answer && withoutNames(q.answer, names),
  }));
  return { last_decision: writeJson(nextDecision), questions: writeJson(nextQuestions) ?? '[]' };
}

/** Audit rows' actor becomes the role of the action, the id goes: one statement (a CASE over the actions found). */
async function pseudonymiseActors(db: Db, where: (q: any) => any): Promise<number> {
  const actions = ((await where(db.selectFrom('audit_events').select('action').distinct()).execute()) as { action: string }[]).map((a) => a.action);
  if (!actions.length) return 0;
  const role = sql<string>`case ${sql.join(actions.map((a) => sql`when ${sql.ref('action')} = ${a} then ${roleOfAction(a)}`), sql` `)} else ${FORMER.colleague} end`;
  return count([await where(db.updateTable('audit_events').set({ actor_id: null, actor_name: role })).executeTakeFirst()]);
}

/** Rewrites before, after and detail of audit rows that mention a name (or an id, replaced by nothing). */
async function scrubAuditText(db: Db, rows: { id: number; before: string | null; after: string | null; detail: string | null }[], names: ReadonlyMap<string, string>): Promise<number> {
  let n = 0;
  for (const r of rows) {
    const next = { before: r.before && withoutNames(r.before, names), after: r.after && withoutNames(r.after, names), detail: r.detail && withoutNames(r.detail, names) };
    if (next.before === r.before && next.after === r.after && next.detail === r.detail) continue;
    await db.updateTable('audit_events').set(next).where('id', '=', r.id).execute();
    n += 1;
  }
  return n;
}

/** The health statuses' reasons: typed text that may name someone. */
const HEALTH_REASONS = ['overall_reason', 'time_reason', 'cost_reason', 'scope_reason'] as const;

/** Pseudonymises the people in these requests (and their projects, triage, audit trail), and records them as done. */
async function pseudonymiseRequests(db: Db, refs: { reference: string; reason: string }[], at: string): Promise<Record<string, number>> {
  const counts: Record<string, number> = { requests: 0, projects: 0, triage: 0, milestones: 0, benefits: 0, measureFigures: 0, healthUpdates: 0, risks: 0, auditEntries: 0, reminders: 0 };
  const reminderKeys = (await db.selectFrom('reminder_state').select('item_key').execute()).map((r) => r.item_key);
  for (const part of chunks(refs)) {
    const references = part.map((p) => p.reference);
    const names = new Map<string, Names>(references.map((r) => [r, new Map()]));
    const requests = await db.selectFrom('requests').select(['reference', 'requester_name']).where('reference', 'in', references).execute();
    const projects = await db.selectFrom('projects').select(['reference', ...OWNER_COLUMNS]).where('reference', 'in', references).execute();
    const triage = await db.selectFrom('triage').select(['reference', 'last_decision', 'questions']).where('reference', 'in', references).execute();
    const milestones = await db.selectFrom('milestones').select(['id', 'reference', 'revisions']).where('reference', 'in', references).where('revisions', '!=', '[]').execute();
    const benefits = await db.selectFrom('realised_benefits').select(['id', 'reference', 'recorded_by', 'note']).where('reference', 'in', references).execute();
    const audit = await db.selectFrom('audit_events').select(['id', 'subject_id', 'action', 'actor_name', 'before', 'after', 'detail']).where('subject_type', '=', 'request').where('subject_id', 'in', references).execute();
    const risks = await db.selectFrom('risks').selectAll().where('reference', 'in', references).execute();
    // Every name on the record, with the role it becomes.
    for (const r of requests) addName(names.get(r.reference)!, r.requester_name, FORMER.requester);
    for (const p of projects) for (const c of OWNER_COLUMNS) addName(names.get(p.reference)!, readJson<PersonRef | null>(p[c], null)?.name, OWNER_ROLES[c]);
    for (const t of triage) {
      const d = readJson<Decision | null>(t.last_decision, null);
      if (d) addName(names.get(t.reference)!, d.by, d.action === 'answer' ? FORMER.requester : FORMER.dsgMember);
      for (const q of readList<Question>(t.questions)) addName(names.get(t.reference)!, q.askedBy, FORMER.dsgMember);
    }
    for (const m of milestones) for (const rev of readList<MilestoneRevision>(m.revisions)) addName(names.get(m.reference)!, rev.by, FORMER.projectTeam);
    for (const b of benefits) addName(names.get(b.reference)!, b.recorded_by, FORMER.projectTeam);
    for (const a of audit) addName(names.get(a.subject_id)!, a.actor_name, roleOfAction(a.action));
    for (const r of risks) {
      addName(names.get(r.reference)!, readJson<PersonRef | null>(r.owner, null)?.name, FORMER.riskOwner);
      addName(names.get(r.reference)!, r.created_by, FORMER.projectTeam);
      addName(names.get(r.reference)!, readJson<{ by: string } | null>(r.last_change, null)?.by, FORMER.projectTeam);
    }

    counts.requests += count([await db.updateTable('requests').set({ requester_id: '', requester_name: FORMER.requester }).where('reference', 'in', references).executeTakeFirst()]);
    for (const p of projects) {
      const next = Object.fromEntries(OWNER_COLUMNS.map((c) => [c, p[c] && writeJson(roleOnly(OWNER_ROLES[c]))]));
      await db.updateTable('projects').set(next).where('reference', '=', p.reference).execute();
      counts.projects += 1;
    }
    for (const t of triage) {
      const recordNames = names.get(t.reference)!;
      await db.updateTable('triage').set(scrubTriage(t.last_decision, t.questions, recordNames, (n) => !isRoleName(n))).where('reference', '=', t.reference).execute();
      counts.triage += 1;
    }
    for (const m of milestones) {
      const revisions = readList<MilestoneRevision>(m.revisions).map((rev) => ({ ...rev, by: FORMER.projectTeam, reason: withoutNames(rev.reason, names.get(m.reference)!) }));
      await db.updateTable('milestones').set({ revisions: writeJson(revisions) ?? '[]' }).where('id', '=', m.id).execute();
      counts.milestones += 1;
    }
    for (const b of benefits) {
      await db.updateTable('realised_benefits').set({ recorded_by: FORMER.projectTeam, note: b.note && withoutNames(b.note, names.get(b.reference)!) }).where('id', '=', b.id).execute();
      counts.benefits += 1;
    }
    // Who recorded a measure's figures: a name, like a benefit's.
    const measures = (eb: any) => eb.selectFrom('measures').select('id').where('reference', 'in', references);
    counts.measureFigures += count([await db.updateTable('measure_figures').set({ recorded_by: FORMER.projectTeam }).where('measure_id', 'in', measures).executeTakeFirst()]);
    // Who set a health status, and any name in its reasons (typed text).
    for (const u of await db.selectFrom('health_updates').select(['reference', 'version', ...HEALTH_REASONS]).where('reference', 'in', references).execute()) {
      const recordNames = names.get(u.reference)!;
      const reasons = Object.fromEntries(HEALTH_REASONS.map((c) => [c, u[c] && withoutNames(u[c], recordNames)]));
      await db.updateTable('health_updates').set({ set_by: FORMER.projectTeam, ...reasons }).where('reference', '=', u.reference).where('version', '=', u.version).execute();
      counts.healthUpdates += 1;
    }
    for (const r of risks) counts.risks += await risksWithoutPeople(db, [r], () => true, () => true, names.get(r.reference)!);
    counts.auditEntries += await pseudonymiseActors(db, (q) => q.where('subject_type', '=', 'request').where('subject_id', 'in', references));
    for (const a of audit) {
      const recordNames = names.get(a.subject_id)!;
      if ([a.before, a.after, a.detail].some((t) => mentionsAny(t, recordNames))) await scrubAuditText(db, [{ ...a, id: toNumber(a.id) }], recordNames);
    }
    // Reminder state is about chasing a live project: none is needed for a closed record.
    const prefixes = references.map((r) => `${r}:`);
    const stale = reminderKeys.filter((k) => prefixes.some((p) => k.startsWith(p)));
    for (const keys of chunks(stale)) counts.reminders += count([await db.deleteFrom('reminder_state').where('item_key', 'in', keys).executeTakeFirst()]);
    // Stage gates: who asked, who decided, each condition's owner; names in the notes and conditions.
    const gates = await gatesOf(db, references);
    const allNames = new Map([...names.values()].flatMap((m) => [...m]));
    const gone = await gatesWithoutPeople(db, gates, () => true, allNames);
    counts.gates = (counts.gates ?? 0) + gone.gates;
    counts.gateConditions = (counts.gateConditions ?? 0) + gone.gateConditions;
    await db.insertInto('pseudonymised_requests').values(part.map((p) => ({ reference: p.reference, reason: p.reason, at }))).execute();
  }
  return counts;
}

/** Rows of `table` whose `column` mentions any of `needles` (names or ids), with LIKE. */
function mentioning<T extends 'audit_events' | 'outbox' | 'triage' | 'milestones'>(db: Db, table: T, columns: string[], needles: string[]) {
  return db
    .selectFrom(table as 'audit_events')
    .selectAll()
    .where((eb) => eb.or(columns.flatMap((c) => needles.map((n) => sql<boolean>`${sql.ref(c)} like ${containing(n)} escape '\\'`))).$castTo<boolean>() as any);
}

/** Marks a meeting's people as done by the retention run (in the table that records each record done once). */
const meetingDone = (date: string) => `meeting:${date}`;

/**
 * Takes people out of one meeting's record, its actions and the agenda items added for it: `whom` says who, and
 * what their names become in free text. Saved at a new version, so a card drawn before says it is out of date.
 */
async function meetingWithoutPeople(db: Db, meeting: Meeting, actions: readonly MeetingAction[], whom: MeetingPeople): Promise<{ meetings: number; meetingActions: number }> {
  const counts = { meetings: 0, meetingActions: 0 };
  const scrubbed = meetingWithout(meeting, whom);
  if (JSON.stringify(scrubbed) !== JSON.stringify(meeting)) {
    await meetingRepository(db).update({ ...scrubbed, version: meeting.version + 1 }, meeting.version);
    counts.meetings += 1;
  }
  for (const a of actions) {
    const owner = whom.person(a.owner);
    const by = (name: string | null) => (name && whom.name(name) ? (name === a.owner.name && owner ? FORMER.actionOwner : FORMER.dsgMember) : name);
    const next = { owner_aad_object_id: owner ? '' : a.owner.aadObjectId, owner_name: owner ? FORMER.actionOwner : a.owner.name, created_by: by(a.createdBy)!, done_by: by(a.doneBy), what: withoutNames(a.what, whom.names) };
    if (next.owner_name === a.owner.name && next.created_by === a.createdBy && next.done_by === a.doneBy && next.what === a.what) continue;
    await db.updateTable('meeting_actions').set(next).where('id', '=', a.id).execute();
    counts.meetingActions += 1;
  }
  return counts;
}

/** Agenda items added with `agenda add` by these people (`ids`), or, for the retention run, all those a meeting took up. */
async function additionsWithoutPeople(db: Db, rows: readonly Database['agenda_additions'][], whom: MeetingPeople): Promise<number> {
  let n = 0;
  for (const r of rows) {
    const theirs = whom.person({ aadObjectId: r.added_by_id, name: r.added_by_name }) && !isRoleName(r.added_by_name);
    const next = { added_by_id: theirs ? '' : r.added_by_id, added_by_name: theirs ? FORMER.dsgMember : r.added_by_name, text: withoutNames(r.text, whom.names) };
    if (next.added_by_name === r.added_by_name && next.text === r.text) continue;
    await db.updateTable('agenda_additions').set(next).where('id', '=', r.id).execute();
    n += 1;
  }
  return n;
}

/**
 * Takes people out of risks and issues: an owner `isPerson` says is theirs becomes the role (no one is reminded
 * then), who added it or changed it last a project team member, their names in the texts the roles. Saved at a new
 * version, so a form drawn before says it is out of date.
 */
async function risksWithoutPeople(db: Db, rows: readonly Database['risks'][], isPerson: (p: PersonRef) => boolean, isName: (name: string) => boolean, names: Names): Promise<number> {
  let n = 0;
  for (const r of rows) {
    const owner = readJson<PersonRef>(r.owner, roleOnly(FORMER.riskOwner));
    const last = readJson<{ what: string; by: string; at: string } | null>(r.last_change, null);
    const next = {
      owner: isPerson(owner) && !isRoleName(owner.name) ? JSON.stringify(roleOnly(FORMER.riskOwner)) : r.owner,
      created_by: isName(r.created_by) && !isRoleName(r.created_by) ? FORMER.projectTeam : r.created_by,
      last_change: last && writeJson({ ...last, by: isName(last.by) && !isRoleName(last.by) ? FORMER.projectTeam : last.by, what: withoutNames(last.what, names) }),
      description: withoutNames(r.description, names),
      mitigation: withoutNames(r.mitigation, names),
    };
    if (next.owner === r.owner && next.created_by === r.created_by && next.last_change === r.last_change && next.description === r.description && next.mitigation === r.mitigation) continue;
    await db.updateTable('risks').set({ ...next, version: toNumber(r.version) + 1 }).where('id', '=', r.id).execute();
    n += 1;
  }
  return n;
}

/** The retention run on DSG meetings held before the cutoff: everyone in the record becomes a role; the minutes stay. */
async function pseudonymiseMeetings(db: Db, dates: readonly string[], at: string): Promise<Record<string, number>> {
  const counts: Record<string, number> = { meetings: 0, meetingActions: 0, agendaAdditions: 0, meetingAuditEntries: 0 };
  const repo = meetingRepository(db);
  for (const date of dates) {
    const meeting = await repo.byDate(date);
    if (!meeting) continue;
    const actions = await repo.actionsOf(meeting.id);
    const additions = await db.selectFrom('agenda_additions').selectAll().where('meeting_id', '=', meeting.id).execute();
    const whom = everyoneIn(meeting, actions.map((a) => a.owner), additions.map((r) => r.added_by_name));
    const done = await meetingWithoutPeople(db, meeting, actions, whom);
    counts.meetings += done.meetings;
    counts.meetingActions += done.meetingActions;
    counts.agendaAdditions += await additionsWithoutPeople(db, additions, whom);
    const trail = (q: any) => q.where('subject_type', '=', 'meeting').where('subject_id', '=', date);
    counts.meetingAuditEntries += await pseudonymiseActors(db, trail);
    const rows = (await trail(db.selectFrom('audit_events').select(['id', 'before', 'after', 'detail'])).execute()) as { id: number; before: string | null; after: string | null; detail: string | null }[];
    await scrubAuditText(db, rows.map((r) => ({ ...r, id: toNumber(r.id) })), whom.names);
    await db.insertInto('pseudonymised_requests').values({ reference: meetingDone(date), reason: 'meeting', at }).execute();
  }
  return counts;
}

export function dataProtectionRepository(db: Db): DataProtectionRepository {
  async function findIdentity(query: { email: string } | { aadObjectId: string }): Promise<Identity | null> {
    const email = 'email' in query ? query.email.trim().toLowerCase() : null;
    const aad = 'aadObjectId' in query ? query.aadObjectId.trim() : null;
    let people = email
      ? await db.selectFrom('people').selectAll().where((eb) => eb.or([eb('email', '=', email), eb('upn', '=', email)])).execute()
      : await db.selectFrom('people').selectAll().where((eb) => eb.or([eb('aad_object_id', '=', aad), eb('id', '=', aad!)])).execute();
    const members = (await db.selectFrom('roster_cache').select('members').execute())
      .flatMap((r) => readList<Member>(r.members))
      .filter((m) => (email ? m.email?.toLowerCase() === email || m.userPrincipalName?.toLowerCase() === email : m.aadObjectId === aad || m.id === aad));
    const aadIds = new Set([...people.map((p) => p.aad_object_id), ...members.map((m) => m.aadObjectId)].filter((x): x is string => !!x));
    if (aadIds.size) people = await db.selectFrom('people').selectAll().where((eb) => eb.or([eb('aad_object_id', 'in', [...aadIds]), eb('id', 'in', people.map((p) => p.id).concat(''))])).execute();
    const teamsIds = new Set([...people.map((p) => p.id), ...members.map((m) => m.id)]);
    if (!teamsIds.size && !aadIds.size) return null;
    const unique = (xs: (string | null | undefined)[]) => [...new Set(xs.filter((x): x is string => !!x))];
    return {
      teamsIds: [...teamsIds],
      aadObjectIds: [...aadIds],
      names: unique([...people.map((p) => p.name), ...members.map((m) => m.name)]).filter((n) => !isRoleName(n)),
      emails: unique([...people.map((p) => p.email), ...members.map((m) => m.email?.toLowerCase())]),
      upns: unique([...people.map((p) => p.upn), ...members.map((m) => m.userPrincipalName?.toLowerCase())]),
    };
  }

  /** The rows that hold the person, read once for both the export and the erasure (`db`: the caller's transaction). */
  async function holdings(db: Db, who: Identity) {
    const ids = [...who.teamsIds, ...who.aadObjectIds];
    const names = who.names;
    const personalConversations = (await db.selectFrom('conversations').selectAll().where('kind', '=', 'personal').execute()).filter((c) => who.teamsIds.some((id) => (c.reference ?? '').includes(JSON.stringify(id))));
    const projects = (await db.selectFrom('projects').innerJoin('requests', 'requests.reference', 'projects.reference').select(['projects.reference', 'requests.status', ...OWNER_COLUMNS.map((c) => `projects.${c}` as const)]).execute()).filter((p) =>
      OWNER_COLUMNS.some((c) => who.aadObjectIds.includes(readJson<PersonRef | null>(p[c], null)?.aadObjectId ?? '')),
    );
    const theirs = (name: string | null | undefined) => !!name && names.includes(name);
    const textNeedles = [...names, ...ids].filter((n) => n.length >= 3);
    return {
      people: await db.selectFrom('people').selectAll().where((eb) => eb.or([eb('id', 'in', who.teamsIds.concat(none)), eb('aad_object_id', 'in', who.aadObjectIds.concat(none))])).execute(),
      personalConversations,
      requests: await db.selectFrom('requests').selectAll().where('requester_id', 'in', who.teamsIds.concat(none)).execute(),
      drafts: await db.selectFrom('drafts').selectAll().where('person_id', 'in', who.teamsIds.concat(none)).execute(),
      triage: names.length ? await mentioning(db, 'triage', ['last_decision', 'questions'], names).execute() as unknown as Database['triage'][] : [],
      projects,
      milestones: names.length ? ((await mentioning(db, 'milestones', ['revisions'], names).execute()) as unknown as Database['milestones'][]).filter((m) => readList<MilestoneRevision>(m.revisions).some((r) => theirs(r.by))) : [],
      benefits: await db.selectFrom('realised_benefits').selectAll().where('recorded_by', 'in', names.concat(none)).execute(),
      // Figures of measures: who recorded each is a name, like a benefit's (a measure itself records no one).
      figures: await db
        .selectFrom('measure_figures')
        .innerJoin('measures', 'measures.id', 'measure_figures.measure_id')
        .select(['measures.reference', 'measures.name as measure', 'measure_figures.period', 'measure_figures.value', 'measure_figures.recorded_at', 'measure_figures.recorded_by'])
        .where('measure_figures.recorded_by', 'in', names.concat(none))
        .orderBy('measures.reference')
        .orderBy('measure_figures.period')
        .execute(),
      // Health statuses they set (who set each is a name).
      healthUpdates: await db.selectFrom('health_updates').selectAll().where('set_by', 'in', names.concat(none)).orderBy('reference').orderBy('version').execute(),
      audit: await db
        .selectFrom('audit_events')
        .selectAll()
        .where((eb) =>
          eb.or([
            eb('actor_id', 'in', who.teamsIds.concat(none)),
            eb.and([eb('subject_type', '=', 'person'), eb('subject_id', 'in', ids.concat(none))]),
            ...['before', 'after', 'detail'].flatMap((c) => textNeedles.map((n) => sql<boolean>`${sql.ref(c)} like ${containing(n)} escape '\\'`)),
          ]),
        )
        .orderBy('id')
        .execute(),
      reminders: await db.selectFrom('reminder_state').selectAll().where('recipient_id', 'in', ids.concat(none)).execute(),
      // Risks and issues they own, added, or changed last (the owner is JSON with their AAD object id).
      risks: await db
        .selectFrom('risks')
        .selectAll()
        .where((eb) =>
          eb.or([
            eb('created_by', 'in', names.concat(none)),
            ...who.aadObjectIds.map((aad) => sql<boolean>`${sql.ref('owner')} like ${containing(JSON.stringify(aad))} escape '\\'`),
            ...names.map((n) => sql<boolean>`${sql.ref('last_change')} like ${containing(JSON.stringify(n))} escape '\\'`),
          ]),
        )
        .orderBy('reference')
        .orderBy('created_at')
        .execute(),
      outbox: ids.length ? ((await mentioning(db, 'outbox', ['target'], ids).execute()) as unknown as Database['outbox'][]) : [],
      outboxNaming: names.length ? ((await mentioning(db, 'outbox', ['intent'], names).execute()) as unknown as Database['outbox'][]) : [],
      settings: await db.selectFrom('settings').selectAll().executeTakeFirst(),
      rosters: await db.selectFrom('roster_cache').selectAll().execute(),
      subscriptions: await db.selectFrom('digest_subscriptions').selectAll().where('subscribed_by', 'in', names.concat(none)).execute(),
      ...(await meetingHoldings(db, ids, theirs)),
      gates: await gatesOfPerson(db, ids, theirs),
      theirs,
    };
  }

  /** The DSG's meetings, with the actions they own or recorded and the agenda items they added. */
  async function meetingHoldings(db: Db, ids: readonly string[], theirs: (name: string | null | undefined) => boolean) {
    const repo = meetingRepository(db);
    const meetings = await repo.list();
    const actions = (await Promise.all(meetings.map((m) => repo.actionsOf(m.id)))).flat();
    return {
      meetings,
      agendaPlan: await repo.agendaPlan(),
      meetingActions: actions.filter((a) => ids.includes(a.owner.aadObjectId) || theirs(a.createdBy) || theirs(a.doneBy) || theirs(a.owner.name)),
      agendaAdditions: await db.selectFrom('agenda_additions').selectAll().where('added_by_id', 'in', [...ids, ...none]).execute(),
    };
  }

  return {
    async retentionPlan(cutoffs): Promise<RetentionPlan> {
      const done = db.selectFrom('pseudonymised_requests').select('reference');
      const closed = await db.selectFrom('requests').select('reference').where('status', 'in', CLOSED_STATUSES).where('updated_at', '<', cutoffs.closedRequests).where('reference', 'not in', done).orderBy('reference').execute();
      const completed = await db
        .selectFrom('requests')
        .innerJoin('projects', 'projects.reference', 'requests.reference')
        .select('requests.reference')
        .where('requests.status', '=', 'completed')
        .where('requests.updated_at', '<', cutoffs.completedProjects)
        .where('projects.updated_at', '<', cutoffs.completedProjects)
        .where('requests.reference', 'not in', done)
        .orderBy('requests.reference')
        .execute();
      const drafts = await db.selectFrom('drafts').select((eb) => eb.fn.countAll<number>().as('n')).where('updated_at', '<', cutoffs.drafts).executeTakeFirstOrThrow();
      const logs = await db.selectFrom('outbox').select((eb) => eb.fn.countAll<number>().as('n')).where('status', 'in', ['sent', 'failed']).where('created_at', '<', cutoffs.deliveryLogs).executeTakeFirstOrThrow();
      const meetings = await db
        .selectFrom('meetings')
        .select('date')
        .where('status', '!=', 'running')
        .where('date', '<', cutoffs.meetings.slice(0, 10))
        .where(sql<string>`${sql.lit('meeting:')} || ${sql.ref('date')}`, 'not in', done)
        .orderBy('date')
        .execute();
      return { closedRequests: closed.map((r) => r.reference), completedProjects: completed.map((r) => r.reference), drafts: toNumber(drafts.n), deliveryLogs: toNumber(logs.n), meetings: meetings.map((m) => m.date) };
    },

    applyRetention(plan, cutoffs, at) {
      return atomically(db, async (tx) => {
        const refs = [...plan.closedRequests.map((reference) => ({ reference, reason: 'closed-request' })), ...plan.completedProjects.map((reference) => ({ reference, reason: 'completed-project' }))];
        const counts = await pseudonymiseRequests(tx, refs, at);
        counts.drafts = count([await tx.deleteFrom('drafts').where('updated_at', '<', cutoffs.drafts).executeTakeFirst()]);
        counts.deliveryLogs = count([await tx.deleteFrom('outbox').where('status', 'in', ['sent', 'failed']).where('created_at', '<', cutoffs.deliveryLogs).executeTakeFirst()]);
        return { ...counts, ...(await pseudonymiseMeetings(tx, plan.meetings, at)) };
      });
    },

    async hasAddress(personId) {
      const row = await db.selectFrom('people').select(['email', 'upn']).where('id', '=', personId).executeTakeFirst();
      return !!(row?.email || row?.upn);
    },

    async rememberAddress(personId, email, upn) {
      await db.updateTable('people').set({ email: email?.trim().toLowerCase() || null, upn: upn?.trim().toLowerCase() || null }).where('id', '=', personId).execute();
    },

    findIdentity,

    async personalData(who): Promise<PersonalData> {
      const h = await holdings(db, who);
      const settings = h.settings;
      const chair = readJson<PersonRef | null>(settings?.chair ?? null, null);
      const leaders = readObject<Record<string, PersonRef>>(settings?.leaders ?? null);
      const isThem = (ref: PersonRef | null) => !!ref && who.aadObjectIds.includes(ref.aadObjectId);
      const roles = [
        ...(isThem(chair) ? [{ role: 'DSG chair', where: 'DSG settings' }] : []),
        ...Object.entries(leaders).filter(([, ref]) => isThem(ref)).map(([strand]) => ({ role: 'Digital Leader', where: `strand ${strand}` })),
        ...h.projects.flatMap((p) => OWNER_COLUMNS.filter((c) => isThem(readJson<PersonRef | null>(p[c], null))).map((c) => ({ role: OWNER_WORDS[c], where: `project ${p.reference}` }))),
        ...h.rosters.filter((r) => readList<Member>(r.members).some((m) => who.teamsIds.includes(m.id) || who.aadObjectIds.includes(m.aadObjectId))).map((r) => ({ role: 'DSG member (member of the DSG team)', where: `team ${r.team_id}` })),
      ];
      const parsed = (r: object, jsonColumns: string[]) => Object.fromEntries(Object.entries(r).map(([k, v]) => [k, jsonColumns.includes(k) && typeof v === 'string' ? readJson<unknown>(v, v) : v]));
      return {
        people: h.people.map((p) => parsed(p, ['conversation_ref'])),
        conversations: h.personalConversations.map((c) => parsed(c, ['reference'])),
        requests: h.requests.map((r) => parsed(r, ['beneficiaries', 'principles'])),
        drafts: h.drafts.map((d) => parsed(d, ['values'])),
        triage: h.triage
          .map((t) => ({
            reference: t.reference,
            decisions: [readJson<Decision | null>(t.last_decision, null)].filter((d): d is Decision => !!d && h.theirs(d.by)).map(rowOf),
            questions: readList<Question>(t.questions).filter((q) => h.theirs(q.askedBy)).map(rowOf),
          }))
          .filter((t) => t.decisions.length + t.questions.length > 0),
        auditEntries: h.audit.map((a) => parsed(a, ['before', 'after'])),
        reminders: h.reminders.map(rowOf),
        roles,
        projectRecords: [
          ...h.milestones.map((m) => ({ kind: 'milestone moved', reference: m.reference, milestone: m.title, revisions: readList<MilestoneRevision>(m.revisions).filter((r) => h.theirs(r.by)) })),
          ...h.benefits.map((b) => ({ kind: 'benefit recorded', ...rowOf(b) })),
          ...h.figures.map((f) => ({ kind: 'measure figure recorded', ...rowOf(f) })),
          ...h.healthUpdates.map((u) => ({ kind: 'health status set', ...rowOf(u) })),
          ...h.risks.map(({ kind: entryKind, ...r }) => ({ kind: who.aadObjectIds.includes(readJson<PersonRef | null>(r.owner, null)?.aadObjectId ?? '') ? 'risk or issue owned' : 'risk or issue added or changed', entryKind, ...parsed(r, ['owner', 'last_change']) })),
          ...h.subscriptions.map((s) => ({ kind: 'digest subscription', ...parsed(s, ['reference', 'strands']) })),
          ...gateRecords(h.gates, [...who.teamsIds, ...who.aadObjectIds]),
        ],
        messages: h.outbox.map((o) => parsed(o, ['target', 'intent'])),
        meetings: [
          ...h.meetings.flatMap((m) => {
            const ids = [...who.teamsIds, ...who.aadObjectIds];
            const at = { meeting: m.date };
            const outcomes = m.agenda.flatMap((i) => {
              const o = m.outcomes[i.id];
              return o && [o, ...(o.earlier ?? [])].some((x) => h.theirs(x.by)) ? [{ kind: 'outcome recorded', ...at, item: i.title, outcome: outcomeWords(o) }] : [];
            });
            return [
              ...(m.attendees.some((p) => ids.includes(p.aadObjectId)) ? [{ kind: 'attended', ...at }] : []),
              ...(m.apologies.some((p) => ids.includes(p.aadObjectId)) ? [{ kind: 'sent apologies', ...at }] : []),
              ...(h.theirs(m.startedBy) ? [{ kind: 'started the meeting', ...at }] : []),
              ...(h.theirs(m.publishedBy) ? [{ kind: 'published the minutes', ...at, publishedAt: m.publishedAt }] : []),
              ...outcomes,
              ...(mentionsAny(m.notes, new Map(who.names.map((n) => [n, FORMER.colleague]))) ? [{ kind: 'named in the minutes notes', ...at, notes: m.notes }] : []),
            ];
          }),
          ...h.meetingActions.map((a) => ({ kind: who.aadObjectIds.includes(a.owner.aadObjectId) || who.teamsIds.includes(a.owner.aadObjectId) ? 'action owned' : 'action recorded', meeting: h.meetings.find((m) => m.id === a.meetingId)?.date ?? null, ...rowOf(a) })),
          ...h.agendaAdditions.map((r) => ({ kind: 'agenda item added', ...rowOf(r), meeting: h.meetings.find((m) => m.id === r.meeting_id)?.date ?? null })),
          ...(h.agendaPlan.lastChange && h.theirs(h.agendaPlan.lastChange.by) ? [{ kind: 'arranged the next agenda', ...h.agendaPlan.lastChange }] : []),
        ],
      };
    },

    erase(who, at) {
      return atomically(db, async (tx) => {
        const h = await holdings(tx, who);
        const names: Names = new Map(who.names.map((n) => [n, FORMER.colleague]));
        for (const id of [...who.teamsIds, ...who.aadObjectIds]) names.set(id, '');
        const counts: ErasureCounts = {};
        const add = (key: string, n: number) => {
          if (n) counts[key] = (counts[key] ?? 0) + n;
        };
        const ids = [...who.teamsIds, ...who.aadObjectIds];
            add('people', count([await tx.deleteFrom('people').where((eb) => eb.or([eb('id', 'in', who.teamsIds.concat(none)), eb('aad_object_id', 'in', who.aadObjectIds.concat(none))])).executeTakeFirst()]));
        for (const c of h.personalConversations) add('conversations', count([await tx.deleteFrom('conversations').where('id', '=', c.id).executeTakeFirst()]));
        add('requests', count([await tx.updateTable('requests').set({ requester_id: '', requester_name: FORMER.requester }).where('requester_id', 'in', who.teamsIds.concat(none)).executeTakeFirst()]));
        add('drafts', count([await tx.deleteFrom('drafts').where('person_id', 'in', who.teamsIds.concat(none)).executeTakeFirst()]));
        for (const t of h.triage) {
          const next = scrubTriage(t.last_decision, t.questions, names, h.theirs);
          if (next.last_decision === t.last_decision && next.questions === t.questions) continue;
          await tx.updateTable('triage').set(next).where('reference', '=', t.reference).execute();
          add('triage', 1);
        }
        for (const p of h.projects) {
          // A live project loses the owner (the reminders then ask for a new one); a completed one keeps the role.
          const keep = p.status === 'completed';
          const next = Object.fromEntries(
            OWNER_COLUMNS.filter((c) => who.aadObjectIds.includes(readJson<PersonRef | null>(p[c], null)?.aadObjectId ?? '')).map((c) => [c, keep ? writeJson(roleOnly(OWNER_ROLES[c])) : null]),
          );
          await tx.updateTable('projects').set(next).where('reference', '=', p.reference).execute();
          add('projects', 1);
        }
        if (h.settings) {
          const chair = readJson<PersonRef | null>(h.settings.chair, null);
          const leaders = readObject<Record<string, PersonRef>>(h.settings.leaders);
          const kept = Object.fromEntries(Object.entries(leaders).filter(([, ref]) => !who.aadObjectIds.includes(ref.aadObjectId)));
          const chairGoes = !!chair && who.aadObjectIds.includes(chair.aadObjectId);
          if (chairGoes || Object.keys(kept).length !== Object.keys(leaders).length) {
            await tx.updateTable('settings').set({ chair: chairGoes ? null : h.settings.chair, leaders: writeJson(kept) ?? '{}', version: toNumber(h.settings.version) + 1, updated_at: at }).where('id', '=', h.settings.id).execute();
            add('settings', 1);
          }
        }
        for (const m of h.milestones) {
          const revisions = readList<MilestoneRevision>(m.revisions).map((r) => (h.theirs(r.by) ? { ...r, by: FORMER.projectTeam } : r));
          await tx.updateTable('milestones').set({ revisions: writeJson(revisions) ?? '[]' }).where('id', '=', m.id).execute();
          add('milestones', 1);
        }
        add('benefits', count([await tx.updateTable('realised_benefits').set({ recorded_by: FORMER.projectTeam }).where('recorded_by', 'in', who.names.concat(none)).executeTakeFirst()]));
        add('measureFigures', count([await tx.updateTable('measure_figures').set({ recorded_by: FORMER.projectTeam }).where('recorded_by', 'in', who.names.concat(none)).executeTakeFirst()]));
        add('healthUpdates', count([await tx.updateTable('health_updates').set({ set_by: FORMER.projectTeam }).where('set_by', 'in', who.names.concat(none)).executeTakeFirst()]));
        add('risks', await risksWithoutPeople(tx, h.risks, (p) => who.aadObjectIds.includes(p.aadObjectId), h.theirs, names));
        add('auditEntries', await pseudonymiseActors(tx, (q) => q.where('actor_id', 'in', who.teamsIds.concat(none))));
        add('auditEntries', count([await tx.updateTable('audit_events').set({ subject_id: 'erased' }).where('subject_type', '=', 'person').where('subject_id', 'in', ids.concat(none)).executeTakeFirst()]));
        add('auditEntries', await scrubAuditText(tx, h.audit.map((a) => ({ ...a, id: toNumber(a.id) })), names));
        add('reminders', count([await tx.deleteFrom('reminder_state').where('recipient_id', 'in', ids.concat(none)).executeTakeFirst()]));
        // Messages to them go; sent messages that show their name go too (a pending one is still needed by someone).
        const gone = new Set([...h.outbox.map((o) => o.id), ...h.outboxNaming.filter((o) => o.status !== 'pending').map((o) => o.id)]);
        for (const part of chunks([...gone])) add('messages', count([await tx.deleteFrom('outbox').where('id', 'in', part).executeTakeFirst()]));
        for (const r of h.rosters) {
          const members = readList<Member>(r.members);
          const kept = members.filter((m) => !who.teamsIds.includes(m.id) && !who.aadObjectIds.includes(m.aadObjectId));
          if (kept.length === members.length) continue;
          await tx.updateTable('roster_cache').set({ members: writeJson(kept) ?? '[]' }).where('team_id', '=', r.team_id).execute();
          add('rosters', 1);
        }
        add('subscriptions', count([await tx.updateTable('digest_subscriptions').set({ subscribed_by: FORMER.dsgMember }).where('subscribed_by', 'in', who.names.concat(none)).executeTakeFirst()]));
        // Meetings: each record they are in, the actions they own or recorded, the items they added; their names in the notes go.
        const whom: MeetingPeople = { person: (p) => ids.includes(p.aadObjectId), name: h.theirs, names };
        for (const m of h.meetings) {
          const done = await meetingWithoutPeople(tx, m, h.meetingActions.filter((a) => a.meetingId === m.id), whom);
          add('meetings', done.meetings);
          add('meetingActions', done.meetingActions);
        }
        add('agendaAdditions', await additionsWithoutPeople(tx, h.agendaAdditions, whom));
        const gates = await gatesWithoutPeople(tx, h.gates, (p) => ids.includes(p.aadObjectId), names);
        add('gates', gates.gates);
        add('gateConditions', gates.gateConditions);
        // The next agenda's last arrangement names who made it (until the meeting starts).
        const last = h.agendaPlan.lastChange;
        if (last && (h.theirs(last.by) || mentionsAny(last.what, names))) {
          await meetingRepository(tx).saveAgendaPlan({ ...h.agendaPlan, lastChange: { ...last, by: h.theirs(last.by) ? FORMER.dsgMember : last.by, what: withoutNames(last.what, names) } }, h.agendaPlan.version);
          add('agendaPlan', 1);
        }
        return counts;
      });
    },
  };
}
