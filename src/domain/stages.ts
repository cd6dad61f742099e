import { daysBetween } from './calendar';
import { ukDate } from './dates';
import { DomainError } from './errors';
import type { ReminderItem } from './reminders';
import type { PersonRef } from './settings';

/**
 * Stages and gates, after the Digital Scotland Service Standard: a project moves through discovery, alpha, beta and
 * live to closed, and each move is a gate. The project's lead requests it with a link to the evidence for each of the
 * Standard's criteria that apply; the DSG decides: pass (the project moves on), pass with conditions (each with an
 * owner and a due date, chased like meeting actions), or not yet. The stages, the criteria and which apply (and are
 * required) at each gate are configuration (SERVICE_STANDARD_FILE); these are the defaults.
 */

export interface StageDef {
  id: string;
  label: string;
}

export interface Criterion {
  id: string;
  /** The Standard's number for it. */
  number: number;
  name: string;
}

/** A gate: from one stage to the next, with the criteria that apply (required ones must have evidence). */
export interface GateDef {
  from: string;
  to: string;
  required: string[];
  optional: string[];
}

export interface ServiceStandard {
  /** In order: each gate moves a project from one to the next. */
  stages: StageDef[];
  criteria: Criterion[];
  gates: GateDef[];
}

const criterion = (number: number, id: string, name: string): Criterion => ({ id, number, name });

/**
 * The Digital Scotland Service Standard's 14 criteria, as the Technology Assurance Framework's edition numbers them
 * (servicemanual.gov.scot, "What the Digital Scotland Service Standard is"); a council edits them in configuration.
 */
const DSSS_CRITERIA: Criterion[] = [
  criterion(1, 'users', 'Understand users and their needs'),
  criterion(2, 'whole-problem', 'Solve a whole problem for users'),
  criterion(3, 'joined-up', 'Design and deliver a joined-up experience'),
  criterion(4, 'first-time', 'Help users succeed first time'),
  criterion(5, 'everyone', 'Make sure everyone can use the service'),
  criterion(6, 'team', 'Have a multidisciplinary team'),
  criterion(7, 'iterate', 'Iterate and improve frequently'),
  criterion(8, 'secure', "Create a secure service which protects users' privacy"),
  criterion(9, 'success', 'Define what success looks like and publish performance data'),
  criterion(10, 'technology', 'Choose the right tools and technology'),
  criterion(11, 'open-code', 'Make new source code open'),
  criterion(12, 'shared', 'Use and contribute to shared digital practices, processes, components, standards, patterns and platforms'),
  criterion(13, 'reliable', 'Operate a reliable service'),
  criterion(14, 'sponsor', 'Ensure sponsor acceptance'),
];

export const DEFAULT_SERVICE_STANDARD: ServiceStandard = {
  stages: [
    { id: 'discovery', label: 'Discovery' },
    { id: 'alpha', label: 'Alpha' },
    { id: 'beta', label: 'Beta' },
    { id: 'live', label: 'Live' },
    { id: 'closed', label: 'Closed' },
  ],
  criteria: DSSS_CRITERIA,
  gates: [
    { from: 'discovery', to: 'alpha', required: ['users', 'whole-problem', 'team'], optional: ['joined-up', 'secure', 'success', 'shared', 'sponsor'] },
    { from: 'alpha', to: 'beta', required: ['users', 'whole-problem', 'joined-up', 'first-time', 'everyone', 'team', 'secure'], optional: ['iterate', 'success', 'technology', 'open-code', 'shared', 'reliable', 'sponsor'] },
    { from: 'beta', to: 'live', required: DSSS_CRITERIA.map((c) => c.id), optional: [] },
    { from: 'live', to: 'closed', required: ['users', 'secure'], optional: ['success'] },
  ],
};

/**
 * What is wrong with a Service Standard read from configuration, in words (empty when nothing is): stages and
 * criteria named once, each gate from a stage to the next one, naming only known criteria, each at most once.
 */
