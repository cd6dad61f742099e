import type { Kysely } from 'kysely';
import type { Engine } from '../schema';

/**
 * Programme import: the council's own code for each imported project (its Reference in the workbook), so
 * importing the same file again updates the project instead of adding it twice. Keys are stored normalised
 * (trimmed, upper case), one project each.
 */
// Kysely<any>: a migration must not depend on today's schema types.
export async function up(db: Kysely<any>, _engine: Engine): Promise<void> {
  await db.schema
    .createTable('import_keys')
    .addColumn('key', 'text', (c) => c.primaryKey())
    .addColumn('reference', 'text', (c) => c.notNull().references('requests.reference').onDelete('cascade'))
    .addColumn('imported_at', 'text', (c) => c.notNull())
    .execute();
}
