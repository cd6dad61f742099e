import { HEALTH_FIELDS } from '../domain/health';
import type { ReminderKind } from '../domain/reminders';
import type { RiskField } from '../domain/risks';
import type { FieldErrors, FormValues } from '../domain/request-form';

/**
 * The data each template in `cards/` expects, exactly as the template reads it.
 * Optional fields are shown only when present (`$when`); every other field must be set,
 * or the template leaves its `${...}` in the card.
 */

export interface Choice {
  title: string;
  value: string;
}

interface WelcomeData {
  firstName?: string;
  /** The bot's privacy notice (/privacy), opened from the card. */
  privacyUrl?: string;
}

interface HelpData {
  /** Set when help answers words the bot did not understand; `suggestion` when a command is close to them. */
  notUnderstood?: { typed: string; suggestion?: string };
  /** The commands the person may use, by part. */
  groups: { heading: string; facts: { factTitle: string; factValue: string }[] }[];
  principles: { name: string; summary: string }[];
}

/** A button: an Action.Execute with its Action.Submit fallback (which carries the verb in its data). */
export interface Button {
  title: string;
  verb: string;
  data: Record<string, unknown>;
  fallbackData: Record<string, unknown>;
}

interface RemindersPreviewData {
  summary: string;
  /** Each person (then the escalations), with "2 items" and one line per item. */
  groups: { name: string; count: string; items: { reference: string; what: string }[] }[];
  undelivered: { text: string }[];
  /** Run now, when the run would send something. */
  canRun: boolean;
}

interface GreetingData {
  salutation: string;
  firstName?: string;
  lines: { text: string }[];
  actions: Button[];
}

export interface RequestFormData {
  formId: string;
  /** The step shown, from 1, of `stepCount`, and its words ('Step 1 of 3: About the idea'). */
  step: number;
  stepCount: number;
  stepLabel: string;
  /** Every form field, as text ('' when empty); only the step's inputs are drawn. */
  values: Required<FormValues>;
  /** The shown step's problems, one per field. */
  errors: FieldErrors;
  /** Each required input's errorMessage. */
  required: Record<string, string>;
  notice?: string;
  /** 'Please fix the N problems marked below.', shown again beside Next or Submit. */
  problems?: string;
  choices: { strands: Choice[]; principles: Choice[]; beneficiaries: Choice[]; routes: Choice[] };
  /**
   * Step 3's searchable choice of catalogue entries ("None of these" first, then the entries by name), when the
   * catalogue offers any; `note` says when the card holds only some of them, and which.
   */
  catalogue?: { choices: Choice[]; note?: string };
}

interface SimilarRequestsData {
  formId: string;
  title: string;
  /** The similar step's heading: similar requests, solutions the council already has, or both. */
  heading: string;
  hasMatches: boolean;
  matches: { reference: string; title: string; statusLabel: string; strandName: string }[];
  hasSolutions: boolean;
  /** Catalogue entries matching the idea: "The council already has …", its owning service and link. */
  solutions: { name: string; ownerText: string; link?: string; contractText?: string; contractColour?: string }[];
}

interface RequestSubmittedData {
  reference: string;
  title: string;
  summary: string;
  strandName: string;
  digitalLeaderTitle: string;
  submittedAt: string;
}

interface MyRequestsData {
  items: { reference: string; title: string; statusLabel: string; strandName: string; updated: string }[];
  /** Requests waiting for the person's answer to the DSG's question (`since`: when they were asked). */
  actionNeeded: { reference: string; title: string; since: string }[];
  page: number;
  pages: number;
  total: number;
  hasPrevious: boolean;
  hasNext: boolean;
}

export interface HistoryLine {
  when: string;
  who: string;
  what: string;
}

export interface RequestDetailData {
  reference: string;
  title: string;
  statusLabel: string;
  strandName: string;
  digitalLeaderTitle: string;
  requesterName: string;
  submitted: string;
  updated: string;
  problem: string;
  outcome: string;
  beneficiaries: string;
  principles: string;
  principlesHow: string;
  reuseChecked: string;
  /** The catalogue entry the requester checked: "Waste and recycling bookings (Waste Services)". */
  checked?: string;
  routeName: string;
  routeJustification?: string;
  personalData: string;
  oneOffCost?: string;
  annualBenefit?: string;
  desiredStart?: string;
  history: HistoryLine[];
  /** Shown under the history when older entries were left out, e.g. '12 earlier changes are not shown.' */
  historyNote?: string;
  canWithdraw: boolean;
  /** Undo withdrawal: withdrawn by the requester, and the DSG has not acted since. */
  canUndoWithdraw: boolean;
  /** A line at the top, e.g. 'DP-2026-0012 is withdrawn.' */
  notice?: string;
  version: number;
  /** While the DSG waits for the requester: when they were asked (`3 Dec 2026`). */
  waitingSince?: string;
  /** The DSG's open question, with an answer box and Send answer. */
  question?: { question: string; askedBy: string; askedAt: string };
}

