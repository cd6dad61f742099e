import { ukDate } from '../domain/dates';
import {
  CONDITION_MAX,
  CONDITION_ROWS,
  conditionFields,
  conditionLine,
  criterionTitle,
  decisionWords,
  EVIDENCE_MAX,
  evidenceField,
  GATE_OUTCOME_LABELS,
  GATE_OUTCOMES,
  gateCriteria,
  type GateFormView,
  type GateRequest,
  gateTitle,
  type GateView,
  NOTE_MAX,
  type ProjectGates,
  stageLabel,
} from '../domain/stages';
import { isIsoDate } from '../domain/request-form';
import { fitToSize } from './fit';
import { clip, isHttpsUrl, linkTitle, nonBlank } from './format';
import { peopleChoices } from './people';
import { withRefresh } from './refresh';
import type { AdaptiveCardJson } from './render';
import type { ProjectData } from './types';

/** Text kept from what was typed: at most the input's length (longer cannot have come from the card). */
const kept = (v: string | undefined, max: number): string => Array.from(v ?? '').slice(0, max).join('');

/** The lead's gate request form: a link per criterion that applies (required ones marked), and a note. */
export function gateRequestCard(view: GateFormView): AdaptiveCardJson {
  const values = view.form?.values ?? {};
  const errors = view.form?.errors ?? {};
  const problems = Object.keys(errors).length;
  const notice = nonBlank(view.notice) ?? (problems ? `Not sent. Fix ${problems === 1 ? 'the problem' : `the ${problems} problems`} marked below.` : undefined);
  return fitToSize('gate-request', [0], () => ({
    reference: view.reference,
    title: clip(view.title, 200),
    gateTitle: gateTitle(view.standard, view.gate),
    from: view.stage.stage,
    ...(notice && { notice }),
    noticeIsProblem: problems > 0,
    criteria: gateCriteria(view.standard, view.gate).map((c) => {
      const field = evidenceField(c.id);
      const error = nonBlank(errors[field]);
      return { field, label: `${criterionTitle(c)} (${c.required ? 'required' : 'optional'})`, required: c.required, value: kept(values[field], EVIDENCE_MAX), ...(error && { error }) };
    }),
    note: kept(values.gateNote, NOTE_MAX),
    errors: nonBlank(errors.gateNote) ? { gateNote: errors.gateNote } : {},
  }));
}

/** Each criterion that applies, with its evidence link (to open it, unless longer than `urlMax`) or that none was given. */
function evidenceLines(view: GateView, chars: number, urlMax: number) {
  const gate = view.gate;
  const def = view.standard.gates.find((g) => g.from === gate.from && g.to === gate.to);
  const ids = def ? gateCriteria(view.standard, def).map((c) => c.id) : Object.keys(gate.evidence);
  return ids.map((id) => {
    const c = view.standard.criteria.find((x) => x.id === id);
    const link = gate.evidence[id];
    const criterion = clip(c ? criterionTitle(c) : id, chars);
    if (!link) return { criterion, missing: 'No evidence given (optional at this gate)' };
    return { criterion, link: clip(linkTitle(link), chars), ...(isHttpsUrl(link) && link.length <= urlMax && { url: link }) };
  });
}

/** Less and less detail until the card fits: fewer people to choose as owners first, then shorter links and notes. */
const GATE_LEVELS = [
  { people: 40, text: 250, url: 2000 },
  { people: 20, text: 250, url: 2000 },
  { people: 10, text: 150, url: 1000 },
  { people: 5, text: 100, url: 500 },
  { people: 3, text: 60, url: 300 },
] as const;

/** How the gate card is drawn for whoever sees it. */
export interface GateCardOptions {
  /** Drawn for someone who may not decide: the card without its decision form, saying who decides. */
  readOnly?: boolean;
  /** Drawn for the DSG member who asked for the gate: without the form, saying another member decides it. */
  askedForIt?: boolean;
  /** Those whose Teams shows them their own view of this card (`gate.refresh`); absent, everyone sees this one. */
  refreshFor?: readonly string[] | null;
}

export const GATE_READ_ONLY_NOTE = 'Members of the Digital Strategy Group decide gates: they see the decision form on this card.';
export const GATE_ASKER_NOTE = 'You asked for this gate, so another member of the Digital Strategy Group decides it.';

