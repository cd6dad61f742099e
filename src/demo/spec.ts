import type { Direction, Frequency, MeasureKind } from '../domain/measures';
/**
 * How the demo requests are written down: each one's form, who asked and when, and its story so far
 * (questions, decisions, delivery). Times are whole days before `today`, so the demo always looks current.
 */
import type { StrandId } from '../domain/catalogue';
import type { BusinessCaseStatus, DpiaStatus, Priority } from '../domain/project';
import type { RequestDetails } from '../domain/request';
import type { Who } from './people';

/** Days before today (1 = yesterday). Negative values are in the future. */
export type DaysAgo = number;

export interface AskSpec {
  on: DaysAgo;
  by: Who;
  question: string;
}

export interface AnsweredAskSpec extends AskSpec {
  answeredOn: DaysAgo;
  answer: string;
}

export interface MilestoneSpec {
  title: string;
  /** The current due date, in days from today (negative = in the past). */
  due: number;
  /** Done this many days ago. */
  doneOn?: DaysAgo;
  missed?: true;
  /** Added later than the project's first milestones, this many days ago. */
  added?: DaysAgo;
  /** Earlier due dates, oldest first (days from today), each moved on `on` for `reason`. */
  revisions?: { from: number; on: DaysAgo; reason: string }[];
}

interface BenefitSpec {
  /** The financial year before today's, or today's. */
  year: 'previous' | 'current';
  on: DaysAgo;
  /** Null: a benefit that is not cash, which the note describes. */
  cash: number | null;
  note: string;
  /** The name of the project's measure that shows it. */
  measure?: string;
}

/**
 * An outcome measure with a year of figures: its baseline at the start of the period a year ago, its target two
 * years on, and `figures` for the periods closed since, oldest first (fewer figures than periods leaves the
 * latest ones to be recorded, so the reminder asks for them).
 */
export interface MeasureSpec {
  name: string;
  kind: MeasureKind;
  unit: string;
  baseline: number;
  target: number;
  direction: Direction;
  frequency: Frequency;
  figures: number[];
}

export interface DeliverySpec {
  approved: DaysAgo;
  priority: Priority;
  isPriority: boolean;
  note: string | null;
  /** Owners assigned by the chair; the strand's usual Project Lead and (unless `manager: false`) Project Manager. */
  assigned?: { on: DaysAgo; manager?: false };
  /** Business case steps up to `status`: one day per step (drafting, submitted, approved). */
  businessCase?: { status: Exclude<BusinessCaseStatus, 'not-started'>; steps: DaysAgo[] };
  plan?: DaysAgo;
  resourcing?: { on: DaysAgo; confirmed: boolean; note: string };
  /** Only with personal data; without it the DPIA is not started. */
  dpia?: { on: DaysAgo; status: Exclude<DpiaStatus, 'not-started'> };
  nonCash?: string;
  milestones?: { added: DaysAgo; list: MilestoneSpec[] };
  started?: DaysAgo;
  completed?: DaysAgo;
  benefits?: BenefitSpec[];
  measures?: MeasureSpec[];
}

type StorySpec =
  | { status: 'submitted' }
  | { status: 'more-info-requested'; ask: AskSpec }
  | { status: 'under-review'; ask: AnsweredAskSpec }
  | { status: 'declined'; on: DaysAgo; reason: string; ask?: AnsweredAskSpec }
  | { status: 'withdrawn'; on: DaysAgo }
  | { status: 'merged'; on: DaysAgo; into: string }
  /** Closed as "Re-use an existing solution": the demo catalogue entry of this name. */
  | { status: 'reused'; on: DaysAgo; solution: string }
  | { status: 'approved' | 'in-delivery' | 'completed'; delivery: DeliverySpec; ask?: AnsweredAskSpec };

export interface RequestSpec {
  /** Stable name of the demo request (references are given when it is seeded). */
  key: string;
  strand: StrandId;
  requester: Who;
  submitted: DaysAgo;
  details: Omit<RequestDetails, 'strand' | 'desiredStart' | 'reuseSolution'> & {
    /** Desired start, in days after submission. */
    startAfter: number | null;
  };
  story: StorySpec;
}