/** What anyone may see of a request (the read-only view). */
export interface RequestSummaryData {
  reference: string;
  title: string;
  statusLabel: string;
  strandName: string;
  digitalLeaderTitle: string;
  submitted: string;
  inProgramme: boolean;
}

interface DraftOfferData {
  formId: string;
  title: string;
  savedAt: string;
}

// ---------------------------------------------------------------------------------------------
// DSG triage and the Digital Programme

/**
 * Maximum lengths of what the DSG's cards let people type (the inputs' `maxLength`): the verb schemas
 * should accept at least these.
 */
export const INPUT_LIMITS = {
  /** Approval note, resourcing note. */
  note: 1000,
  /** Reason for declining. */
  reason: 2000,
  /** Question to the requester. */
  question: 2000,
  /** The requester's answer. */
  answer: 4000,
  /** Business case and plan links. */
  link: 1000,
  milestoneTitle: 200,
} as const;

/** `Role: Name`, or `Role: Not assigned`. */
export interface OwnerLine {
  role: string;
  name: string;
}

export interface TriageData {
  reference: string;
  /** Why this card has no decision actions, for someone who may not decide. */
  viewNote?: string;
  /** The catalogue entry the requester checked: "Waste and recycling bookings (Waste Services)". */
  checked?: string;
  title: string;
  statusLabel: string;
  strandName: string;
  digitalLeaderTitle: string;
  /** The strand's Digital Leader by name, or words saying there is none. */
  leaderName: string;
  /** `<at>Name</at>`, set (and escaped) by the caller, who adds the matching mention entity. */
  leaderMention?: string;
  requesterName: string;
  /** 'submitted 3 days ago' */
  age: string;
  summary: string;
  principles: string;
  routeName: string;
  routeJustification?: string;
  personalData: string;
  oneOffCost?: string;
  annualBenefit?: string;
  similar: { reference: string; title: string; statusLabel: string }[];
  questions: { asked: string; question: string; answer?: string; answered: string }[];
  /** 'Approved by DSG Chair on 27 Nov 2026, 10:30: note' */
  lastDecision?: string;
  duplicateOf?: string;
  /** Set once the request is a project. */
  priorityLabel?: string;
  projectOwners: OwnerLine[];
  hasProject: boolean;
  canDecide: boolean;
  /** Mark as duplicate: while it can be decided, and once withdrawn. */
  canMerge: boolean;
  canAssign: boolean;
  canPrioritise: boolean;
  /** The project's priority and whether it is a priority project ('true'/'false'), preselected in Change priority. */
  priority: string;
  isPriority: string;
  priorities: Choice[];
  mergeTargets: Choice[];
  hasMergeTargets: boolean;
  /** "Re-use an existing solution": open and the catalogue has entries; they are the choices (matching ones first). */
  canReuse: boolean;
  reuseChoices: Choice[];
  people: Choice[];
  /** Who owns the project now (AAD object ids, '' for nobody), to preselect in Assign. */
  owners: { digitalLeader: string; projectLead: string; projectManager: string };
  peopleNote?: string;
  /** The request's version: every decision carries it. */
  version: number;
  /** The project's version (0 before there is a project): Assign carries it too. */
  projectVersion: number;
}

/** When and where a DSG meeting is: `where` is the place as typed, or "Teams meeting" with the `link` to join. */
export interface PlaceData {
  when: string;
  where?: string;
  link?: string;
}

/** What was typed into the Add or Move meeting form, and the problem under each input. */
export interface MeetingFormData {
  values: { date: string; startTime: string; place: string };
  errors: { date?: string; startTime?: string; place?: string };
}

export interface SettingsData {
  channelName: string;
  chairName: string;
  minuteTakerName: string;
  leaders: { strandName: string; roleTitle: string; name: string; inputId: string; value: string }[];
  /** The coming meetings; the chair may move or cancel those not running, one at a time in a form under it. */
  meetings: (PlaceData & { date: string; status?: string; canChange: boolean; moving: boolean } & Partial<MeetingFormData>)[];
  /** The chair or an admin, with no Move form open: the Add a meeting form. */
  showAdd: boolean;
  add: MeetingFormData;
  /** `yyyy-mm-dd`: the earliest date the date pickers offer. */
  today: string;
  updated?: string;
  notice?: string;
  canEdit: boolean;
  members: Choice[];
  hasMembers: boolean;
  membersNote?: string;
  /** The chair's AAD object id ('' for none), to preselect. */
  chair: string;
  /** The Minute Taker's AAD object id ('' for none), to preselect. */
  minuteTaker: string;
  version: number;
}

