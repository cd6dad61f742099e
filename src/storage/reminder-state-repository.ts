import type { Kysely, Selectable } from 'kysely';
import type { ReminderStateRepository } from '../app/reminders/ports';
import type { ReminderState } from '../domain/reminders';
import { atomically, compareText, toNumber, upsert } from './columns';
import type { Database, ReminderStateTable } from './schema';

type Row = Selectable<ReminderStateTable>;

const toRow = (s: ReminderState): Row => ({
  item_key: s.key,
  recipient_id: s.recipientId,
  count: s.count,
  last_sent_at: s.lastSentAt,
  fingerprint: s.fingerprint,
  snoozed_until: s.snoozedUntil,
  snoozes: s.snoozes,
  escalated_at: s.escalatedAt,
});

const fromRow = (r: Row): ReminderState => ({
  key: r.item_key,
  recipientId: r.recipient_id,
  count: toNumber(r.count),
  lastSentAt: r.last_sent_at,
  fingerprint: r.fingerprint,
  snoozedUntil: r.snoozed_until,
  snoozes: toNumber(r.snoozes),
  escalatedAt: r.escalated_at,
});

export function reminderStateRepository(db: Kysely<Database>): ReminderStateRepository {
  return {
    async all() {
      const rows = await db.selectFrom('reminder_state').selectAll().execute();
      // Sorted in JavaScript: the same order on both engines whatever the collation.
      return rows.map(fromRow).sort((a, b) => compareText(a.key, b.key) || compareText(a.recipientId, b.recipientId));
    },

    async save(states) {
      if (states.length === 0) return;
      // All or none, in the caller's transaction when there is one.
      await atomically(db, async (tx) => {
        for (const state of states) await upsert(tx, 'reminder_state', ['item_key', 'recipient_id'], toRow(state));
      });
    },

    async get(itemKey, recipientId) {
      const row = await db
        .selectFrom('reminder_state')
        .selectAll()
        .where('item_key', '=', itemKey)
        .where('recipient_id', '=', recipientId)
        .executeTakeFirst();
      return row ? fromRow(row) : null;
    },

    async forItems(recipientId, itemKeys) {
      if (itemKeys.length === 0) return [];
      const rows = await db.selectFrom('reminder_state').selectAll().where('recipient_id', '=', recipientId).where('item_key', 'in', [...new Set(itemKeys)]).execute();
      return rows.map(fromRow).sort((a, b) => compareText(a.key, b.key));
    },
  };
}
