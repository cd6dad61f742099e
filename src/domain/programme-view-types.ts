/**
 * The JSON the Programme tab reads: `GET /api/programme`, `GET /api/projects/:ref`, `GET /api/meetings`,
 * `GET /api/catalogue` and `GET /api/session`. Shared by the server (which builds it, see programme-view.ts and
 * meetings-page.ts) and the tab (which only imports these types).
 *
 * Without a signed-in viewer the API returns only what open data publishes (no people, no links, no notes,
 * no free text beyond the approved title); `people` fields are then absent, never empty strings.
 */
import type { ProgrammeFigures } from './figures';
import type { MeasureStatus, TrackStatus, TrendPoint } from './measures';
import type { OpenMeasure, OpenSolution } from './open-data';
import type { ContractState } from './solutions';
import type { OpenGate } from './stages';
import type { HealthShown, Rag } from './health';
import type { RiskField } from './risks';

/** Who is looking, when signed in (Teams SSO, or the demo sign-in in local mode). */
export interface Viewer {
  name: string;
  /** e.g. "DSG member", "Digital Leader", "Project Lead" ... as the bot's permissions see them. */
  roles: string[];
  /** How they signed in. */
  via: 'teams-sso' | 'local-demo';
}

/** The body of POST /api/projects/:ref/risks (add) and /api/projects/:ref/risks/:id (edit, with the `version` read). */
export type RiskBody = Partial<Record<RiskField, string | number>> & { version?: number };

/** What a saved entry answers: what was done in words (as the card says it), and the entry's id and new version. */
export interface RiskSaved {
  notice: string;
  id: string;
  version: number;
}

/** A refused call: why in words and, for a form (400), a problem per input, named as in RiskBody. */
export interface ApiRefusal {
  error: string;
  fields?: Record<string, string>;
}

/** GET /api/people?q=: people the bot knows whose names match, to give an entry to (names and AAD object ids, at most 10). */
export interface PeopleResponse {
  people: { id: string; name: string }[];
}

/** GET /api/session: how the tab can sign in on this server. */
export interface SessionInfo {
  /** 'teams-sso' when an Azure AD app is configured; 'local-demo' in local mode (no bot credentials). */
  mode: 'teams-sso' | 'local-demo' | 'anonymous';
  /** Local mode only: the Playground's mock users the demo sign-in offers (send the id as `X-Demo-User`). */
  demoUsers?: { id: string; name: string }[];
}

interface ProgrammeOwners {
  digitalLeader: string | null;
  projectLead: string | null;
  projectManager: string | null;
}

export interface ProgrammeItem {
  reference: string;
  title: string;
  strandId: string;
  strand: string;
  principleIds: string[];
  principles: string[];
  statusId: 'approved' | 'in-delivery' | 'completed';
  status: string;
  priorityId: 'high' | 'medium' | 'low';
  priority: string;
  isPriority: boolean;
  /** Labels of what the strategy expects and the project lacks (empty when nothing is missing). */
  missing: string[];
  milestoneCount: number;
  overdueMilestones: number;
  /** Next planned milestone due date (ISO), if any. */
  nextDue: string | null;
  plannedAnnualCashSaving: number | null;
  /** Realised cash saving in the current financial year. */
  realisedThisYear: number;
  approvedOn: string;
  /** The Service Standard stage (Discovery, Alpha, Beta, Live, Closed), or null when not read with it. */
  stage: string | null;
  /** Only for a signed-in viewer. */
  owners?: ProgrammeOwners;
  /** Its health (RAG) status as health.ts defines it; null when it is not in delivery. */
  health: HealthView | null;
}

/** A project's health as the tab shows it: the overall colour (grey once stale), in words, and the day it was set. */
export interface HealthView {
  shown: HealthShown;
  /** 'Red', 'Not updated since 3 Nov 2026', 'No status yet'. */
  label: string;
  stale: boolean;
  /** `yyyy-mm-dd`, London; null before the first. */
  setOn: string | null;
  /** Time, cost and scope (and overall), each with its status; the reasons and who set it only for a signed-in viewer. */
  aspects: { aspect: string; rag: Rag; reason?: string | null }[];
  setBy?: string;
}

/** GET /api/programme */
export interface ProgrammeResponse {
  generatedAt: string;
  /** Current UK financial year, e.g. "2026/27". */
  financialYear: string;
  /** The whole programme's figures for that year, each with its definition (domain/figures.ts). */
  figures: ProgrammeFigures;
  viewer: Viewer | null;
  projects: ProgrammeItem[];
}

export interface MilestoneView {
  title: string;
  due: string;
  status: 'planned' | 'done' | 'missed' | 'dropped';
  overdue: boolean;
  completedOn: string | null;
}

