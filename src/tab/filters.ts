/**
 * The list's filters and search, kept in the address (`#/?strand=learning&q=portal`) so a filtered list can
 * be linked to and Back returns to it; the same for the catalogue (`#/catalogue?q=booking&strand=customers`).
 * Pure functions: no DOM.
 */
import type { CatalogueEntryView, ProgrammeItem } from '../domain/programme-view-types';
import { PRINCIPLES, STRANDS } from '../domain/catalogue';
import { PROGRAMME_STATUSES } from '../domain/figures';
import { PRIORITIES, PRIORITY_LABELS } from '../domain/project';
import { STATUS_LABELS } from '../domain/request';
import { searchSolutions } from '../domain/solution-search';

export interface Filters {
  strand: string;
  status: string;
  priority: string;
  principle: string;
  /** '' any, 'yes' something missing, 'no' nothing missing. */
  missing: string;
  /** Free text matched against reference and title. */
  q: string;
}

export interface Choice {
  value: string;
  label: string;
}

/** The options of each select, in the strategy's order; '' is "all". */
export const CHOICES: Record<Exclude<keyof Filters, 'q'>, Choice[]> = {
  strand: STRANDS.map((s) => ({ value: s.id, label: s.name })),
  status: PROGRAMME_STATUSES.map((id) => ({ value: id, label: STATUS_LABELS[id] })),
  priority: PRIORITIES.map((id) => ({ value: id, label: PRIORITY_LABELS[id] })),
  principle: PRINCIPLES.map((p) => ({ value: p.id, label: p.name })),
  missing: [
    { value: 'yes', label: 'Something missing' },
    { value: 'no', label: 'Nothing missing' },
  ],
};

export const NO_FILTERS: Filters = { strand: '', status: '', priority: '', principle: '', missing: '', q: '' };
const KEYS = Object.keys(NO_FILTERS) as (keyof Filters)[];
const MAX_QUERY = 100;

/** Filters from a query string; values that are not one of the choices are dropped. */
export function parseFilters(query: string): Filters {
  const params = new URLSearchParams(query);
  const filters = { ...NO_FILTERS };
  for (const key of KEYS) {
    const value = params.get(key) ?? '';
    if (key === 'q') filters.q = value.slice(0, MAX_QUERY);
    else if (CHOICES[key].some((c) => c.value === value)) filters[key] = value;
  }
  return filters;
}

/** The query string for filters (empty when nothing is filtered), keys in a fixed order. */
export function filtersToQuery(filters: Filters): string {
  const params = new URLSearchParams();
  for (const key of KEYS) if (filters[key].trim()) params.set(key, filters[key].trim());
  return params.toString();
}


const words = (text: string): string[] => text.toLowerCase().split(/\s+/).filter(Boolean);

/** The projects that pass every filter; the search needs every word in the reference or title. */
export function applyFilters(items: readonly ProgrammeItem[], filters: Filters): ProgrammeItem[] {
  const wanted = words(filters.q);
  return items.filter((item) => {
    if (filters.strand && item.strandId !== filters.strand) return false;
    if (filters.status && item.statusId !== filters.status) return false;
    if (filters.priority && item.priorityId !== filters.priority) return false;
    if (filters.principle && !item.principleIds.includes(filters.principle)) return false;
    if (filters.missing === 'yes' && item.missing.length === 0) return false;
    if (filters.missing === 'no' && item.missing.length > 0) return false;
    const haystack = `${item.reference} ${item.title}`.toLowerCase();
    return wanted.every((w) => haystack.includes(w));
  });
}

/** The catalogue's filters: words searched for, and a strand. */
export interface CatalogueFilters {
  strand: string;
  q: string;
}

export const NO_CATALOGUE_FILTERS: CatalogueFilters = { strand: '', q: '' };

/** The catalogue's filters from a query string; a strand that is not one is dropped. */
export function parseCatalogueFilters(query: string): CatalogueFilters {
  const { strand, q } = parseFilters(query);
  return { strand, q };
}

/** The query string for the catalogue's filters (empty when nothing is filtered). */
export const catalogueFiltersToQuery = (filters: CatalogueFilters): string => filtersToQuery({ ...NO_FILTERS, ...filters });

/** The entries in a strand with every word searched for, as the bot's `catalogue` searches (retired ones last). */
export const applyCatalogueFilters = (entries: readonly CatalogueEntryView[], filters: CatalogueFilters): CatalogueEntryView[] =>
  searchSolutions(entries, filters.q).filter((e) => !filters.strand || e.strandIds.includes(filters.strand));
