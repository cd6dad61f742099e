import type { Generated } from 'kysely';

/**
 * The tables as the database stores them (snake_case columns).
 * Conventions, the same on both engines: ids are text, timestamps are ISO-8601 UTC text
 * (sortable), booleans are integer 0/1, lists and objects are JSON text, money is integer pounds.
 */

export type Engine = 'sqlite' | 'postgres';

/** 0 or 1. */
export type Flag = number;
/** JSON text, or NULL for "no value". */
export type JsonText = string | null;

export interface PeopleTable {
  id: string;
  aad_object_id: string | null;
  name: string;
  tenant_id: string | null;
  conversation_ref: JsonText;
  reachable: Flag;
  updated_at: string;
}

export interface ConversationsTable {
  id: string;
  kind: string;
  tenant_id: string | null;
  team_id: string | null;
  name: string | null;
  reference: JsonText;
  installed: Flag;
  updated_at: string;
}

export interface RequestsTable {
  id: string;
  reference: string;
  form_id: string;
  status: string;
  version: number;
  requester_id: string;
  requester_name: string;
  title: string;
  problem: string;
  outcome: string;
  beneficiaries: JsonText;
  strand: string;
  principles: JsonText;
  principles_how: string;
  reuse_checked: string;
  route: string;
  route_justification: string | null;
  personal_data: Flag;
  one_off_cost: number | null;
  annual_benefit: number | null;
  desired_start: string | null;
  /** Number of distinct terms in request_terms for this request (the similarity denominator). */
  term_count: number;
  created_at: string;
  updated_at: string;
}

export interface RequestTermsTable {
  term: string;
  request_id: string;
}

export interface ReferenceCountersTable {
  year: number;
  last: number;
}

export interface DraftsTable {
  form_id: string;
  person_id: string;
  values: JsonText;
  created_at: string;
  updated_at: string;
}

export interface AuditEventsTable {
  id: Generated<number>;
  at: string;
  actor_id: string | null;
  actor_name: string;
  action: string;
  subject_type: string;
  subject_id: string;
  outcome: string;
  before: JsonText;
  after: JsonText;
  detail: string | null;
}

export interface Database {
  people: PeopleTable;
  conversations: ConversationsTable;
  requests: RequestsTable;
  request_terms: RequestTermsTable;
  reference_counters: ReferenceCountersTable;
  drafts: DraftsTable;
  audit_events: AuditEventsTable;
}
