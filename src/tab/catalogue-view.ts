/**
 * The Catalogue page (`#/catalogue`): the re-use catalogue, the solutions the council already has or shares, so
 * that "share and re-use before buying" starts from what exists. Searched by words and filtered by strand (kept
 * in the address); a contract that has ended or ends within 6 months is marked in words, as the API says (the
 * domain's one definition), and a retired entry is marked and listed last. An entry is owned by a service: the
 * catalogue holds no personal data.
 */
import type { CatalogueEntryView, CatalogueResponse } from '../domain/programme-view-types';
import { type Child, fill, h, safeLink } from './dom';
import { applyCatalogueFilters, type CatalogueFilters, CHOICES, NO_CATALOGUE_FILTERS } from './filters';
import { count, ukDate, ukDateTime } from './format';
import { announcer, facts } from './parts';

const when = (isoDate: string): HTMLElement => h('time', { datetime: isoDate }, ukDate(isoDate));

/** The licence or contract in words: ended and ending marked (⚠ and colour), running with its end date. */
function contract(e: CatalogueEntryView): Child {
  if (!e.contractEnds || e.contract === 'none') return e.contractStatus;
  if (e.contract === 'ended') return h('strong', { class: 'marker-warning' }, `${e.contractStatus} `, when(e.contractEnds));
  if (e.contract === 'ending') return h('strong', { class: 'marker-warning' }, `${e.contractStatus}: `, when(e.contractEnds));
  return [`${e.contractStatus} to `, when(e.contractEnds)];
}

function entryCard(e: CatalogueEntryView): HTMLElement {
  return h(
    'li',
    { class: e.retired ? 'card catalogue-entry retired' : 'card catalogue-entry' },
    h('h3', {}, e.name),
    e.retired && h('p', { class: 'badges' }, h('span', { class: 'badge' }, 'Retired: no longer offered for re-use')),
    h('p', { class: 'what-it-does' }, e.whatItDoes),
    facts([
      ['Owning service', e.owningService],
      ['Strands', e.strands.join(', ')],
      ['Shared with', e.sharedWithPartners && e.sharedWith ? e.sharedWith : 'Not shared with partners'],
      ['Licence or contract', contract(e)],
      ['Keywords', e.keywords.length ? e.keywords.join(', ') : 'None'],
      ['Link', e.link ? safeLink(e.link, `More about ${e.name}`) : 'None given'],
    ]),
  );
}

/**
 * Renders the Catalogue page filtered as asked; its heading takes focus so keyboard and screen reader users start
 * there. `onFilters` hears each change of the filters (to keep them in the address).
 */
export function showCatalogue(root: HTMLElement, data: CatalogueResponse, filters: CatalogueFilters, onFilters: (filters: CatalogueFilters) => void): void {
  const heading = h('h1', { tabindex: -1 }, 'Re-use catalogue');
  const search = h('input', { id: 'c-q', name: 'q', type: 'search', autocomplete: 'off', maxlength: 100, 'aria-describedby': 'c-q-hint', value: filters.q });
  const strand = h('select', { id: 'c-strand', name: 'strand' }, h('option', { value: '' }, 'All strands'), CHOICES.strand.map((c) => h('option', { value: c.value }, c.label)));
  strand.value = filters.strand;
  const clear = h('button', { type: 'button' }, 'Clear filters');
  const status = h('p', { class: 'result-count', id: 'catalogue-count', role: 'status', 'aria-live': 'polite', 'aria-atomic': 'true' });
  const results = h('div', { id: 'catalogue-results' });
  const announce = announcer(status);

  const current = (): CatalogueFilters => ({ q: search.value, strand: strand.value });
  function render(f: CatalogueFilters, announceNow: boolean): void {
    const shown = applyCatalogueFilters(data.entries, f);
    announce(`Showing ${shown.length} of ${count(data.entries.length, 'entry', 'entries')}`, announceNow);
    if (data.entries.length === 0) fill(results, h('p', { class: 'state' }, 'The catalogue has no entries yet. DSG members add them in Teams: type catalogue add.'));
    else if (shown.length === 0) fill(results, h('p', { class: 'state' }, 'No entry matches. Change the words or the strand, or clear the filters to see every entry.'));
    else fill(results, h('ul', { class: 'cards' }, shown.map(entryCard)));
  }
  const changed = (announceNow: boolean) => {
    render(current(), announceNow);
    onFilters(current());
  };

  const form = h(
    'form',
    { role: 'search', 'aria-labelledby': 'catalogue-filters-heading' },
    h(
      'div',
      { class: 'filter-grid' },
      h('div', { class: 'filter-search' }, h('label', { for: 'c-q' }, 'Search the catalogue'), h('p', { id: 'c-q-hint', class: 'hint' }, 'Words from a name, what it does, the owning service or a keyword, such as booking'), search),
      h('div', {}, h('label', { for: 'c-strand' }, 'Strand'), strand),
      h('div', { class: 'filter-actions' }, clear),
    ),
  );
  form.addEventListener('submit', (event) => event.preventDefault());
  search.addEventListener('input', () => changed(false));
  strand.addEventListener('change', () => changed(true));
  clear.addEventListener('click', () => {
    search.value = '';
    strand.value = '';
    render(NO_CATALOGUE_FILTERS, true);
    onFilters(NO_CATALOGUE_FILTERS);
  });

  fill(
    root,
    heading,
    h(
      'p',
      { class: 'lede' },
      'Solutions the council already has or shares. Share and re-use before buying, and build only as a final recourse: look here before asking for something new. ',
      `Contracts as on ${ukDate(data.today)}; updated ${ukDateTime(data.generatedAt)}.`,
    ),
    h('section', { class: 'filters', 'aria-labelledby': 'catalogue-filters-heading' }, h('div', { class: 'filters-head' }, h('h2', { id: 'catalogue-filters-heading' }, 'Search and filter')), form),
    status,
    h('section', { 'aria-labelledby': 'catalogue-entries-heading' }, h('h2', { id: 'catalogue-entries-heading' }, 'Entries'), results),
  );
  render(filters, true);
  heading.focus();
}
