import { addDays } from '../domain/calendar';
import { ukDate } from '../domain/dates';
import { HEALTH_ASPECTS, HEALTH_FIELDS, HEALTH_REASON_MAX, healthValues, RAG_LABELS, RAGS, ragField, reasonField } from '../domain/health';
import { BUSINESS_CASE_LABELS, BUSINESS_CASE_STATUSES, DPIA_LABELS, DPIA_STATUSES } from '../domain/project';
import { DEFAULT_THRESHOLDS, type ReminderCardItem, type ReminderKind, type ReminderView } from '../domain/reminders';
import { REFERENCE_PATTERN } from '../domain/request';
import { LIMITS, isIsoDate } from '../domain/request-form';
import { countOf } from '../domain/words';
import { countsDown, fitToSize } from './fit';
import { clip, londonDay } from './format';
import { type PersonChoice, peopleChoices, peopleNote } from './people';
import type { AdaptiveCardJson } from './render';
import { healthInputRows } from './health';
import { type Choice, INPUT_LIMITS, REMINDER_FORM_FIELDS, type ReminderActionData, type ReminderData, type ReminderFieldErrors, type ReminderFormField, type ReminderFormValues, type ReminderLine } from './types';

const nonBlank = (v: string | null | undefined): string | undefined => (v && v.trim() ? v.trim() : undefined);

/** Open items (with their actions) shown on one reminder card; the rest are counted ("and 4 more"). */
export const MAX_REMINDER_ITEMS_SHOWN = 8;
/** Done and snoozed items (one line each) shown on one reminder card; the rest are counted too. */
const MAX_SETTLED_ITEMS_SHOWN = 8;

export interface ReminderCardInput extends Omit<ReminderView, 'people'> {
  /** A line at the top, e.g. 'Business case saved.' */
  notice?: string;
  /** One message per input, keyed by its prefixed id (`i0_status`), shown under it. */
  errors?: Record<string, string>;
  /** What the person typed, keyed by prefixed input id (`i0_link`), kept when a sub-form is sent back. */
  values?: Record<string, string>;
  /** Who may be assigned as Project Lead or Project Manager. */
  people: readonly PersonChoice[];
}

/** `i0_status`: the id of an item's input on the reminder card. */
export const reminderInputId = (item: number, field: ReminderFormField): string => `i${item}_${field}`;

/**
 * The inputs an action on the reminder card sent for item `item`, without their prefix: `{ i2_newDue, i2_reason,
 * i0_status }` for item 2 gives `{ newDue, reason }`. Inputs of other items, and anything else, are left out.
 */
export function reminderInputsOf(item: number, data: Record<string, unknown>): ReminderFormValues {
  const out: ReminderFormValues = {};
  if (!Number.isInteger(item) || item < 0) return out;
  for (const field of REMINDER_FORM_FIELDS) {
    const v = data[reminderInputId(item, field)];
    if (typeof v === 'string') out[field] = v;
    else if (typeof v === 'number' || typeof v === 'boolean') out[field] = String(v);
  }
  return out;
}

/** The `maxLength` of each input: longer text cannot have come from the card. */
const FIELD_MAX: Record<ReminderFormField, number> = {
  projectLead: 100,
  projectManager: 100,
  status: 20,
  link: INPUT_LIMITS.link,
  planLink: INPUT_LIMITS.link,
  m1Title: INPUT_LIMITS.milestoneTitle,
  m1Due: 10,
  m2Title: INPUT_LIMITS.milestoneTitle,
  m2Due: 10,
  m3Title: INPUT_LIMITS.milestoneTitle,
  m3Due: 10,
  confirmed: 5,
  note: INPUT_LIMITS.note,
  dpia: 20,
  newDue: 10,
  reason: INPUT_LIMITS.note,
  answer: INPUT_LIMITS.answer,
  figureValue: 20,
  newEnd: 10,
  riskLikelihood: 10,
  riskImpact: 10,
  riskMitigation: 2000,
  riskReviewDate: 10,
  snoozeReason: INPUT_LIMITS.note,
  ...(Object.fromEntries(HEALTH_ASPECTS.flatMap((a) => [[ragField(a), 10], [reasonField(a), HEALTH_REASON_MAX]])) as Record<(typeof HEALTH_FIELDS)[number], number>),
};

const DATE_FIELDS: readonly ReminderFormField[] = ['m1Due', 'm2Due', 'm3Due', 'newDue', 'newEnd', 'riskReviewDate'];
const MILESTONE_KINDS: readonly ReminderKind[] = ['milestone-due-soon', 'milestone-overdue'];
const SNOOZE_TITLE = `Snooze ${countOf(DEFAULT_THRESHOLDS.snoozeDays, 'day')}`;

