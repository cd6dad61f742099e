import { z } from 'zod';
import { listSolutions } from '../../app/solutions/list-solutions';
import { addSolution, editSolution, openSolutionForm, restoreSolution } from '../../app/solutions/save-solution';
import { solutionFormCard, solutionsCard } from '../../presenters/solutions';
import { card } from '../reply';
import { submitForm } from './form';
import { verb } from './verb';

/** The re-use catalogue: `catalogue [words]` for anyone; `catalogue add`, Edit and Save for the DSG and admins. */

const solutionId = z.string({ error: 'the catalogue entry is missing' }).trim().min(1, 'the catalogue entry is missing').max(100);
/** The form's fields are checked by the domain (every problem at once); here only that each is text of a sane size. */
const FIELDS = z.object({}).catchall(z.union([z.string().max(5000, 'that answer is too long'), z.boolean()]));

export const solutionList = verb('solution.list', z.object({ query: z.string().trim().max(200, 'search for fewer words').optional() }).loose(), async ({ deps, actor }, d) =>
  card(solutionsCard(await listSolutions(deps, actor, d.query ?? ''))),
);

export const solutionNew = verb('solution.new', z.object({}).loose(), async ({ deps, actor }) => card(solutionFormCard(await openSolutionForm(deps, actor))));

export const solutionEdit = verb('solution.edit', z.object({ id: solutionId }).loose(), async ({ deps, actor }, d) => card(solutionFormCard(await openSolutionForm(deps, actor, d.id))));

export const solutionSave = verb(
  'solution.save',
  z.object({ id: z.string().trim().max(100).optional(), version: z.union([z.string(), z.number()]).optional() }).loose(),
  async ({ deps, actor }, d) => {
    const id = d.id || undefined;
    const version = Number(d.version);
    return submitForm(
      d,
      FIELDS,
      async (typed) => {
        const saved = id ? await editSolution(deps, actor, id, version, typed) : await addSolution(deps, actor, typed);
        return card(solutionsCard(await listSolutions(deps, actor, '', `${id ? 'Saved' : 'Added to the catalogue'}: ${saved.name}`)));
      },
      async (again) => {
        const form = await openSolutionForm(deps, actor, id);
        return card(solutionFormCard({ ...form, values: again.values ?? form.values, errors: again.errors ?? {}, ...(again.notice && { notice: again.notice }) }));
      },
    );
  },
);

/** Put back in use: a retired entry is offered for re-use again (the DSG and admins); the catalogue comes back saying so. */
export const solutionRestore = verb('solution.restore', z.object({ id: solutionId, version: z.coerce.number({ error: 'the card version is missing' }).int().min(0) }).loose(), async ({ deps, actor }, d) =>
  submitForm(
    {},
    z.object({}),
    async () => card(solutionsCard(await listSolutions(deps, actor, '', `Back in use: ${(await restoreSolution(deps, actor, d.id, d.version)).name}`))),
    async (again) => card(solutionsCard(await listSolutions(deps, actor, '', again.notice))),
  ),
);

export const SOLUTION_VERBS = [solutionList, solutionNew, solutionEdit, solutionSave, solutionRestore];
