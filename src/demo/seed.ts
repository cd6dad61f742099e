/**
 * Writes the demo Digital Programme into a Store through its repositories, in one transaction:
 * references from `nextReference` (so later submissions never collide), requests with their search
 * terms, triage, projects, milestones, realised benefits, the audit trail, the role-named people and
 * the DSG settings. Refuses a database already in use unless forced.
 */
import { randomUUID } from 'node:crypto';
import type { AuditEvent } from '../domain/audit';
import type { Clock, Store } from '../app/ports';
import { STRAND_IDS } from '../domain/catalogue';
import { REQUEST_STATUSES } from '../domain/request';
import type { PlannedMeeting } from '../domain/meeting-plans';
import type { DsgSettings } from '../domain/settings';
import { termsOf } from '../domain/similarity';
import { demoHealth } from './health';
import { demoMeetings } from './meetings';
import { demoGates } from './gates';
import { demoSolutions } from './solutions';
import { demoRisks } from './risks';
import { type DemoProgramme, type DemoSummary, demoProgramme, summarise } from './programme';

export interface SeedOptions {
  /** Add the demo on top of a database that already holds requests or has a DSG channel. */
  force?: boolean;
  /** Ids of requests and milestones; default random UUIDs. */
  newId?: () => string;
}

export interface SeedResult extends DemoSummary {
  /** First and last reference given to the demo requests. */
  firstReference: string;
  lastReference: string;
  /** People added (those already known, e.g. who talked to the bot, are left as they are). */
  peopleAdded: number;
  /** What the DSG settings became: the demo's, filled in where empty, or left as they were. */
  settings: 'saved' | 'filled-in' | 'kept';
  meetings: PlannedMeeting[];
  /** True when the DSG channel is set up (waiting requests are posted there by `setup dsg` only). */
  channelSetUp: boolean;
  /** Re-use catalogue entries added (one already there by name is left as it is). */
  solutionsAdded: number;
  /** Gate requests recorded, those waiting for the DSG, and conditions overdue. */
  gates: { requests: number; waiting: number; overdueConditions: number };
}

/** Thrown when the database is already in use and `force` was not given. */
export class SeedRefused extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'SeedRefused';
  }
}

const FORCE_HINT = 'To add the demo programme on top anyway (new references, nothing existing is changed), run: npm run seed-demo -- --force';

