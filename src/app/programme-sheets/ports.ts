import type { DirectoryPerson } from '../../domain/programme-import';
import type { RealisedBenefit } from '../../domain/project';
import type { AuditEvent } from '../../domain/audit';

/** What importing and exporting the programme workbook needs beyond the other repositories. */
export interface ProgrammeSheetsRepository {
  /** The council's own codes from earlier imports (normalised) → the DP- reference each became. */
  importKeys(): Promise<Map<string, string>>;
  rememberKey(key: string, reference: string, at: string): Promise<void>;
  /** Replaces a project's realised benefits in one financial year with `benefits`. */
  replaceBenefits(reference: string, financialYear: string, benefits: readonly RealisedBenefit[]): Promise<void>;
  /** Everyone in the Teams rosters the bot has read, with their email and UPN (latest roster first). */
  directory(): Promise<DirectoryPerson[]>;
  /** Every audit event at or after `from` and before `to`, oldest first. */
  auditBetween(from: string, to: string): Promise<AuditEvent[]>;
}