export function serviceStandardProblems(s: ServiceStandard): string[] {
  const problems: string[] = [];
  const stageIds = s.stages.map((x) => x.id);
  const criterionIds = new Set(s.criteria.map((c) => c.id));
  if (s.stages.length < 2) problems.push('needs at least two stages');
  if (new Set(stageIds).size !== stageIds.length) problems.push('names a stage twice');
  if (criterionIds.size !== s.criteria.length) problems.push('names a criterion twice');
  for (const g of s.gates) {
    const at = stageIds.indexOf(g.from);
    if (at < 0 || stageIds[at + 1] !== g.to) problems.push(`has a gate from ${g.from} to ${g.to}, but a gate goes from a stage to the next one`);
    const named = [...g.required, ...g.optional];
    for (const id of named.filter((id) => !criterionIds.has(id))) problems.push(`the ${g.from} to ${g.to} gate names the criterion ${id}, which is not in the criteria`);
    if (new Set(named).size !== named.length) problems.push(`the ${g.from} to ${g.to} gate names a criterion twice`);
  }
  if (new Set(s.gates.map((g) => g.from)).size !== s.gates.length) problems.push('has two gates from the same stage');
  return problems;
}

export const stageLabel = (s: ServiceStandard, id: string): string => s.stages.find((x) => x.id === id)?.label ?? id;
export const firstStage = (s: ServiceStandard): string => s.stages[0].id;
/** The gate out of a stage, or null at the last one (or one with no gate configured). */
export const gateFrom = (s: ServiceStandard, stage: string): GateDef | null => s.gates.find((g) => g.from === stage) ?? null;
/** "Alpha → Beta". */
export const gateTitle = (s: ServiceStandard, g: Pick<GateDef, 'from' | 'to'>): string => `${stageLabel(s, g.from)} → ${stageLabel(s, g.to)}`;
/** "2. Solve a whole problem for users". */
export const criterionTitle = (c: Criterion): string => `${c.number}. ${c.name}`;

/** The criteria that apply at a gate, in the Standard's order, each marked required or not. */
export function gateCriteria(s: ServiceStandard, gate: GateDef): (Criterion & { required: boolean })[] {
  return s.criteria.filter((c) => gate.required.includes(c.id) || gate.optional.includes(c.id)).map((c) => ({ ...c, required: gate.required.includes(c.id) }));
}

/** A project's stage: where it is and since when (a project with none recorded is at the first stage). */
export interface ProjectStage {
  reference: string;
  stage: string;
  /** `yyyy-mm-dd`: when it reached it (null: never moved, recorded at the first stage). */
  since: string | null;
}

export const GATE_OUTCOMES = ['pass', 'pass-with-conditions', 'not-yet'] as const;
export type GateOutcome = (typeof GATE_OUTCOMES)[number];
export const GATE_OUTCOME_LABELS: Record<GateOutcome, string> = { pass: 'Pass', 'pass-with-conditions': 'Pass with conditions', 'not-yet': 'Not yet' };

/** A condition of a pass: what is to be done, by whom (anyone in the tenant) and when; chased until it is done. */
export interface GateCondition {
  id: string;
  gateId: string;
  reference: string;
  what: string;
  owner: PersonRef;
  /** `yyyy-mm-dd`. */
  due: string;
  doneAt: string | null;
  doneBy: string | null;
}

export interface GateDecision {
  outcome: GateOutcome;
  note: string | null;
  by: PersonRef;
  at: string;
  /** The DSG meeting it was taken at, if any. */
  meetingId: string | null;
}

export interface GateRequest {
  id: string;
  reference: string;
  from: string;
  to: string;
  /** A link per criterion (criterion id → https URL); criteria with none are left out. */
  evidence: Record<string, string>;
  note: string | null;
  requestedBy: PersonRef;
  requestedAt: string;
  decision: GateDecision | null;
  conditions: GateCondition[];
  version: number;
  /** Where its card was posted in the DSG channel, once it was (a decision updates it there). */
  post?: { conversationId: string; activityId: string } | null;
}

export const isPending = (g: Pick<GateRequest, 'decision'>): boolean => g.decision === null;

export const EVIDENCE_MAX = 2000;
export const NOTE_MAX = 2000;
export const CONDITION_MAX = 500;
/** Condition rows on the decision form. */
export const CONDITION_ROWS = 3;

/** The evidence input of a criterion on the request form. */
export const evidenceField = (criterionId: string): string => `evidence_${criterionId}`;

const HTTPS = /^https:\/\/[^\s/]+[^\s]*$/i;

export interface GateRequestInput {
  /** The stage the form was drawn for: a project that moved since is told so. */
  from: string;
  /** Typed links by criterion id (blank ones are none). */
  evidence: Record<string, string>;
  note: string | null;
}

