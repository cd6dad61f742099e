import type { Insertable, Kysely, Selectable } from 'kysely';
import type { AuditEvent } from '../domain/audit';
import type { AuditLog } from '../app/ports';
import { readJson, writeJson } from './columns';
import type { AuditEventsTable, Database } from './schema';

const toRow = (e: AuditEvent): Insertable<AuditEventsTable> => ({
  at: e.at,
  actor_id: e.actorId,
  actor_name: e.actorName,
  action: e.action,
  subject_type: e.subjectType,
  subject_id: e.subjectId,
  outcome: e.outcome,
  before: writeJson(e.before),
  after: writeJson(e.after),
  detail: e.detail,
});

/** The one mapping from an `audit_events` row to the domain (the programme export reads the log with it too). */
export const auditFromRow = (r: Selectable<AuditEventsTable>): AuditEvent => ({
  at: r.at,
  actorId: r.actor_id,
  actorName: r.actor_name,
  action: r.action,
  subjectType: r.subject_type as AuditEvent['subjectType'],
  subjectId: r.subject_id,
  outcome: r.outcome as AuditEvent['outcome'],
  before: readJson<unknown>(r.before, null),
  after: readJson<unknown>(r.after, null),
  detail: r.detail,
});

export function auditLog(db: Kysely<Database>): AuditLog {
  return {
    async record(event) {
      await db.insertInto('audit_events').values(toRow(event)).execute();
    },
    async listFor(subjectType, subjectId) {
      const rows = await db
        .selectFrom('audit_events')
        .selectAll()
        .where('subject_type', '=', subjectType)
        .where('subject_id', '=', subjectId)
        .orderBy('at')
        .orderBy('id')
        .execute();
      return rows.map(auditFromRow);
    },
    async done(actions, from, to) {
      if (actions.length === 0) return [];
      const rows = await db
        .selectFrom('audit_events')
        .selectAll()
        .where('action', 'in', [...actions])
        .where('at', '>=', from)
        .where('at', '<', to)
        .where('outcome', '=', 'done')
        .orderBy('at')
        .orderBy('id')
        .execute();
      return rows.map(auditFromRow);
    },
  };
}
