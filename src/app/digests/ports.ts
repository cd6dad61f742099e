import type { StrandId } from '../../domain/catalogue';

export interface DigestSubscription {
  conversationId: string;
  teamId: string | null;
  channelName: string | null;
  /** Opaque conversation reference (owned by the Teams adapter) to post new threads. */
  reference: unknown;
  strands: StrandId[];
  subscribedBy: string;
  subscribedAt: string;
}

export interface DigestRepository {
  subscriptions(): Promise<DigestSubscription[]>;
  /** Adds the channel, or replaces its strands. */
  subscribe(subscription: DigestSubscription): Promise<void>;
  /** False when the channel was not subscribed. */
  unsubscribe(conversationId: string): Promise<boolean>;
  /** Records the digest for `period` as queued to the channel: true for exactly one caller per (channel, period), even across processes. */
  recordQueued(conversationId: string, period: string, at: string): Promise<boolean>;
  /** When the channel's latest digest was queued, or null. */
  lastQueued(conversationId: string): Promise<string | null>;
}
