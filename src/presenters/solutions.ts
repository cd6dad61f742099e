import { STRANDS, strandName } from '../domain/catalogue';
import { ukDate } from '../domain/dates';
import { type CatalogueView, type ContractState, type Solution, type SolutionFormView, SOLUTION_FIELDS } from '../domain/solutions';
import { countOf } from '../domain/words';
import { countsDown, fitToSize } from './fit';
import { nonBlank } from './format';
import type { AdaptiveCardJson } from './render';
import { render } from './render';
import type { SolutionsData } from './types';

/** Entries drawn on one card at most; a search narrows the rest. */
export const MAX_SOLUTIONS_SHOWN = 15;

/** The line about an entry's licence or contract, and its colour; none when it has no end date. */
export function contractLine(contract: ContractState, ends: string | null): { text: string; colour: string } | null {
  if (!ends || contract === 'none') return null;
  if (contract === 'ended') return { text: `Contract ended ${ukDate(ends)}: renew, replace or retire it`, colour: 'attention' };
  if (contract === 'ending') return { text: `Contract ends ${ukDate(ends)} (within 6 months)`, colour: 'warning' };
  return { text: `Contract ends ${ukDate(ends)}`, colour: 'default' };
}

export const sharedWords = (s: Pick<Solution, 'sharedWithPartners' | 'sharedWith'>): string | undefined =>
  s.sharedWithPartners ? `Shared with ${s.sharedWith ?? 'partners'}` : undefined;

/** `catalogue [words]`: the entries found, each with its service, strands, contract and link; Edit and Add for the DSG and admins. */
export function solutionsCard(view: CatalogueView): AdaptiveCardJson {
  return fitToSize('solutions', countsDown(Math.min(view.entries.length, MAX_SOLUTIONS_SHOWN)), (shown) => {
    const entries = view.entries.slice(0, shown).map(({ solution: s, contract }) => {
      // A retired entry's contract needs nothing more done: it says when it ended, without asking for anything.
      const line = s.retired && contract === 'ended' && s.contractEnds ? { text: `Contract ended ${ukDate(s.contractEnds)}`, colour: 'default' } : contractLine(contract, s.contractEnds);
      return {
        id: s.id,
        version: s.version,
        name: s.name,
        ownerText: `Owned by ${s.owningService} · ${s.strands.map(strandName).join(', ')}`,
        whatItDoes: s.whatItDoes,
        retired: s.retired,
        canEdit: view.canManage,
        hasActions: view.canManage || !!s.link,
        ...(s.link && { link: s.link }),
        ...(sharedWords(s) && { sharedText: sharedWords(s) }),
        ...(line && { contractText: line.text, contractColour: line.colour }),
      };
    });
    const found = view.query ? `${countOf(view.entries.length, 'entry', 'entries')} matching “${view.query}”` : countOf(view.total, 'entry', 'entries');
    const more = view.entries.length - shown;
    const data: SolutionsData = {
      subtitle: view.query ? `${found}, of ${view.total}` : found,
      hasEntries: entries.length > 0,
      emptyText: view.query ? `Nothing in the catalogue matches “${view.query}”. Try other words.` : 'The catalogue is empty. The DSG adds the solutions the council already has or shares.',
      entries,
      query: view.query,
      canManage: view.canManage,
    };
    if (more > 0) data.moreText = `${countOf(more, 'more entry', 'more entries')}: search to narrow the list.`;
    const notice = nonBlank(view.notice);
    if (notice) data.notice = notice;
    return data;
  });
}

/** The form to add an entry or edit one, with a problem under each input and what was typed kept. */
export function solutionFormCard(view: SolutionFormView): AdaptiveCardJson {
  const values = Object.fromEntries(SOLUTION_FIELDS.map((f) => [f, view.values[f] ?? ''])) as SolutionsFormValues;
  if (!values.sharedWithPartners) values.sharedWithPartners = 'false';
  const notice = nonBlank(view.notice) ?? (Object.keys(view.errors).length > 0 ? `Not saved: please fix the ${countOf(Object.keys(view.errors).length, 'problem')} marked below.` : undefined);
  return render('solution-form', {
    heading: view.solution ? `Edit: ${view.solution.name}` : 'Add an entry',
    id: view.solution?.id ?? '',
    version: view.solution ? String(view.solution.version) : '',
    values,
    errors: view.errors,
    strandChoices: STRANDS.map((s) => ({ title: s.name, value: s.id })),
    ...(notice && { notice }),
  });
}

type SolutionsFormValues = Record<(typeof SOLUTION_FIELDS)[number], string>;
