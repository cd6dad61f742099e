/** The counts and chart data for the projects shown. Pure functions: no DOM. */
import { londonInstant } from '../domain/calendar';
import { type CountedProject, programmeFigures, type ProgrammeFigures } from '../domain/figures';
import type { ProgrammeItem } from '../domain/programme-view-types';
import { CHOICES } from './filters';

export interface Bar {
  label: string;
  value: number;
}

export interface BenefitRow {
  label: string;
  /** Planned annual cash saving. */
  planned: number;
  /** Cash saving realised in the current financial year. */
  realised: number;
}

export interface Figures {
  projects: number;
  inDelivery: number;
  priorityProjects: number;
  withSomethingMissing: number;
  overdueMilestones: number;
  /** Every strand, in the strategy's order, zeros included. */
  byStrand: Bar[];
  /** Approved, in delivery, completed. */
  byStatus: Bar[];
  /** Strands with a planned or realised saving. */
  benefits: BenefitRow[];
  /** The figures of the projects shown, as the domain defines them (the same as the digest, the annual report and open data). */
  totals: ProgrammeFigures;
}

const sum = (values: number[]): number => values.reduce((a, b) => a + b, 0);

/** What the domain's figures read of a project as the tab has it (its savings are the current financial year's). */
const counted = (item: ProgrammeItem): CountedProject => ({
  status: item.statusId,
  approvedAt: londonInstant(item.approvedOn, '00:00').toISOString(),
  plannedAnnualCashSaving: item.plannedAnnualCashSaving,
  realisedInYear: item.realisedThisYear,
});

/** The figures of `items`; `filtered` when they are the projects a filter or search left (the definitions then say so). */
export function figuresOf(items: readonly ProgrammeItem[], financialYear: string, filtered = false): Figures {
  const of = (some: readonly ProgrammeItem[]) => programmeFigures(some.map(counted), financialYear, filtered ? 'projects shown' : undefined);
  const totals = of(items);
  const benefits = CHOICES.strand
    .map((strand) => {
      const mine = of(items.filter((i) => i.strandId === strand.value));
      return { label: strand.label, planned: mine.planned.value, realised: mine.realised.value };
    })
    .filter((row) => row.planned > 0 || row.realised > 0);
  return {
    projects: items.length,
    inDelivery: items.filter((i) => i.statusId === 'in-delivery').length,
    priorityProjects: items.filter((i) => i.isPriority).length,
    withSomethingMissing: items.filter((i) => i.missing.length > 0).length,
    overdueMilestones: sum(items.map((i) => i.overdueMilestones)),
    byStrand: CHOICES.strand.map((c) => ({ label: c.label, value: items.filter((i) => i.strandId === c.value).length })),
    byStatus: totals.byStatus.map((s) => ({ label: s.label, value: s.count })),
    benefits,
    totals,
  };
}
