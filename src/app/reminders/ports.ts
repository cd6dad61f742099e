import type { ReminderState } from '../../domain/reminders';

export interface ReminderStateRepository {
  all(): Promise<ReminderState[]>;
  /** Inserts or replaces each state (keyed by item key and recipient id). */
  save(states: readonly ReminderState[]): Promise<void>;
  get(itemKey: string, recipientId: string): Promise<ReminderState | null>;
  /** One recipient's states for these items (those that exist). */
  forItems(recipientId: string, itemKeys: readonly string[]): Promise<ReminderState[]>;
}
