/**
 * The assurance report for the Corporate Management Team (issue 17): each quarter, how the Digital Programme is
 * going, written for senior managers. Short sections, each with its numbers in words and one chart's data: the
 * programme by strand (and stage), health (RAG) counts and movement since the last report, the red and amber
 * projects with their reasons, the top risks, the gates passed, overdue conditions and actions, benefits to date
 * against plan, and the projects missing what the strategy asks of them. Plain data: no I/O.
 */
import { addDays } from './calendar';
import { STRANDS, strandName } from './catalogue';
import { ukDate } from './dates';
import { countedProject, programmeFigures, type Figure } from './figures';
import { healthOf, type HealthRules, type HealthShown, type HealthUpdate, RAG_LABELS, HEALTH_ASPECTS, ASPECT_LABELS } from './health';
import type { MeetingAction } from './meetings';
import { csvCell, isPublished, type ProgrammeRecord } from './open-data';
import { financialYearOf, MISSING_LABELS, type MissingItem, whatIsMissing } from './project';
import { HIGH_RISK_SCORE } from './risks';
import { countOf, pounds } from './words';

export interface Quarter {
  /** '2026 Q3' */
  name: string;
  /** `yyyy-mm-dd`, its first and last days. */
  first: string;
  last: string;
}

const pad = (n: number) => String(n).padStart(2, '0');
const LAST_DAY = ['03-31', '06-30', '09-30', '12-31'];

function quarter(year: number, q: number): Quarter {
  return { name: `${year} Q${q}`, first: `${year}-${pad((q - 1) * 3 + 1)}-01`, last: `${year}-${LAST_DAY[q - 1]}` };
}

/** The calendar quarter holding a date (`yyyy-mm-dd`). */
export const quarterOf = (date: string): Quarter => quarter(Number(date.slice(0, 4)), Math.floor((Number(date.slice(5, 7)) - 1) / 3) + 1);

/** The quarter before. */
export const previousQuarter = (q: Quarter): Quarter => quarterOf(addDays(q.first, -1));

/** "2026 Q3", "Q3 2026", "2026-q3": the quarter, or null when it is not one (years 2000 to 2099). */
export function parseQuarter(text: string): Quarter | null {
  const t = text.trim().toUpperCase();
  const m = /^(20\d\d)[\s-]*Q([1-4])$/.exec(t) ?? /^Q([1-4])[\s-]*(20\d\d)$/.exec(t);
  if (!m) return null;
  const [year, q] = m[1].startsWith('20') ? [m[1], m[2]] : [m[2], m[1]];
  return quarter(Number(year), Number(q));
}

/** What the report counts health as: a RAG colour, stale (grey), or no status yet. */
export type HealthCount = Record<HealthShown, number>;

export interface ProjectConcern {
  reference: string;
  title: string;
  strand: string;
  shown: 'red' | 'amber';
  /** "Overall: Supplier late", "Time: …": each aspect that is not green, with its reason. */
  reasons: string[];
}

/** What the report needs that other features keep: stages and gates, risks (each absent until recorded). */
export interface AssuranceExtras {
  /** Each project's stage name ("Alpha"), by reference. */
  stages?: ReadonlyMap<string, string>;
  /** Gates passed within the quarter. */
  gatesPassed?: readonly { reference: string; title: string; gate: string; outcome: string; on: string }[];
  /** Open conditions of gate decisions past their due date. */
  overdueConditions?: readonly { reference: string; what: string; owner: string; due: string }[];
  /** Open risks and issues scoring HIGH_RISK_SCORE or more, highest first. */
  topRisks?: readonly { reference: string; title: string; description: string; score: number; owner: string }[];
}

export interface AssuranceInput extends AssuranceExtras {
  quarter: Quarter;
  /** `yyyy-mm-dd`, London. */
  today: string;
  programme: readonly ProgrammeRecord[];
  health: HealthRules;
  /** Each project's latest health setting before the quarter began (the last report's position). */
  healthBefore: ReadonlyMap<string, HealthUpdate>;
  /**
   * For a quarter already over: each project's latest health setting made by its end, so a later change does not
   * rewrite it. Absent while the quarter runs: each project's latest setting (the project's own).
   */
  healthAtEnd?: ReadonlyMap<string, HealthUpdate>;
  openActions: readonly MeetingAction[];
}

