import { z } from 'zod';
import type { Deps } from '../../app/deps';
import { viewProject } from '../../app/projects/view-project';
import { addRisk } from '../../app/risks/add-risk';
import { changeRisk } from '../../app/risks/edit-risk';
import { riskForm } from '../../app/risks/risk-form';
import type { Actor } from '../../domain/people';
import { riskFormFields } from '../../domain/risks';
import { riskFormCard } from '../../presenters/risks';
import { card, type Reply } from '../reply';
import { type FormAgain, submitForm } from './form';
import { projectCardOf } from './project';
import { reference } from './schemas';
import { type Verb, verb } from './verb';

/** A project's risks and issues log: the form to add an entry or change one, from the project card. */

const riskId = z.string().trim().min(1).max(64);

/** The form as it stands for this person: a new entry, or the entry as it is now, with what to fix and what was typed. */
async function formCard(deps: Deps, actor: Actor, ref: string, id: string | null, again: FormAgain = {}): Promise<Reply> {
  const view = await riskForm(deps, actor, ref, id);
  return card(riskFormCard({ ...view, values: again.values, errors: again.errors, notice: again.notice }));
}

/** The project card once an entry is saved, with what was done at the top. */
const projectAfter = async (deps: Deps, actor: Actor, ref: string, notice: string): Promise<Reply> => card(projectCardOf(deps, await viewProject(deps, actor, ref), { notice }));


/** Add risk or issue, or Edit, on the project card: the form replaces the card (Cancel draws the card again). */
const riskFormVerb = verb('risk.form', z.object({ reference, riskId: riskId.optional() }).loose(), ({ deps, actor }, d) => formCard(deps, actor, d.reference, d.riskId ?? null));

const riskAddVerb = verb('risk.add', z.object({ reference }).loose(), ({ deps, actor }, d) =>
  submitForm(
    d,
    riskFormFields,
    async (f) => projectAfter(deps, actor, d.reference, (await addRisk(deps, actor, d.reference, f)).notice),
    (again) => formCard(deps, actor, d.reference, null, again),
  ),
);

const riskEditVerb = verb('risk.edit', z.object({ reference, riskId, version: z.coerce.number({ error: 'the card version is missing' }).int().min(1) }).loose(), ({ deps, actor }, d) =>
  submitForm(
    d,
    riskFormFields,
    async (f) => {
      // The entry's own project, whatever reference the press carried.
      const saved = await changeRisk(deps, actor, d.riskId, d.version, { kind: 'edit', values: f });
      return projectAfter(deps, actor, saved.entry.reference, saved.notice);
    },
    // Sent back with problems: what was typed; out of date: the entry as it now is, saying what changed.
    (again) => formCard(deps, actor, d.reference, d.riskId, again.errors ? again : { notice: again.notice }),
  ),
);

export const RISK_VERBS: readonly Verb[] = [riskFormVerb, riskAddVerb, riskEditVerb];
