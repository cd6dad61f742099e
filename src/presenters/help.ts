import { PRINCIPLES, type PrincipleId } from '../domain/catalogue';
import { HELP_SECTIONS, type HelpSection, type HelpView, shownAs } from '../domain/commands';
import { clip } from './format';
import { type AdaptiveCardJson, render } from './render';

/** One line per principle; keyed by id so a change to the catalogue is a compile error here. */
const PRINCIPLE_SUMMARIES: Record<PrincipleId, string> = {
  'customer-focused': 'design services around the people who use them, online when it suits them.',
  'skilled-workforce': 'give staff the digital skills and tools to do their jobs well.',
  'privacy-openness': 'protect personal data, and be open about how services and data are used.',
  'collaboration-value': 'work with partners and re-use what exists, for the best value for public money.',
};

/** `help`: the commands this person may use, by part; first what was not understood and the nearest command. */
export function helpCard(view: HelpView): AdaptiveCardJson {
  const groups = (Object.keys(HELP_SECTIONS) as HelpSection[])
    .map((s) => ({ heading: HELP_SECTIONS[s], facts: view.commands.filter((c) => c.section === s).map((c) => ({ factTitle: shownAs(c), factValue: c.help })) }))
    .filter((s) => s.facts.length > 0);
  const notUnderstood = view.notUnderstood && { typed: clip(view.notUnderstood.typed, 80), ...(view.notUnderstood.suggestion ? { suggestion: view.notUnderstood.suggestion } : {}) };
  return render('help', {
    ...(notUnderstood ? { notUnderstood } : {}),
    groups,
    principles: PRINCIPLES.map((p) => ({ name: p.name, summary: PRINCIPLE_SUMMARIES[p.id] })),
  });
}
