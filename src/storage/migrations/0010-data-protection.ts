import type { Kysely } from 'kysely';
import type { Engine } from '../schema';

/**
 * Data protection: people's email address and user principal name (UPN), as Teams reports them, so a subject
 * access or erasure request by email finds them (added only if another migration has not added them already,
 * e.g. for the programme import); and the ledger of requests whose people the retention run has pseudonymised,
 * so a run never does one twice.
 */
// Kysely<any>: a migration must not depend on today's schema types.
export async function up(db: Kysely<any>, _engine: Engine): Promise<void> {
  const people = (await db.introspection.getTables()).find((t) => t.name === 'people');
  const has = (column: string) => people?.columns.some((c) => c.name === column) ?? false;
  for (const column of ['email', 'upn']) {
    if (has(column)) continue;
    await db.schema.alterTable('people').addColumn(column, 'text').execute();
    await db.schema.createIndex(`people_${column}`).ifNotExists().on('people').column(column).execute();
  }

  await db.schema
    .createTable('pseudonymised_requests')
    .addColumn('reference', 'text', (c) => c.primaryKey())
    .addColumn('reason', 'text', (c) => c.notNull())
    .addColumn('at', 'text', (c) => c.notNull())
    .execute();
}
