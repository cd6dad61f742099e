import type { Kysely } from 'kysely';
import type { Engine } from '../schema';

/**
 * The re-use catalogue: the solutions the council already has or shares (`solutions`), each owned by a service.
 * The name is unique (case aside, as the app keeps it), and the contract end date is a column so the reminder
 * engine finds the contracts ending soon without reading every entry.
 */
// Kysely<any>: a migration must not depend on today's schema types.
export async function up(db: Kysely<any>, _engine: Engine): Promise<void> {
  await db.schema
    .createTable('solutions')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('name_key', 'text', (c) => c.notNull().unique())
    .addColumn('retired', 'integer', (c) => c.notNull())
    .addColumn('contract_ends', 'text')
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('record', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('solutions_contract_ends').on('solutions').columns(['retired', 'contract_ends']).execute();
}
