import type { RetentionCutoffs, RetentionPlan } from '../../domain/data-protection';

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

/** Rows as stored, for a subject access export (plain JSON; no internal column is left out). */
export type Row = Record<string, unknown>;

/** Everything held about one person, table by table. */
export interface PersonalData {
  people: Row[];
  conversations: Row[];
  requests: Row[];
  drafts: Row[];
  /** Triage decisions and questions by them, by reference. */
  triage: { reference: string; decisions: Row[]; questions: Row[] }[];
  auditEntries: Row[];
  reminders: Row[];
  /** Roles they hold: chair, Digital Leader of a strand, a project's owner, DSG team member. */
  roles: { role: string; where: string }[];
  /** Milestone moves and benefits they recorded, and digest subscriptions they made. */
  projectRecords: Row[];
  /** Messages queued or sent to them. */
  messages: Row[];
}

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