/** Sections' headings and sentences, and each chart's rows (label and number), for the card, the .docx and the .csv. */
export interface ChartRow {
  label: string;
  value: number;
}

/** One entry a section lists: a project (or an action) and what is said of it. */
export interface ReportItem {
  reference: string | null;
  title: string;
  detail: string;
}

/** One section of the report: its heading, its numbers in words, one chart (its rows in words beside it), and what it lists. */
export interface ReportSection {
  key: 'programme' | 'health' | 'concerns' | 'risks' | 'gates' | 'overdue' | 'benefits' | 'missing';
  heading: string;
  words: string;
  chartTitle: string;
  chart: ChartRow[];
  /** Everything the section lists (the card shows the first REPORT_LIST_MAX; the .docx and .csv all). */
  items: ReportItem[];
}

export interface AssuranceReport {
  quarter: Quarter;
  /** The day the figures are as at: the quarter's last day, or today while it runs. */
  asAt: string;
  /** Projects in the published programme. */
  projects: number;
  sections: ReportSection[];
}

/** The card lists this many entries of each section at most (the .docx and .csv have them all), and charts this many risks. */
export const REPORT_LIST_MAX = 10;
/** The most top risks the report lists anywhere: the highest, for senior managers. */
export const TOP_RISKS = 25;
const SHOWN: readonly HealthShown[] = ['red', 'amber', 'green', 'grey', 'none'];
const SHOWN_LABELS: Record<HealthShown, string> = { ...RAG_LABELS, grey: 'Not updated', none: 'No status yet' };
/** Worse is higher: how movement is judged. */
const SEVERITY: Record<HealthShown, number> = { green: 0, amber: 1, red: 2, grey: 1, none: 1 };
/** What the strategy asks of each priority project that the report names as missing. */
const REPORTED_MISSING: readonly MissingItem[] = ['digital-leader', 'project-lead', 'project-manager', 'business-case', 'implementation-plan', 'resourcing'];

const emptyCount = (): HealthCount => ({ green: 0, amber: 0, red: 0, grey: 0, none: 0 });

/** "3 red, 5 amber, 20 green, 2 not updated and 1 with no status yet". */
function countWords(c: HealthCount): string {
  const parts = SHOWN.filter((s) => c[s] > 0).map((s) => `${c[s]} ${SHOWN_LABELS[s].toLowerCase()}`);
  return parts.length ? parts.join(', ').replace(/, ([^,]*)$/, ' and $1') : 'none';
}

