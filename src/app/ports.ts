import type { StrandId } from '../domain/catalogue';
import type { Conversation, Person } from '../domain/people';
import type { Milestone, Project, RealisedBenefit } from '../domain/project';
import type { DsgSettings, Member } from '../domain/settings';
import type { ReminderItem, ReminderState } from '../domain/reminders';
import type { Triage } from '../domain/triage';
import type { ProjectRequest, RequestStatus } from '../domain/request';
import type { FormValues } from '../domain/request-form';
import type { DataProtectionRepository } from './data-protection/ports';

export interface Clock {
  now(): Date;
}

export interface Draft {
  /** The form card the draft belongs to; submitting that card consumes the draft. */
  formId: string;
  personId: string;
  values: FormValues;
  createdAt: string;
  updatedAt: string;
}

export interface AuditEvent {
  at: string;
  actorId: string | null;
  actorName: string;
  /** What was attempted, e.g. `request.submit`. */
  action: string;
  /** Projects share their request's trail (subject 'request', by reference). */
  subjectType: 'request' | 'person' | 'conversation' | 'settings';
  subjectId: string;
  outcome: 'done' | 'refused';
  before: unknown | null;
  after: unknown | null;
  detail: string | null;
}

export interface SimilarRequest {
  reference: string;
  title: string;
  status: RequestStatus;
  strand: string;
  score: number;
}

export interface Page<T> {
  items: T[];
  total: number;
}

export interface PeopleRepository {
  upsert(person: Person): Promise<void>;
  get(id: string): Promise<Person | null>;
  findByAadObjectId(aadObjectId: string): Promise<Person | null>;
  /** People Teams said cannot be reached (blocked or removed the bot). */
  unreachable(): Promise<Person[]>;
}

export interface ConversationRepository {
  upsert(conversation: Conversation): Promise<void>;
  get(id: string): Promise<Conversation | null>;
}

export interface RequestRepository {
  /** Requests in these statuses, oldest first (the DSG's queue). */
  listByStatus(statuses: readonly RequestStatus[], offset: number, limit: number): Promise<Page<ProjectRequest>>;
  /** Next reference for the year; call inside the transaction that inserts the request. */
  nextReference(year: number): Promise<string>;
  insert(request: ProjectRequest, terms: readonly string[]): Promise<void>;
  /**
   * Saves status, version, updatedAt and the details if the stored version is still `expectedVersion`;
   * false if it was not. Pass `terms` when the title or problem changed, to re-index the request.
   */
  update(request: ProjectRequest, expectedVersion: number, terms?: readonly string[]): Promise<boolean>;
  getByReference(reference: string): Promise<ProjectRequest | null>;
  getByFormId(formId: string): Promise<ProjectRequest | null>;
  listByRequester(requesterId: string, offset: number, limit: number): Promise<Page<ProjectRequest>>;
  /** Requests sharing terms with `terms`, best first, with the share counts the domain scores. */
  findSimilar(terms: readonly string[], limit: number): Promise<{ request: ProjectRequest; shared: number; termCount: number }[]>;
}

export interface DraftRepository {
  save(draft: Draft): Promise<void>;
  get(formId: string): Promise<Draft | null>;
  latestFor(personId: string): Promise<Draft | null>;
  delete(formId: string): Promise<void>;
}

export interface AuditLog {
  record(event: AuditEvent): Promise<void>;
  listFor(subjectType: AuditEvent['subjectType'], subjectId: string): Promise<AuditEvent[]>;
  /** Events done (not refused) with one of `actions`, at or after `from` and before `to`, oldest first. */
  done(actions: readonly string[], from: string, to: string): Promise<AuditEvent[]>;
}

export interface SettingsRepository {
  /** The DSG settings; EMPTY_SETTINGS (version 0) before the first save. */
  get(): Promise<DsgSettings>;
  /** Saves with version `expectedVersion + 1` if the stored version is still `expectedVersion`. */
  save(settings: DsgSettings, expectedVersion: number): Promise<boolean>;
}

export interface RosterCache {
  get(teamId: string): Promise<{ members: Member[]; fetchedAt: string } | null>;
  put(teamId: string, members: readonly Member[], fetchedAt: string): Promise<void>;
}

export interface TriageRepository {
  get(reference: string): Promise<Triage | null>;
  /** Insert or replace the decisions and questions (never the post, which only setPost writes). */
  save(triage: Triage): Promise<void>;
  /** Records where the triage card was posted. */
  setPost(reference: string, post: NonNullable<Triage['post']>): Promise<void>;
}

export interface ProjectFilter {
  strand?: string;
  statuses?: readonly string[];
}

export interface ProjectRepository {
  /** The project with its milestones and realised benefits. */
  get(reference: string): Promise<Project | null>;
  insert(project: Project): Promise<void>;
  /** Saves the project's own fields if the stored version is still `expectedVersion`. */
  update(project: Project, expectedVersion: number): Promise<boolean>;
  /** Inserts or replaces one milestone of a project. */
  saveMilestone(reference: string, milestone: Milestone): Promise<void>;
  addRealisedBenefit(reference: string, benefit: RealisedBenefit): Promise<void>;
  /** Every project with its request, milestones and benefits, for the programme views. */
  listWithRequests(): Promise<{ project: Project; request: ProjectRequest }[]>;
}