/**
 * A new gate request out of the project's stage. Refused when there is no gate out of it, when one is already
 * waiting, or when the card was drawn for another stage (saying what changed); the links are checked (https, not
 * too long) and a required criterion without evidence is named. Problems are INVALID_FIELD with one per input.
 */
export function requestGate(
  s: ServiceStandard,
  current: ProjectStage,
  history: readonly GateRequest[],
  input: GateRequestInput,
  by: PersonRef,
  id: string,
  now: string,
): GateRequest {
  const ref = current.reference;
  if (input.from !== current.stage) {
    throw new DomainError('STALE_CARD', `${ref} moved to ${stageLabel(s, current.stage)}${current.since ? ` on ${ukDate(current.since)}` : ''} since this form was drawn, so that gate request was not sent.`, { reference: ref });
  }
  const gate = gateFrom(s, current.stage);
  if (!gate) throw new DomainError('ILLEGAL_TRANSITION', `${ref} is at ${stageLabel(s, current.stage)}: there is no gate after it.`, { reference: ref });
  const waiting = history.find(isPending);
  if (waiting) {
    throw new DomainError('ILLEGAL_TRANSITION', `The ${gateTitle(s, waiting)} gate of ${ref} has waited for the DSG since ${ukDate(waiting.requestedAt)}: it decides that one first.`, { reference: ref });
  }
  const errors: Record<string, string> = {};
  const evidence: Record<string, string> = {};
  const missing: string[] = [];
  for (const c of gateCriteria(s, gate)) {
    const link = (input.evidence[c.id] ?? '').trim();
    if (!link) {
      if (c.required) {
        missing.push(criterionTitle(c));
        errors[evidenceField(c.id)] = `Evidence for "${criterionTitle(c)}" is required at the ${gateTitle(s, gate)} gate: give a link to it.`;
      }
    } else if (link.length > EVIDENCE_MAX) errors[evidenceField(c.id)] = `The link for "${criterionTitle(c)}" is longer than ${EVIDENCE_MAX.toLocaleString('en-GB')} characters.`;
    else if (!HTTPS.test(link)) errors[evidenceField(c.id)] = `Enter the evidence for "${criterionTitle(c)}" as a full https:// address.`;
    else evidence[c.id] = link;
  }
  const note = input.note?.trim() || null;
  if (note && note.length > NOTE_MAX) errors.gateNote = `Keep the note to ${NOTE_MAX.toLocaleString('en-GB')} characters or fewer.`;
  if (Object.keys(errors).length) {
    const message = missing.length
      ? `The gate request was not sent: evidence is required for ${missing.map((m) => `"${m}"`).join(', ')}.`
      : 'The gate request was not sent: some links need fixing.';
    throw new DomainError('INVALID_FIELD', message, { errors, missing });
  }
  return { id, reference: ref, from: gate.from, to: gate.to, evidence, note, requestedBy: by, requestedAt: now, decision: null, conditions: [], version: 1 };
}

export interface ConditionInput {
  what: string;
  /** The owner, once the caller found them (null: the id given was nobody the bot knows). */
  owner: PersonRef | null;
  /** `yyyy-mm-dd`, or '' when not given. */
  due: string;
}

export interface GateDecisionInput {
  outcome: GateOutcome;
  note: string | null;
  /** Condition rows as typed (row 1 first); blank rows are left out. */
  conditions: (ConditionInput | null)[];
  /** The request's version on the card: an older one is refused, saying what changed. */
  version: number;
  meetingId: string | null;
}

/** Condition row n's inputs on the decision form (from 1). */
export const conditionFields = (n: number) => ({ what: `c${n}What`, owner: `c${n}Owner`, due: `c${n}Due` }) as const;

/**
 * The DSG's decision on a waiting gate request. Not yet needs a note saying what is missing; pass with conditions
 * needs at least one condition, each with what, an owner and a due date not in the past; a plain pass takes none.
 * A request already decided, or a card older than the request, is refused saying what happened.
 */
