import type { Deps } from '../app/deps';
import { gatherDigest } from '../app/digests/gather-digest';
import { raisesAlert } from '../app/outbox/alerts';
import { DeliveryError, type OutboxMessage, type OutboxRenderer, type Rendered } from '../app/outbox/ports';
import { reminderView } from '../app/reminders/answer-reminder';
import { reminderPreview } from '../app/reminders/run-reminders-now';
import { loadMinutesView } from '../app/meetings/minutes';
import { getMeeting } from '../app/meetings/meeting-view';
import { latestQuestion } from '../app/triage/answer-question';
import { loadTriageView } from '../app/triage/triage-view';
import { followedChangeNotice } from '../app/follows/tell-followers';
import { refreshAudience } from '../domain/card-audience';
import { isDomainError } from '../domain/errors';
import type { AlertKind } from '../domain/notices';
import { digestCard } from '../presenters/digest';
import { minutesCard } from '../presenters/minutes';
import { noticeCard } from '../presenters/notice';
import { questionCard } from '../presenters/question';
import { reminderCard } from '../presenters/reminder';
import { remindersPreviewCard } from '../presenters/reminders-preview';
import { triageCard } from '../presenters/triage';
import { gateCard } from '../presenters/gates';
import { getGate, loadGateView } from '../app/gates/view-gate';

export interface RendererOptions {
  /** The kinds of personal message that set Teams' activity-feed alert (ACTIVITY_ALERTS). */
  alerts: readonly AlertKind[];
  /** Cards that show each person their own actions (USER_SPECIFIC_VIEWS). */
  userSpecificViews: boolean;
}

/**
 * Draws each queued message when the outbox sends it: the intent's use case reads the state as it is at that
 * moment and the card's presenter draws it. A card whose record is gone cannot be drawn: that is final.
 */
export function createOutboxRenderer(deps: Deps, { alerts, userSpecificViews }: RendererOptions): OutboxRenderer {
  async function draw(message: OutboxMessage): Promise<Rendered> {
    const intent = message.intent;
    switch (intent.kind) {
      case 'triage-card': {
        const request = await deps.store.requests.getByReference(intent.reference);
        if (!request) throw new DeliveryError('fatal', `${intent.reference} no longer exists`);
        // Posted for the whole channel: with user-specific views, read-only for everyone and each DSG member's own
        // view (with the decision actions) shown to them by Teams; otherwise the actions for all, refused on a press.
        const view = await loadTriageView(deps, request);
        const audience = userSpecificViews ? refreshAudience(view.deciders ?? []) : null;
        return { card: triageCard({ ...view, mentionLeader: true, readOnly: audience !== null, refreshFor: audience }), version: request.version };
      }
      case 'question': {
        const { request, question } = await latestQuestion(deps, intent.reference);
        return { card: questionCard(request, question) };
      }
      case 'notice':
        return { card: noticeCard(intent.notice) };
      case 'followed-change':
        return { card: noticeCard(await followedChangeNotice(deps, intent)) };
      case 'text':
        return { text: intent.text };
      case 'reminder':
        return { card: reminderCard(await reminderView(deps, message.key, intent.recipientName, intent.items)) };
      case 'digest':
        return { card: digestCard(await gatherDigest(deps, deps.store, intent.digest)) };
      case 'minutes':
        // Posted to the channel for everyone: the published minutes, with no editing.
        return { card: minutesCard(await loadMinutesView(deps, await getMeeting(deps, intent.meetingId), false)) };
      case 'gate-card': {
        // Posted to the DSG channel: the request, with the decision form while it waits. With user-specific
        // views, read-only for everyone and each DSG member's own view (with the form) shown to them by Teams.
        const gate = await getGate(deps, intent.gateId);
        const view = await loadGateView(deps, gate);
        const audience = userSpecificViews && !gate.decision ? refreshAudience(view.deciders ?? []) : null;
        return { card: gateCard(view, { readOnly: audience !== null, refreshFor: audience }), version: gate.version };
      }
      case 'reminders-preview':
        return { card: remindersPreviewCard(await reminderPreview(deps)) };
      default:
        throw new DeliveryError('fatal', `cannot draw a message of kind ${JSON.stringify((intent as { kind?: unknown }).kind ?? null)}`);
    }
  }
  return {
    async render(message) {
      try {
        const drawn = await draw(message);
        return raisesAlert(message, alerts) ? { ...drawn, alert: true } : drawn;
      } catch (error) {
        // The record it is about is gone (say, erased): waiting will not bring it back.
        if (isDomainError(error) && error.code === 'NOT_FOUND') throw new DeliveryError('fatal', error.message);
        throw error;
      }
    },
  };
}
