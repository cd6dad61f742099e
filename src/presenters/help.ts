import { PRINCIPLES, type PrincipleId } from '../domain/catalogue';
import { type AdaptiveCardJson, render } from './render';

/** One line per principle; keyed by id so a change to the catalogue is a compile error here. */
const PRINCIPLE_SUMMARIES: Record<PrincipleId, string> = {
  'customer-focused': 'design services around the people who use them, online when it suits them.',
  'skilled-workforce': 'give staff the digital skills and tools to do their jobs well.',
  'privacy-openness': 'protect personal data, and be open about how services and data are used.',
  'collaboration-value': 'work with partners and re-use what exists, for the best value for public money.',
};

export function helpCard(): AdaptiveCardJson {
  return render('help', {
    principles: PRINCIPLES.map((p) => ({ name: p.name, summary: PRINCIPLE_SUMMARIES[p.id] })),
  });
}
