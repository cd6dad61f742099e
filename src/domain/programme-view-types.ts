/**
 * The JSON the Programme tab reads: `GET /api/programme`, `GET /api/projects/:ref` and `GET /api/session`.
 * Shared by the server (which builds it, see programme-view.ts) and the tab (which only imports these types).
 *
 * Without a signed-in viewer the API returns only what open data publishes (no people, no links, no notes,
 * no free text beyond the approved title); `people` fields are then absent, never empty strings.
 */

/** Who is looking, when signed in (Teams SSO, or the demo sign-in in local mode). */
export interface Viewer {
  name: string;
  /** e.g. "DSG member", "Digital Leader", "Project Lead" ... as the bot's permissions see them. */
  roles: string[];
  /** How they signed in. */
  via: 'teams-sso' | 'local-demo';
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
  /** Only for a signed-in viewer. */
  owners?: ProgrammeOwners;
}

/** GET /api/programme */
export interface ProgrammeResponse {
  generatedAt: string;
  /** Current UK financial year, e.g. "2026/27". */
  financialYear: string;
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
    /** Newest first. Without a viewer: dates and what happened only; with one: who too. */
    history: { at: string; what: string; by?: string }[];
  };
}
