import { DomainError } from '../../domain/errors';
import type { Actor } from '../../domain/people';
import { benefitProblems, financialYearOf, type RealisedBenefit } from '../../domain/project';
import { parseFinancialYear } from '../../domain/figures';
import { pounds } from '../../domain/words';
import type { Deps } from '../deps';
import { changeProject } from './edit-project';

export interface BenefitInput {
  financialYear: string;
  /** Null: a benefit that is not cash, which the note describes. */
  cashSaving: number | null;
  note: string | null;
  /** One of the project's measures that shows the benefit, or null. */
  measureId: string | null;
}

/**
 * **Record benefit** on the project card: a cash saving, or a benefit that is not cash (described by its note),
 * realised in a financial year (this one or an earlier one, never a future one), optionally shown by one of the
 * project's measures; by the Project Lead, Project Manager, Digital Leader or chair.
 */
export function recordBenefit(deps: Deps, actor: Actor, reference: string, cardVersion: number, input: BenefitInput) {
  const year = parseFinancialYear(input.financialYear)?.name ?? null;
  const current = financialYearOf(deps.calendar.londonDate(deps.clock.now()));
  return changeProject(
    deps,
    actor,
    reference,
    cardVersion,
    'benefit.record',
    (project, now) => {
      const errors = benefitProblems(project, { ...input, financialYear: year }, current);
      if (Object.keys(errors).length) throw new DomainError('INVALID_FIELD', 'Some answers about the benefit need fixing.', { errors });
      const benefit: RealisedBenefit = { financialYear: year!, cashSaving: input.cashSaving, note: input.note, measureId: input.measureId, recordedAt: now, recordedBy: actor.name };
      const measure = project.measures.find((m) => m.id === input.measureId);
      const what = `${input.cashSaving === null ? 'a benefit that is not cash' : `a saving of ${pounds(input.cashSaving)}`} in ${year}${measure ? `, shown by ${measure.name}` : ''}`;
      return { project: { ...project, realisedBenefits: [...project.realisedBenefits, benefit] }, benefits: [benefit], notice: `Benefit recorded: ${what}.`, detail: what };
    },
    {
      allowed: (view) => view.canRecordBenefit,
      refusal: `Only the Project Lead, the Project Manager, the Digital Leader and the DSG chair can record the benefits of ${reference}.`,
    },
  );
}