export function assuranceReport(input: AssuranceInput): AssuranceReport {
  const { quarter: q, programme } = input;
  const asAt = input.today < q.last ? input.today : q.last;
  const records = programme.filter(isPublished);

  // The programme by strand, and by stage where stages are recorded.
  const byStrand = STRANDS.map((s) => {
    const mine = records.filter((r) => r.request.strand === s.id);
    const stages = new Map<string, number>();
    for (const r of mine) {
      const stage = input.stages?.get(r.request.reference);
      if (stage) stages.set(stage, (stages.get(stage) ?? 0) + 1);
    }
    return { strand: s.name, count: mine.length, stages: [...stages].map(([name, n]) => `${n} ${name.toLowerCase()}`).join(', ') };
  });
  const busiest = [...byStrand].sort((a, b) => b.count - a.count)[0];
  const programmeWords =
    records.length === 0
      ? 'The Digital Programme has no projects yet.'
      : `The Digital Programme holds ${countOf(records.length, 'project')} across ${countOf(byStrand.filter((s) => s.count > 0).length, 'strand')}; ${busiest.strand} has the most (${busiest.count}).`;

  // Health now and at the last report (before the quarter began), by the one definition.
  const now = emptyCount();
  const before = emptyCount();
  let improved = 0;
  let worsened = 0;
  const concerns: ProjectConcern[] = [];
  const startOfQuarter = addDays(q.first, -1);
  for (const r of records) {
    const current = healthOf(r.request.status, input.healthAtEnd ? input.healthAtEnd.get(r.request.reference) : r.project.health, asAt, input.health);
    if (!current) continue;
    now[current.shown] += 1;
    const earlier = healthOf(r.request.status, input.healthBefore.get(r.request.reference), startOfQuarter, input.health);
    if (earlier) {
      before[earlier.shown] += 1;
      if (SEVERITY[current.shown] < SEVERITY[earlier.shown]) improved += 1;
      if (SEVERITY[current.shown] > SEVERITY[earlier.shown]) worsened += 1;
    }
    if ((current.shown === 'red' || current.shown === 'amber') && current.latest) {
      const ratings = current.latest.ratings;
      concerns.push({
        reference: r.request.reference,
        title: r.request.title,
        strand: strandName(r.request.strand),
        shown: current.shown,
        reasons: HEALTH_ASPECTS.filter((a) => ratings[a].rag !== 'green').map((a) => `${ASPECT_LABELS[a]} ${RAG_LABELS[ratings[a].rag].toLowerCase()}${ratings[a].reason ? `: ${ratings[a].reason}` : ''}`),
      });
    }
  }
  concerns.sort((a, b) => (a.shown === b.shown ? a.reference.localeCompare(b.reference) : a.shown === 'red' ? -1 : 1));
  const inDelivery = SHOWN.reduce((n, s) => n + now[s], 0);
  const ragWords =
    inDelivery === 0
      ? 'No project is in delivery, so none has a health status.'
      : `Of ${countOf(inDelivery, 'project')} in delivery, ${countWords(now)}. At the last report: ${countWords(before)}. Since then ${countOf(improved, 'project')} improved and ${worsened} got worse.`;

  const risks = input.topRisks ?? [];
  const gates = input.gatesPassed ?? [];
  const conditions = input.overdueConditions ?? [];
  const actions = input.openActions
    .filter((a) => a.doneAt === null && a.due < asAt)
    .sort((a, b) => a.due.localeCompare(b.due))
    .map((a) => ({ reference: a.reference, what: a.what, owner: a.owner.name, due: a.due }));

  const figures = programmeFigures(records.map((r) => countedProject(r, financialYearOf(asAt))), financialYearOf(asAt));
  const share = figures.planned.value > 0 ? Math.round((figures.realised.value / figures.planned.value) * 100) : null;

  const missing = records
    .filter((r) => r.request.status !== 'completed')
    .map((r) => ({ reference: r.request.reference, title: r.request.title, missing: whatIsMissing(r.project, asAt).filter((m) => REPORTED_MISSING.includes(m)).map((m) => MISSING_LABELS[m]) }))
    .filter((m) => m.missing.length > 0);

  const strandChart = byStrand.filter((st) => st.count > 0).map((st) => ({ label: st.strand, value: st.count }));
  const byCount = <T>(items: readonly T[], key: (item: T) => string): ChartRow[] => {
    const counts = new Map<string, number>();
    for (const item of items) counts.set(key(item), (counts.get(key(item)) ?? 0) + 1);
    return [...counts].map(([label, value]) => ({ label, value }));
  };
  const missingCounts = new Map<string, number>();
  for (const m of missing) for (const what of m.missing) missingCounts.set(what, (missingCounts.get(what) ?? 0) + 1);
  const redCount = concerns.filter((c) => c.shown === 'red').length;

  const sections: ReportSection[] = [
    {
      key: 'programme',
      heading: 'The programme by strand and stage',
      words: programmeWords,
      chartTitle: 'Projects by strand',
      chart: strandChart,
      // Each strand's stages, where stages are recorded (its count is the chart's).
      items: byStrand.filter((st) => st.stages).map((st) => ({ reference: null, title: st.strand, detail: `${countOf(st.count, 'project')}: ${st.stages}` })),
    },
    {
      key: 'health',
      heading: 'Health (RAG) and movement since the last report',
      words: ragWords,
      chartTitle: 'Projects in delivery by health status',
      chart: SHOWN.map((sh) => ({ label: SHOWN_LABELS[sh], value: now[sh] })),
      // The chart holds the counts now, the words those at the last report.
      items: [],
    },
    {
      key: 'concerns',
      heading: 'Red and amber projects',
      words: concerns.length === 0 ? 'No project is red or amber.' : `${countOf(redCount, 'project')} red and ${concerns.length - redCount} amber, with the reasons their leads gave.`,
      chartTitle: 'Red and amber projects by strand',
      chart: byCount(concerns, (c) => c.strand),
      items: concerns.map((c) => ({ reference: c.reference, title: c.title, detail: `${RAG_LABELS[c.shown]}. ${c.reasons.join('; ')}` })),
    },
    {
      key: 'risks',
      heading: 'Top risks',
      words:
        risks.length === 0
          ? `No open risk or issue scores ${HIGH_RISK_SCORE} or more.`
          : `${countOf(risks.length, 'open risk or issue', 'open risks and issues')} ${risks.length === 1 ? 'scores' : 'score'} ${HIGH_RISK_SCORE} or more out of 25; the highest scores ${risks[0].score}.${risks.length > TOP_RISKS ? ` The ${TOP_RISKS} highest are listed.` : ''}`,
      chartTitle: 'Score of each top risk (out of 25)',
      chart: risks.slice(0, REPORT_LIST_MAX).map((r) => ({ label: r.reference, value: r.score })),
      items: risks.slice(0, TOP_RISKS).map((r) => ({ reference: r.reference, title: r.title, detail: `Score ${r.score}: ${r.description} (owner: ${r.owner})` })),
    },
    {
      key: 'gates',
      heading: 'Gates passed',
      words: gates.length === 0 ? 'No gate was passed this quarter.' : `${countOf(gates.length, 'gate')} passed this quarter.`,
      chartTitle: 'Gates passed by gate',
      chart: byCount(gates, (g) => g.gate),
      items: gates.map((g) => ({ reference: g.reference, title: g.title, detail: `${g.gate}: ${g.outcome} on ${ukDate(g.on)}` })),
    },
    {
      key: 'overdue',
      heading: 'Overdue conditions and actions',
      words: `${countOf(conditions.length, 'gate condition')} and ${countOf(actions.length, 'meeting action')} overdue on ${ukDate(asAt)}.`,
      chartTitle: 'Overdue, by kind',
      chart: [
        { label: 'Gate conditions', value: conditions.length },
        { label: 'Meeting actions', value: actions.length },
      ],
      items: [
        ...conditions.map((c) => ({ reference: c.reference, title: c.what, detail: `Condition for ${c.owner}, due ${ukDate(c.due)}` })),
        ...actions.map((a) => ({ reference: a.reference, title: a.what, detail: `Action for ${a.owner}, due ${ukDate(a.due)}` })),
      ],
    },
    {
      key: 'benefits',
      heading: 'Benefits to date against plan',
      words:
        share === null
          ? `No cash saving is planned; ${figures.realised.label.toLowerCase()}: ${pounds(figures.realised.value)}.`
          : `${pounds(figures.realised.value)} realised so far in ${figures.financialYear}: ${share}% of the ${pounds(figures.planned.value)} a year planned.`,
      chartTitle: 'Cash savings (£): planned a year and realised this year',
      chart: [
        { label: figures.planned.label, value: figures.planned.value },
        { label: figures.realised.label, value: figures.realised.value },
      ],
      items: [figures.planned, figures.realised].map((f) => ({ reference: null, title: f.label, detail: `${pounds(f.value)}: ${f.definition}` })),
    },
    {
      key: 'missing',
      heading: 'Projects missing owners, a business case, a plan or resourcing',
      words: missing.length === 0 ? 'Every project has its owners, business case, plan and resourcing.' : `${countOf(missing.length, 'project')} still ${missing.length === 1 ? 'lacks' : 'lack'} owners, a business case, a plan or resourcing.`,
      chartTitle: 'Projects missing each',
      chart: [...missingCounts].map(([label, value]) => ({ label, value })),
      items: missing.map((m) => ({ reference: m.reference, title: m.title, detail: `Missing: ${m.missing.join(', ')}` })),
    },
  ];
  return { quarter: q, asAt, projects: records.length, sections };
}

/** The report as CSV: one row per chart row and per listed entry, each with its section. */
export function assuranceCsv(report: AssuranceReport): string {
  const lines = [['Quarter', 'Section', 'Reference', 'Item', 'Number or detail'].map(csvCell).join(',')];
  for (const s of report.sections) {
    for (const row of s.chart) lines.push([report.quarter.name, s.heading, '', row.label, String(row.value)].map(csvCell).join(','));
    for (const item of s.items) lines.push([report.quarter.name, s.heading, item.reference ?? '', item.title, item.detail].map(csvCell).join(','));
  }
  return `${lines.join('\r\n')}\r\n`;
}
