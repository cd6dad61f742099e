import type { Kysely, Selectable } from 'kysely';
import type { SettingsRepository } from '../app/triage/ports';
import { plannedMeetingsOf } from '../domain/meeting-plans';
import { type DsgChannel, type DsgSettings, EMPTY_SETTINGS, type PersonRef } from '../domain/settings';
import { readJson, readList, readObject, toNumber, updateAtVersion, writeJson } from './columns';
import type { Database, SettingsTable } from './schema';

type Row = Selectable<SettingsTable>;

/** The settings are the table's only row. */
const ID = 1;

const toRow = (s: DsgSettings, version: number): Row => ({
  id: ID,
  channel: writeJson(s.channel),
  chair: writeJson(s.chair),
  minute_taker: writeJson(s.minuteTaker),
  leaders: writeJson(s.leaders),
  meetings: writeJson(s.meetings),
  version,
  updated_at: s.updatedAt,
});

const fromRow = (r: Row): DsgSettings => ({
  channel: readJson<DsgChannel | null>(r.channel, null),
  chair: readJson<PersonRef | null>(r.chair, null),
  minuteTaker: readJson<PersonRef | null>(r.minute_taker, null),
  leaders: readObject<DsgSettings['leaders']>(r.leaders),
  // Planned meetings were bare dates before start times and places were kept: both read.
  meetings: plannedMeetingsOf(readList<unknown>(r.meetings)),
  version: toNumber(r.version),
  updatedAt: r.updated_at,
});

export function settingsRepository(db: Kysely<Database>): SettingsRepository {
  return {
    async get() {
      const row = await db.selectFrom('settings').selectAll().where('id', '=', ID).executeTakeFirst();
      return row ? fromRow(row) : EMPTY_SETTINGS;
    },
    async save(settings, expectedVersion) {
      const row = toRow(settings, expectedVersion + 1);
      if (expectedVersion !== 0) return updateAtVersion(db, 'settings', 'id', ID, row, expectedVersion);
      // The first save: of two at once, the primary key lets exactly one insert.
      const result = await db
        .insertInto('settings')
        .values(row)
        .onConflict((oc) => oc.column('id').doNothing())
        .executeTakeFirst();
      return toNumber(result.numInsertedOrUpdatedRows ?? 0) > 0;
    },
  };
}
