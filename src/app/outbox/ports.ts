import type { DigestRequest } from '../../domain/digest';
import type { FollowedChange } from '../../domain/follows';
import type { Notice } from '../../domain/notices';
import type { ReminderItem } from '../../domain/reminders';

/**
 * What a queued message is about: the outbox holds these intents, never finished cards. The sender draws each
 * message from the state at the moment it sends it, so a card that waited (a retry after a 429, an outage) shows
 * the record as it is then, and an older update can never overwrite a newer state.
 */
export type OutboxIntent =
  /** A request's triage card in the DSG channel: posted as a new thread, or replacing the posted card. */
  | { kind: 'triage-card'; reference: string }
  /** The DSG's latest question about a request, to its requester, with an answer box. */
  | { kind: 'question'; reference: string }
  /** A short notice to a person (a decision on their request, an escalation...). */
  | { kind: 'notice'; notice: Notice }
  /** A change to a project, to a group chat that follows it (drawn only while the chat still follows it). */
  | { kind: 'followed-change'; reference: string; conversationId: string; change: FollowedChange }
  /** A line of plain text (in a request's DSG thread). */
  | { kind: 'text'; text: string }
  /** One person's bundled reminder card: the items of one run, kept so that answers can redraw it. */
  | { kind: 'reminder'; recipientName: string; items: ReminderItem[] }
  /** A digest to a channel (or a preview to a person). */
  | { kind: 'digest'; digest: DigestRequest }
  /** A DSG meeting's published minutes, to the DSG channel. */
  | { kind: 'minutes'; meetingId: string }
  /** A project's gate request in the DSG channel, with the decision form while it waits. */
  | { kind: 'gate-card'; gateId: string }
  /** `reminders preview`, sent to the person who asked in a channel. */
  | { kind: 'reminders-preview' };

export type OutboxTarget =
  /** A new message in a conversation the bot knows (opaque reference), or a new thread in a channel. `personId` names whose personal chat it is. */
  | { kind: 'conversation'; reference: unknown; newThread: boolean; personId?: string }
  /** A 1:1 message to a person, creating the chat if there is none yet: `userId` is their Teams id (29:...) or AAD object id. */
  | { kind: 'person'; userId: string; tenantId: string | null }
  /** Replace an activity already posted. */
  | { kind: 'update'; reference: unknown; activityId: string };

export interface OutboxMessage {
  id: string;
  /** Unique: queueing the same key twice queues it once. */
  key: string;
  target: OutboxTarget;
  intent: OutboxIntent;
  status: 'pending' | 'sent' | 'failed';
  attempts: number;
  nextAttemptAt: string;
  createdAt: string;
  sentAt: string | null;
  activityId: string | null;
  lastError: string | null;
}

export interface Outbox {
  /** Queues a message; false when one with the same key was already queued. */
  enqueue(message: Omit<OutboxMessage, 'status' | 'attempts' | 'sentAt' | 'activityId' | 'lastError'>): Promise<boolean>;
  /** Atomically claims up to `limit` due pending messages for `leaseMs` (no other worker gets them meanwhile). */
  claim(now: string, limit: number, worker: string, leaseMs: number): Promise<OutboxMessage[]>;
  markSent(id: string, at: string, activityId: string | null): Promise<void>;
  markRetry(id: string, nextAttemptAt: string, error: string): Promise<void>;
  markFailed(id: string, error: string): Promise<void>;
  get(key: string): Promise<OutboxMessage | null>;
  /** Messages given up on, newest first (shown to admins). */
  failed(limit: number): Promise<OutboxMessage[]>;
}

/** Why a delivery failed: worth retrying later, the person or conversation cannot be reached, or never. */
export class DeliveryError extends Error {
  constructor(
    readonly kind: 'retry' | 'unreachable' | 'fatal',
    message: string,
    readonly retryAfterMs: number | null = null,
  ) {
    super(message);
    this.name = 'DeliveryError';
  }
}

/** A message as Teams gets it: a card or plain text. */
export interface Rendered {
  card?: object;
  text?: string;
  /** The version of the record the message shows (a triage card's request), for what follows its delivery. */
  version?: number;
  /** Set Teams' notification alert: the message shows in the person's activity feed (src/app/outbox/alerts.ts). */
  alert?: boolean;
}

/** Draws a queued message from the state at this moment; throws DeliveryError('fatal') when there is nothing to draw any more. */
export interface OutboxRenderer {
  render(message: OutboxMessage): Promise<Rendered>;
}

/** Sends one message to Teams; throws DeliveryError when it could not. */
export interface Messenger {
  send(target: OutboxTarget, message: Rendered): Promise<{ activityId: string | null; conversationId?: string | null }>;
}
