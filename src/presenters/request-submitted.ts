import { digitalLeaderTitle, strandName } from '../domain/catalogue';
import { ukDateTime } from '../domain/dates';
import type { ProjectRequest } from '../domain/request';
import { summaryOf } from './format';
import { type AdaptiveCardJson, render } from './render';

/** Confirmation that replaces the form once the request is stored. */
export function requestSubmittedCard(request: ProjectRequest): AdaptiveCardJson {
  return render('request-submitted', {
    reference: request.reference,
    title: request.title,
    summary: summaryOf(request.problem),
    strandName: strandName(request.strand),
    digitalLeaderTitle: digitalLeaderTitle(request.strand),
    submittedAt: ukDateTime(request.createdAt),
  });
}