/** The sub-forms each kind of item offers, and their inputs (Snooze, on every item, is added below). */
const KIND_FORMS: Record<ReminderKind, readonly { title: string; fields: readonly ReminderFormField[] }[]> = {
  owners: [{ title: 'Assign', fields: ['projectLead', 'projectManager'] }],
  'business-case': [{ title: 'Business case', fields: ['status', 'link'] }],
  plan: [{ title: 'Add plan', fields: ['planLink'] }],
  milestones: [{ title: 'Add milestones', fields: ['m1Title', 'm1Due', 'm2Title', 'm2Due', 'm3Title', 'm3Due'] }],
  resourcing: [{ title: 'Confirm resourcing', fields: ['confirmed', 'note'] }],
  dpia: [{ title: 'DPIA', fields: ['dpia'] }],
  'milestone-due-soon': [{ title: 'Move date', fields: ['newDue', 'reason'] }],
  'milestone-overdue': [{ title: 'Move date', fields: ['newDue', 'reason'] }],
  question: [{ title: 'Answer', fields: ['answer'] }],
  action: [],
  'action-due-soon': [],
  'action-overdue': [],
  meeting: [],
  'measure-figure': [{ title: 'Record figure', fields: ['figureValue'] }],
  'contract-ending': [{ title: 'Renew', fields: ['newEnd'] }],
  health: [{ title: 'Update status', fields: HEALTH_FIELDS }],
  'risk-review': [{ title: 'Update', fields: ['riskLikelihood', 'riskImpact', 'riskMitigation', 'riskReviewDate'] }],
};
const formsOf = (kind: ReminderKind) => [...(KIND_FORMS[kind] ?? []), { title: SNOOZE_TITLE, fields: ['snoozeReason'] as const }];

/**
 * Less and less detail, until the card fits CARD_BUDGET_BYTES: first fewer people to choose from, then shorter
 * texts; then (at the last level) fewer done and snoozed lines, then fewer open items, counted in "and N more".
 */
const REMINDER_LEVELS: readonly { text: number; why?: number; people: number }[] = [
  { text: 400, people: 40 },
  { text: 400, people: 20 },
  { text: 250, people: 10 },
  { text: 150, people: 5 },
  { text: 80, people: 3 },
  { text: 60, why: 0, people: 3 },
];
type Level = (typeof REMINDER_LEVELS)[number];

type Shown = { index: number; item: ReminderCardItem; state: ReminderLine['state'] };

/** The item's state on `today`: done, snoozed (until a date not yet past), or open. */
function stateOf(item: ReminderCardItem, today: string): ReminderLine['state'] {
  if (item.resolved) return 'done';
  const until = item.snoozedUntil ? londonDay(item.snoozedUntil) : null;
  return until && until >= today ? 'snoozed' : 'open';
}

/**
 * The items in project order (the order each project first comes in the list, items in list order), at most
 * `maxOpen` open ones and `maxSettled` done or snoozed ones; `hidden` counts the rest. Open items in `pinned`
 * (sent back with what the person typed) are always shown, and count towards `maxOpen`.
 */
function chooseItems(
  items: readonly ReminderCardItem[],
  today: string,
  maxOpen: number,
  maxSettled: number,
  pinned: ReadonlySet<number>,
): { groups: Shown[][]; hidden: number } {
  const byProject = new Map<string, Shown[]>();
  items.forEach((item, index) => {
    const list = byProject.get(item.reference) ?? [];
    list.push({ index, item, state: stateOf(item, today) });
    byProject.set(item.reference, list);
  });
  const all = [...byProject.values()].flat();
  const kept = new Set<number>();
  let open = 0;
  let settled = 0;
  for (const s of all) {
    if (s.state === 'open' && pinned.has(s.index)) {
      kept.add(s.index);
      open++;
    }
  }
  for (const s of all) {
    if (kept.has(s.index)) continue;
    if (s.state === 'open' && open < maxOpen) {
      kept.add(s.index);
      open++;
    } else if (s.state !== 'open' && settled < maxSettled) {
      kept.add(s.index);
      settled++;
    }
  }
  const groups = [...byProject.values()].map((list) => list.filter((s) => kept.has(s.index))).filter((list) => list.length > 0);
  return { groups, hidden: items.length - kept.size };
}

