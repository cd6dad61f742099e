import { digestCard } from '../../presenters/digest';
import { londonDate } from '../../domain/calendar';
import type { StrandId } from '../../domain/catalogue';
import { meetingDigestDue, meetingPeriod, weeklyPeriod } from '../../domain/digest';
import type { Deps } from '../deps';
import type { OutboxTarget } from '../outbox/ports';
import type { Repositories } from '../ports';
import { type DigestData, type DigestRequest, digestFrom, loadDigestData } from './gather-digest';

/** A channel that gets the digest: the DSG channel (every strand) and each subscribed channel (its strands). */
interface DigestChannel {
  conversationId: string;
  reference: unknown;
  strands: StrandId[] | null;
}

/** Queues one digest as a new thread in the channel, keyed by channel and period (the outbox drops a repeat). */
async function enqueueDigest(deps: Deps, tx: Repositories, channel: DigestChannel, period: string, data: DigestData, want: DigestRequest): Promise<boolean> {
  const card = digestCard(await digestFrom(tx, data, want));
  const target: OutboxTarget = { kind: 'conversation', reference: channel.reference, newThread: true };
  const now = data.now.toISOString();
  return tx.outbox.enqueue({ id: deps.newId(), key: `digest:${period}:${channel.conversationId}`, target, payload: { card }, purpose: { kind: 'notice' }, nextAttemptAt: now, createdAt: now });
}

/**
 * The DSG channel's digest for today, if one is due: before a meeting, the pre-meeting digest (which stands in
 * for that day's weekly one, so the DSG never gets two that morning, nor a second one with nothing "since");
 * otherwise the weekly one. The (channel, period) rows and the outbox message are written in one transaction,
 * so a crash queues all or nothing, and a restart, a re-run or a second instance finds the rows and queues nothing.
 */
function queueDsgDigest(deps: Deps, channel: DigestChannel, data: DigestData, weekly: boolean, meeting: string | null): Promise<boolean> {
  const now = data.now.toISOString();
  const week = weeklyPeriod(data.today);
  return deps.store.transaction(async (tx) => {
    const since = await tx.digests.lastQueued(channel.conversationId);
    if (meeting && (await tx.digests.recordQueued(channel.conversationId, meetingPeriod(meeting), now))) {
      if (weekly) await tx.digests.recordQueued(channel.conversationId, week, now);
      return enqueueDigest(deps, tx, channel, meetingPeriod(meeting), data, { kind: 'pre-meeting', audience: 'dsg', meeting, since, strands: null });
    }
    if (!weekly || !(await tx.digests.recordQueued(channel.conversationId, week, now))) return false;
    // A pre-meeting digest went out earlier today: it was this week's digest.
    if (since && londonDate(new Date(since)) === data.today) return false;
    return enqueueDigest(deps, tx, channel, week, data, { kind: 'weekly', audience: 'dsg', since, strands: null });
  });
}

/** A subscribed channel's weekly digest (its strands; what colleagues may open), once per week. */
function queueChannelDigest(deps: Deps, channel: DigestChannel, data: DigestData): Promise<boolean> {
  const week = weeklyPeriod(data.today);
  return deps.store.transaction(async (tx) => {
    const since = await tx.digests.lastQueued(channel.conversationId);
    if (!(await tx.digests.recordQueued(channel.conversationId, week, data.now.toISOString()))) return false;
    return enqueueDigest(deps, tx, channel, week, data, { kind: 'weekly', audience: 'channel', since, strands: channel.strands });
  });
}

/**
 * One digest run: the weekly digest (`weekly`, from the weekly schedule) to the DSG channel and every subscribed
 * channel, and the pre-meeting digest to the DSG channel `daysBeforeMeeting` working days before a meeting
 * (looked for on every run). What they share is read once, outside the transactions.
 */
export async function postDigests(deps: Deps, options: { weekly: boolean; daysBeforeMeeting: number }): Promise<{ queued: number; meeting: string | null }> {
  const data = await loadDigestData(deps, deps.store);
  const channel = data.settings.channel;
  const meeting = meetingDigestDue(data.settings.meetings, data.today, options.daysBeforeMeeting, deps.calendar);
  let queued = 0;
  if (channel && (await queueDsgDigest(deps, { conversationId: channel.conversationId, reference: channel.reference, strands: null }, data, options.weekly, meeting))) queued++;
  if (options.weekly) {
    for (const s of await deps.store.digests.subscriptions()) {
      if (s.conversationId === channel?.conversationId) continue;
      if (await queueChannelDigest(deps, { conversationId: s.conversationId, reference: s.reference, strands: s.strands.length ? s.strands : null }, data)) queued++;
    }
  }
  deps.kickOutbox();
  return { queued, meeting };
}
