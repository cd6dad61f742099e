import type { Conversation, Person } from '../domain/people';
import type { AuditEvent } from '../domain/audit';
import type { DigestRepository } from './digests/ports';
import type { FollowRepository } from './follows/ports';
import type { GateRepository } from './gates/ports';
import type { MeetingRepository } from './meetings/ports';
import type { Outbox } from './outbox/ports';
import type { ProjectRepository } from './projects/ports';
import type { ReminderStateRepository } from './reminders/ports';
import type { RiskRepository } from './risks/ports';
import type { DraftRepository, RequestRepository } from './requests/ports';
import type { DataProtectionRepository } from './data-protection/ports';
import type { ProgrammeSheetsRepository } from './programme-sheets/ports';
import type { SolutionRepository } from './solutions/ports';
import type { RosterCache, SettingsRepository, TriageRepository } from './triage/ports';

/** The ports every feature shares; each feature's own repositories are in its folder's ports.ts. */

export interface Clock {
  now(): Date;
}

export interface PeopleRepository {
  upsert(person: Person): Promise<void>;
  get(id: string): Promise<Person | null>;
  findByAadObjectId(aadObjectId: string): Promise<Person | null>;
  /**
   * People with an AAD object id whose names contain `text` (any case), each once (their latest record), by name:
   * at most `limit`.
   */
  search(text: string, limit: number): Promise<Person[]>;
  /** People Teams said cannot be reached (blocked or removed the bot). */
  unreachable(): Promise<Person[]>;
}

export interface ConversationRepository {
  upsert(conversation: Conversation): Promise<void>;
  get(id: string): Promise<Conversation | null>;
}

export interface AuditLog {
  record(event: AuditEvent): Promise<void>;
  listFor(subjectType: AuditEvent['subjectType'], subjectId: string): Promise<AuditEvent[]>;
  /** Events done (not refused) with one of `actions`, at or after `from` and before `to`, oldest first. */
  done(actions: readonly string[], from: string, to: string): Promise<AuditEvent[]>;
}

export interface ScheduledRuns {
  /** Takes the slot (e.g. the ISO instant of 09:30 London) for `job`: true for exactly one caller per (job, slot), even across processes. */
  claim(job: string, slot: string, at: string): Promise<boolean>;
  /** The latest slot claimed for `job`, or null if none. */
  last(job: string): Promise<string | null>;
}

export interface Repositories {
  people: PeopleRepository;
  conversations: ConversationRepository;
  requests: RequestRepository;
  drafts: DraftRepository;
  audit: AuditLog;
  settings: SettingsRepository;
  roster: RosterCache;
  triage: TriageRepository;
  projects: ProjectRepository;
  outbox: Outbox;
  reminders: ReminderStateRepository;
  scheduledRuns: ScheduledRuns;
  digests: DigestRepository;
  follows: FollowRepository;
  programmeSheets: ProgrammeSheetsRepository;
  dataProtection: DataProtectionRepository;
  meetings: MeetingRepository;
  solutions: SolutionRepository;
  gates: GateRepository;
  risks: RiskRepository;
}

export interface Store extends Repositories {
  transaction<T>(work: (tx: Repositories) => Promise<T>): Promise<T>;
  /** True when the database answers a trivial query. */
  ping(): Promise<boolean>;
  close(): Promise<void>;
}
