import type { Kysely } from 'kysely';
import type { ProgrammeSheetsRepository } from '../app/programme-sheets/ports';
import type { DirectoryPerson } from '../domain/programme-import';
import type { Member } from '../domain/settings';
import { auditFromRow } from './audit-log';
import { readList, upsert } from './columns';
import { benefitToRow } from './project-repository';
import type { Database } from './schema';

export function programmeSheetsRepository(db: Kysely<Database>): ProgrammeSheetsRepository {
  return {
    async importKeys() {
      const rows = await db.selectFrom('import_keys').select(['key', 'reference']).execute();
      return new Map(rows.map((r) => [r.key, r.reference]));
    },

    rememberKey: (key, reference, at) => upsert(db, 'import_keys', 'key', { key, reference, imported_at: at }),

    async replaceBenefits(reference, financialYear, benefits) {
      // The workbook holds cash savings only: the year's non-cash benefits stay as they are.
      await db.deleteFrom('realised_benefits').where('reference', '=', reference).where('financial_year', '=', financialYear).where('non_cash', '=', 0).execute();
      if (benefits.length === 0) return;
      await db
        .insertInto('realised_benefits')
        .values(benefits.map((b) => benefitToRow(reference, b)))
        .execute();
    },

    async directory() {
      const rows = await db.selectFrom('roster_cache').select(['members', 'fetched_at']).orderBy('fetched_at', 'desc').execute();
      return rows.flatMap((r) =>
        readList<Member>(r.members).map((m): DirectoryPerson => ({ aadObjectId: m.aadObjectId, name: m.name, email: m.email ?? null, userPrincipalName: m.userPrincipalName ?? null })),
      );
    },

    async auditBetween(from, to) {
      const rows = await db.selectFrom('audit_events').selectAll().where('at', '>=', from).where('at', '<', to).orderBy('at').orderBy('id').execute();
      return rows.map(auditFromRow);
    },
  };
}
