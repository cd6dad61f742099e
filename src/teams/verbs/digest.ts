import { z } from 'zod';
import { gatherDigest } from '../../app/digests/gather-digest';
import { previewDigest } from '../../app/digests/preview-digest';
import { digestCard } from '../../presenters/digest';
import { subscribeDigest, unsubscribeDigest } from '../../app/digests/subscribe-digest';
import { sendPrivately } from '../../app/reminders/run-reminders-now';
import { STRANDS, type StrandId } from '../../domain/catalogue';
import { card, text } from '../reply';
import { verb, type Verb } from './verb';

/** `digest preview`, `subscribe digest [strands]`, `unsubscribe digest`. */

const strandByName = new Map<string, StrandId>(STRANDS.flatMap((s) => [[s.name.toLowerCase(), s.id], [s.name.toLowerCase().replace(/^digital /, ''), s.id], [s.id, s.id]]));

/** "Digital Learning, estates" → the strand ids, or the names it does not know. */
function strandsFrom(list: string): { strands: StrandId[]; unknown: string[] } {
  const names = list.split(/,|\band\b/i).map((n) => n.trim().toLowerCase()).filter(Boolean);
  const strands = [...new Set(names.map((n) => strandByName.get(n)).filter((s): s is StrandId => !!s))];
  return { strands, unknown: names.filter((n) => !strandByName.has(n)) };
}

export const DIGEST_VERBS: readonly Verb[] = [
  verb('digest.preview', z.object({}).loose(), async ({ deps, actor, channel }) => {
    const want = await previewDigest(deps, actor);
    if (!channel) return card(digestCard(await gatherDigest(deps, deps.store, want)));
    // Typed in a channel, a reply would be seen by everyone: the preview goes to the caller's personal chat.
    await sendPrivately(deps, actor, `digest-preview:${actor.id}:${deps.clock.now().toISOString()}`, { kind: 'digest', digest: want });
    return text('I have sent you the digest preview in our personal chat.');
  }),
  verb('digest.subscribe', z.object({ strands: z.string().max(500).optional() }).loose(), async ({ deps, actor, channel }, d) => {
    const { strands, unknown } = strandsFrom(d.strands ?? '');
    if (unknown.length) {
      return text(`I do not know the strand${unknown.length === 1 ? '' : 's'} "${unknown.join('", "')}". The strands are: ${STRANDS.map((s) => s.name).join(', ')}. For example: subscribe digest Digital Learning, Digital Estates`);
    }
    return text(await subscribeDigest(deps, actor, channel, strands));
  }),
  verb('digest.unsubscribe', z.object({}).loose(), async ({ deps, actor, channel }) => text(await unsubscribeDigest(deps, actor, channel))),
];
