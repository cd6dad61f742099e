/**
 * One project: owners (signed in only), business case, plan, resourcing, DPIA, savings, outcome measures (each
 * as a line chart with a table of the same numbers, on track or off track as the API says), the milestone
 * timeline (overdue milestones in their own colour and marked "Overdue" in words), the risks and issues log
 * (signed in only: risks-view.ts) and history.
 */
import { measureValue, TRACK_DEFINITION } from '../domain/measures';
import type { MeasureView, MilestoneView, ProjectDetailResponse } from '../domain/programme-view-types';
import { figure, lineChart, lineLegend } from './charts';
import { type Child, fill, h, safeLink } from './dom';
import { count, money, ukDate, ukDateTime } from './format';
import { badges, facts, healthMarker, overdueMarker, section, stackedTable } from './parts';
import { risksSection, type RiskWriter } from './risks-view';

type Project = ProjectDetailResponse['project'];

function owners(project: Project): HTMLElement {
  if (!project.owners) return section('owners', 'Owners', h('p', {}, 'Names are shown only to people who are signed in.'));
  const { digitalLeader, projectLead, projectManager } = project.owners;
  return section(
    'owners',
    'Owners',
    facts([
      ['Digital Leader', digitalLeader ?? 'Not assigned'],
      ['Project Lead', projectLead ?? 'Not assigned'],
      ['Project Manager', projectManager ?? 'Not assigned'],
    ]),
  );
}

function businessCase(project: Project): HTMLElement {
  const { status, date, link } = project.businessCase;
  return section(
    'business-case',
    'Business case',
    facts([
      ['Status', status],
      ['Date', date ? ukDate(date) : 'No date yet'],
      ...(link ? ([['Document', safeLink(link, 'Open the business case')]] as [string, Child][]) : []),
    ]),
  );
}

function delivery(project: Project): HTMLElement {
  const { plan, resourcing } = project;
  return section(
    'delivery',
    'Plan, resourcing and data protection',
    facts([
      ['Implementation plan', plan.link ? safeLink(plan.link, 'Open the plan') : plan.present ? 'In place' : 'Not yet'],
      ['Resourcing', [resourcing.confirmed ? 'Confirmed' : 'Not confirmed', resourcing.note ? `: ${resourcing.note}` : '']],
      ['DPIA', project.dpia ?? 'Not needed (no personal data)'],
    ]),
  );
}

function milestoneStatus(m: MilestoneView): Child {
  if (m.status === 'done') return `Done${m.completedOn ? ` on ${ukDate(m.completedOn)}` : ''}`;
  if (m.status === 'missed') return 'Missed';
  if (m.status === 'dropped') return 'Dropped';
  return m.overdue ? [overdueMarker(), ' not done yet'] : 'Planned';
}

function milestones(project: Project): HTMLElement {
  if (project.milestones.length === 0) return section('milestones', 'Milestones', h('p', {}, 'No milestones yet.'));
  const sorted = [...project.milestones].sort((a, b) => a.due.localeCompare(b.due));
  const overdue = sorted.filter((m) => m.overdue).length;
  return section(
    'milestones',
    'Milestones',
    overdue > 0 && h('p', {}, overdueMarker(), ` ${overdue} of ${sorted.length} milestones ${overdue === 1 ? 'is past its date' : 'are past their date'} and not done.`),
    h(
      'ol',
      { class: 'timeline' },
      sorted.map((m) =>
        h(
          'li',
          { class: m.overdue ? 'overdue' : m.status },
          h('span', { class: 'when' }, h('time', { datetime: m.due }, ukDate(m.due))),
          h('span', { class: 'what' }, m.title),
          h('span', { class: 'status' }, milestoneStatus(m)),
        ),
      ),
    ),
  );
}

