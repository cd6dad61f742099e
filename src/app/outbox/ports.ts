import type { ReminderItem } from '../../domain/reminders';

export type OutboxPurpose =
  | { kind: 'triage-post'; reference: string; version: number }
  | { kind: 'notice' }
  /** A bundled reminder: its items, so answers can re-render the card. */
  | { kind: 'reminder'; recipientName: string; items: ReminderItem[] };

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
  payload: { card?: object; text?: string };
  purpose: OutboxPurpose;
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
  /** Drops pending, unclaimed messages whose key starts with `keyPrefix`: a newer message replaces them. */
  supersede(keyPrefix: string, now: string): Promise<void>;
  /** Messages given up on, newest first (shown to admins). */
  failed(limit: number): Promise<OutboxMessage[]>;
}

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

export interface Messenger {
  send(target: OutboxTarget, payload: OutboxMessage['payload']): Promise<{ activityId: string | null; conversationId?: string | null }>;
}
