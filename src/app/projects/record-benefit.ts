import { DomainError } from '../../domain/errors';
import type { Actor } from '../../domain/people';
import { financialYearOf } from '../../domain/project';
import { parseFinancialYear } from '../../domain/figures';
import { pounds } from '../../domain/words';
import type { Deps } from '../deps';
import { changeProject } from './edit-project';

export interface BenefitInput {
  financialYear: string;
  cashSaving: number;
  note: string | null;
}

/**
 * **Record benefit** on the project card: a cash saving realised in a financial year (this one or an
 * earlier one, never a future one), by the Project Lead, Project Manager, Digital Leader or chair.
 */
export function recordBenefit(deps: Deps, actor: Actor, reference: string, cardVersion: number, input: BenefitInput) {
  const year = parseFinancialYear(input.financialYear);
  const current = financialYearOf(deps.calendar.londonDate(deps.clock.now()));
  if (!year || year.name > current) {
    throw new DomainError('INVALID_FIELD', 'Choose this financial year or an earlier one.', { errors: { benefitYear: 'Choose this financial year or an earlier one.' } });
  }
  return changeProject(
    deps,
    actor,
    reference,
    cardVersion,
    'benefit.record',
    (project, now) => {
      const benefit = { financialYear: year.name, cashSaving: input.cashSaving, note: input.note, recordedAt: now, recordedBy: actor.name };
      const saving = `a saving of ${pounds(input.cashSaving)} in ${year.name}`;
      return { project: { ...project, realisedBenefits: [...project.realisedBenefits, benefit] }, benefits: [benefit], notice: `Benefit recorded: ${saving}.`, detail: saving };
    },
    {
      allowed: (view) => view.canRecordBenefit,
      refusal: `Only the Project Lead, the Project Manager, the Digital Leader and the DSG chair can record the benefits of ${reference}.`,
    },
  );
}