interface QuestionData {
  reference: string;
  title: string;
  question: string;
  askedBy: string;
  askedAt: string;
  answered: boolean;
  answer?: string;
  answeredNote?: string;
  version: number;
}

/** The inputs of the project card's sub-forms, exactly as the card names them. */
export const PROJECT_FORM_FIELDS = [
  'status',
  'link',
  'date',
  'planLink',
  'confirmed',
  'note',
  'dpia',
  'm1Title',
  'm1Due',
  'm2Title',
  'm2Due',
  'm3Title',
  'm3Due',
  'm4Title',
  'm4Due',
  'm5Title',
  'm5Due',
  'benefitYear',
  'cashSaving',
  'benefitNote',
  'benefitMeasure',
  // The measure form (one at a time): add or edit a measure, or record a figure.
  'measureName',
  'measureKind',
  'measureUnit',
  'baselineValue',
  'baselineDate',
  'targetValue',
  'targetDate',
  'measureDirection',
  'measureFrequency',
  'figurePeriod',
  'figureValue',
  // Update health: a status and a reason for each of overall, time, cost and scope.
  ...HEALTH_FIELDS,
] as const;
export type ProjectFormField = (typeof PROJECT_FORM_FIELDS)[number];
export type ProjectFormValues = Partial<Record<ProjectFormField, string>>;
export type ProjectFieldErrors = Partial<Record<ProjectFormField, string>>;

/** An outcome measure on the project card: its status, its trend as a line chart, and the same numbers as facts. */
export interface MeasureLine {
  id: string;
  name: string;
  /** 'Digital take-up % · quarterly · higher is better' */
  kindLabel: string;
  /** 'On track', 'Off track' or 'No figures yet'. */
  status: string;
  statusColour: 'good' | 'attention' | 'default';
  chartId: string;
  chartTitle: string;
  unit: string;
  series: { legend: string; values: { x: string; y: number }[] }[];
  facts: { factTitle: string; factValue: string }[];
  canEdit: boolean;
  canRecord: boolean;
}

/** The open measure form under the Measures section. */
export interface MeasureFormData {
  mode: 'add' | 'edit' | 'record';
  heading: string;
  verb: 'measure.add' | 'measure.edit' | 'measure.record';
  /** Empty when adding. */
  measureId: string;
  isRecord: boolean;
  kinds: Choice[];
  directions: Choice[];
  frequencies: Choice[];
  /** The periods a figure can be for, newest first (recording only). */
  periods: Choice[];
}

export interface ProjectData {
  reference: string;
  title: string;
  statusLabel: string;
  strandName: string;
  /** 'High', or 'High – priority project'. */
  priorityLabel: string;
  owners: OwnerLine[];
  businessCase: { statusLabel: string; link?: string; url?: string; date?: string };
  planLink?: string;
  planUrl?: string;
  resourcing: { confirmed: string; note?: string };
  /** Only when personal data is involved. */
  dpiaLabel?: string;
  plannedCash: string;
  plannedNonCash?: string;
  realised: { financialYear: string; amount: string }[];
  realisedNote?: string;
  /** Benefits that are not cash: the year, and what it was (with the measure that shows it). */
  realisedNonCash: { financialYear: string; text: string }[];
  /** Each milestone's card element is `elementId`; those after the first screen's are hidden until "Show more". */
  milestones: { id: string; elementId: string; visible: boolean; title: string; due: string; state: string; overdue: boolean; revisions?: string; canMarkDone: boolean }[];
  /** What "Show more" shows (and hides again): the business case, plan, resourcing and benefits, and the other milestones. */
  showMore: string[];
  milestonesNote?: string;
  measures: MeasureLine[];
  /** 'No measures yet.', or 'and 2 more' when some were left out. */
  measuresNote?: string;
  canAddMeasure: boolean;
  measureForm?: MeasureFormData;
  missing: { label: string }[];
  notice?: string;
  errors: ProjectFieldErrors;
  values: Required<ProjectFormValues>;
  choices: { businessCaseStatuses: Choice[]; dpiaStatuses: Choice[]; benefitYears: Choice[]; benefitMeasures: Choice[] };
  /** Record benefit offers the project's measures (it has some). */
  canLinkMeasure: boolean;
  /** The next step of the lifecycle the editor can take: start delivery, then mark completed. */
  nextStatus?: { value: 'in-delivery' | 'completed'; title: string };
  canEdit: boolean;
  /** Shows Record benefit (the lead, manager, Digital Leader or chair). */
  canRecordBenefit: boolean;
  /** Shows Reopen project (a completed project, to the chair and admins). */
  canReopen: boolean;
  /** The Service Standard stage: "Beta, since 4 Dec 2026" (when the card is drawn with the project's gates). */
  stageLabel?: string;
  /** The gate history, newest first, each with its conditions. */
  gates: { line: string; conditions: { line: string }[] }[];
  /** Request gate (the project's lead, with no request waiting): the button's words. */
  requestGate?: string;
  version: number;
  /** A project in delivery: its health status, and for its lead and manager "Still green?" and Update health. */
  health?: HealthSummary & {
    canSet: boolean;
    confirmTitle?: string;
    inputs: HealthInputRow[];
    rags: Choice[];
    /** `{ reference, version }`, the health status's own version. */
    actionData: { reference: string; version: number };
  };
  /** The risks and issues log (presenters/risks.ts): open entries first, highest score first. */
  risks: RiskLine[];
  /** 'No risks or issues recorded.', or 'and 2 more (1 open, 1 closed): …'. */
  risksNote?: string;
  /** On the first screen (the log is under Show more): 'Risks and issues: 2 scoring 15 or more, 1 past its review date. …' */
  risksAttention?: string;
  canAddRisk: boolean;
}

