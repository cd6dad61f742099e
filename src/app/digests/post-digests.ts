import { digestCard } from '../../cards';
import type { StrandId } from '../../domain/catalogue';
import { meetingDigestDue, meetingPeriod, weeklyPeriod } from '../../domain/digest';
import type { Deps } from '../deps';
import type { OutboxTarget } from '../ports';
import { type DigestRequest, gatherDigest } from './gather-digest';

/** A channel that gets the digest: the DSG channel (every strand) and each subscribed channel (its strands). */
interface DigestChannel {
  conversationId: string;
  reference: unknown;
  strands: StrandId[] | null;
}

async function digestChannels(deps: Deps): Promise<{ dsg: DigestChannel | null; all: DigestChannel[] }> {
  const settings = await deps.store.settings.get();
  const dsg = settings.channel ? { conversationId: settings.channel.conversationId, reference: settings.channel.reference, strands: null } : null;
  const subscribed = (await deps.store.digests.subscriptions())
    .filter((s) => s.conversationId !== dsg?.conversationId)
    .map((s) => ({ conversationId: s.conversationId, reference: s.reference, strands: s.strands.length ? s.strands : null }));
  return { dsg, all: [...(dsg ? [dsg] : []), ...subscribed] };
}

/**
 * Queues one channel's digest for a period, exactly once: the (channel, period) row and the outbox message
 * (keyed by both) are written in one transaction, so a crash queues all or nothing, and a restart, a re-run
 * or a second instance finds the row and queues nothing more. "Since" is the channel's previous digest.
 */
async function queueDigest(deps: Deps, channel: DigestChannel, period: string, want: Omit<DigestRequest, 'since' | 'strands'>): Promise<boolean> {
  const now = deps.clock.now().toISOString();
  return deps.store.transaction(async (tx) => {
    const since = await tx.digests.lastQueued(channel.conversationId);
    if (!(await tx.digests.recordQueued(channel.conversationId, period, now))) return false;
    const card = digestCard(await gatherDigest(deps, tx, { ...want, since, strands: channel.strands }));
    const target: OutboxTarget = { kind: 'conversation', reference: channel.reference, newThread: true };
    return tx.outbox.enqueue({ id: deps.newId(), key: `digest:${period}:${channel.conversationId}`, target, payload: { card }, purpose: { kind: 'notice' }, nextAttemptAt: now, createdAt: now });
  });
}

/** The weekly digest, to the DSG channel and every subscribed channel: once per channel per week. */
export async function postWeeklyDigests(deps: Deps): Promise<{ queued: number }> {
  const period = weeklyPeriod(deps.calendar.londonDate(deps.clock.now()));
  let queued = 0;
  for (const channel of (await digestChannels(deps)).all) if (await queueDigest(deps, channel, period, { kind: 'weekly' })) queued++;
  deps.kickOutbox();
  return { queued };
}

/** The pre-meeting digest, to the DSG channel, `daysBefore` working days before each meeting in the settings. */
export async function postMeetingDigest(deps: Deps, daysBefore: number): Promise<{ queued: number; meeting: string | null }> {
  const { dsg } = await digestChannels(deps);
  const meetings = (await deps.store.settings.get()).meetings;
  const meeting = meetingDigestDue(meetings, deps.calendar.londonDate(deps.clock.now()), daysBefore, deps.calendar);
  if (!dsg || !meeting) return { queued: 0, meeting };
  const queued = (await queueDigest(deps, dsg, meetingPeriod(meeting), { kind: 'pre-meeting', meeting })) ? 1 : 0;
  deps.kickOutbox();
  return { queued, meeting };
}
