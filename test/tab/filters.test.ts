/** The tab's filters, search, figures and chart scales: plain functions over programme items and catalogue entries. */
import type { ProgrammeItem } from '../../src/domain/programme-view-types';
import { figuresOf } from '../../src/tab/figures';
import { applyCatalogueFilters, applyFilters, catalogueFiltersToQuery, filtersToQuery, NO_CATALOGUE_FILTERS, NO_FILTERS, parseCatalogueFilters, parseFilters } from '../../src/tab/filters';
import { gridValues } from '../../src/tab/charts';
import { catalogueEntry } from '../../src/domain/programme-view';
import { sampleSolution } from '../support/sample-solution';

function item(reference: string, over: Partial<ProgrammeItem> = {}): ProgrammeItem {
  return {
    reference,
    title: 'Online school meal payments',
    strandId: 'learning',
    strand: 'Digital Learning',
    principleIds: ['customer-focused'],
    principles: ['Customer/Citizen Focused'],
    statusId: 'approved',
    status: 'Approved',
    priorityId: 'high',
    priority: 'High',
    isPriority: false,
    missing: [],
    milestoneCount: 0,
    overdueMilestones: 0,
    nextDue: null,
    plannedAnnualCashSaving: null,
    realisedThisYear: 0,
    approvedOn: '2026-02-03',
    stage: 'Alpha',
    health: null,
    ...over,
  };
}

const items = [
  item('DP-2026-0001'),
  item('DP-2026-0002', { title: 'Council tax portal', strandId: 'customers', strand: 'Digital Customers', statusId: 'in-delivery', priorityId: 'low', missing: ['Business case'], overdueMilestones: 2, plannedAnnualCashSaving: 12000, realisedThisYear: 3000 }),
  item('DP-2025-0040', { title: 'Library e-books', principleIds: ['privacy-openness', 'skilled-workforce'], statusId: 'completed', plannedAnnualCashSaving: 500, isPriority: true }),
];
const refs = (list: ProgrammeItem[]) => list.map((i) => i.reference);

describe('filters', () => {
  it('keeps every project with no filters', () => {
    expect(refs(applyFilters(items, NO_FILTERS))).toEqual(['DP-2026-0001', 'DP-2026-0002', 'DP-2025-0040']);
  });

  it('narrows by strand, status, priority, principle and something missing, together', () => {
    expect(refs(applyFilters(items, { ...NO_FILTERS, strand: 'learning' }))).toEqual(['DP-2026-0001', 'DP-2025-0040']);
    expect(refs(applyFilters(items, { ...NO_FILTERS, status: 'in-delivery' }))).toEqual(['DP-2026-0002']);
    expect(refs(applyFilters(items, { ...NO_FILTERS, priority: 'high' }))).toEqual(['DP-2026-0001', 'DP-2025-0040']);
    expect(refs(applyFilters(items, { ...NO_FILTERS, principle: 'skilled-workforce' }))).toEqual(['DP-2025-0040']);
    expect(refs(applyFilters(items, { ...NO_FILTERS, missing: 'yes' }))).toEqual(['DP-2026-0002']);
    expect(refs(applyFilters(items, { ...NO_FILTERS, missing: 'no', strand: 'learning', status: 'completed' }))).toEqual(['DP-2025-0040']);
  });

  it('searches reference and title, any case, every word', () => {
    expect(refs(applyFilters(items, { ...NO_FILTERS, q: 'dp-2025' }))).toEqual(['DP-2025-0040']);
    expect(refs(applyFilters(items, { ...NO_FILTERS, q: '  TAX   portal ' }))).toEqual(['DP-2026-0002']);
    expect(refs(applyFilters(items, { ...NO_FILTERS, q: 'portal books' }))).toEqual([]);
  });

  it('round-trips through the address and drops values that are not choices', () => {
    const filters = { ...NO_FILTERS, strand: 'customers', missing: 'yes', q: 'tax portal' };
    expect(filtersToQuery(filters)).toBe('strand=customers&missing=yes&q=tax+portal');
    expect(parseFilters(filtersToQuery(filters))).toEqual(filters);
    expect(parseFilters('strand=atlantis&status=declined&priority=urgent&missing=maybe&q=x')).toEqual({ ...NO_FILTERS, q: 'x' });
    expect(parseFilters(`q=${'a'.repeat(500)}`).q).toHaveLength(100);
    expect(filtersToQuery(NO_FILTERS)).toBe('');
  });
});

