import type { AlertKind } from '../../domain/notices';
import type { OutboxIntent, OutboxMessage } from './ports';

/** Which activity-feed alert an intent may raise: reminders, the DSG's questions, and the notices that say so. */
export function alertKindOf(intent: OutboxIntent): AlertKind | null {
  switch (intent.kind) {
    case 'reminder':
      return 'reminders';
    case 'question':
      return 'questions';
    case 'notice':
      return intent.notice.alert ?? null;
    default:
      return null;
  }
}

/** A new message in a person's own 1:1 chat; never a channel post, a thread reply, a group chat or an update. */
const isPersonalMessage = (target: OutboxMessage['target']): boolean => target.kind === 'person' || (target.kind === 'conversation' && !target.newThread && target.personId !== undefined);

/**
 * Whether a queued message sets Teams' notification alert when it is sent: a personal message of a kind that
 * alerts, while that kind is switched on (`on`, from ACTIVITY_ALERTS). Decided at send time, so a change of
 * configuration holds for what is still queued.
 */
export function raisesAlert(message: Pick<OutboxMessage, 'target' | 'intent'>, on: readonly AlertKind[]): boolean {
  const kind = alertKindOf(message.intent);
  return kind !== null && on.includes(kind) && isPersonalMessage(message.target);
}
