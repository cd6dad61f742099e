import type { FormValues } from '../../domain/request-form';
import { termsOf } from '../../domain/similarity';
import { type OfferedSolution, offeredForIdea } from '../../domain/solutions';
import type { Deps } from '../deps';

/**
 * The catalogue entries the request form's last step offers for "What existing council, shared or national
 * solution did you check?": every entry in use, the most relevant to the idea typed so far first.
 */
export async function catalogueForForm(deps: Pick<Deps, 'store' | 'clock' | 'calendar'>, values: FormValues): Promise<OfferedSolution[]> {
  const idea = { terms: termsOf(values.title ?? '', values.problem ?? ''), strand: values.strand ?? null, chosen: values.reuseSolution ?? null };
  return offeredForIdea(await deps.store.solutions.list(), idea, deps.calendar.londonDate(deps.clock.now()));
}