/** The item's inputs as the card prefills them: what was typed (no longer than its input takes), or empty; a health item's statuses as they were, a risk's scores and mitigation as they stand (a new review date is for the person to give). */
function itemValues(index: number, typed: Record<string, string>, people: readonly Choice[], item: ReminderCardItem): Required<ReminderFormValues> {
  const out = {} as Required<ReminderFormValues>;
  const typedAny = REMINDER_FORM_FIELDS.some((f) => typeof typed[reminderInputId(index, f)] === 'string');
  const now = item.riskNow;
  const risk: ReminderFormValues = now ? { riskLikelihood: now.likelihood === null ? '' : String(now.likelihood), riskImpact: String(now.impact), riskMitigation: now.mitigation } : {};
  const prefill: ReminderFormValues = typedAny ? {} : { ...healthValues(item.health?.current ?? null), ...risk };
  for (const f of REMINDER_FORM_FIELDS) {
    const v = typed[reminderInputId(index, f)] ?? prefill[f];
    out[f] = typeof v === 'string' ? Array.from(v).slice(0, FIELD_MAX[f]).join('') : '';
    if (DATE_FIELDS.includes(f) && !isIsoDate(out[f])) out[f] = '';
  }
  if (!(BUSINESS_CASE_STATUSES as readonly string[]).includes(out.status)) out.status = '';
  if (!(DPIA_STATUSES as readonly string[]).includes(out.dpia)) out.dpia = '';
  out.confirmed = out.confirmed === 'true' ? 'true' : 'false';
  for (const f of ['projectLead', 'projectManager'] as const) if (!people.some((p) => p.value === out[f])) out[f] = '';
  for (const a of HEALTH_ASPECTS) if (!(RAGS as readonly string[]).includes(out[ragField(a)])) out[ragField(a)] = '';
  return out;
}


/** The item's errors (for the inputs its sub-forms have), without the prefix. */
function itemErrors(index: number, kind: ReminderKind, errors: Record<string, string>): ReminderFieldErrors {
  const out: ReminderFieldErrors = {};
  for (const form of formsOf(kind)) {
    for (const f of form.fields) {
      const message = nonBlank(errors[reminderInputId(index, f)]);
      if (message) out[f] = message;
    }
  }
  return out;
}

/** 'Not saved. Open Move date to fix the problem marked.' */
function problemsNotice(lines: readonly ReminderLine[]): string | undefined {
  const forms: string[] = [];
  let count = 0;
  for (const line of lines) {
    for (const form of formsOf(line.kind)) {
      const marked = form.fields.filter((f) => line.errors[f]).length;
      count += marked;
      if (marked > 0 && !forms.includes(form.title)) forms.push(form.title);
    }
  }
  if (count === 0) return undefined;
  return `Not saved. Open ${forms.join(' and ')} to fix ${count === 1 ? 'the problem' : `the ${count} problems`} marked.`;
}

/**
 * One message per person per reminder run: all of their items, grouped by project, each answerable on the card
 * through its own sub-forms (and Snooze), and re-rendered in place after each answer ("2 of 3 done").
 *
 * Every input id is prefixed with its item's index in `items` (`i0_status`, `i2_newDue`), and every action sends
 * `{ messageId, itemKey, reference, version, item, milestoneId? }`: the handler takes the inputs of `item` with
 * `reminderInputsOf`. `errors` and `values` are keyed by the prefixed ids.
 */
