/**
 * The DSG digest: what changed since the last one, what is waiting, what is missing or late, and the
 * programme at a glance. Pure: everything it reads is handed in, and "today" is the London date of the
 * injected clock. The same rules build the weekly digest, the pre-meeting digest and `digest preview`.
 */
import { measureValue, periodLabel, wentOffTrackSince } from './measures';
import { healthOf, type HealthRules, type HealthShown } from './health';
import { addDays, daysBetween, londonDate, mondayOf } from './calendar';
import { STRANDS, strandName, type StrandId } from './catalogue';
import { countedProject, programmeFigures, type ProgrammeFigures } from './figures';
import { PRIORITY_ORDER } from './open-data';
import { ukDate } from './dates';
import { meetingWords, nextPlanned, type PlannedMeeting } from './meeting-plans';
import { financialYearOf, isOverdue, type Milestone, type MissingItem, MISSING_LABELS, type Project, whatIsMissing } from './project';
import { HIGH_RISK_SCORE, isDueForReview, isHighRisk, orderedLog, RISK_KIND_LABELS, type RiskEntry, riskName, riskScore } from './risks';
import type { ReminderKind, ReminderState } from './reminders';
import { daysWaiting, type ProjectRequest, STATUS_LABELS, waitingForRequesterSince, waitingTooLong } from './request';
import { countOf } from './words';

/** Items shown per section; the rest are counted ("and 12 more"). Keeps every digest card well under 28 KB. */
export const DIGEST_LIST_LIMIT = 5;
/** Milestones due within this many days are listed. */
const DUE_SOON_DAYS = 14;
/** Without a meeting set within this many days the digest says so at the top (the DSG meets at least every two months). */
const MEETING_HORIZON_DAYS = 61;
/** What a priority project must have, as the strategy puts it: a business case, a lead, a manager, a plan, resourcing. */
const ESSENTIALS: readonly MissingItem[] = ['business-case', 'project-lead', 'project-manager', 'implementation-plan', 'resourcing'];
type DigestKind = 'weekly' | 'pre-meeting' | 'preview';

/** Which digest to build, for whom, and since when: what the outbox queues, and the digest is built from when it is sent. */
export interface DigestRequest {
  kind: DigestKind;
  /** The DSG sees everything; a subscribed channel sees the programme, not requests still being decided. */
  audience: 'dsg' | 'channel';
  /** Only these strands; null for every strand. */
  strands: StrandId[] | null;
  /** The previous digest to this channel; null for a week ago. */
  since: string | null;
  /** The meeting a pre-meeting digest is for (`yyyy-mm-dd`). */
  meeting?: string;
}

export interface DigestDecision {
  reference: string;
  title: string;
  strand: StrandId;
  action: 'approve' | 'decline' | 'merge' | 'reuse';
  at: string;
}

export interface DigestSource {
  kind: DigestKind;
  /**
   * Who reads it: the DSG (everything), or a subscribed channel of colleagues, who see the programme but not
   * requests still being decided, declined ones, or which owners were escalated (cards they could not open).
   */
  audience: 'dsg' | 'channel';
  /** London date the digest is for. */
  today: string;
  /** Instant of the previous digest to the same channel (or a week ago): "since" sections start here. */
  since: string;
  /** Only these strands (a subscribed channel's choice); null for all. */
  strands: readonly StrandId[] | null;
  /** The DSG's planned meetings, from the settings. */
  meetings: readonly PlannedMeeting[];
  /** The meeting a pre-meeting digest is for. */
  meeting?: string;
  programme: readonly { project: Project; request: ProjectRequest }[];
  /** Requests awaiting a decision (submitted, under review, more information requested). */
  pending: readonly ProjectRequest[];
  /** Requests submitted since `since`, whatever happened to them after. */
  newRequests: readonly ProjectRequest[];
  decisions: readonly DigestDecision[];
  /** Reminder states; those escalated to a Digital Leader and not since resolved are listed. */
  reminderStates: readonly ReminderState[];
  /** People Teams says cannot be reached (blocked or removed the bot). */
  unreachable: readonly { aadObjectId: string; name: string }[];
  /** The health status's rhythm and working days (health.ts). */
  health: HealthRules;
  /** Open risks and issues scoring HIGH_RISK_SCORE or more (listed for the DSG only: they are the project team's words). */
  highRisks?: readonly RiskEntry[];
}