export function decideGate(
  s: ServiceStandard,
  gate: GateRequest,
  input: GateDecisionInput,
  by: PersonRef,
  now: string,
  today: string,
  newId: () => string,
): { gate: GateRequest; stage: ProjectStage | null } {
  if (gate.decision) {
    const d = gate.decision;
    throw new DomainError('STALE_CARD', `The ${gateTitle(s, gate)} gate of ${gate.reference} was already decided: ${GATE_OUTCOME_LABELS[d.outcome]}, by ${d.by.name} on ${ukDate(d.at)}.`, { gateId: gate.id });
  }
  if (input.version !== gate.version) throw new DomainError('STALE_CARD', `The ${gateTitle(s, gate)} gate request of ${gate.reference} changed since this card was sent.`, { gateId: gate.id });
  const errors: Record<string, string> = {};
  const note = input.note?.trim() || null;
  if (input.outcome === 'not-yet' && !note) errors.decisionNote = 'Say what the project needs to show before it can pass: the lead is told.';
  if (note && note.length > NOTE_MAX) errors.decisionNote = `Keep the note to ${NOTE_MAX.toLocaleString('en-GB')} characters or fewer.`;
  const conditions: GateCondition[] = [];
  input.conditions.forEach((row, i) => {
    if (!row || (!row.what.trim() && !row.owner && !row.due)) return;
    const f = conditionFields(i + 1);
    if (input.outcome !== 'pass-with-conditions') {
      errors[f.what] = `Conditions go with "${GATE_OUTCOME_LABELS['pass-with-conditions']}": choose it, or clear this condition.`;
      return;
    }
    const what = row.what.trim();
    if (!what) errors[f.what] = 'Say what is to be done.';
    else if (what.length > CONDITION_MAX) errors[f.what] = `Keep the condition to ${CONDITION_MAX} characters or fewer.`;
    if (!row.owner) errors[f.owner] = 'Choose who owns this condition (anyone in the council).';
    if (!/^\d{4}-\d{2}-\d{2}$/.test(row.due)) errors[f.due] = 'Choose the date it is due, like 2027-01-14.';
    else if (row.due < today) errors[f.due] = `The due date is in the past: choose ${ukDate(today)} or later.`;
    if (what && row.owner && row.due >= today) conditions.push({ id: newId(), gateId: gate.id, reference: gate.reference, what, owner: row.owner, due: row.due, doneAt: null, doneBy: null });
  });
  if (input.outcome === 'pass-with-conditions' && conditions.length === 0 && !Object.keys(errors).some((k) => /^c\d/.test(k))) {
    errors[conditionFields(1).what] = 'Give at least one condition (what, who and by when), or choose Pass.';
  }
  if (Object.keys(errors).length) throw new DomainError('INVALID_FIELD', 'The decision was not recorded: some answers need fixing.', { errors });
  const decided: GateRequest = { ...gate, decision: { outcome: input.outcome, note, by, at: now, meetingId: input.meetingId }, conditions, version: gate.version + 1 };
  const passed = input.outcome !== 'not-yet';
  return { gate: decided, stage: passed ? { reference: gate.reference, stage: gate.to, since: today } : null };
}

/** A condition marked done; a second time says when it was. */
export function completeCondition(c: GateCondition, by: string, now: string): GateCondition {
  if (c.doneAt) throw new DomainError('STALE_CARD', `"${c.what}" was already marked done on ${ukDate(c.doneAt)} by ${c.doneBy}.`, { conditionId: c.id });
  return { ...c, doneAt: now, doneBy: by };
}

/** "Pass with conditions (DSG member, 4 Dec 2026)". */
export function decisionWords(d: GateDecision): string {
  return `${GATE_OUTCOME_LABELS[d.outcome]} (${d.by.name}, ${ukDate(d.at)})`;
}

/** A gate's history line without people, for open data and the Programme tab's public parts: "Alpha → Beta: Pass with conditions, 4 Dec 2026". */
export function gateOutcomeLine(s: ServiceStandard, g: GateRequest): string {
  return `${gateTitle(s, g)}: ${g.decision ? `${GATE_OUTCOME_LABELS[g.decision.outcome]}, ${ukDate(g.decision.at)}` : `requested ${ukDate(g.requestedAt)}, waiting for the DSG`}`;
}

export const conditionLine = (c: GateCondition, today: string): string =>
  `${c.what}: ${c.owner.name}, ${c.doneAt ? `done ${ukDate(c.doneAt)}` : `${c.due < today ? 'was due' : 'due'} ${ukDate(c.due)}`}`;

// ---------------------------------------------------------------------------------------------
// What the reminder engine chases: conditions, like meeting actions

const CONDITION_KEY = ':condition:';
export const conditionKey = (c: Pick<GateCondition, 'reference' | 'id'>): string => `${c.reference}${CONDITION_KEY}${c.id}`;
export const conditionIdOf = (key: string): string | null => {
  const at = key.indexOf(CONDITION_KEY);
  return at > 0 ? key.slice(at + CONDITION_KEY.length) : null;
};

