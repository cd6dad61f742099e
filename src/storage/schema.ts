import type { Generated } from 'kysely';

/**
 * The tables as the database stores them (snake_case columns).
 * Conventions, the same on both engines: ids are text, timestamps are ISO-8601 UTC text
 * (sortable), booleans are integer 0/1, lists and objects are JSON text, money is integer pounds.
 */

export type Engine = 'sqlite' | 'postgres';

/** 0 or 1. */
export type Flag = number;
/** JSON text, or NULL for "no value". */
export type JsonText = string | null;

export interface PeopleTable {
  id: string;
  aad_object_id: string | null;
  name: string;
  tenant_id: string | null;
  conversation_ref: JsonText;
  reachable: Flag;
  updated_at: string;
  /** Lower case, as Teams reports it (roster or member lookup); null when not known. */
  email: string | null;
  upn: string | null;
}

export interface ConversationsTable {
  id: string;
  kind: string;
  tenant_id: string | null;
  team_id: string | null;
  name: string | null;
  reference: JsonText;
  installed: Flag;
  updated_at: string;
}

export interface RequestsTable {
  id: string;
  reference: string;
  form_id: string;
  status: string;
  version: number;
  requester_id: string;
  requester_name: string;
  title: string;
  problem: string;
  outcome: string;
  beneficiaries: JsonText;
  strand: string;
  principles: JsonText;
  principles_how: string;
  reuse_checked: string;
  /** The catalogue entry checked: its id, 'none' ("None of these"), or null (not asked). */
  reuse_solution: string | null;
  route: string;
  route_justification: string | null;
  personal_data: Flag;
  one_off_cost: number | null;
  annual_benefit: number | null;
  desired_start: string | null;
  /** Number of distinct terms in request_terms for this request (the similarity denominator). */
  term_count: number;
  created_at: string;
  updated_at: string;
}

interface RequestTermsTable {
  term: string;
  request_id: string;
}

interface ReferenceCountersTable {
  year: number;
  last: number;
}

export interface DraftsTable {
  form_id: string;
  person_id: string;
  values: JsonText;
  created_at: string;
  updated_at: string;
}

export interface AuditEventsTable {
  id: Generated<number>;
  at: string;
  actor_id: string | null;
  actor_name: string;
  action: string;
  subject_type: string;
  subject_id: string;
  outcome: string;
  before: JsonText;
  after: JsonText;
  detail: string | null;
}

/** One row (id 1): the DSG settings. */
export interface SettingsTable {
  id: number;
  channel: JsonText;
  chair: JsonText;
  leaders: JsonText;
  meetings: JsonText;
  version: number;
  updated_at: string | null;
  /** Added by 0010-meetings. */
  minute_taker: JsonText;
}

export interface MeetingsTable {
  id: string;
  /** yyyy-mm-dd; unique: one meeting a day. */
  date: string;
  status: string;
  version: number;
  /** The rest of the record (agenda, attendance, outcomes, notes, who and when), as JSON. */
  record: JsonText;
  updated_at: string;
}

/** One row (id 1): how the next meeting's agenda was arranged (0011-agenda-plan). */
export interface AgendaPlanTable {
  id: number;
  /** Order, items taken off and the last change, as JSON. */
  plan: string;
  version: number;
}

/** The re-use catalogue (0014-solutions). */
export interface SolutionsTable {
  id: string;
  /** The name in lower case with single spaces: unique, so an entry is not catalogued twice. */
  name_key: string;
  retired: Flag;
  /** yyyy-mm-dd or null. */
  contract_ends: string | null;
  version: number;
  /** The rest of the entry (name, what it does, service, strands, keywords, sharing, link), as JSON. */
  record: JsonText;
  created_at: string;
  updated_at: string;
}

export interface AgendaAdditionsTable {
  id: string;
  reference: string | null;
  text: string;
  added_by_id: string;
  added_by_name: string;
  added_at: string;
  meeting_id: string | null;
}

export interface MeetingActionsTable {
  id: string;
  meeting_id: string;
  item_id: string;
  reference: string | null;
  what: string;
  owner_aad_object_id: string;
  owner_name: string;
  due: string;
  created_at: string;
  created_by: string;
  done_at: string | null;
  done_by: string | null;
}

interface RosterCacheTable {
  team_id: string;
  members: JsonText;
  fetched_at: string;
}

export interface TriageTable {
  reference: string;
  post: JsonText;
  last_decision: JsonText;
  duplicate_of: string | null;
  questions: JsonText;
}

export interface ProjectsTable {
  reference: string;
  priority: string;
  is_priority: Flag;
  digital_leader: JsonText;
  project_lead: JsonText;
  project_manager: JsonText;
  business_case_status: string;
  business_case_link: string | null;
  business_case_date: string | null;
  plan_link: string | null;
  resourcing_confirmed: Flag;
  resourcing_note: string | null;
  dpia: string | null;
  planned_annual_cash: number | null;
  planned_non_cash: string | null;
  approved_at: string;
  version: number;
  updated_at: string;
}

export interface MilestonesTable {
  id: string;
  reference: string;
  title: string;
  due: string;
  status: string;
  completed_on: string | null;
  revisions: JsonText;
  /** Why it was dropped, for a dropped milestone. */
  drop_reason: string | null;
  /** Order of creation within the project: the last tie-break after due date and title. */
  position: number;
}

export interface RealisedBenefitsTable {
  id: Generated<number>;
  reference: string;
  financial_year: string;
  /** Whole pounds; 0 (and meaningless) for a non-cash benefit. */
  cash_saving: number;
  note: string | null;
  recorded_at: string;
  recorded_by: string;
  /** 1: a benefit that is not cash, which its note describes. */
  non_cash: Generated<Flag>;
  /** The project's measure that shows it, if any. */
  measure_id: string | null;
}