interface DigestItem {
  reference: string;
  /** The record's title (user text). */
  title: string;
  /** What to say about it: a date, an age, what is missing. */
  detail: string;
  /** Needs attention (e.g. waiting more than 14 days); the text says why too, never colour alone. */
  highlight: boolean;
  /** The card it opens: the project card, or the request for ones not (yet) in the programme. */
  opens: 'project' | 'request';
}

/** The milestones of the programme a digest section lists, and `milestone.list` lists in full. */
export type MilestoneListKind = 'due-soon' | 'overdue' | 'completed';

/** The list that holds every item of a section, for its "and N more". */
export type FullList = { list: 'pending' } | { list: 'programme' } | { list: 'milestones'; which: MilestoneListKind; since: string };

interface DigestSection {
  id: 'new-requests' | 'decisions' | 'awaiting' | 'missing' | 'health' | 'due-soon' | 'overdue' | 'completed' | 'off-track' | 'high-risks' | 'owners';
  title: string;
  items: DigestItem[];
  /** How many more there are than shown. */
  more: number;
  /** Where they are all listed. */
  all: FullList;
}

interface StrandCount {
  strand: StrandId;
  label: string;
  count: number;
}

export interface Digest {
  title: string;
  /** One line under the title: the period, the strands. */
  subtitle: string;
  /** Said at the top about the DSG's meetings; `attention` when none is set within two months. */
  meetingNotice: { text: string; attention: boolean } | null;
  /** Whether the reader is the DSG (see DigestSource.audience). */
  forDsg: boolean;
  /** Sent before a DSG meeting: the DSG's copy opens the meeting's agenda. */
  preMeeting: boolean;
  sections: DigestSection[];
  byStrand: StrandCount[];
  /** The programme's figures for this financial year (by status, planned and realised savings), from figures.ts. */
  figures: ProgrammeFigures;
  projectCount: number;
}

/** The week a weekly digest belongs to, named by its Monday: one weekly digest per channel per week. */
export const weeklyPeriod = (today: string): string => `week-${mondayOf(today)}`;
export const meetingPeriod = (meeting: string): string => `meeting-${meeting}`;

/**
 * The meeting a pre-meeting digest is due for today: the earliest meeting still ahead whose send day
 * (`daysBefore` working days before it) has come. A bot that was down on the send day sends it on the next
 * working day, as long as the meeting is still ahead.
 */
export function meetingDigestDue(
  meetings: readonly string[],
  today: string,
  daysBefore: number,
  calendar: { addWorkingDays(isoDate: string, n: number): string },
): string | null {
  return [...meetings].sort().find((m) => m > today && calendar.addWorkingDays(m, -daysBefore) <= today) ?? null;
}

const DECISION_WORDS: Record<DigestDecision['action'], string> = { approve: 'Approved', decline: 'Declined', merge: 'Merged as a duplicate', reuse: 'Re-uses an existing solution' };
const REMINDER_WORDS: Partial<Record<ReminderKind, string>> = {
  owners: 'owners',
  'business-case': 'the business case',
  plan: 'the implementation plan',
  milestones: 'milestones',
  resourcing: 'resourcing',
  dpia: 'the DPIA',
  'milestone-due-soon': 'a milestone due soon',
  'milestone-overdue': 'an overdue milestone',
  health: 'the health status',
};


function section(id: DigestSection['id'], title: string, items: DigestItem[], all: FullList = { list: 'programme' }): DigestSection {
  return { id, title, items: items.slice(0, DIGEST_LIST_LIMIT), more: Math.max(0, items.length - DIGEST_LIST_LIMIT), all };
}

/** A milestone of the programme, with the request of its project. */
export interface ProgrammeMilestone {
  milestone: Milestone;
  request: ProjectRequest;
}

export const MILESTONE_LIST_TITLES: Record<MilestoneListKind, string> = {
  'due-soon': `Milestones due in the next ${DUE_SOON_DAYS} days`,
  overdue: 'Late milestones',
  completed: 'Milestones completed',
};