/** A gate request's card: the evidence, and the decision form while it waits (the decision once taken). */
export function gateCard(view: GateView, options: GateCardOptions = {}): AdaptiveCardJson {
  const { gate, standard: s } = view;
  const values = view.form?.values ?? {};
  const errors = view.form?.errors ?? {};
  const problems = Object.keys(errors).length;
  const notice = nonBlank(view.notice) ?? (problems ? `Not recorded. Fix ${problems === 1 ? 'the problem' : `the ${problems} problems`} marked below.` : undefined);
  const chosen = Array.from({ length: CONDITION_ROWS }, (_, i) => values[conditionFields(i + 1).owner]).filter(Boolean).map((v) => ({ title: v, value: v }));
  const waits = !gate.decision;
  const viewNote = waits ? (options.askedForIt ? GATE_ASKER_NOTE : options.readOnly ? GATE_READ_ONLY_NOTE : undefined) : undefined;
  const card = fitToSize('gate', GATE_LEVELS, ({ people: max, text, url }) => ({
    reference: gate.reference,
    title: clip(view.title, 200),
    gateTitle: gateTitle(s, gate),
    requested: `Asked for by ${gate.requestedBy.name} on ${ukDate(gate.requestedAt)}`,
    ...(gate.note && { requestNote: clip(gate.note, text * 4) }),
    ...(notice && { notice }),
    noticeIsProblem: problems > 0,
    evidence: evidenceLines(view, text, url),
    ...(gate.decision && {
      decision: {
        words: decisionWords(gate.decision),
        ...(gate.decision.note && { note: clip(gate.decision.note, text * 4) }),
        conditions: gate.conditions.map((c) => ({ line: clip(conditionLine(c, view.today), 400) })),
      },
    }),
    ...(viewNote && { viewNote }),
    canDecide: waits && !viewNote,
    outcomes: GATE_OUTCOMES.map((o) => ({ title: GATE_OUTCOME_LABELS[o], value: o })),
    // The lead who asked is always offered (a list with no one in it is not a valid card).
    people: peopleChoices([...view.people, gate.requestedBy], chosen, max).choices,
    rows: Array.from({ length: CONDITION_ROWS }, (_, i) => {
      const f = conditionFields(i + 1);
      const input = (id: string, max: number, date = false) => {
        const value = kept(values[id], max);
        return { id, value: date && !isIsoDate(value) ? '' : value, ...(nonBlank(errors[id]) && { error: errors[id] }) };
      };
      return { label: `Condition ${i + 1}`, what: input(f.what, CONDITION_MAX), owner: input(f.owner, 100), due: input(f.due, 10, true) };
    }),
    values: { outcome: (GATE_OUTCOMES as readonly string[]).includes(values.outcome ?? '') ? (values.outcome as string) : '', decisionNote: kept(values.decisionNote, NOTE_MAX) },
    errors: { ...(nonBlank(errors.outcome) && { outcome: errors.outcome }), ...(nonBlank(errors.decisionNote) && { decisionNote: errors.decisionNote }) },
    gateId: gate.id,
    version: gate.version,
    meetingId: view.meeting?.meetingId ?? '',
    itemId: view.meeting?.itemId ?? '',
    today: view.today,
  }));
  return waits && options.refreshFor ? withRefresh(card, 'gate.refresh', { gateId: gate.id }, options.refreshFor) : card;
}

/** A gate's line in a project's history: "Alpha → Beta: Pass with conditions (DSG Member, 4 Dec 2026)". */
const historyLine = (g: GateRequest, gates: ProjectGates): string =>
  `${gateTitle(gates.standard, g)}: ${g.decision ? decisionWords(g.decision) : `asked for on ${ukDate(g.requestedAt)}, waiting for the DSG`}`;

/** What the project card shows of the stage and gates. */
export function projectStageData(gates: ProjectGates, today: string, max: number): Pick<ProjectData, 'stageLabel' | 'gates' | 'requestGate'> {
  const { stage, standard } = gates;
  return {
    stageLabel: `${stageLabel(standard, stage.stage)}${stage.since ? `, since ${ukDate(stage.since)}` : ''}`,
    gates: gates.history.slice(0, max).map((g) => ({ line: historyLine(g, gates), conditions: g.conditions.map((c) => ({ line: clip(conditionLine(c, today), 200) })) })),
    ...(gates.canRequest && gates.next && { requestGate: `Request gate: ${gateTitle(standard, gates.next)}` }),
  };
}