function benefits(project: Project): HTMLElement {
  const planned = project.plannedAnnualCashSaving;
  const rows = project.realisedSavings;
  const total = rows.reduce((sum, r) => sum + r.cashSaving, 0);
  return section(
    'benefits',
    'Benefits',
    facts([['Planned cash saving', planned === null ? 'None given' : `${money(planned)} a year`]]),
    rows.length === 0
      ? h('p', {}, 'No realised savings recorded yet.')
      : h(
          'table',
          { class: 'data' },
          h('caption', { class: 'visually-hidden' }, 'Realised cash savings by financial year'),
          h('thead', {}, h('tr', {}, h('th', { scope: 'col' }, 'Financial year'), h('th', { scope: 'col', class: 'number' }, 'Realised saving'))),
          h('tbody', {}, rows.map((r) => h('tr', {}, h('th', { scope: 'row' }, r.financialYear), h('td', { class: 'number' }, money(r.cashSaving))))),
          h('tfoot', {}, h('tr', {}, h('th', { scope: 'row' }, 'Total'), h('td', { class: 'number' }, money(total)))),
        ),
  );
}

/** On track (✓) or off track (⚠) in words, as the API worked it out from the domain's one definition. */
const trackMarker = (m: MeasureView): HTMLElement =>
  h('strong', { class: m.track === 'off-track' ? 'marker-warning' : m.track === 'on-track' ? 'marker-good' : 'marker-none' }, m.status);

/** One measure: on track or not, what it is, its trend as a line chart, and the same numbers as a table. */
function measure(m: MeasureView, index: number): HTMLElement {
  const value = (n: number): string => measureValue(n, m.unit);
  const id = `measure-${index}`;
  const { latest } = m;
  const reading = latest
    ? `Latest figure ${value(latest.value)} for ${latest.label}; the straight path from baseline to target expects ${value(latest.expected)} by ${ukDate(latest.date)}.`
    : 'No figures recorded yet.';
  return figure(
    id,
    m.name,
    h('p', { class: 'measure-status' }, trackMarker(m), m.met && [' ', h('span', { class: 'badge' }, 'Target met')], ' ', reading),
    facts([
      ['Kind', m.kind],
      ['Unit', m.unit],
      ['Read as', `${m.direction}, recorded ${m.frequency.toLowerCase()}`],
      ['Baseline', `${value(m.baseline.value)} on ${ukDate(m.baseline.date)}`],
      ['Target', `${value(m.target.value)} by ${ukDate(m.target.date)}`],
    ]),
    lineChart({
      id: `${id}-chart`,
      title: `${m.name}: figures against the straight path from baseline to target`,
      description: [
        `${m.status}.`,
        `Baseline ${value(m.baseline.value)} on ${ukDate(m.baseline.date)};`,
        latest ? `latest figure ${value(latest.value)} for ${latest.label}, where the path expects ${value(latest.expected)};` : 'no figures yet;',
        `target ${value(m.target.value)} by ${ukDate(m.target.date)}. ${m.direction}. The table below gives every figure.`,
      ].join(' '),
      actual: m.trend.flatMap((p) => (p.actual === null ? [] : [{ date: p.date, value: p.actual }])),
      path: m.trend.map((p) => ({ date: p.date, value: p.expected })),
      target: m.target,
      format: value,
      date: ukDate,
    }),
    lineLegend('Figures (from the baseline)', 'Straight path from baseline to target', 'Target'),
    stackedTable(
      `${m.name}: each figure, and what the path to target expects on its date`,
      ['Point', 'Date', 'Figure', 'Path expects'],
      m.trend.map((p) => [p.label, h('time', { datetime: p.date }, ukDate(p.date)), p.actual === null ? 'None (the target)' : value(p.actual), value(p.expected)]),
    ),
  );
}

function measures(project: Project): HTMLElement {
  if (project.measures.length === 0) {
    return section('measures', 'Outcome measures', h('p', {}, 'No outcome measures yet. The Project Lead, the Project Manager, the Digital Leader or the DSG chair can add them on the project card in Teams.'));
  }
  return section(
    'measures',
    'Outcome measures',
    h('p', { class: 'hint' }, TRACK_DEFINITION),
    project.measures.map(measure),
  );
}

