/**
 * The Digital Programme as a list: filters and search (kept in the address), the result count (a live
 * region), the projects as cards, and counts and charts of the projects shown.
 */
import type { ProgrammeItem, ProgrammeResponse } from '../domain/programme-view-types';
import { benefitsChart, countChart } from './charts';
import { type Child, fill, h } from './dom';
import { figuresOf } from './figures';
import { applyFilters, CHOICES, type Filters, NO_FILTERS } from './filters';
import { count, money, ukDate, ukDateTime } from './format';
import { announcer, badges, facts, healthMarker, overdueMarker } from './parts';

export interface ListView {
  /** Shows the programme filtered as asked (and puts the filters into the form). */
  show(programme: ProgrammeResponse, filters: Filters): void;
  /** Moves focus to a project's link (coming back from its page). */
  focusProject(reference: string): void;
}

const SELECTS: { key: Exclude<keyof Filters, 'q'>; label: string; all: string }[] = [
  { key: 'strand', label: 'Strand', all: 'All strands' },
  { key: 'status', label: 'Status', all: 'All statuses' },
  { key: 'priority', label: 'Priority', all: 'All priorities' },
  { key: 'principle', label: 'Principle', all: 'All principles' },
  { key: 'missing', label: 'Something missing', all: 'Missing or not' },
];

const projectHref = (reference: string): string => `#/project/${encodeURIComponent(reference)}`;

function card(item: ProgrammeItem): HTMLElement {
  const rows: [string, Child][] = [
    ['Strand', item.strand],
    ...(item.stage ? ([['Stage', item.stage]] as [string, Child][]) : []),
    ['Next milestone', item.nextDue ? ukDate(item.nextDue) : 'None planned'],
  ];
  if (item.health) rows.push(['Health', healthMarker(item.health)]);
  if (item.owners) rows.push(['Project Lead', item.owners.projectLead ?? 'Not assigned']);
  if (item.overdueMilestones > 0) {
    rows.push(['Overdue', [overdueMarker(), ' ', count(item.overdueMilestones, 'milestone')]]);
  }
  rows.push(['Missing', item.missing.length ? item.missing.join(', ') : 'Nothing']);
  return h(
    'li',
    { class: 'card' },
    h('h3', {}, h('a', { href: projectHref(item.reference), 'data-ref': item.reference }, h('span', { class: 'ref' }, item.reference), ' ', item.title)),
    badges(item),
    facts(rows),
  );
}

/** A figure as the domain defines it, with its definition beside it. */
const definedFigure = (label: string, value: string, definition: string): HTMLElement =>
  h('div', {}, h('dt', {}, label), h('dd', {}, h('strong', {}, value), ` · ${definition}`));

function charts(items: ProgrammeItem[], financialYear: string, filtered: boolean): Child {
  const f = figuresOf(items, financialYear, filtered);
  const { planned, realised } = f.totals;
  const tiles: [string, number][] = [
    ['Projects', f.projects],
    ['In delivery', f.inDelivery],
    ['Priority projects', f.priorityProjects],
    ['Something missing', f.withSomethingMissing],
    ['Overdue milestones', f.overdueMilestones],
  ];
  return [
    h('dl', { class: 'tiles' }, tiles.map(([term, value]) => h('div', {}, h('dt', {}, term), h('dd', {}, value)))),
    countChart('chart-strand', 'Projects by strand', 'Strand', f.byStrand),
    countChart('chart-status', 'Projects by status', 'Status', f.byStatus, `By status: ${f.totals.byStatusDefinition}.`),
    benefitsChart('chart-benefits', `Cash savings ${financialYear}: planned (a year) and realised`, f.benefits, money),
    h(
      'dl',
      { class: 'defined', id: 'savings' },
      definedFigure(planned.label, `${money(planned.value)} a year`, planned.definition),
      definedFigure(realised.label, money(realised.value), realised.definition),
    ),
  ];
}