/**
 * The one definition of the milestone lists: due within DUE_SOON_DAYS (soonest first), overdue (longest overdue
 * first), or completed on or after `since` (newest first); ties by reference.
 */
export function programmeMilestones(
  programme: readonly { project: Project; request: ProjectRequest }[],
  which: MilestoneListKind,
  today: string,
  since: string,
): ProgrammeMilestone[] {
  const all = programme.flatMap(({ project, request }) => project.milestones.map((milestone) => ({ milestone, request })));
  const byRef = (a: ProgrammeMilestone, b: ProgrammeMilestone) => a.request.reference.localeCompare(b.request.reference);
  if (which === 'due-soon') {
    const horizon = addDays(today, DUE_SOON_DAYS);
    return all.filter(({ milestone: m }) => m.status === 'planned' && m.due >= today && m.due <= horizon).sort((a, b) => a.milestone.due.localeCompare(b.milestone.due) || byRef(a, b));
  }
  if (which === 'overdue') return all.filter(({ milestone: m }) => isOverdue(m, today)).sort((a, b) => a.milestone.due.localeCompare(b.milestone.due) || byRef(a, b));
  return all
    .filter(({ milestone: m }) => m.status === 'done' && m.completedOn !== null && m.completedOn >= since)
    .sort((a, b) => (b.milestone.completedOn ?? '').localeCompare(a.milestone.completedOn ?? '') || byRef(a, b));
}

/** A listed milestone's line under its title: when it is due or was done, and its project. */
export function milestoneDetail({ milestone: m, request }: ProgrammeMilestone, which: MilestoneListKind, today: string): string {
  if (which === 'due-soon') return `Due ${ukDate(m.due)} · ${request.title}`;
  if (which === 'overdue') return `Late: due ${ukDate(m.due)}, ${countOf(daysBetween(m.due, today), 'day')} ago · ${request.title}`;
  return `Done ${ukDate(m.completedOn ?? '')} · ${request.title}`;
}

