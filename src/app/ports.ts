import type { Conversation, Person } from '../domain/people';
import type { ProjectRequest, RequestStatus } from '../domain/request';
import type { FormValues } from '../domain/request-form';

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
}

export interface ConversationRepository {
  upsert(conversation: Conversation): Promise<void>;
  get(id: string): Promise<Conversation | null>;
}

export interface RequestRepository {
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
}

export interface Repositories {
  people: PeopleRepository;
  conversations: ConversationRepository;
  requests: RequestRepository;
  drafts: DraftRepository;
  audit: AuditLog;
}

/** The database: repositories, and a unit of work that commits all or nothing. */
export interface Store extends Repositories {
  transaction<T>(work: (tx: Repositories) => Promise<T>): Promise<T>;
  /** True when the database answers a trivial query. */
  ping(): Promise<boolean>;
  close(): Promise<void>;
}
