import { londonDate } from '../../domain/calendar';
import type { StrandId } from '../../domain/catalogue';
import { type DigestRequest, meetingDigestDue, meetingPeriod, weeklyPeriod } from '../../domain/digest';
import type { Deps } from '../deps';
import type { Repositories } from '../ports';
import { queue } from '../outbox/queue';

/** A channel that gets the digest: the DSG channel (every strand) and each subscribed channel (its strands). */
interface DigestChannel {
  conversationId: string;
  reference: unknown;
  strands: StrandId[] | null;
}

/** Queues one digest as a new thread in the channel, keyed by channel and period; it is built when it is sent. */
function enqueueDigest(deps: Deps, tx: Repositories, channel: DigestChannel, period: string, digest: DigestRequest): Promise<boolean> {
  return queue(deps, tx, `digest:${period}:${channel.conversationId}`, { kind: 'conversation', reference: channel.reference, newThread: true }, { kind: 'digest', digest });
}

/**
 * The DSG channel's digest for today, if one is due: before a meeting, the pre-meeting digest (which stands in
 * for that day's weekly one, so the DSG never gets two that morning, nor a second one with nothing "since");
 * otherwise the weekly one. The (channel, period) rows and the outbox message are written in one transaction,
 * so a crash queues all or nothing, and a restart, a re-run or a second instance finds the rows and queues nothing.
 */
function queueDsgDigest(deps: Deps, channel: DigestChannel, today: string, now: string, weekly: boolean, meeting: string | null): Promise<boolean> {
  const week = weeklyPeriod(today);
  return deps.store.transaction(async (tx) => {
    const since = await tx.digests.lastQueued(channel.conversationId);
    if (meeting && (await tx.digests.recordQueued(channel.conversationId, meetingPeriod(meeting), now))) {
      if (weekly) await tx.digests.recordQueued(channel.conversationId, week, now);
      return enqueueDigest(deps, tx, channel, meetingPeriod(meeting), { kind: 'pre-meeting', audience: 'dsg', meeting, since, strands: null });
    }
    if (!weekly || !(await tx.digests.recordQueued(channel.conversationId, week, now))) return false;
    // A pre-meeting digest went out earlier today: it was this week's digest.
    if (since && londonDate(new Date(since)) === today) return false;
    return enqueueDigest(deps, tx, channel, week, { kind: 'weekly', audience: 'dsg', since, strands: null });
  });
}

/** A subscribed channel's weekly digest (its strands; what colleagues may open), once per week. */
function queueChannelDigest(deps: Deps, channel: DigestChannel, today: string, now: string): Promise<boolean> {
  const week = weeklyPeriod(today);
  return deps.store.transaction(async (tx) => {
    const since = await tx.digests.lastQueued(channel.conversationId);
    if (!(await tx.digests.recordQueued(channel.conversationId, week, now))) return false;
    return enqueueDigest(deps, tx, channel, week, { kind: 'weekly', audience: 'channel', since, strands: channel.strands });
  });
}

/**
 * One digest run: the weekly digest (`weekly`, from the weekly schedule) to the DSG channel and every subscribed
 * channel, and the pre-meeting digest to the DSG channel `daysBeforeMeeting` working days before a meeting
 * (looked for on every run). Only the decision to send is made here; each digest is built when it is sent.
 */
export async function postDigests(deps: Deps, options: { weekly: boolean; daysBeforeMeeting: number }): Promise<{ queued: number; meeting: string | null }> {
  const instant = deps.clock.now();
  const now = instant.toISOString();
  const today = deps.calendar.londonDate(instant);
  const settings = await deps.store.settings.get();
  const channel = settings.channel;
  const meeting = meetingDigestDue(settings.meetings.map((m) => m.date), today, options.daysBeforeMeeting, deps.calendar);
  let queued = 0;
  if (channel && (await queueDsgDigest(deps, { conversationId: channel.conversationId, reference: channel.reference, strands: null }, today, now, options.weekly, meeting))) queued++;
  if (options.weekly) {
    for (const s of await deps.store.digests.subscriptions()) {
      if (s.conversationId === channel?.conversationId) continue;
      if (await queueChannelDigest(deps, { conversationId: s.conversationId, reference: s.reference, strands: s.strands.length ? s.strands : null }, today, now)) queued++;
    }
  }
  deps.kickOutbox();
  return { queued, meeting };
}
