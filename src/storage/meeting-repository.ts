import type { Kysely, Selectable } from 'kysely';
import type { MeetingRepository } from '../app/meetings/ports';
import { type AgendaPlan, EMPTY_AGENDA_PLAN } from '../domain/agenda-plan';
import type { AgendaAddition, Meeting, MeetingAction, MeetingStatus } from '../domain/meetings';
import { compareText, readJson, toNumber, writeJson } from './columns';
import type { AgendaAdditionsTable, Database, MeetingActionsTable, MeetingsTable } from './schema';

type Record_ = Omit<Meeting, 'id' | 'date' | 'status' | 'version' | 'updatedAt'>;

const toRow = (m: Meeting, version: number): Selectable<MeetingsTable> => {
  const { id, date, status, version: _v, updatedAt, ...record } = m;
  return { id, date, status, version, record: writeJson(record), updated_at: updatedAt };
};

const EMPTY: Record_ = { startTime: null, place: null, agenda: [], attendees: [], apologies: [], outcomes: {}, notes: '', startedBy: null, endedAt: null, publishedAt: null, publishedBy: null };

const fromRow = (r: Selectable<MeetingsTable>): Meeting => ({
  ...EMPTY,
  ...readJson<Partial<Record_>>(r.record, {}),
  id: r.id,
  date: r.date,
  status: r.status as MeetingStatus,
  version: toNumber(r.version),
  updatedAt: r.updated_at,
});

const additionFrom = (r: Selectable<AgendaAdditionsTable>): AgendaAddition => ({
  id: r.id,
  reference: r.reference,
  text: r.text,
  addedById: r.added_by_id,
  addedByName: r.added_by_name,
  addedAt: r.added_at,
  meetingId: r.meeting_id,
});

const actionRow = (a: MeetingAction): Selectable<MeetingActionsTable> => ({
  id: a.id,
  meeting_id: a.meetingId,
  item_id: a.itemId,
  reference: a.reference,
  what: a.what,
  owner_aad_object_id: a.owner.aadObjectId,
  owner_name: a.owner.name,
  due: a.due,
  created_at: a.createdAt,
  created_by: a.createdBy,
  done_at: a.doneAt,
  done_by: a.doneBy,
});

const actionFrom = (r: Selectable<MeetingActionsTable>): MeetingAction => ({
  id: r.id,
  meetingId: r.meeting_id,
  itemId: r.item_id,
  reference: r.reference,
  what: r.what,
  owner: { aadObjectId: r.owner_aad_object_id, name: r.owner_name },
  due: r.due,
  createdAt: r.created_at,
  createdBy: r.created_by,
  doneAt: r.done_at,
  doneBy: r.done_by,
});

/** Due date first, then when they were agreed (code-point order, the same on both engines). */
const byDue = (a: MeetingAction, b: MeetingAction) => compareText(a.due, b.due) || compareText(a.createdAt, b.createdAt) || compareText(a.id, b.id);

/** The agenda plan is its table's only row. */
const PLAN_ID = 1;

export function meetingRepository(db: Kysely<Database>): MeetingRepository {
  return {
    async get(id) {
      const row = await db.selectFrom('meetings').selectAll().where('id', '=', id).executeTakeFirst();
      return row ? fromRow(row) : null;
    },
    async byDate(date) {
      const row = await db.selectFrom('meetings').selectAll().where('date', '=', date).executeTakeFirst();
      return row ? fromRow(row) : null;
    },
    async running() {
      const row = await db.selectFrom('meetings').selectAll().where('status', '=', 'running').orderBy('date', 'desc').executeTakeFirst();
      return row ? fromRow(row) : null;
    },
    async list() {
      const rows = await db.selectFrom('meetings').selectAll().execute();
      return rows.map(fromRow).sort((a, b) => compareText(b.date, a.date));
    },
    async insert(meeting) {
      const result = await db
        .insertInto('meetings')
        .values(toRow(meeting, meeting.version))
        .onConflict((oc) => oc.column('date').doNothing())
        .executeTakeFirst();
      return toNumber(result.numInsertedOrUpdatedRows ?? 0) > 0;
    },
    async update(meeting, expectedVersion) {
      const { id, ...values } = toRow(meeting, expectedVersion + 1);
      const result = await db.updateTable('meetings').set(values).where('id', '=', id).where('version', '=', expectedVersion).executeTakeFirst();
      return toNumber(result.numUpdatedRows) > 0;
    },
    async addAddition(a) {
      await db
        .insertInto('agenda_additions')
        .values({ id: a.id, reference: a.reference, text: a.text, added_by_id: a.addedById, added_by_name: a.addedByName, added_at: a.addedAt, meeting_id: a.meetingId })
        .execute();
    },
    async pendingAdditions() {
      const rows = await db.selectFrom('agenda_additions').selectAll().where('meeting_id', 'is', null).execute();
      return rows.map(additionFrom).sort((a, b) => compareText(a.addedAt, b.addedAt) || compareText(a.id, b.id));
    },
    async takeAdditions(ids, meetingId) {
      if (ids.length === 0) return;
      await db.updateTable('agenda_additions').set({ meeting_id: meetingId }).where('id', 'in', [...ids]).where('meeting_id', 'is', null).execute();
    },
    async agendaPlan() {
      const row = await db.selectFrom('agenda_plan').selectAll().where('id', '=', PLAN_ID).executeTakeFirst();
      if (!row) return EMPTY_AGENDA_PLAN;
      const { version: _v, ...plan } = { ...EMPTY_AGENDA_PLAN, ...readJson<Partial<AgendaPlan>>(row.plan, {}) };
      return { ...plan, version: toNumber(row.version) };
    },
    async saveAgendaPlan(plan, expectedVersion) {
      const { version: _v, ...rest } = plan;
      const values = { plan: JSON.stringify(rest), version: expectedVersion + 1 };
      if (expectedVersion === 0) {
        // The first arrangement: of two at once, the primary key lets exactly one insert.
        const result = await db.insertInto('agenda_plan').values({ id: PLAN_ID, ...values }).onConflict((oc) => oc.column('id').doNothing()).executeTakeFirst();
        return toNumber(result.numInsertedOrUpdatedRows ?? 0) > 0;
      }
      const result = await db.updateTable('agenda_plan').set(values).where('id', '=', PLAN_ID).where('version', '=', expectedVersion).executeTakeFirst();
      return toNumber(result.numUpdatedRows) > 0;
    },
    async addAction(action) {
      await db.insertInto('meeting_actions').values(actionRow(action)).execute();
    },
    async getAction(id) {
      const row = await db.selectFrom('meeting_actions').selectAll().where('id', '=', id).executeTakeFirst();
      return row ? actionFrom(row) : null;
    },
    async completeAction(action) {
      const result = await db
        .updateTable('meeting_actions')
        .set({ done_at: action.doneAt, done_by: action.doneBy })
        .where('id', '=', action.id)
        .where('done_at', 'is', null)
        .executeTakeFirst();
      return toNumber(result.numUpdatedRows) > 0;
    },
    async openActions() {
      const rows = await db.selectFrom('meeting_actions').selectAll().where('done_at', 'is', null).execute();
      return rows.map(actionFrom).sort(byDue);
    },
    async actionsOf(meetingId) {
      const rows = await db.selectFrom('meeting_actions').selectAll().where('meeting_id', '=', meetingId).execute();
      return rows.map(actionFrom).sort(byDue);
    },
  };
}
