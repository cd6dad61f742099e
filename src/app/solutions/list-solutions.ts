import type { Actor } from '../../domain/people';
import { type CatalogueView, contractState } from '../../domain/solutions';
import { searchSolutions } from '../../domain/solution-search';
import type { Deps } from '../deps';
import { canManageSolutions } from './solution-access';

/** `catalogue [words]`: the re-use catalogue, or the entries containing every word, for anyone (it is published openly). */
export async function listSolutions(deps: Deps, actor: Actor, query = '', notice?: string): Promise<CatalogueView> {
  const today = deps.calendar.londonDate(deps.clock.now());
  const [all, canManage] = await Promise.all([deps.store.solutions.list(), canManageSolutions(deps, actor)]);
  const entries = searchSolutions(all, query).map((solution) => ({ solution, contract: contractState(solution, today) }));
  return { query: query.trim(), entries, total: all.length, canManage, today, ...(notice && { notice }) };
}
