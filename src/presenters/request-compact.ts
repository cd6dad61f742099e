import { digitalLeaderTitle, strandName } from '../domain/catalogue';
import type { Project } from '../domain/project';
import type { ProjectRequest } from '../domain/request';
import { escapeHtml, ownerLines, statusLabel } from './format';
import { type AdaptiveCardJson, render } from './render';

/** What a compact card shows: never a person's name or words, except a project's owners when they may be shown. */
export interface CompactRequest {
  request: Pick<ProjectRequest, 'reference' | 'title' | 'status' | 'strand'>;
  inProgramme: boolean;
  owners: Pick<Project, 'digitalLeader' | 'projectLead' | 'projectManager'> | null;
}

/**
 * Under a request not yet in the programme. The card is shared where others read it, so it says what holds for
 * every reader (not "your request", which is only true for the person who shared it).
 */
export const NOT_IN_FULL = 'Only the person who raised it and the Digital Strategy Group see it in full.';

/**
 * A request or project in a line or two, with View (each person's own view, shown only to them): a compose-box
 * result, a Programme tab link unfurled, or, `raised`, the card posted where a request was raised from.
 */
export function requestCompactCard(found: CompactRequest, raised = false): AdaptiveCardJson {
  const { request } = found;
  const footnote = found.inProgramme ? undefined : NOT_IN_FULL;
  return render('request-compact', {
    ...(raised && { raised: true as const }),
    reference: request.reference,
    title: request.title,
    statusLabel: statusLabel(request.status),
    strandName: strandName(request.strand),
    owners: found.owners ? ownerLines(found.owners) : [],
    ...(footnote && !raised && { footnote }),
  });
}

/** The compact card's place when there is nothing to show: `why`, in a sentence. */
export const notFoundCard = (why: string): AdaptiveCardJson =>
  render('request-compact', { notFound: why, reference: '', title: '', statusLabel: '', strandName: '', owners: [] });

/** The last step of raising a request from a message: its reference, and Post in the conversation. */
export const requestRaisedCard = (request: Pick<ProjectRequest, 'reference' | 'title' | 'strand'>, notice?: string): AdaptiveCardJson =>
  render('request-raised', { reference: request.reference, title: request.title, digitalLeaderTitle: digitalLeaderTitle(request.strand), ...(notice && { notice }) });

/**
 * The line Teams lists a compact card by in the compose box (a thumbnail card's plain fields). Teams reads a little
 * HTML there, so typed text goes in with its angle brackets and ampersands escaped.
 */
export function compactPreview(found: CompactRequest): { title: string; subtitle: string; text: string } {
  const { request } = found;
  const owners = found.owners ? ownerLines(found.owners).map((o) => `${o.role}: ${o.name}`).join(' · ') : '';
  return {
    title: escapeHtml(request.title),
    subtitle: `${request.reference} · ${statusLabel(request.status)} · ${strandName(request.strand)}`,
    text: escapeHtml(owners),
  };
}