export function reminderCard(input: ReminderCardInput): AdaptiveCardJson {
  const { today } = input;
  const total = input.items.length;
  const done = input.items.filter((i) => i.resolved).length;
  const typed = input.values ?? {};
  const errors = input.errors ?? {};
  const allPeople = input.people.filter((p) => !!p);
  const name = nonBlank(input.recipientName);
  const attention =
    total === 0 ? 'nothing needs your attention' : `${countOf(total, 'thing')} ${total === 1 ? 'needs' : 'need'} your attention`;

  const lineOf = (s: Shown, level: Level, people: readonly Choice[]): ReminderLine => {
    const { item, index, state } = s;
    const actionData: ReminderActionData = {
      messageId: input.messageId,
      itemKey: item.key,
      reference: item.reference,
      version: item.projectVersion,
      item: index,
    };
    if (item.milestoneId) actionData.milestoneId = item.milestoneId;
    const open = state === 'open';
    const line: ReminderLine = {
      item: index,
      kind: item.kind,
      what: clip(nonBlank(item.what) ?? 'Something needs your attention.', open ? level.text : Math.min(level.text, 150)),
      overdue: item.kind === 'milestone-overdue' || item.kind === 'action-overdue',
      state,
      actionData,
      values: itemValues(index, open ? typed : {}, people, item),
      errors: open ? itemErrors(index, item.kind, errors) : {},
    };
    if (item.kind === 'health' && open) {
      line.healthInputs = healthInputRows((f) => reminderInputId(index, f), line.values, line.errors);
      if (item.health?.current) line.confirmTitle = `Still ${item.health.current.overall.rag}?`;
    }
    const why = nonBlank(item.why);
    const whyChars = level.why ?? Math.min(level.text, 300);
    if (why && whyChars > 0) line.why = clip(why, whyChars);
    if (state === 'done') line.stateText = 'Done';
    if (state === 'snoozed' && item.snoozedUntil) line.stateText = `Snoozed until ${ukDate(londonDay(item.snoozedUntil) ?? item.snoozedUntil)}`;
    if (open && item.dueDate && isIsoDate(item.dueDate) && [...MILESTONE_KINDS, 'action-due-soon', 'action-overdue'].includes(item.kind)) {
      line.due = `${item.dueDate < today ? 'Was due' : 'Due'} ${ukDate(item.dueDate)}`;
    }
    return line;
  };

  // Items sent back with what was typed, or with errors, stay on the card whatever else is left out.
  const pinned = new Set<number>();
  for (const key of [...Object.keys(typed), ...Object.keys(errors)]) {
    const m = /^i(\d+)_/.exec(key);
    if (m && Number(m[1]) < input.items.length) pinned.add(Number(m[1]));
  }
  // Anyone already chosen in a typed value stays in the list, so the card can preselect them.
  const chosen = new Set<string>();
  input.items.forEach((item, index) => {
    if (item.kind !== 'owners') return;
    for (const f of ['projectLead', 'projectManager'] as const) {
      const v = typed[reminderInputId(index, f)];
      if (v) chosen.add(v);
    }
  });

  const build = (level: Level, maxOpen: number, maxSettled: number): ReminderData => {
    const { groups, hidden } = chooseItems(input.items, today, maxOpen, maxSettled, pinned);
    const hasAssign = groups.some((list) => list.some((s) => s.state === 'open' && s.item.kind === 'owners'));
    const people = hasAssign ? peopleChoices(allPeople, [...chosen].map((value) => ({ title: value, value })), level.people) : { choices: [], total: 0 };
    const data: ReminderData = {
      greeting: name ? `Hello ${name}, ${attention}` : `Hello, ${attention}`,
      progress: total > 0 && done === total ? `${done} of ${total} done. Thank you.` : `${done} of ${total} done`,
      noticeIsProblem: false,
      groups: groups.map((list) => ({
        reference: list[0].item.reference,
        title: clip(nonBlank(list[0].item.projectTitle) ?? list[0].item.reference, LIMITS.title),
        items: list.map((s) => lineOf(s, level, people.choices)),
        isProject: REFERENCE_PATTERN.test(list[0].item.reference),
      })),
      people: people.choices,
      choices: {
        businessCaseStatuses: BUSINESS_CASE_STATUSES.map((s) => ({ title: BUSINESS_CASE_LABELS[s], value: s })),
        dpiaStatuses: DPIA_STATUSES.map((s) => ({ title: DPIA_LABELS[s], value: s })),
        rags: RAGS.map((r) => ({ title: RAG_LABELS[r], value: r })),
      },
      today,
      tomorrow: isIsoDate(today) ? addDays(today, 1) : today,
      snoozeTitle: SNOOZE_TITLE,
    };
    const problems = problemsNotice(data.groups.flatMap((g) => g.items));
    const notice = nonBlank(input.notice) ?? problems;
    if (notice) {
      data.notice = notice;
      data.noticeIsProblem = problems !== undefined;
    }
    if (hidden > 0) data.moreNote = `and ${hidden} more`;
    const note = peopleNote(people.choices.length, people.total);
    if (note) data.peopleNote = note;
    return data;
  };

  // Less detail level by level; past the last, fewer done and snoozed lines, then fewer open items.
  const last = REMINDER_LEVELS[REMINDER_LEVELS.length - 1];
  const levels = [
    ...REMINDER_LEVELS.map((level) => ({ level, open: MAX_REMINDER_ITEMS_SHOWN, settled: MAX_SETTLED_ITEMS_SHOWN })),
    ...countsDown(MAX_SETTLED_ITEMS_SHOWN - 1).map((settled) => ({ level: last, open: MAX_REMINDER_ITEMS_SHOWN, settled })),
    ...countsDown(MAX_REMINDER_ITEMS_SHOWN - 1).filter((open) => open >= 1).map((open) => ({ level: last, open, settled: 0 })),
  ];
  return fitToSize('reminder', levels, ({ level, open, settled }) => build(level, open, settled));
}
