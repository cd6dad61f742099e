import type { Notice } from '../domain/notices';
import { nonBlank } from './format';
import { type AdaptiveCardJson, render } from './render';
import type { NoticeData } from './types';

const OPEN_VERB = { project: 'project.view', request: 'request.view' } as const;

/**
 * A notice as a small card: a title, lines of text (shown as plain text: they may hold what people typed), and
 * at most one button that shows something (e.g. Open project).
 */
export function noticeCard(notice: Notice): AdaptiveCardJson {
  const data: NoticeData = {
    title: nonBlank(notice.title) ?? 'Digital Strategy Group',
    lines: notice.lines.filter((l) => nonBlank(l)).map((text) => ({ text })),
  };
  if (notice.open) {
    const verb = OPEN_VERB[notice.open.opens];
    const actionData = { reference: notice.open.reference };
    data.action = { verb, title: notice.open.title, data: actionData, fallbackData: { verb, ...actionData } };
  }
  return render('notice', data);
}
