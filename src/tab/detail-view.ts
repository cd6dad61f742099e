/**
 * One project: owners (signed in only), business case, plan, resourcing, DPIA, the milestone timeline
 * (overdue milestones in their own colour and marked "Overdue" in words), savings and history.
 */
import type { MilestoneView, ProjectDetailResponse } from '../domain/programme-view-types';
import { type Child, fill, h, safeLink } from './dom';
import { money, ukDate, ukDateTime } from './format';
import { badges, facts, overdueMarker } from './parts';

type Project = ProjectDetailResponse['project'];

const section = (id: string, title: string, ...children: Child[]): HTMLElement =>
  h('section', { class: 'detail-section', 'aria-labelledby': id }, h('h2', { id }, title), children);

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
export function showProject(root: HTMLElement, detail: ProjectDetailResponse, backHref: string): void {
  const p = detail.project;
  const heading = h('h1', { tabindex: -1 }, h('span', { class: 'ref' }, p.reference), p.title);
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
    h('div', { class: 'detail-grid' }, owners(p), businessCase(p), delivery(p), benefits(p)),
    milestones(p),
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
