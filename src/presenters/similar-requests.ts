import { strandName } from '../domain/catalogue';
import { STATUS_LABELS } from '../domain/request';
import { MAX_SIMILAR_SHOWN, type SimilarRequest } from '../domain/similarity';
import type { SolutionMatch } from '../domain/solutions';
import { type AdaptiveCardJson, render } from './render';
import { contractLine } from './solutions';

/**
 * Shown before a request is stored when similar ones exist (at most MAX_SIMILAR_SHOWN of them), or the re-use
 * catalogue has solutions matching the idea: "The council already has …", with the owning service and link.
 */
export function similarRequestsCard(formId: string, title: string, matches: readonly SimilarRequest[], solutions: readonly SolutionMatch[] = []): AdaptiveCardJson {
  const heading = matches.length > 0 ? 'Similar requests already exist' : 'The council may already have this';
  return render('similar-requests', {
    formId,
    title,
    heading,
    hasMatches: matches.length > 0,
    hasSolutions: solutions.length > 0,
    solutions: solutions.slice(0, MAX_SIMILAR_SHOWN).map((s) => {
      const line = contractLine(s.contract, s.contractEnds);
      return { name: s.name, ownerText: `Owned by ${s.owningService}`, ...(s.link && { link: s.link }), ...(line && { contractText: line.text, contractColour: line.colour }) };
    }),
    matches: matches.slice(0, MAX_SIMILAR_SHOWN).map((m) => ({
      reference: m.reference,
      title: m.title,
      statusLabel: STATUS_LABELS[m.status] ?? m.status,
      strandName: strandName(m.strand),
    })),
  });
}
