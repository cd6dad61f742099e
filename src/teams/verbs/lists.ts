import { z } from 'zod';
import { listPending } from '../../app/triage/list-pending';
import { PAGE_SIZE } from '../../domain/paging';
import { listProgramme } from '../../app/projects/list-programme';
import { viewHistory } from '../../app/projects/view-history';
import { historyCard } from '../../presenters/history';
import { pendingCard } from '../../presenters/pending';
import { programmeCard } from '../../presenters/programme';
import { card } from '../reply';
import { page, reference } from './schemas';
import { verb } from './verb';

/** `pending`, `programme` and the History of a record. */

export const requestPending = verb('request.pending', z.object({ page }).loose(), async ({ deps, actor }, d) => {
  const r = await listPending(deps, actor, d.page ?? 1);
  return card(pendingCard(r.result, r.page, PAGE_SIZE, r.today));
});

export const programmeShow = verb('programme.show', z.object({ page }).loose(), async ({ deps }, d) => {
  const r = await listProgramme(deps, d.page ?? 1);
  return card(programmeCard(r.items, r.page, PAGE_SIZE, r.total, r.today));
});

export const historyShow = verb('history.show', z.object({ reference, page }).loose(), async ({ deps, actor }, d) => {
  const r = await viewHistory(deps, actor, d.reference);
  return card(historyCard(r.request.reference, r.request.title, r.events, d.page ?? 1));
});