export async function seedDemo(store: Store, clock: Clock, options: SeedOptions = {}): Promise<SeedResult> {
  const now = clock.now().toISOString();
  const today = now.slice(0, 10);
  const plan = demoProgramme(today);

  return store.transaction(async (tx) => {
    const existing = await tx.requests.listByStatus(REQUEST_STATUSES, 0, 1);
    const before = await tx.settings.get();
    if (!options.force && (existing.total > 0 || before.channel)) {
      const what = [
        existing.total > 0 && `${existing.total} request${existing.total === 1 ? '' : 's'}`,
        before.channel && `a DSG channel (${before.channel.name ?? before.channel.conversationId})`,
      ]
        .filter(Boolean)
        .join(' and ');
      throw new SeedRefused(`Not seeding: this database already holds ${what}. seed-demo only fills an empty database, so demo data never mixes with real data unasked.\n${FORCE_HINT}`);
    }

    // References in creation order, from the same counter real submissions use.
    const references = new Map<string, string>();
    for (const record of plan.records) {
      references.set(record.key, await tx.requests.nextReference(Number(record.request.createdAt.slice(0, 4))));
    }
    const programme: DemoProgramme = demoProgramme(today, { reference: (key) => references.get(key) as string, newId: options.newId ?? randomUUID });

    let peopleAdded = 0;
    for (const person of programme.people) {
      if (await tx.people.get(person.id)) continue;
      await tx.people.upsert({ ...person, updatedAt: now });
      peopleAdded++;
    }

    const events: AuditEvent[] = [];
    for (const { request, triage, project, events: trail } of programme.records) {
      await tx.requests.insert(request, termsOf(request.title, request.problem));
      if (project) {
        await tx.projects.insert({ ...project, milestones: [], realisedBenefits: [] });
        for (const milestone of project.milestones) await tx.projects.saveMilestone(project.reference, milestone);
        for (const benefit of project.realisedBenefits) await tx.projects.addRealisedBenefit(project.reference, benefit);
      }
      if (triage) await tx.triage.save(triage);
      events.push(...trail);
    }
    // Health (RAG) histories of the projects in delivery: some red, some stale.
    for (const { reference, updates, events: trail } of demoHealth(programme, now)) {
      for (const update of updates) await tx.projects.recordHealth(reference, update);
      events.push(...trail);
    }

    // Thirty risks and issues over the projects being delivered: some score 15 or more, some are past review.
    for (const risk of demoRisks(programme, now, options.newId ?? randomUUID)) await tx.risks.insert(risk);

    // A meeting held six weeks ago with its minutes and two open actions; the next meeting's agenda is drafted
    // from the programme when it is asked for, with an item a Digital Leader added.
    const meetings = demoMeetings(programme, today, options.newId ?? randomUUID);
    if (!(await tx.meetings.byDate(meetings.past.date))) {
      await tx.meetings.insert(meetings.past);
      for (const action of meetings.actions) await tx.meetings.addAction(action);
      for (const addition of meetings.additions) await tx.meetings.addAddition(addition);
    }

    // Stages and gates: projects at every stage, the gates that took them there (some with conditions), one waiting.
    const gates = demoGates(programme, today, options.newId ?? randomUUID);
    for (const stage of gates.stages) await tx.gates.setStage(stage);
    for (const gate of gates.requests) {
      await tx.gates.insertRequest({ ...gate, decision: null, conditions: [], version: 1 });
      if (gate.decision) await tx.gates.updateRequest(gate, 1);
    }

    // The re-use catalogue: an entry already there by name is left as it is.
    let solutionsAdded = 0;
    for (const solution of demoSolutions(today, now, options.newId ?? randomUUID)) if (await tx.solutions.insert(solution)) solutionsAdded++;

    const { settings, outcome } = mergeSettings(before, programme, now);
    if (settings) {
      if (!(await tx.settings.save(settings, before.version))) throw new Error('The DSG settings changed while seeding; run seed-demo again.');
      events.push({
        at: now,
        actorId: null,
        actorName: 'seed-demo',
        action: 'settings.save',
        subjectType: 'settings',
        subjectId: 'dsg',
        outcome: 'done',
        before: { chair: before.chair?.name ?? null, minuteTaker: before.minuteTaker?.name ?? null, meetings: before.meetings },
        after: { chair: settings.chair?.name ?? null, minuteTaker: settings.minuteTaker?.name ?? null, meetings: settings.meetings },
        detail: 'Demo Digital Programme (npm run seed-demo)',
      });
    }
    for (const event of events.sort((a, b) => a.at.localeCompare(b.at))) await tx.audit.record(event);

    const refs = [...references.values()];
    return {
      ...summarise(programme),
      firstReference: refs[0],
      lastReference: refs[refs.length - 1],
      peopleAdded,
      settings: outcome,
      meetings: (settings ?? before).meetings,
      channelSetUp: before.channel !== null,
      solutionsAdded,
      gates: {
        requests: gates.requests.length,
        waiting: gates.requests.filter((g) => !g.decision).length,
        overdueConditions: gates.requests.flatMap((g) => g.conditions).filter((c) => !c.doneAt && c.due < today).length,
      },
    };
  });
}

/**
 * The demo's chair, Minute Taker, Digital Leaders and meetings where the stored settings have none (or only past
 * meetings); a chair, Minute Taker or leader someone chose, and the DSG channel, are never replaced.
 */
function mergeSettings(before: DsgSettings, programme: DemoProgramme, now: string): { settings: DsgSettings | null; outcome: SeedResult['settings'] } {
  const today = now.slice(0, 10);
  const leaders = { ...before.leaders };
  for (const strand of STRAND_IDS) leaders[strand] ??= programme.settings.leaders[strand];
  const upcoming = before.meetings.filter((m) => m.date >= today);
  const next: DsgSettings = {
    ...before,
    chair: before.chair ?? programme.settings.chair,
    minuteTaker: before.minuteTaker ?? programme.settings.minuteTaker,
    leaders,
    meetings: upcoming.length ? before.meetings : programme.settings.meetings,
    updatedAt: now,
  };
  const changed =
    next.chair !== before.chair || next.minuteTaker !== before.minuteTaker || STRAND_IDS.some((s) => next.leaders[s] !== before.leaders[s]) || next.meetings !== before.meetings;
  if (!changed) return { settings: null, outcome: 'kept' };
  return { settings: next, outcome: before.version === 0 ? 'saved' : 'filled-in' };
}
