import { listPending } from '../../app/triage/list-pending';
import { z } from 'zod';
import { PAGE_SIZE } from '../../domain/paging';
import { listProgramme } from '../../app/projects/list-programme';
import { viewHistory } from '../../app/projects/view-history';
import { listMilestones } from '../../app/projects/list-milestones';
import { milestonesCard } from '../../presenters/milestones';
import { historyCard } from '../../presenters/history';
import { pendingCard } from '../../presenters/pending';
import { programmeCard } from '../../presenters/programme';
import { isoDate, page, reference } from './schemas';
import { view } from './verb';

/** `pending`, `programme`, the programme's milestone lists and the History of a record. */

export const requestPending = view('request.pending', { page }, async ({ deps, actor }, d) => {
  const r = await listPending(deps, actor, d.page ?? 1);
  return pendingCard(r.result, r.page, PAGE_SIZE, r.today);
});

export const programmeShow = view('programme.show', { page }, async ({ deps }, d) => {
  const r = await listProgramme(deps, d.page ?? 1);
  return programmeCard(r.items, r.page, PAGE_SIZE, r.total, r.today);
});

export const historyShow = view('history.show', { reference, page }, async ({ deps, actor }, d) => {
  const r = await viewHistory(deps, actor, d.reference);
  return historyCard(r.request.reference, r.request.title, r.events, d.page ?? 1);
});

export const milestoneList = view(
  'milestone.list',
  { which: z.enum(['due-soon', 'overdue', 'completed'], { error: 'the milestone list is not known' }), since: isoDate, page },
  async ({ deps }, d) => milestonesCard(await listMilestones(deps, d.which, d.since ?? undefined, d.page ?? 1)),
);