export function createListView(root: HTMLElement, onFilters: (filters: Filters) => void): ListView {
  let programme: ProgrammeResponse | null = null;

  const lede = h('p', { class: 'lede' });
  const search = h('input', { id: 'f-q', name: 'q', type: 'search', autocomplete: 'off', maxlength: 100, 'aria-describedby': 'f-q-hint' });
  const selects = SELECTS.map(({ key, label, all }) => ({
    key,
    label,
    element: h('select', { id: `f-${key}`, name: key }, h('option', { value: '' }, all), CHOICES[key].map((c) => h('option', { value: c.value }, c.label))),
  }));
  const clear = h('button', { type: 'button' }, 'Clear filters');
  // On a phone the filters fold away (styles.css shows the toggle on narrow screens only) so the projects start on the first screen.
  const toggle = h('button', { type: 'button', id: 'filters-toggle', class: 'filters-toggle', 'aria-expanded': 'false', 'aria-controls': 'filter-form' });
  const form = h(
    'form',
    { id: 'filter-form', role: 'search', 'aria-labelledby': 'filters-heading' },
    h(
      'div',
      { class: 'filter-grid' },
      h('div', { class: 'filter-search' }, h('label', { for: 'f-q' }, 'Search by reference or title'), h('p', { id: 'f-q-hint', class: 'hint' }, 'For example DP-2026-0007, or words from a title such as portal'), search),
      selects.map(({ key, label, element }) => h('div', {}, h('label', { for: `f-${key}` }, label), element)),
      h('div', { class: 'filter-actions' }, clear),
    ),
  );
  const status = h('p', { class: 'result-count', id: 'result-count', role: 'status', 'aria-live': 'polite', 'aria-atomic': 'true' });
  const announce = announcer(status);
  const results = h('div', { id: 'results' });
  const figures = h('div', { id: 'figures' });

  fill(
    root,
    h('h1', {}, 'Digital Programme'),
    lede,
    h('section', { class: 'filters folded', 'aria-labelledby': 'filters-heading' }, h('div', { class: 'filters-head' }, h('h2', { id: 'filters-heading' }, 'Filter and search'), toggle), form),
    status,
    h(
      'div',
      { class: 'layout' },
      h('section', { 'aria-labelledby': 'projects-heading' }, h('h2', { id: 'projects-heading' }, 'Projects'), results),
      h('section', { 'aria-labelledby': 'figures-heading' }, h('h2', { id: 'figures-heading' }, 'Counts and charts'), h('p', { class: 'hint' }, 'Of the projects shown.'), figures),
    ),
  );

  const current = (): Filters => {
    const filters: Filters = { ...NO_FILTERS, q: search.value };
    for (const { key, element } of selects) filters[key] = element.value;
    return filters;
  };

  function showToggle(filters: Filters): void {
    const open = toggle.getAttribute('aria-expanded') === 'true';
    const inUse = Object.values(filters).filter((v) => v.trim() !== '').length;
    toggle.textContent = open ? 'Hide filters' : `Show filters${inUse ? ` (${inUse} in use)` : ''}`;
  }
  toggle.addEventListener('click', () => {
    const open = toggle.getAttribute('aria-expanded') !== 'true';
    toggle.setAttribute('aria-expanded', String(open));
    toggle.closest('.filters')?.classList.toggle('folded', !open);
    showToggle(current());
  });

  function render(filters: Filters, announceNow: boolean): void {
    showToggle(filters);
    if (!programme) return;
    const shown = applyFilters(programme.projects, filters);
    const total = programme.projects.length;
    announce(`Showing ${shown.length} of ${count(total, 'project')}`, announceNow);
    if (total === 0) fill(results, h('p', { class: 'state' }, 'The Digital Programme has no approved projects yet. Projects appear here once the Digital Strategy Group approves a request.'));
    else if (shown.length === 0) fill(results, h('p', { class: 'state' }, 'No project matches these filters. Change the search or the filters, or clear them to see every project.'));
    else fill(results, h('ul', { class: 'cards' }, shown.map(card)));
    fill(figures, charts(shown, programme.financialYear, shown.length < total));
  }

  form.addEventListener('submit', (event) => event.preventDefault());
  search.addEventListener('input', () => {
    render(current(), false);
    onFilters(current());
  });
  for (const { element } of selects) {
    element.addEventListener('change', () => {
      render(current(), true);
      onFilters(current());
    });
  }
  clear.addEventListener('click', () => {
    search.value = '';
    for (const { element } of selects) element.value = '';
    render(NO_FILTERS, true);
    onFilters(NO_FILTERS);
  });

  return {
    show(next, filters) {
      programme = next;
      lede.textContent = `The council's approved digital projects, financial year ${next.financialYear}. Updated ${ukDateTime(next.generatedAt)}.`;
      search.value = filters.q;
      for (const { key, element } of selects) element.value = filters[key];
      render(filters, true);
    },
    focusProject(reference) {
      const link = Array.from(results.querySelectorAll<HTMLAnchorElement>('a[data-ref]')).find((a) => a.dataset.ref === reference);
      link?.focus();
    },
  };
}
