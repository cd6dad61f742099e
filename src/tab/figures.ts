/** The counts and chart data for the projects shown. Pure functions: no DOM. */
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
  plannedTotal: number;
  realisedTotal: number;
}

const sum = (values: number[]): number => values.reduce((a, b) => a + b, 0);

export function figuresOf(items: readonly ProgrammeItem[]): Figures {
  const benefits = CHOICES.strand
    .map((strand) => {
      const mine = items.filter((i) => i.strandId === strand.value);
      return { label: strand.label, planned: sum(mine.map((i) => i.plannedAnnualCashSaving ?? 0)), realised: sum(mine.map((i) => i.realisedThisYear)) };
    })
    .filter((row) => row.planned > 0 || row.realised > 0);
  return {
    projects: items.length,
    inDelivery: items.filter((i) => i.statusId === 'in-delivery').length,
    priorityProjects: items.filter((i) => i.isPriority).length,
    withSomethingMissing: items.filter((i) => i.missing.length > 0).length,
    overdueMilestones: sum(items.map((i) => i.overdueMilestones)),
    byStrand: CHOICES.strand.map((c) => ({ label: c.label, value: items.filter((i) => i.strandId === c.value).length })),
    byStatus: CHOICES.status.map((c) => ({ label: c.label, value: items.filter((i) => i.statusId === c.value).length })),
    benefits,
    plannedTotal: sum(benefits.map((b) => b.planned)),
    realisedTotal: sum(benefits.map((b) => b.realised)),
  };
}
