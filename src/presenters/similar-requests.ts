import { strandName } from '../domain/catalogue';
import { STATUS_LABELS } from '../domain/request';
import { MAX_SIMILAR_SHOWN, type SimilarRequest } from '../domain/similarity';
import { type AdaptiveCardJson, render } from './render';

/** Shown before a request is stored when similar ones exist (at most MAX_SIMILAR_SHOWN of them). */
export function similarRequestsCard(formId: string, title: string, matches: readonly SimilarRequest[]): AdaptiveCardJson {
  return render('similar-requests', {
    formId,
    title,
    matches: matches.slice(0, MAX_SIMILAR_SHOWN).map((m) => ({
      reference: m.reference,
      title: m.title,
      statusLabel: STATUS_LABELS[m.status] ?? m.status,
      strandName: strandName(m.strand),
    })),
  });
}