/** Builds the digest. Sections with nothing in them are left out. */
export function buildDigest(src: DigestSource): Digest {
  const inStrands = (strand: string) => src.strands === null || src.strands.includes(strand as StrandId);
  const programme = src.programme.filter(({ request }) => inStrands(request.strand));
  const today = src.today;
  const sinceDate = londonDate(new Date(src.since));
  const sections: DigestSection[] = [];
  const forDsg = src.audience === 'dsg';
  const add = (s: DigestSection) => {
    if (s.items.length > 0) sections.push(s);
  };

  if (forDsg) add(
    section(
      'new-requests',
      `New requests since ${ukDate(sinceDate)}`,
      src.newRequests
        .filter((r) => inStrands(r.strand))
        .sort((a, b) => a.createdAt.localeCompare(b.createdAt))
        .map((r) => ({ reference: r.reference, title: r.title, detail: `${strandName(r.strand)} · ${STATUS_LABELS[r.status]}`, highlight: false, opens: 'request' })),
      { list: 'pending' },
    ),
  );

  const inProgramme = new Set(src.programme.map(({ request }) => request.reference));
  add(
    section(
      'decisions',
      `Decisions since ${ukDate(sinceDate)}`,
      src.decisions
        .filter((d) => inStrands(d.strand) && (forDsg || d.action === 'approve'))
        .sort((a, b) => a.at.localeCompare(b.at))
        .map((d) => ({
          reference: d.reference,
          title: d.title,
          detail: `${DECISION_WORDS[d.action]} on ${ukDate(d.at)}`,
          highlight: false,
          opens: inProgramme.has(d.reference) ? 'project' : 'request',
        })),
    ),
  );

  if (forDsg) add(
    section(
      'awaiting',
      'Awaiting a decision (oldest first)',
      src.pending
        .filter((r) => inStrands(r.strand))
        .sort((a, b) => a.createdAt.localeCompare(b.createdAt) || a.reference.localeCompare(b.reference))
        .map((r) => {
          const age = daysWaiting(r, today);
          const stale = waitingTooLong(r, today);
          const askedSince = waitingForRequesterSince(r);
          return {
            reference: r.reference,
            title: r.title,
            detail: askedSince
              ? `Waiting for the requester since ${ukDate(askedSince)} · ${STATUS_LABELS[r.status]}`
              : `${stale ? 'Waiting too long: ' : 'Waiting '}${countOf(age, 'day')} · ${STATUS_LABELS[r.status]}`,
            highlight: stale,
            opens: 'request' as const,
          };
        }),
      { list: 'pending' },
    ),
  );

  add(
    section(
      'missing',
      'Priority projects missing essentials',
      programme
        .filter(({ project, request }) => project.isPriority && request.status !== 'completed')
        .map(({ project, request }) => ({ project, request, missing: whatIsMissing(project, today).filter((m) => ESSENTIALS.includes(m)) }))
        .filter((x) => x.missing.length > 0)
        .sort((a, b) => PRIORITY_ORDER[a.project.priority] - PRIORITY_ORDER[b.project.priority] || a.request.reference.localeCompare(b.request.reference))
        .map(({ request, missing }) => ({
          reference: request.reference,
          title: request.title,
          detail: `Missing: ${missing.map((m) => MISSING_LABELS[m].toLowerCase()).join(', ')}`,
          highlight: true,
          opens: 'project' as const,
        })),
    ),
  );

  add(section('health', 'Health: red, amber and not updated', healthItems(programme, today, src.health, forDsg)));

  for (const which of ['due-soon', 'overdue', 'completed'] as const) {
    const title = which === 'completed' ? `Milestones completed since ${ukDate(sinceDate)}` : MILESTONE_LIST_TITLES[which];
    const listed = programmeMilestones(programme, which, today, sinceDate).map((pm) => ({
      reference: pm.request.reference,
      title: pm.milestone.title,
      detail: milestoneDetail(pm, which, today),
      highlight: which === 'overdue',
      opens: 'project' as const,
    }));
    add(section(which, title, listed, { list: 'milestones', which, since: sinceDate }));
  }
  add(
    section(
      'off-track',
      `Measures gone off track since ${ukDate(sinceDate)}`,
      programme.flatMap(({ project, request }) =>
        project.measures.flatMap((m) => {
          const status = wentOffTrackSince(m, src.since);
          if (!status?.latest) return [];
          const value = (n: number) => measureValue(Math.round(n * 100) / 100, m.unit);
          return [{
            reference: request.reference,
            title: m.name,
            detail: `Off track: ${value(status.latest.value)} for ${periodLabel(m.frequency, status.latest.period)}; the path to the target expects ${value(status.latest.expected)}`,
            highlight: true,
            opens: 'project' as const,
          }];
        }),
      ),
    ),
  );
  const live = new Map(programme.filter(({ request }) => request.status !== 'completed').map(({ request }) => [request.reference, request]));
  if (forDsg) add(
    section(
      'high-risks',
      `Risks and issues scoring ${HIGH_RISK_SCORE} or more (on the next agenda)`,
      orderedLog((src.highRisks ?? []).filter((e) => isHighRisk(e) && live.has(e.reference))).map((e) => ({
        reference: e.reference,
        title: riskName(e),
        detail: `${RISK_KIND_LABELS[e.kind]} scoring ${riskScore(e)} · ${isDueForReview(e, today) ? 'review was due' : 'review by'} ${ukDate(e.reviewDate)}`,
        highlight: true,
        opens: 'project' as const,
      })),
    ),
  );
  if (forDsg) add(section('owners', 'Escalated and unreachable owners', ownerItems(programme, src.reminderStates, src.unreachable)));

  const byStrand = STRANDS.filter((s) => inStrands(s.id)).map((s) => ({ strand: s.id, label: s.name, count: programme.filter(({ request }) => request.strand === s.id).length }));
  const financialYear = financialYearOf(today);
  const strandNames = STRANDS.filter((s) => inStrands(s.id)).map((s) => s.name);
  const figures = programmeFigures(
    programme.map((r) => countedProject(r, financialYear)),
    financialYear,
    src.strands === null ? undefined : `${strandNames.join(', ')} projects`,
  );

  return {
    title: titleOf(src),
    subtitle: [
      src.kind === 'pre-meeting' ? `Since ${ukDate(sinceDate)}` : `Week of ${ukDate(mondayOf(today))}`,
      src.strands === null ? 'all strands' : strandNames.join(', '),
    ].join(' · '),
    meetingNotice: meetingNotice(src),
    forDsg,
    preMeeting: src.kind === 'pre-meeting',
    sections,
    byStrand,
    figures,
    projectCount: programme.length,
  };
}