const CONDITION_WHY = 'The DSG passed the gate on this condition: it is chased until it is done, and overdue ones go to the Digital Leader.';

/**
 * Each open condition for its owner, with the meeting action reminder's kinds (open, due soon within `dueSoonDays`,
 * overdue; the fingerprint changes with each), grouped under the project and answered with Done.
 */
export function conditionReminders(conditions: readonly GateCondition[], titles: ReadonlyMap<string, string>, today: string, dueSoonDays: number): ReminderItem[] {
  return conditions
    .filter((c) => c.doneAt === null && c.owner.aadObjectId !== '')
    .map((c) => {
      const kind = c.due < today ? 'action-overdue' : daysBetween(today, c.due) <= dueSoonDays ? 'action-due-soon' : 'action';
      return {
        key: conditionKey(c),
        reference: c.reference,
        projectTitle: titles.get(c.reference) ?? c.reference,
        kind,
        milestoneId: null,
        recipient: c.owner,
        fingerprint: `${kind}|${c.due}`,
        what: `Gate condition: ${c.what} (${c.due < today ? 'was due' : 'due'} ${ukDate(c.due)})`,
        why: CONDITION_WHY,
      };
    });
}

// ---------------------------------------------------------------------------------------------
// What the cards show (results of the use cases, drawn by the presenters)

/** A project's stage and gates, for its card and the tab. */
export interface ProjectGates {
  standard: ServiceStandard;
  stage: ProjectStage;
  /** Newest first. */
  history: GateRequest[];
  /** The gate out of the stage, if any. */
  next: GateDef | null;
  /** The project's lead, with no request waiting and a gate to ask for. */
  canRequest: boolean;
}

/** The lead's gate request form: the criteria that apply, and what was typed when it is sent back. */
export interface GateFormView {
  reference: string;
  title: string;
  standard: ServiceStandard;
  stage: ProjectStage;
  gate: GateDef;
  form?: { values: Record<string, string>; errors: Record<string, string> };
  notice?: string;
}

/** A gate request's card (in the DSG channel, or opened from a meeting's agenda item). */
export interface GateView {
  gate: GateRequest;
  standard: ServiceStandard;
  title: string;
  /** Who may be chosen to own a condition (the DSG's members and the project's people; anyone else by search). */
  people: PersonRef[];
  /** `yyyy-mm-dd`, London. */
  today: string;
  /** Opened from this agenda item of a running meeting: the decision is recorded against it. */
  meeting: { meetingId: string; itemId: string } | null;
  form?: { values: Record<string, string>; errors: Record<string, string> };
  notice?: string;
  /** The Teams ids of those who may decide it (dsgDeciders), when known: whose Teams may show them the decision form. */
  deciders?: string[];
}

// ---------------------------------------------------------------------------------------------
// Open data: the stage and the gates' outcomes, without people or notes

export interface OpenGate {
  /** "Alpha → Beta". */
  gate: string;
  requestedOn: string;
  /** Pass, Pass with conditions, Not yet; null while the DSG has not decided. */
  outcome: string | null;
  decidedOn: string | null;
  conditions: number;
  conditionsDone: number;
}

export interface OpenStage {
  /** Discovery, Alpha, Beta, Live or Closed (the configured label). */
  stage: string;
  stageSince: string | null;
  /** Oldest first. */
  gates: OpenGate[];
}

/** A project's stage and gate outcomes as published: each field picked by name, no one who asked or decided, no note. */
export function openStage(s: ServiceStandard, reference: string, stage: ProjectStage | null, history: readonly GateRequest[]): OpenStage {
  return {
    stage: stageLabel(s, stage?.stage ?? firstStage(s)),
    stageSince: stage?.since ?? null,
    gates: [...history]
      .sort((a, b) => a.requestedAt.localeCompare(b.requestedAt))
      .filter((g) => g.reference === reference)
      .map((g) => ({
        gate: gateTitle(s, g),
        requestedOn: g.requestedAt.slice(0, 10),
        outcome: g.decision ? GATE_OUTCOME_LABELS[g.decision.outcome] : null,
        decidedOn: g.decision ? g.decision.at.slice(0, 10) : null,
        conditions: g.conditions.length,
        conditionsDone: g.conditions.filter((c) => c.doneAt !== null).length,
      })),
  };
}
