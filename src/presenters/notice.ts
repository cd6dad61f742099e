import { nonBlank } from './format';
import { type AdaptiveCardJson, render } from './render';
import type { NoticeAction, NoticeData } from './types';

/**
 * A small card: a title, lines of text (shown as plain text: they may hold what people typed), and at
 * most one button that shows something (e.g. Open project).
 */
export function noticeCard(title: string, lines: readonly string[], action?: NoticeAction): AdaptiveCardJson {
  const data: NoticeData = {
    title: nonBlank(title) ?? 'Digital Strategy Group',
    lines: lines.filter((l) => nonBlank(l)).map((text) => ({ text })),
  };
  if (action) data.action = { ...action, fallbackData: { verb: action.verb, ...action.data } };
  return render('notice', data);
}