/** One entry of a project's risks and issues log, as the project card shows it. */
export interface RiskLine {
  id: string;
  /** 'Risk' or 'Issue', and the same in a sentence ('risk'). */
  kindLabel: string;
  kindWord: string;
  /** 'Score 20 (likelihood 4 × impact 5)' */
  scoreText: string;
  scoreColour: 'attention' | 'warning' | 'default';
  statusLabel: string;
  description: string;
  /** 'Owner: Project Lead (Learning)' */
  ownerLine: string;
  /** 'Review by 8 Jan 2027', 'Review was due 1 Dec 2026' */
  reviewLine: string;
  reviewColour: 'attention' | 'default';
  mitigation?: string;
  canEdit: boolean;
}

/** The form to add a risk or issue to a project's log, or to change one. */
export interface RiskFormData {
  heading: string;
  /** The score's definition (domain/risks.ts). */
  definition: string;
  notice?: string;
  verb: 'risk.add' | 'risk.edit';
  reference: string;
  /** Empty when adding. */
  riskId: string;
  /** The entry's version ('0' when adding). */
  version: string;
  isEdit: boolean;
  values: Record<RiskField, string>;
  errors: Partial<Record<RiskField, string>>;
  people: Choice[];
  peopleNote?: string;
}

interface PendingData {
  summary: string;
  items: { reference: string; title: string; statusLabel: string; strandName: string; age: string; overdue: boolean }[];
  page: number;
  hasPrevious: boolean;
  hasNext: boolean;
}

interface MilestonesData {
  heading: string;
  summary: string;
  /** The list and its start date, carried by Previous and Next. */
  which: string;
  since: string;
  items: { reference: string; title: string; detail: string; color: 'attention' | 'default'; subtle: boolean }[];
  page: number;
  hasPrevious: boolean;
  hasNext: boolean;
}

interface ProgrammeData {
  summary: string;
  /** Each group and project has an id; those after the first screen's are hidden until "Show more". */
  groups: {
    id: string;
    visible: boolean;
    strandName: string;
    projects: { id: string; visible: boolean; reference: string; title: string; priority: string; lead: string; statusLabel: string; missing: string; hasMissing: boolean; healthLabel?: string; healthColour?: string }[];
  }[];
  /** What "Show more" shows (and hides again): see show-more.ts. */
  showMore: string[];
  page: number;
  hasPrevious: boolean;
  hasNext: boolean;
}

export interface AuditLine extends HistoryLine {
  /** 'status: Submitted → Approved; priority: High' */
  change?: string;
}

interface HistoryData {
  reference: string;
  title: string;
  summary: string;
  lines: AuditLine[];
  earlierNote?: string;
  page: number;
  hasEarlier: boolean;
  hasLater: boolean;
}

/** Verbs a notice's button may use: each only shows something, so it needs no version. */
type NoticeVerb = 'project.view' | 'request.view';

type ActionData = Record<string, string | number | boolean>;

interface NoticeAction {
  verb: NoticeVerb;
  title: string;
  data: ActionData;
}