export interface MeasuresTable {
  id: string;
  reference: string;
  name: string;
  kind: string;
  unit: string;
  baseline_value: number;
  baseline_date: string;
  target_value: number;
  target_date: string;
  direction: string;
  frequency: string;
  /** Order of creation within the project. */
  position: number;
}

/** One figure per measure and period; primary key (measure_id, period). */
export interface MeasureFiguresTable {
  measure_id: string;
  period: string;
  value: number;
  recorded_at: string;
  recorded_by: string;
}

export interface OutboxTable {
  id: string;
  key: string;
  target: JsonText;
  /** What the message is about (an OutboxIntent); the card is drawn from it when it is sent. */
  intent: JsonText;
  status: string;
  attempts: number;
  next_attempt_at: string;
  created_at: string;
  sent_at: string | null;
  activity_id: string | null;
  last_error: string | null;
  claimed_by: string | null;
  /** A claim's lease: no other worker claims the row before this time. */
  claimed_until: string | null;
}

/** How one reminder item has been chased with one person; primary key (item_key, recipient_id). */
export interface ReminderStateTable {
  item_key: string;
  recipient_id: string;
  count: number;
  last_sent_at: string | null;
  fingerprint: string;
  snoozed_until: string | null;
  snoozes: number;
  escalated_at: string | null;
}

/** A slot of a scheduled job, taken once; primary key (job, slot). */
interface ScheduledRunsTable {
  job: string;
  /** The slot's scheduled instant, ISO-8601 UTC. */
  slot: string;
  started_at: string;
}

interface DigestSubscriptionsTable {
  conversation_id: string;
  team_id: string | null;
  channel_name: string | null;
  /** JSON: the Teams adapter's opaque conversation reference. */
  reference: string;
  /** JSON array of strand ids; empty for every strand. */
  strands: string;
  subscribed_by: string;
  subscribed_at: string;
}

interface DigestRunsTable {
  conversation_id: string;
  /** `week-<Monday>` or `meeting-<date>`. */
  period: string;
  queued_at: string;
}

/** The council's own code for an imported project (normalised), so a re-import updates it. */
export interface ImportKeysTable {
  key: string;
  reference: string;
  imported_at: string;
}

/** A request whose people the retention run has pseudonymised (so it is never done twice). */
export interface PseudonymisedRequestsTable {
  reference: string;
  /** 'closed-request' or 'completed-project'. */
  reason: string;
  at: string;
}

export interface ProjectFollowsTable {
  conversation_id: string;
  reference: string;
  conversation_ref: string;
  followed_at: string;
}

export interface ProjectStagesTable {
  reference: string;
  stage: string;
  since: string | null;
}

export interface GateRequestsTable {
  id: string;
  reference: string;
  from_stage: string;
  to_stage: string;
  /** 'pending' or 'decided'. */
  status: string;
  /** JSON: evidence, note, requestedBy, decision. */
  record: string;
  requested_at: string;
  decided_at: string | null;
  version: number;
  /** JSON: where the request's card was posted in the DSG channel ({ conversationId, activityId }), once it was. */
  post: string | null;
}

export interface GateConditionsTable {
  id: string;
  gate_id: string;
  reference: string;
  position: number;
  what: string;
  owner_aad_object_id: string;
  owner_name: string;
  due: string;
  done_at: string | null;
  done_by: string | null;
}

/** One setting of a project's health statuses; primary key (reference, version). */
export interface HealthUpdatesTable {
  reference: string;
  version: number;
  overall: string;
  overall_reason: string | null;
  time: string;
  time_reason: string | null;
  cost: string;
  cost_reason: string | null;
  scope: string;
  scope_reason: string | null;
  set_at: string;
  set_by: string;
  confirmed: Flag;
}

/** A project's risk or issue (domain/risks.ts); `score` is riskScore's, written with the entry. */
export interface RisksTable {
  id: string;
  reference: string;
  kind: string;
  description: string;
  likelihood: number | null;
  impact: number;
  score: number;
  /** JSON PersonRef. */
  owner: string;
  mitigation: string;
  review_date: string;
  status: string;
  version: number;
  created_at: string;
  created_by: string;
  updated_at: string;
  /** JSON { what, by, at }, or NULL. */
  last_change: JsonText;
}

export interface Database {
  people: PeopleTable;
  conversations: ConversationsTable;
  requests: RequestsTable;
  request_terms: RequestTermsTable;
  reference_counters: ReferenceCountersTable;
  drafts: DraftsTable;
  audit_events: AuditEventsTable;
  settings: SettingsTable;
  roster_cache: RosterCacheTable;
  triage: TriageTable;
  projects: ProjectsTable;
  milestones: MilestonesTable;
  realised_benefits: RealisedBenefitsTable;
  measures: MeasuresTable;
  measure_figures: MeasureFiguresTable;
  health_updates: HealthUpdatesTable;
  outbox: OutboxTable;
  reminder_state: ReminderStateTable;
  scheduled_runs: ScheduledRunsTable;
  digest_subscriptions: DigestSubscriptionsTable;
  digest_runs: DigestRunsTable;
  project_follows: ProjectFollowsTable;
  import_keys: ImportKeysTable;
  pseudonymised_requests: PseudonymisedRequestsTable;
  meetings: MeetingsTable;
  agenda_additions: AgendaAdditionsTable;
  agenda_plan: AgendaPlanTable;
  meeting_actions: MeetingActionsTable;
  solutions: SolutionsTable;
  project_stages: ProjectStagesTable;
  gate_requests: GateRequestsTable;
  gate_conditions: GateConditionsTable;
  risks: RisksTable;
}