/** Health (RAG): the overall status (grey once stale), when and by whom it was set, and each aspect with its reason. */
function health(project: Project): HTMLElement | false {
  const view = project.health;
  if (!view) return false;
  const set = view.setOn ? `Set on ${ukDate(view.setOn)}${view.setBy ? ` by ${view.setBy}` : ''}.` : 'Its Project Lead or Project Manager has not set it yet.';
  return section(
    'health',
    'Health',
    h('p', {}, healthMarker(view), ' ', set),
    view.aspects.length > 0 &&
      stackedTable(
        'Health by aspect',
        view.aspects.some((a) => a.reason !== undefined) ? ['Aspect', 'Status', 'Reason'] : ['Aspect', 'Status'],
        view.aspects.map((a) => [a.aspect, a.rag.charAt(0).toUpperCase() + a.rag.slice(1), ...(a.reason !== undefined ? [a.reason ?? 'None given'] : [])]),
      ),
    h('p', { class: 'hint' }, project.healthDefinition),
  );
}

/** The Service Standard stage and the gates, oldest first: the outcome, when, and how many conditions are done. */
function stages(project: Project): HTMLElement {
  const since = project.stageSince ? `, since ${ukDate(project.stageSince)}` : '';
  const gate = (g: Project['gates'][number]): Child => [
    h('strong', {}, g.gate),
    ': ',
    g.outcome ? `${g.outcome} on ${ukDate(g.decidedOn ?? g.requestedOn)}` : `asked for on ${ukDate(g.requestedOn)}, waiting for the DSG`,
    g.conditions ? ` (${g.conditionsDone} of ${count(g.conditions, 'condition')} done)` : '',
  ];
  return section(
    'stage',
    'Stage and gates',
    facts([['Stage', `${project.stage ?? 'Not recorded'}${since}`]]),
    project.gates.length ? h('ol', { class: 'history' }, project.gates.map((g) => h('li', {}, gate(g)))) : h('p', {}, 'No gate asked for yet.'),
  );
}

function history(project: Project): HTMLElement {
  if (project.history.length === 0) return section('history', 'History', h('p', {}, 'Nothing recorded yet.'));
  return section(
    'history',
    'History',
    h('p', { class: 'hint' }, 'Newest first.'),
    h(
      'ol',
      { class: 'history' },
      project.history.map((e) => h('li', {}, h('time', { datetime: e.at }, ukDateTime(e.at)), ': ', e.what, e.by ? ` (${e.by})` : '')),
    ),
  );
}

/** Renders a project's page; its heading takes focus so keyboard and screen reader users start there. */
export function showProject(root: HTMLElement, detail: ProjectDetailResponse, backHref: string, writer: RiskWriter | null = null): void {
  const p = detail.project;
  const heading = h('h1', { tabindex: -1 }, h('span', { class: 'ref' }, p.reference), ' ', p.title);
  fill(
    root,
    h('p', {}, h('a', { class: 'back', href: backHref }, '← Back to the programme')),
    heading,
    badges(p),
    section(
      'summary',
      'Summary',
      facts([
        ['Strand', p.strand],
        ['Principles', p.principles.length ? p.principles.join(', ') : 'None given'],
        ['Approved', ukDate(p.approvedOn)],
        ['Missing', p.missing.length ? p.missing.join(', ') : 'Nothing: the project has everything the strategy asks for'],
      ]),
    ),
    health(p),
    h('div', { class: 'detail-grid' }, owners(p), stages(p), businessCase(p), delivery(p), benefits(p)),
    measures(p),
    milestones(p),
    risksSection(p, writer),
    history(p),
  );
  heading.focus();
}

/** A project that could not be shown, in plain words, with the way back. */
export function showProjectProblem(root: HTMLElement, title: string, message: string, backHref: string): void {
  const heading = h('h1', { tabindex: -1 }, title);
  fill(root, h('p', {}, h('a', { class: 'back', href: backHref }, '← Back to the programme')), heading, h('p', { class: 'state error' }, message));
  heading.focus();
}