export interface NoticeData {
  title: string;
  lines: { text: string }[];
  action?: NoticeAction & { fallbackData: ActionData & { verb: NoticeVerb } };
  /** Buttons that open a link the server signed (a download), after the action; often none. */
  downloads: NoticeDownload[];
}

export interface NoticeDownload {
  title: string;
  url: string;
}

// ---------------------------------------------------------------------------------------------
// Reminders: one card per person per reminder run, answered item by item

/** The verbs the reminder card's sub-forms and buttons send (all Action.Execute, with an Action.Submit fallback). */
export const REMINDER_CARD_VERBS = [
  'reminder.assign',
  'reminder.business-case',
  'reminder.plan',
  'reminder.milestones',
  'reminder.resourcing',
  'reminder.dpia',
  'reminder.milestone-done',
  'reminder.milestone-move',
  'reminder.answer',
  'reminder.replace',
  'reminder.renew',
  'reminder.retire',
  'reminder.health',
  'reminder.health-confirm',
  'reminder.snooze',
] as const;

/**
 * The inputs of the reminder card's sub-forms, before their item prefix. Several items share one card,
 * so every input id on it is `i<item>_<field>` (`i0_status`, `i2_newDue`), where `<item>` is the item's
 * index in the list the card was rendered from; each action also carries that index as `item`, and the
 * handler keeps only the inputs with that prefix and strips it (see `reminderInputsOf`).
 */
export const REMINDER_FORM_FIELDS = [
  // owners: Assign
  'projectLead',
  'projectManager',
  // business-case
  'status',
  'link',
  // plan
  'planLink',
  // milestones: Add milestones
  'm1Title',
  'm1Due',
  'm2Title',
  'm2Due',
  'm3Title',
  'm3Due',
  // resourcing: Confirm resourcing
  'confirmed',
  'note',
  // dpia
  'dpia',
  // milestone-due-soon, milestone-overdue: Move date
  'newDue',
  'reason',
  // question: Answer
  'answer',
  // measure-figure: Record figure
  'figureValue',
  // contract-ending: Renew
  'newEnd',
  // health: Update status (a status and a reason for each of overall, time, cost and scope)
  ...HEALTH_FIELDS,
  // risk-review: Update
  'riskLikelihood',
  'riskImpact',
  'riskMitigation',
  'riskReviewDate',
  // every item: Snooze (named apart from Move date's `reason`: input ids must be unique on a card)
  'snoozeReason',
] as const;
export type ReminderFormField = (typeof REMINDER_FORM_FIELDS)[number];
export type ReminderFormValues = Partial<Record<ReminderFormField, string>>;
export type ReminderFieldErrors = Partial<Record<ReminderFormField, string>>;

/** What every action on a reminder item sends (plus its verb, and the inputs of its sub-form). */
export type ReminderActionData = {
  /** The reminder message, to update it in place after the answer. */
  messageId: string;
  /** The item's stable key: `<reference>:<kind>` or `<reference>:<kind>:<milestoneId>` (not named `key`: the Playground's renderer breaks on a data field of that name). */
  itemKey: string;
  reference: string;
  /** The project's version (the request's, for a question). */
  version: number;
  /** The item's index in the card's list: the prefix of its inputs, `i<item>_`. */
  item: number;
  /** Only on milestone items. */
  milestoneId?: string;
};

export interface ReminderLine {
  /** Index in the list the card was rendered from; input ids are `i<item>_<field>`. */
  item: number;
  kind: ReminderKind;
  /** What is missing (may quote what people typed: shown as a TextRun). */
  what: string;
  /** Why it matters (left out when there are no words for it). */
  why?: string;
  /** 'Due 9 Dec 2026', 'Was due 1 Dec 2026' (open milestone items with a due date). */
  due?: string;
  overdue: boolean;
  /** open: shown with its actions; done and snoozed: one line, no actions. */
  state: 'open' | 'done' | 'snoozed';
  /** 'Done', 'Snoozed until 4 Dec 2026' (not for open items). */
  stateText?: string;
  actionData: ReminderActionData;
  /** Every sub-form input, as text ('' when empty), without the prefix. */
  values: Required<ReminderFormValues>;
  /** One message per input, without the prefix, shown under it. */
  errors: ReminderFieldErrors;
  /** A health item with a status: "Still green?", its one press. */
  confirmTitle?: string;
  /** A health item: Update status's inputs, one row per aspect (ids already prefixed). */
  healthInputs?: HealthInputRow[];
}

