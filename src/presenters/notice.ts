import type { Notice } from '../domain/notices';
import { nonBlank } from './format';
import { type AdaptiveCardJson, render } from './render';
import type { NoticeData, NoticeDownload } from './types';

const OPEN_VERB = { project: 'project.view', request: 'request.view' } as const;

/**
 * A notice as a small card: a title, lines of text (shown as plain text: they may hold what people typed), at
 * most one button that shows something (e.g. Open project), and buttons that open signed download links.
 */
export function noticeCard(notice: Notice, downloads: readonly NoticeDownload[] = []): AdaptiveCardJson {
  const data: NoticeData = {
    title: nonBlank(notice.title) ?? 'Digital Strategy Group',
    lines: notice.lines.filter((l) => nonBlank(l)).map((text) => ({ text })),
    downloads: [...downloads],
  };
  if (notice.open) {
    const verb = OPEN_VERB[notice.open.opens];
    const actionData = { reference: notice.open.reference };
    data.action = { verb, title: notice.open.title, data: actionData, fallbackData: { verb, ...actionData } };
  }
  return render('notice', data);
}