/** What a queued message is for, so the sender can tell the app once it is delivered. */
export type OutboxPurpose =
  | { kind: 'triage-post'; reference: string; version: number }
  | { kind: 'notice' }
  /** A bundled reminder: its items, so answers can re-render the card. */
  | { kind: 'reminder'; recipientName: string; items: ReminderItem[] };

export type OutboxTarget =
  /** A new message in a conversation the bot knows (opaque reference), or a new thread in a channel. `personId` names whose personal chat it is. */
  | { kind: 'conversation'; reference: unknown; newThread: boolean; personId?: string }
  /** A 1:1 message to a person, creating the chat if there is none yet: `userId` is their Teams id (29:...) or AAD object id. */
  | { kind: 'person'; userId: string; tenantId: string | null }
  /** Replace an activity already posted. */
  | { kind: 'update'; reference: unknown; activityId: string };

export interface OutboxMessage {
  id: string;
  /** Unique: queueing the same key twice queues it once. */
  key: string;
  target: OutboxTarget;
  payload: { card?: object; text?: string };
  purpose: OutboxPurpose;
  status: 'pending' | 'sent' | 'failed';
  attempts: number;
  nextAttemptAt: string;
  createdAt: string;
  sentAt: string | null;
  activityId: string | null;
  lastError: string | null;
}

export interface Outbox {
  /** Queues a message; false when one with the same key was already queued. */
  enqueue(message: Omit<OutboxMessage, 'status' | 'attempts' | 'sentAt' | 'activityId' | 'lastError'>): Promise<boolean>;
  /** Atomically claims up to `limit` due pending messages for `leaseMs` (no other worker gets them meanwhile). */
  claim(now: string, limit: number, worker: string, leaseMs: number): Promise<OutboxMessage[]>;
  markSent(id: string, at: string, activityId: string | null): Promise<void>;
  markRetry(id: string, nextAttemptAt: string, error: string): Promise<void>;
  markFailed(id: string, error: string): Promise<void>;
  get(key: string): Promise<OutboxMessage | null>;
  /** Drops pending, unclaimed messages whose key starts with `keyPrefix`: a newer message replaces them. */
  supersede(keyPrefix: string, now: string): Promise<void>;
  /** Messages given up on, newest first (shown to admins). */
  failed(limit: number): Promise<OutboxMessage[]>;
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
  dataProtection: DataProtectionRepository;
}

/** The database: repositories, and a unit of work that commits all or nothing. */
export interface Store extends Repositories {
  transaction<T>(work: (tx: Repositories) => Promise<T>): Promise<T>;
  /** True when the database answers a trivial query. */
  ping(): Promise<boolean>;
  close(): Promise<void>;
}

/** The Teams roster of the DSG's team (members read with the Bot Framework's paged members call). */
export interface Roster {
  teamMembers(teamId: string, reference: unknown): Promise<Member[]>;
}

/** Why a delivery failed: worth retrying later, the person or conversation cannot be reached, or never. */
export class DeliveryError extends Error {
  constructor(
    readonly kind: 'retry' | 'unreachable' | 'fatal',
    message: string,
    readonly retryAfterMs: number | null = null,
  ) {
    super(message);
    this.name = 'DeliveryError';
  }
}

/** Sends one message to Teams; throws DeliveryError when it could not. */
export interface Messenger {
  send(target: OutboxTarget, payload: OutboxMessage['payload']): Promise<{ activityId: string | null; conversationId?: string | null }>;
}

/** How each reminder item has been chased with each person (one row per item key and recipient). */
export interface ReminderStateRepository {
  all(): Promise<ReminderState[]>;
  /** Inserts or replaces each state (keyed by item key and recipient id). */
  save(states: readonly ReminderState[]): Promise<void>;
  get(itemKey: string, recipientId: string): Promise<ReminderState | null>;
}

/** Which slots of the scheduled jobs have been taken, so each slot runs once across every process. */
export interface ScheduledRuns {
  /** Takes the slot (e.g. the ISO instant of 09:30 London) for `job`: true for exactly one caller per (job, slot), even across processes. */
  claim(job: string, slot: string, at: string): Promise<boolean>;
  /** The latest slot claimed for `job`, or null if none. */
  last(job: string): Promise<string | null>;
}

/** A channel that asked for the digest (`subscribe digest`), with the strands it chose (none: every strand). */
export interface DigestSubscription {
  conversationId: string;
  teamId: string | null;
  channelName: string | null;
  /** Opaque conversation reference (owned by the Teams adapter) to post new threads. */
  reference: unknown;
  strands: StrandId[];
  subscribedBy: string;
  subscribedAt: string;
}

export interface DigestRepository {
  subscriptions(): Promise<DigestSubscription[]>;
  /** Adds the channel, or replaces its strands. */
  subscribe(subscription: DigestSubscription): Promise<void>;
  /** False when the channel was not subscribed. */
  unsubscribe(conversationId: string): Promise<boolean>;
  /** Records the digest for `period` as queued to the channel: true for exactly one caller per (channel, period), even across processes. */
  recordQueued(conversationId: string, period: string, at: string): Promise<boolean>;
  /** When the channel's latest digest was queued, or null. */
  lastQueued(conversationId: string): Promise<string | null>;
}