/** A project's health on a card: the overall label in its colour, each aspect with its reason, and who set it when. */
export interface HealthSummary {
  label: string;
  colour: 'good' | 'warning' | 'attention' | 'default';
  aspects: { title: string; value: string }[];
  /** 'Set by Project Lead on 2 Nov 2026', 'Confirmed by …'. */
  setLine?: string;
}

/** One aspect of the health form: its status (green, amber or red) and its reason, with what was typed and any problem. */
export interface HealthInputRow {
  id: string;
  label: string;
  value: string;
  reasonId: string;
  reasonLabel: string;
  reasonValue: string;
  /** The problems with the status and with the reason, shown under each. */
  errors: { rag?: string; reason?: string };
}

export interface ReminderData {
  /** 'Hello Project Lead (Learning) 2, 3 things need your attention' (the name is a Teams display name). */
  greeting: string;
  /** '2 of 3 done' */
  progress: string;
  /** 'Business case saved.', or what to fix. */
  notice?: string;
  noticeIsProblem: boolean;
  /** Projects in the order they first come in the list, each with its items in list order. */
  groups: {
    reference: string;
    title: string;
    items: ReminderLine[];
    /** A project's group has Open project; the DSG's meeting items and the catalogue's contracts have none. */
    isProject: boolean;
  }[];
  /** 'and 4 more', when items were left out. */
  moreNote?: string;
  /** For Assign's Project Lead and Project Manager. */
  people: Choice[];
  peopleNote?: string;
  choices: { businessCaseStatuses: Choice[]; dpiaStatuses: Choice[]; rags: Choice[] };
  /** `yyyy-mm-dd`: the earliest date Move date offers. */
  today: string;
  /** `yyyy-mm-dd`: the earliest date Renew offers (a new end date must be in the future). */
  tomorrow: string;
  /** 'Snooze 7 days' */
  snoozeTitle: string;
}

// ---------------------------------------------------------------------------------------------
// Digests: weekly, before a DSG meeting, or previewed

interface DigestData {
  heading: string;
  subheading: string;
  /** Empty when there is nothing to say about meetings. */
  meetingNotice: string;
  meetingColor: 'attention' | 'default';
  /** The Pending requests button, for the DSG only (others may not list pending requests). */
  showPending: boolean;
  /** The Agenda button: the DSG's pre-meeting digest opens the agenda drafted for the meeting. */
  showAgenda: boolean;
  sections: {
    heading: string;
    /** "and 12 more", or empty; hidden at first when some of the section's items are. */
    moreText: string;
    moreTextId: string;
    moreTextVisible: boolean;
    /** With moreText: the button that opens the list holding them all. */
    showAll?: { title: string; verb: string; data: Record<string, string>; fallbackData: Record<string, string> };
    /** Each item has an id; those after the first screen's are hidden until "Show more". */
    items: { id: string; visible: boolean; reference: string; title: string; detail: string; color: 'attention' | 'default'; subtle: boolean; verb: 'project.view' | 'request.view' }[];
  }[];
  /** What "Show more" shows (and hides again): see show-more.ts. Empty when everything fits the first screen. */
  showMore: string[];
  projectCount: number;
  programmeHeading: string;
  byStatus: { label: string; count: number }[];
  /** What the counts by status count (domain/figures.ts). */
  statusDefinition: string;
  /** The donut's slices: statuses with at least one project, each in its Teams chart colour. */
  statusChart: { label: string; count: number; color: string }[];
  /** Full strand names with their short names, e.g. "Digital Customers (Cust)". */
  byStrand: { label: string; count: number }[];
  /** Short strand names under the bars. */
  strandChart: { label: string; count: number }[];
  financialYear: string;
  /** `short` labels the bar; `label` and `amountText` (the value and its definition) are the words beside the chart. */
  benefitsChart: { label: string; short: string; amount: number; amountText: string; color: string }[];
}

interface AnnualReportData {
  financialYear: string;
  subheading: string;
  facts: { factTitle: string; factValue: string }[];
  strands: { factTitle: string; factValue: string }[];
  csvUrl: string;
  jsonUrl: string;
  /** When the links stop working, UK style. */
  expires: string;
}

/** The quarter's assurance report for the CMT: each section's words, chart (and its numbers as facts) and list. */
export interface AssuranceReportData {
  heading: string;
  subheading: string;
  sections: {
    key: string;
    heading: string;
    words: string;
    chartTitle: string;
    chart: { label: string; value: number; factValue: string }[];
    items: { head: string; detail: string }[];
    /** "And 4 more in the .docx and .csv." */
    more?: string;
  }[];
  docxUrl: string;
  csvUrl: string;
  /** When the links stop working, UK style. */
  expires: string;
}