function titleOf(src: DigestSource): string {
  if (src.kind === 'pre-meeting' && src.meeting) {
    const planned = src.meetings.find((m) => m.date === src.meeting);
    return `Before the DSG meeting on ${planned ? meetingWords(planned) : ukDate(src.meeting)}`;
  }
  return src.kind === 'preview' ? 'Digest preview' : 'Weekly digest';
}

function meetingNotice(src: DigestSource): Digest['meetingNotice'] {
  if (src.kind === 'pre-meeting') return null;
  const next = nextPlanned(src.meetings, src.today);
  if (next && daysBetween(src.today, next.date) <= MEETING_HORIZON_DAYS) return { text: `Next DSG meeting: ${meetingWords(next)}.`, attention: false };
  return {
    text: 'No DSG meeting is set in the next two months. The strategy asks the DSG to meet at least every two months: the chair can add meetings in "settings".',
    attention: true,
  };
}

const HEALTH_ORDER: Record<HealthShown, number> = { red: 0, amber: 1, grey: 2, none: 3, green: 4 };

/**
 * Projects in delivery that are red, then amber, then not updated (grey), from the one definition (health.ts); the
 * overall reason only for the DSG (a subscribed channel sees the status, not what its lead wrote).
 */
function healthItems(programme: readonly { project: Project; request: ProjectRequest }[], today: string, rules: HealthRules, forDsg: boolean): DigestItem[] {
  return programme
    .flatMap(({ project, request }) => {
      const health = healthOf(request.status, project.health, today, rules);
      return health && HEALTH_ORDER[health.shown] < HEALTH_ORDER.none ? [{ request, health }] : [];
    })
    .sort((a, b) => HEALTH_ORDER[a.health.shown] - HEALTH_ORDER[b.health.shown] || a.request.reference.localeCompare(b.request.reference))
    .map(({ request, health }) => {
      const reason = health.latest?.ratings.overall.reason;
      return {
        reference: request.reference,
        title: request.title,
        detail: health.stale || !reason || !forDsg ? health.label : `${health.label}: ${reason}`,
        highlight: health.shown === 'red',
        opens: 'project' as const,
      };
    });
}

/** Owners chased with no change until their Digital Leader was told, and owners Teams cannot reach. */
function ownerItems(
  programme: readonly { project: Project; request: ProjectRequest }[],
  states: readonly ReminderState[],
  unreachable: readonly { aadObjectId: string; name: string }[],
): DigestItem[] {
  const byReference = new Map(programme.map((x) => [x.request.reference, x]));
  const items: DigestItem[] = [];
  const escalated = states.filter((s) => s.escalatedAt !== null).sort((a, b) => (a.escalatedAt ?? '').localeCompare(b.escalatedAt ?? '') || a.key.localeCompare(b.key));
  for (const s of escalated) {
    const [reference, kind] = s.key.split(':');
    const entry = byReference.get(reference);
    if (!entry) continue;
    const { project, request } = entry;
    const owner = [project.projectLead, project.projectManager, project.digitalLeader].find((p) => p?.aadObjectId === s.recipientId);
    items.push({
      reference,
      title: request.title,
      detail: `Escalated ${ukDate(s.escalatedAt ?? '')}: ${owner?.name ?? 'an owner'} reminded ${countOf(s.count, 'time')} about ${REMINDER_WORDS[kind as ReminderKind] ?? kind} with no change`,
      highlight: true,
      opens: 'project',
    });
  }
  const cannotReach = new Map(unreachable.map((p) => [p.aadObjectId, p.name]));
  for (const { project, request } of programme) {
    for (const owner of [project.projectLead, project.projectManager, project.digitalLeader]) {
      if (owner && cannotReach.has(owner.aadObjectId)) {
        items.push({ reference: request.reference, title: request.title, detail: `${owner.name} cannot be reached in Teams (blocked or removed the bot)`, highlight: true, opens: 'project' });
      }
    }
  }
  return items;
}
