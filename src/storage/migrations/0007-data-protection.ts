import { type Kysely, sql } from 'kysely';
import type { Engine } from '../schema';

/**
 * Data protection: people's email address and user principal name (UPN), as Teams reports them, so a subject
 * access or erasure request by email finds them (added only if another migration has not added them already,
 * e.g. for the programme import); and the ledger of requests whose people the retention run has pseudonymised,
 * so a run never does one twice.
 */
// Kysely<any>: a migration must not depend on today's schema types.
export async function up(db: Kysely<any>, engine: Engine): Promise<void> {
  // People's columns in this schema only (introspecting every schema races with schemas being dropped).
  const columns =
    engine === 'postgres'
      ? sql<{ name: string }>`select column_name as name from information_schema.columns where table_schema = current_schema() and table_name = 'people'`
      : sql<{ name: string }>`select name from pragma_table_info('people')`;
  const existing = (await columns.execute(db)).rows.map((r) => r.name);
  const has = (column: string) => existing.includes(column);
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
