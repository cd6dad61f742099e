import type { PersonalData, RetentionCutoffs, RetentionPlan, Row } from '../../domain/data-protection';

export type { PersonalData, Row };

/** Everything by which one person is known to dsg-bot (found by their email or AAD object id). */
export interface Identity {
  /** Teams user ids (29:...). */
  teamsIds: string[];
  aadObjectIds: string[];
  /** Names they were shown under (people, the DSG team's roster, roles). */
  names: string[];
  emails: string[];
  upns: string[];
}

export type PersonQuery = { email: string } | { aadObjectId: string };

/** What an erasure changed, table by table (all zero: there was nothing left to erase). */
export type ErasureCounts = Record<string, number>;

/** Data protection's storage: retention, and finding, exporting and erasing one person. */
export interface DataProtectionRepository {
  /** What a retention run at these cutoffs would do. */
  retentionPlan(cutoffs: RetentionCutoffs): Promise<RetentionPlan>;
  /** Pseudonymises the people in the plan's requests and deletes its drafts and delivery logs; returns row counts. */
  applyRetention(plan: RetentionPlan, cutoffs: RetentionCutoffs, at: string): Promise<Record<string, number>>;
  /** Whether the person's email or UPN is stored (false also for someone not stored at all). */
  hasAddress(personId: string): Promise<boolean>;
  /** Stores the email and UPN Teams reported for a person (lower case). */
  rememberAddress(personId: string, email: string | null, upn: string | null): Promise<void>;
  /** The person's identities, or null when no one matches. */
  findIdentity(query: PersonQuery): Promise<Identity | null>;
  personalData(identity: Identity): Promise<PersonalData>;
  /** Pseudonymises the person everywhere (keeping roles without the name where a record must stay). */
  erase(identity: Identity, at: string): Promise<ErasureCounts>;
}
