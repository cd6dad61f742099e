import { DomainError } from '../../domain/errors';
import type { Meeting } from '../../domain/meetings';
import type { Actor } from '../../domain/people';
import { audited } from '../audit';
import type { Deps } from '../deps';
import type { Repositories } from '../ports';
import { getMeeting } from './meeting-view';

/**
 * Changes a meeting's record in one transaction with its audit event. With `cardVersion`, a card drawn from an
 * older record is refused (STALE_CARD); without it (a press that cannot conflict, like "I'm here"), a change
 * made by someone else at the same moment is simply applied on top.
 */
export async function changeMeeting(
  deps: Deps,
  actor: Actor,
  meetingId: string,
  cardVersion: number | null,
  action: string,
  change: (meeting: Meeting, now: string) => Meeting,
  also?: (tx: Repositories, meeting: Meeting) => Promise<void>,
): Promise<Meeting> {
  for (let attempt = 0; ; attempt++) {
    const before = await getMeeting(deps, meetingId);
    if (cardVersion !== null && before.version !== cardVersion) {
      throw new DomainError('STALE_CARD', `The meeting record changed since this card was drawn (${before.attendees.length} present, ${Object.keys(before.outcomes).length} of ${before.agenda.length} items dealt with); here it is as it stands now.`, { meetingId });
    }
    const now = deps.clock.now().toISOString();
    const after = change(before, now);
    if (after === before) return before;
    const saved = await deps.store.transaction(async (tx) => {
      if (!(await tx.meetings.update(after, before.version))) return false;
      await audited(tx, actor, now, action, { subjectType: 'meeting', subjectId: before.date }, { version: before.version, status: before.status }, { version: after.version, status: after.status });
      if (also) await also(tx, after);
      return true;
    });
    if (saved) return after;
    if (cardVersion !== null || attempt >= 3) throw new DomainError('STALE_CARD', 'The meeting record changed at the same moment; nothing was saved. Please try again.', { meetingId });
  }
}
