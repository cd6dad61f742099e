import type { PersonRef } from '../domain/settings';
import { clip, nonBlank } from './format';
import type { Choice } from './types';

/** Someone to choose: a choice as the card shows it, or a person (a roster Member is one). */
export type PersonChoice = Choice | PersonRef;
const asChoice = (p: PersonChoice): Choice => ('aadObjectId' in p ? { title: p.name, value: p.aadObjectId } : p);

/**
 * People to choose from in a dropdown: `list` in its order, then anyone already chosen (`fixed`: a person in a
 * role, or a value typed into the card) who is not in it, each once, so the card can preselect them. Everyone
 * fixed, and at most `max` others; `total` counts them all, for "12 of 40 people are listed".
 */
export function peopleChoices(list: readonly PersonChoice[], fixed: readonly (PersonChoice | null | undefined)[], max: number): { choices: Choice[]; total: number } {
  const fixedValues = new Set(fixed.filter((p): p is PersonChoice => !!p).map((p) => asChoice(p).value).filter(Boolean));
  const seen = new Set<string>();
  const all: (Choice & { fixed: boolean })[] = [];
  const add = (c: Choice) => {
    if (!c.value || seen.has(c.value)) return;
    seen.add(c.value);
    all.push({ title: clip(nonBlank(c.title) ?? 'Unnamed person', 80), value: c.value, fixed: fixedValues.has(c.value) });
  };
  for (const c of list) add(asChoice(c));
  for (const p of fixed) if (p && 'aadObjectId' in p && p.aadObjectId) add(asChoice(p));
  let room = max;
  const choices = all.filter((c) => c.fixed || room-- > 0).map(({ title, value }) => ({ title, value }));
  return { choices, total: all.length };
}

/** '12 of 40 people are listed. …': said under a dropdown that could not list everyone. */
export const peopleNote = (shown: number, total: number, who = 'people'): string | undefined =>
  shown < total ? `${shown} of ${total} ${who} are listed. In Teams on a computer, type a name to find anyone else.` : undefined;
