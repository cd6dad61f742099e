import { digitalLeaderTitle, strandName } from '../domain/catalogue';
import { ukDate } from '../domain/dates';
import type { ProjectRequest } from '../domain/request';
import { statusLabel } from './format';
import { type AdaptiveCardJson, render } from './render';

/**
 * The read-only view of someone else's request, for people outside the DSG: what similar requests show (no
 * person's name or words), and Open project once it is in the Digital Programme.
 */
export function requestSummaryCard(request: Pick<ProjectRequest, 'reference' | 'title' | 'status' | 'strand' | 'createdAt'>, inProgramme: boolean): AdaptiveCardJson {
  return render('request-summary', {
    reference: request.reference,
    title: request.title,
    statusLabel: statusLabel(request.status),
    strandName: strandName(request.strand),
    digitalLeaderTitle: digitalLeaderTitle(request.strand),
    submitted: ukDate(request.createdAt),
    inProgramme,
  });
}