// ---------------------------------------------------------------------------------------------
// The confirmation shown in a card before a press that is hard to take back

type ConfirmActionData = Record<string, string | number | boolean>;

export interface ConfirmData {
  /** 'Mark DP-2026-0011 completed?' */
  question: string;
  /** What will happen, a line each (may quote what people typed: shown as TextRuns). */
  happens: { text: string }[];
  /** What is still open, e.g. '1 late and 2 planned milestones: …'. */
  stillOpen: { text: string }[];
  /** What to fix before confirming. */
  problem?: string;
  /** A question to answer first (e.g. what becomes of the open milestones). */
  choice?: { id: string; label: string; value: string; errorMessage: string; choices: Choice[]; error?: string };
  /** A text box that goes with the choice (e.g. the reason for dropping them). */
  text?: { id: string; label: string; value: string; maxLength: number; error?: string };
  /** The verb both buttons send: Confirm with `step: 'confirm'`, Cancel with `step: 'cancel'`. */
  verb: string;
  confirm: { title: string; destructive: boolean; data: ConfirmActionData; fallbackData: ConfirmActionData };
  /** 'Cancel', or words that cannot be mistaken for the action itself ('Keep the meeting'). */
  cancel: { title: string; data: ConfirmActionData; fallbackData: ConfirmActionData };
}

// --- DSG meetings (issue 13)

export interface AgendaData {
  title: string;
  /** Where the meeting is: a room, or a Join button for the Teams meeting. */
  where?: string;
  link?: string;
  subtitle: string;
  notice?: string;
  hasItems: boolean;
  /** With `canArrange`, each item has Move up (not the first), Move down (not the last) and Remove. */
  items: { position: string; title: string; sourceLabel: string; detail: string; itemId: string; canUp: boolean; canDown: boolean }[];
  more: number;
  moreText: string;
  canArrange: boolean;
  /** Items taken off the agenda of the next meeting, each with Put back. */
  hasRemoved: boolean;
  removed: { title: string; itemId: string }[];
  /** The arrangement's version, carried by every arranging press. */
  planVersion: number;
  canAdd: boolean;
  /** What was typed into Add an item, and the problem with it. */
  addText: string;
  addError?: string;
  runningId?: string;
}

export interface MeetingData {
  title: string;
  where?: string;
  link?: string;
  statusLine: string;
  notice?: string;
  present: string;
  apologies: string;
  items: { position: string; title: string; sourceLabel: string; outcome: string; itemId: string }[];
  hasActions: boolean;
  actions: { line: string }[];
  meetingId: string;
  version: number;
  date: string;
  isRunning: boolean;
  canRegister: boolean;
  members: Choice[];
  presentValue: string;
  apologiesValue: string;
}

export interface MeetingItemData {
  meetingTitle: string;
  title: string;
  sourceLabel: string;
  detail: string;
  notice?: string;
  outcome: string;
  /** The project's priority, for an item about a project. */
  priorityLabel?: string;
  hasActions: boolean;
  actions: { line: string }[];
  canAddAction: boolean;
  canDecide: boolean;
  canMerge: boolean;
  mergeTargets: Choice[];
  canAssign: boolean;
  canPrioritise: boolean;
  owners: { digitalLeader: string; projectLead: string; projectManager: string };
  priority: string;
  isPriority: string;
  canNote: boolean;
  meetingId: string;
  itemId: string;
  requestVersion: number;
  hasRequest: boolean;
  reference: string;
  /** An item about a waiting gate request: Open the gate request decides it at the meeting. */
  gateId?: string;
  today: string;
  priorities: Choice[];
  people: Choice[];
  values: { what: string; owner: string; due: string };
  errors: { what?: string; owner?: string; due?: string };
}

/** The lead's gate request form: a link per criterion that applies at the gate. */
export interface GateRequestData {
  reference: string;
  title: string;
  /** "Alpha → Beta". */
  gateTitle: string;
  /** The stage the form is drawn for, sent back with it. */
  from: string;
  notice?: string;
  noticeIsProblem: boolean;
  criteria: { field: string; label: string; required: boolean; value: string; error?: string }[];
  note: string;
  errors: { gateNote?: string };
}

/** A gate request in the DSG channel (or opened from a meeting's agenda item), with the decision form while it waits. */
export interface GateData {
  reference: string;
  title: string;
  gateTitle: string;
  requested: string;
  requestNote?: string;
  notice?: string;
  noticeIsProblem: boolean;
  evidence: { criterion: string; link?: string; url?: string; missing?: string }[];
  /** Once decided: the outcome in words, the note and the conditions. */
  decision?: { words: string; note?: string; conditions: { line: string }[] };
  canDecide: boolean;
  outcomes: Choice[];
  people: Choice[];
  rows: { what: { id: string; value: string; error?: string }; owner: { id: string; value: string; error?: string }; due: { id: string; value: string; error?: string }; label: string }[];
  values: { outcome: string; decisionNote: string };
  errors: { outcome?: string; decisionNote?: string };
  gateId: string;
  version: number;
  meetingId: string;
  itemId: string;
  today: string;
}