describe('figures', () => {
  it('counts by strand (every strand) and status, and sums savings by strand', () => {
    const f = figuresOf(items, '2026/27');
    expect(f).toMatchObject({ projects: 3, inDelivery: 1, priorityProjects: 1, withSomethingMissing: 1, overdueMilestones: 2 });
    expect(f.totals).toMatchObject({ planned: { label: 'Planned annual savings', value: 12500 }, realised: { label: 'Realised in 2026/27', value: 3000 } });
    expect(f.totals.realised.definition).toBe('savings recorded for April 2026–March 2027, all projects');
    expect(figuresOf(items.slice(1), '2026/27', true).totals.realised).toEqual({ label: 'Realised in 2026/27', value: 3000, definition: 'savings recorded for April 2026–March 2027, all projects shown' });
    expect(f.byStrand).toHaveLength(7);
    expect(f.byStrand.filter((b) => b.value > 0)).toEqual([
      { label: 'Digital Customers', value: 1 },
      { label: 'Digital Learning', value: 2 },
    ]);
    expect(f.byStatus).toEqual([
      { label: 'Approved', value: 1 },
      { label: 'In delivery', value: 1 },
      { label: 'Completed', value: 1 },
    ]);
    expect(f.benefits).toEqual([
      { label: 'Digital Customers', planned: 12000, realised: 3000 },
      { label: 'Digital Learning', planned: 500, realised: 0 },
    ]);
  });

  it('is all zeros for no projects', () => {
    const f = figuresOf([], '2026/27');
    expect(f.projects).toBe(0);
    expect(f.benefits).toEqual([]);
    expect(f.byStrand.every((b) => b.value === 0)).toBe(true);
  });
});

describe('the catalogue’s filters', () => {
  const TODAY = '2026-12-04';
  const entries = [
    catalogueEntry(sampleSolution({ id: 'a', name: 'Community hall and room booking', strands: ['customers', 'estates'] }), TODAY),
    catalogueEntry(sampleSolution({ id: 'b', name: 'Waste bookings', whatItDoes: 'Bulky uplifts.', owningService: 'Waste Services', keywords: ['uplift'], strands: ['customers'] }), TODAY),
    catalogueEntry(sampleSolution({ id: 'c', name: 'Aardvark booking (old)', retired: true, strands: ['estates'] }), TODAY),
    catalogueEntry(sampleSolution({ id: 'd', name: 'Schools Wi-Fi', whatItDoes: 'Wireless in schools.', owningService: 'Education ICT', keywords: ['wifi'], strands: ['learning'] }), TODAY),
  ];
  const names = (filters: Parameters<typeof applyCatalogueFilters>[1]) => applyCatalogueFilters(entries, filters).map((e) => e.name);

  it('searches name, what it does, service and keywords for every word, retired entries last', () => {
    expect(names(NO_CATALOGUE_FILTERS)).toEqual(['Community hall and room booking', 'Schools Wi-Fi', 'Waste bookings', 'Aardvark booking (old)']);
    expect(names({ q: 'BOOKING', strand: '' })).toEqual(['Community hall and room booking', 'Waste bookings', 'Aardvark booking (old)']);
    expect(names({ q: 'waste uplift', strand: '' })).toEqual(['Waste bookings']);
    expect(names({ q: 'education', strand: '' })).toEqual(['Schools Wi-Fi']);
  });

  it('narrows by strand, with the words', () => {
    expect(names({ q: '', strand: 'estates' })).toEqual(['Community hall and room booking', 'Aardvark booking (old)']);
    expect(names({ q: 'booking', strand: 'customers' })).toEqual(['Community hall and room booking', 'Waste bookings']);
    expect(names({ q: '', strand: 'employees' })).toEqual([]);
  });

  it('round-trips through the address and drops a strand that is not one', () => {
    expect(catalogueFiltersToQuery({ q: 'room booking', strand: 'estates' })).toBe('strand=estates&q=room+booking');
    expect(parseCatalogueFilters('strand=estates&q=room+booking')).toEqual({ q: 'room booking', strand: 'estates' });
    expect(parseCatalogueFilters('strand=atlantis&status=approved&q=x')).toEqual({ q: 'x', strand: '' });
    expect(catalogueFiltersToQuery(NO_CATALOGUE_FILTERS)).toBe('');
  });
});

describe('a line chart’s gridlines', () => {
  it('are round values from at or below the lowest to at or above the highest', () => {
    expect(gridValues(30, 75)).toEqual([20, 40, 60, 80]);
    expect(gridValues(3.5, 6.2)).toEqual([3, 4, 5, 6, 7]);
    expect(gridValues(0, 100)).toEqual([0, 25, 50, 75, 100]);
    expect(gridValues(20, 120)).toEqual([0, 25, 50, 75, 100, 125]);
    expect(gridValues(0.1, 0.3)).toEqual([0.1, 0.15, 0.2, 0.25, 0.3]);
    expect(gridValues(-5, 5)).toEqual([-5, -2.5, 0, 2.5, 5]);
  });

  it('spread round a single value, so a flat line sits in the middle', () => {
    expect(gridValues(1250, 1250)).toEqual([1100, 1200, 1300, 1400]);
    expect(gridValues(0, 0)).toEqual([-1, -0.5, 0, 0.5, 1]);
  });
});