/** GET /api/projects/:ref */
export interface ProjectDetailResponse {
  viewer: Viewer | null;
  project: ProgrammeItem & {
    businessCase: { status: string; date: string | null; link?: string | null };
    plan: { present: boolean; link?: string | null };
    resourcing: { confirmed: boolean; note?: string | null };
    dpia: string | null;
    milestones: MilestoneView[];
    realisedSavings: { financialYear: string; cashSaving: number }[];
    /** Outcome measures, in the order they were added: what open data publishes, with each one's trend and status. */
    measures: MeasureView[];
    /** What the health status means (health.ts), with the configured rhythm. */
    healthDefinition: string;
    /** Since when it is at its stage, and its gates (oldest first), as open data publishes them. */
    stageSince: string | null;
    gates: OpenGate[];
    /** Newest first. Without a viewer: dates and what happened only; with one: who too. */
    history: { at: string; what: string; by?: string }[];
    /**
     * Signed in only (the project team's own words, and owners' names): the risks and issues log, open entries first,
     * highest score first, with the score's one definition (risks.ts). Added and changed on the project card in Teams
     * or here (POST /api/projects/:ref/risks, /api/projects/:ref/risks/:id), by those the bot's rules let
     * (`canAdd`, each entry's `canEdit`).
     */
    risks?: { definition: string; canAdd: boolean; entries: RiskView[] };
  };
}

/** A risk or issue as the tab shows it: its score and whether its review is overdue worked out by the domain. */
export interface RiskView {
  /** What an edit names (POST /api/projects/:ref/risks/:id), with the `version` read: a later change refuses it. */
  id: string;
  version: number;
  /** Whether the viewer may change it: its owner, and those who answer for the project. */
  canEdit: boolean;
  kind: 'Risk' | 'Issue';
  description: string;
  /** Null for an issue. */
  likelihood: number | null;
  impact: number;
  score: number;
  /** Open and scoring 15 or more: on the DSG agenda. */
  high: boolean;
  owner: string;
  mitigation: string;
  reviewDate: string;
  /** Open and its review date has passed. */
  reviewDue: boolean;
  status: 'Open' | 'Closed';
}

/**
 * A measure as the tab shows it: open data's fields (no one who recorded a figure), and on track or off track,
 * met or not, and the trend, all worked out by the domain (measures.ts), never by the tab.
 */
export interface MeasureView extends OpenMeasure {
  track: TrackStatus;
  /** The latest figure reaches the target. */
  met: boolean;
  /** The latest figure (`label` its period as people read it) and what the path from baseline to target expects then. */
  latest: (NonNullable<MeasureStatus['latest']> & { label: string }) | null;
  /** The baseline, each figure at its period's end, then the target, with what the path expects on each date. */
  trend: TrendPoint[];
}

/**
 * GET /api/meetings: the DSG's next meeting with its agenda, and the meetings held with their published minutes.
 * Without a signed-in viewer: no names (counts of attendees, action owners by role), no notes, no download links,
 * and no title of a request that is not in the Digital Programme. Signed in: names, notes and links; the titles
 * of requests still awaiting a decision only for those who may see the agenda in the bot (the DSG and admins).
 */
export interface MeetingsResponse {
  generatedAt: string;
  /** `yyyy-mm-dd`, London: what "overdue" is measured against. */
  today: string;
  viewer: Viewer | null;
  /** The next meeting (the one running, if any), or null when no date is set. */
  next: NextMeetingView | null;
  /** Dates set after the next meeting, ascending. */
  later: string[];
  /** Meetings held, newest first. */
  past: PastMeetingView[];
}

export interface NextMeetingView {
  date: string;
  /** `HH:mm`, London, when known. */
  startTime: string | null;
  /** Where it is held, when set (a Teams meeting link only for a signed-in viewer). */
  place: string | null;
  inProgress: boolean;
  /** The drafted agenda (or, while the meeting runs, the agenda it started with). */
  agenda: AgendaEntryView[];
}

export interface AgendaEntryView {
  /** Why it is on the agenda, e.g. "Awaiting a decision". */
  section: string;
  /** A request or project reference; null for a request the viewer may not see, or an item about no request. */
  reference: string | null;
  title: string;
  /** One line on why it is here; absent when it would name someone or say what the viewer may not see. */
  detail?: string;
}

export interface PastMeetingView {
  date: string;
  startTime: string | null;
  /** Null until the minutes are published. */
  minutes: MinutesPageView | null;
}

export interface MinutesPageView {
  publishedAt: string;
  attendeeCount: number;
  apologyCount: number;
  /** Signed in only. */
  attendees?: string[];
  apologies?: string[];
  items: (AgendaEntryView & {
    /** What the meeting did, e.g. "Approved", "Noted", "Deferred to the next meeting", "Not discussed". */
    outcome: string;
    /** Signed in only: who recorded it, and the note. */
    by?: string;
    note?: string;
  })[];
  actions: {
    what: string;
    reference: string | null;
    due: string;
    done: boolean;
    /** The owner's name when signed in; otherwise their role ("the Project Lead") or "an owner". */
    owner: string;
  }[];
  /** Signed in only. */
  notes?: string;
  /** Signed in only: signed links to the Word and HTML minutes. */
  downloads?: { docx: string; html: string };
}

/**
 * GET /api/catalogue: the re-use catalogue, every entry as open data publishes it (no personal data: an entry is
 * owned by a service), retired ones too and marked, with its strands' ids and its contract's state on `today`.
 */
export interface CatalogueResponse {
  generatedAt: string;
  /** `yyyy-mm-dd`, London: the day the contracts' states are taken on. */
  today: string;
  viewer: Viewer | null;
  entries: CatalogueEntryView[];
}

export interface CatalogueEntryView extends OpenSolution {
  strandIds: string[];
  /** none, running, ending (within 6 months) or ended (on or before `today`): solutions.ts's one definition. */
  contract: ContractState;
}
