import { DomainError } from '../../domain/errors';
import type { Actor } from '../../domain/people';
import { type Solution, type SolutionFormView, solutionValuesOf, validateSolution } from '../../domain/solutions';
import { audited } from '../audit';
import type { Deps } from '../deps';
import type { Repositories } from '../ports';
import { requireSolutionManager } from './solution-access';

const NAME_TAKEN = 'The catalogue already has an entry with this name: open it from "catalogue" to change it, or give this one another name.';

async function existing(repos: Repositories, id: string): Promise<Solution> {
  const solution = await repos.solutions.get(id);
  if (!solution) throw new DomainError('NOT_FOUND', 'That catalogue entry is no longer there. Type "catalogue" to see the entries.', { id });
  return solution;
}

/** The form for a new entry (`catalogue add`) or to edit one: the DSG and admins only. */
export async function openSolutionForm(deps: Deps, actor: Actor, id?: string): Promise<SolutionFormView> {
  await requireSolutionManager(deps, actor, id ? 'solution.edit' : 'solution.new', id ?? 'new');
  if (!id) return { solution: null, values: {}, errors: {} };
  const solution = await existing(deps.store, id);
  return { solution, values: solutionValuesOf(solution), errors: {} };
}

/** Refuses with the problems by field (kept with what was typed) when the entry is not valid or its name is taken. */
function invalid(errors: Record<string, string>, values: unknown): never {
  throw new DomainError('INVALID_FIELD', 'Some answers need changing.', { errors, values });
}

/** Adds an entry to the catalogue from the form; the DSG and admins only; audited. */
export async function addSolution(deps: Deps, actor: Actor, typed: Record<string, unknown>): Promise<Solution> {
  await requireSolutionManager(deps, actor, 'solution.add', 'new');
  const result = validateSolution(typed);
  if (!result.ok) invalid(result.errors, result.values);
  const now = deps.clock.now().toISOString();
  const solution: Solution = { id: deps.newId(), ...result.details, retired: false, version: 1, createdAt: now, updatedAt: now };
  return deps.store.transaction(async (tx) => {
    if (!(await tx.solutions.insert(solution))) invalid({ name: NAME_TAKEN }, typed);
    await audited(tx, actor, now, 'solution.add', { subjectType: 'solution', subjectId: solution.id }, null, solution);
    return solution;
  });
}

/** Saves an edited entry at the version the card showed; a card drawn from an older version is refused as stale. */
export async function editSolution(deps: Deps, actor: Actor, id: string, version: number, typed: Record<string, unknown>): Promise<Solution> {
  await requireSolutionManager(deps, actor, 'solution.edit', id);
  const result = validateSolution(typed);
  if (!result.ok) invalid(result.errors, result.values);
  const now = deps.clock.now().toISOString();
  return deps.store.transaction(async (tx) => {
    const before = await existing(tx, id);
    if (before.version !== version) throw new DomainError('STALE_CARD', 'Someone changed this entry since the card was drawn: here it is as it now stands.', { id });
    const other = await tx.solutions.byName(result.details.name);
    if (other && other.id !== id) invalid({ name: NAME_TAKEN }, typed);
    const after: Solution = { ...before, ...result.details, version: before.version + 1, updatedAt: now };
    if (!(await tx.solutions.update(after, before.version))) throw new DomainError('STALE_CARD', 'Someone changed this entry meanwhile: here it is as it now stands.', { id });
    await audited(tx, actor, now, 'solution.edit', { subjectType: 'solution', subjectId: id }, before, after);
    return after;
  });
}