export interface MinutesData {
  title: string;
  statusLine: string;
  notice?: string;
  present: string;
  apologies: string;
  items: { position: string; title: string; outcome: string; actions: { line: string }[] }[];
  hasNotes: boolean;
  notes: string;
  canEdit: boolean;
  meetingId: string;
  version: number;
  docxUrl: string;
  htmlUrl: string;
}

export interface MeetingsData {
  hasPlanned: boolean;
  planned: PlaceData[];
  hasHeld: boolean;
  held: { dateText: string; statusText: string; date: string }[];
}

export interface SolutionsData {
  subtitle: string;
  notice?: string;
  hasEntries: boolean;
  emptyText: string;
  entries: {
    id: string;
    /** Sent by Put back in use, so a press on an older card is answered as stale. */
    version: number;
    name: string;
    /** "Owned by Customer Services · Digital Customers" */
    ownerText: string;
    whatItDoes: string;
    retired: boolean;
    canEdit: boolean;
    hasActions: boolean;
    link?: string;
    sharedText?: string;
    contractText?: string;
    contractColour?: string;
  }[];
  moreText?: string;
  query: string;
  canManage: boolean;
}

export interface SolutionFormData {
  heading: string;
  /** The entry edited, or '' for a new one (with its version, or ''). */
  id: string;
  version: string;
  values: Record<string, string>;
  errors: Record<string, string>;
  strandChoices: Choice[];
  notice?: string;
}

/** A request or project in a line or two: a compose-box result, a link unfurled, the card posted after raising one. */
export interface RequestCompactData {
  /** Instead of a request: why there is none to show. */
  notFound?: string;
  /** The card posted in the conversation a request was raised from ("Raised as …"). */
  raised?: true;
  reference: string;
  title: string;
  statusLabel: string;
  strandName: string;
  owners: OwnerLine[];
  footnote?: string;
}

/** The end of the dialog that raised a request from a message: its reference, and whether to post it there. */
interface RequestRaisedData {
  reference: string;
  title: string;
  digitalLeaderTitle: string;
  notice?: string;
}

export interface CardDataMap {
  welcome: WelcomeData;
  help: HelpData;
  greeting: GreetingData;
  'reminders-preview': RemindersPreviewData;
  'request-form': RequestFormData;
  'similar-requests': SimilarRequestsData;
  'request-submitted': RequestSubmittedData;
  'my-requests': MyRequestsData;
  'request-detail': RequestDetailData;
  'request-summary': RequestSummaryData;
  'draft-offer': DraftOfferData;
  triage: TriageData;
  settings: SettingsData;
  question: QuestionData;
  project: ProjectData;
  pending: PendingData;
  programme: ProgrammeData;
  milestones: MilestonesData;
  history: HistoryData;
  notice: NoticeData;
  reminder: ReminderData;
  digest: DigestData;
  'annual-report': AnnualReportData;
  'assurance-report': AssuranceReportData;
  confirm: ConfirmData;
  agenda: AgendaData;
  meeting: MeetingData;
  'meeting-item': MeetingItemData;
  'gate-request': GateRequestData;
  gate: GateData;
  minutes: MinutesData;
  meetings: MeetingsData;
  solutions: SolutionsData;
  'solution-form': SolutionFormData;
  'risk-form': RiskFormData;
  'request-compact': RequestCompactData;
  'request-raised': RequestRaisedData;
}

export type CardName = keyof CardDataMap;

export const CARD_NAMES: readonly CardName[] = [
  'welcome',
  'help',
  'greeting',
  'reminders-preview',
  'request-form',
  'similar-requests',
  'request-submitted',
  'my-requests',
  'request-detail',
  'request-summary',
  'draft-offer',
  'triage',
  'settings',
  'question',
  'project',
  'pending',
  'programme',
  'milestones',
  'history',
  'notice',
  'reminder',
  'digest',
  'annual-report',
  'assurance-report',
  'confirm',
  'agenda',
  'meeting',
  'meeting-item',
  'gate-request',
  'gate',
  'minutes',
  'meetings',
  'solutions',
  'solution-form',
  'risk-form',
  'request-compact',
  'request-raised',
];
