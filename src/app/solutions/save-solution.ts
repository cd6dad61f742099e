import { DomainError } from '../../domain/errors';
import type { Actor } from '../../domain/people';
import { renewalError } from '../../domain/procurement';
import { type Solution, type SolutionFormView, solutionValuesOf, validateSolution } from '../../domain/solutions';
import { audited } from '../audit';
import type { Deps } from '../deps';
import type { Repositories } from '../ports';
import { requireContractKeeper, requireSolutionManager } from './solution-access';

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
  return saveSolution(deps, actor, id, version, 'solution.edit', async (tx, before) => {
    const other = await tx.solutions.byName(result.details.name);
    if (other && other.id !== id) invalid({ name: NAME_TAKEN }, typed);
    return { ...before, ...result.details };
  });
}

/**
 * Renews an entry's licence or contract to `newEnd` (after today, or a field error under `newEnd`), at the version
 * the reminder showed: the Digital Leader of its strands, the chair and admins only (refusals audited).
 */
export async function renewContract(deps: Deps, actor: Actor, id: string, version: number, newEnd: string): Promise<Solution> {
  await requireContractKeeper(deps, actor, 'solution.renew', await existing(deps.store, id));
  const error = renewalError(newEnd, deps.calendar.londonDate(deps.clock.now()));
  if (error) invalid({ newEnd: error }, { newEnd });
  return saveSolution(deps, actor, id, version, 'solution.renew', async (_tx, before) => ({ ...before, contractEnds: newEnd }));
}

/** Retires an entry (it stays on record, no longer offered for re-use), at the version the reminder showed; as renewContract. */
export async function retireSolution(deps: Deps, actor: Actor, id: string, version: number): Promise<Solution> {
  await requireContractKeeper(deps, actor, 'solution.retire', await existing(deps.store, id));
  return saveSolution(deps, actor, id, version, 'solution.retire', async (_tx, before) => ({ ...before, retired: true }));
}

/** Puts a retired entry back in use (offered for re-use again): the DSG and admins, at the version the catalogue showed. */
export async function restoreSolution(deps: Deps, actor: Actor, id: string, version: number): Promise<Solution> {
  await requireSolutionManager(deps, actor, 'solution.restore', id);
  return saveSolution(deps, actor, id, version, 'solution.restore', async (_tx, before) => {
    if (!before.retired) throw new DomainError('STALE_CARD', `${before.name} is in use already.`, { id });
    return { ...before, retired: false };
  });
}

/** Changes that apply to a retired entry too: editing it, and putting it back in use. */
const FOR_RETIRED = ['solution.edit', 'solution.restore'];

/**
 * The one way an entry is changed: in a transaction, at the version the card was drawn from (a retired entry
 * changes no more), audited with before and after.
 */
async function saveSolution(
  deps: Deps,
  actor: Actor,
  id: string,
  version: number,
  verb: string,
  change: (tx: Repositories, before: Solution) => Promise<Solution>,
): Promise<Solution> {
  const now = deps.clock.now().toISOString();
  return deps.store.transaction(async (tx) => {
    const before = await existing(tx, id);
    if (before.retired && !FOR_RETIRED.includes(verb)) throw new DomainError('STALE_CARD', `${before.name} has been retired from the catalogue: nothing was changed.`, { id });
    if (before.version !== version) throw new DomainError('STALE_CARD', 'Someone changed this entry since the card was drawn: here it is as it now stands.', { id });
    const after: Solution = { ...(await change(tx, before)), version: before.version + 1, updatedAt: now };
    if (!(await tx.solutions.update(after, before.version))) throw new DomainError('STALE_CARD', 'Someone changed this entry meanwhile: here it is as it now stands.', { id });
    await audited(tx, actor, now, verb, { subjectType: 'solution', subjectId: id }, before, after);
    return after;
  });
}
