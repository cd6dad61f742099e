import { MILESTONE_LIST_TITLES, type MilestoneListKind, type ProgrammeMilestone } from '../domain/digest';
import { ukDate } from '../domain/dates';
import { countOf } from '../domain/words';
import { clip } from './format';
import { type AdaptiveCardJson, render } from './render';

const ORDER_WORDS: Record<MilestoneListKind, string> = { 'due-soon': 'soonest first', overdue: 'longest late first', completed: 'newest first' };

/** One page of a milestone list (what a digest's "Show all" opens), each milestone with Open project. */
export function milestonesCard(list: {
  which: MilestoneListKind;
  since: string;
  items: (ProgrammeMilestone & { detail: string })[];
  page: number;
  pages: number;
  total: number;
}): AdaptiveCardJson {
  const { which, since, page, pages, total } = list;
  return render('milestones', {
    heading: which === 'completed' ? `Milestones completed since ${ukDate(since)}` : MILESTONE_LIST_TITLES[which],
    summary: total === 0 ? 'None.' : `${countOf(total, 'milestone')}, ${ORDER_WORDS[which]}. Page ${page} of ${pages}.`,
    which,
    since,
    items: list.items.map((pm) => ({
      reference: pm.request.reference,
      title: clip(pm.milestone.title, 120),
      detail: pm.detail,
      color: which === 'overdue' ? ('attention' as const) : ('default' as const),
      subtle: which !== 'overdue',
    })),
    page,
    hasPrevious: page > 1,
    hasNext: page < pages,
  });
}
