import { type Expression, type ExpressionBuilder, type Kysely, type Selectable, type SqlBool, sql } from 'kysely';
import type { Page } from '../domain/paging';
import type { RequestRepository } from '../app/requests/ports';
import type { BeneficiaryId, PrincipleId, RouteId, StrandId } from '../domain/catalogue';
import { formatReference, type ProjectRequest, type RequestStatus } from '../domain/request';
import { atomically, readFlag, readList, toNumber, toNumberOrNull, updateAtVersion, writeFlag, writeJson } from './columns';
import { preparedPerCount } from './prepared';
import type { Database, RequestsTable } from './schema';

type Row = Selectable<RequestsTable>;

/** The columns `update` may change: status, version, updated_at and the details. */
const mutableColumns = (r: ProjectRequest) => ({
  status: r.status,
  version: r.version,
  title: r.title,
  problem: r.problem,
  outcome: r.outcome,
  beneficiaries: writeJson(r.beneficiaries),
  strand: r.strand,
  principles: writeJson(r.principles),
  principles_how: r.principlesHow,
  reuse_checked: r.reuseChecked,
  reuse_solution: r.reuseSolution,
  route: r.route,
  route_justification: r.routeJustification,
  personal_data: writeFlag(r.personalData),
  one_off_cost: r.oneOffCost,
  annual_benefit: r.annualBenefit,
  desired_start: r.desiredStart,
  updated_at: r.updatedAt,
});

const toRow = (r: ProjectRequest, termCount: number): Row => ({
  id: r.id,
  reference: r.reference,
  form_id: r.formId,
  requester_id: r.requesterId,
  requester_name: r.requesterName,
  created_at: r.createdAt,
  term_count: termCount,
  ...mutableColumns(r),
});

/** The one mapping from a `requests` row to the domain (the project repository reads requests with it too). */
export const requestFromRow = (r: Row): ProjectRequest => ({
  id: r.id,
  reference: r.reference,
  formId: r.form_id,
  status: r.status as RequestStatus,
  version: toNumber(r.version),
  requesterId: r.requester_id,
  requesterName: r.requester_name,
  title: r.title,
  problem: r.problem,
  outcome: r.outcome,
  beneficiaries: readList<BeneficiaryId>(r.beneficiaries),
  strand: r.strand as StrandId,
  principles: readList<PrincipleId>(r.principles),
  principlesHow: r.principles_how,
  reuseSolution: r.reuse_solution,
  reuseChecked: r.reuse_checked,
  route: r.route as RouteId,
  routeJustification: r.route_justification,
  personalData: readFlag(r.personal_data),
  oneOffCost: toNumberOrNull(r.one_off_cost),
  annualBenefit: toNumberOrNull(r.annual_benefit),
  desiredStart: r.desired_start,
  createdAt: r.created_at,
  updatedAt: r.updated_at,
});

const distinct = (terms: readonly string[]): string[] => [...new Set(terms)];

/** Indexes a request by its terms; `replace` first removes the terms it had (a new request has none). */
async function writeTerms(db: Kysely<Database>, requestId: string, terms: readonly string[], replace: boolean): Promise<void> {
  if (replace) await db.deleteFrom('request_terms').where('request_id', '=', requestId).execute();
  if (terms.length === 0) return;
  await db
    .insertInto('request_terms')
    .values(terms.map((term) => ({ term, request_id: requestId })))
    .execute();
}

type Where = (eb: ExpressionBuilder<Database, 'requests'>) => Expression<SqlBool>;
type OrderBy = readonly [column: keyof RequestsTable & string, direction: 'asc' | 'desc'];

/** One page of the requests matching `where`, in `order`, with how many match in all. */
async function listPage(db: Kysely<Database>, where: Where, order: readonly OrderBy[], offset: number, limit: number): Promise<Page<ProjectRequest>> {
  const rows = await order
    .reduce((q, [column, direction]) => q.orderBy(column, direction), db.selectFrom('requests').selectAll().where(where))
    .offset(offset)
    .limit(limit)
    .execute();
  const { total } = await db
    .selectFrom('requests')
    .select((eb) => eb.fn.countAll<number | string>().as('total'))
    .where(where)
    .executeTakeFirstOrThrow();
  return { items: rows.map(requestFromRow), total: toNumber(total) };
}

/**
 * The first term after every term starting with `prefix` (terms are [a-z0-9]): "book" → "bool", "buzz" → "bv",
 * "a9" → "aa"; null when there is none ("zz"). Plain letters and digits order alike in every collation.
 */
function prefixEnd(prefix: string): string | null {
  const head = prefix.replace(/z+$/, '');
  if (!head) return null;
  const last = head[head.length - 1];
  return head.slice(0, -1) + (last === '9' ? 'a' : String.fromCharCode(last.charCodeAt(0) + 1));
}

/** Postings read per query term in findSimilar. */
const TERM_SCAN_LIMIT = 50;

export function requestRepository(db: Kysely<Database>): RequestRepository {
  // findSimilar's two statements, built once for each number of terms or candidates. Written as SQL: the query
  // builder's cost for a union of dozens of selects outweighs the query itself.
  const postings = preparedPerCount(db, (terms) => {
    const perTerm = terms.map((term, k) => sql`SELECT * FROM (SELECT ${sql.lit(k)} AS k, request_id FROM request_terms WHERE term = ${term} LIMIT ${sql.lit(TERM_SCAN_LIMIT)}) AS p`);
    return sql<{ request_id: string; terms: string }>`SELECT request_id, string_agg(CAST(k AS text), ',') AS terms FROM (${sql.join(perTerm, sql` UNION ALL `)}) AS postings GROUP BY request_id`.compile(db);
  });
  const candidateRows = preparedPerCount(db, (ids) =>
    sql<Pick<Row, 'id' | 'reference' | 'title' | 'status' | 'strand' | 'term_count'>>`
      SELECT id, reference, title, status, strand, term_count FROM requests WHERE id IN (${sql.join(ids)}) AND status != 'withdrawn'`.compile(db),
  );
  return {
    async nextReference(year) {
      const { last } = await db
        .insertInto('reference_counters')
        .values({ year, last: 1 })
        .onConflict((oc) => oc.column('year').doUpdateSet({ last: sql<number>`reference_counters.last + 1` }))
        .returning('last')
        .executeTakeFirstOrThrow();
      return formatReference(year, toNumber(last));
    },

    async insert(request, terms) {
      const unique = distinct(terms);
      await atomically(db, async (tx) => {
        await tx.insertInto('requests').values(toRow(request, unique.length)).execute();
        await writeTerms(tx, request.id, unique, false);
      });
    },

    async update(request, expectedVersion, terms) {
      return atomically(db, async (tx) => {
        const unique = terms && distinct(terms);
        const values = { ...mutableColumns(request), ...(unique && { term_count: unique.length }) };
        const changed = await updateAtVersion(tx, 'requests', 'id', request.id, values, expectedVersion);
        if (changed && unique) await writeTerms(tx, request.id, unique, true);
        return changed;
      });
    },

    async getByReference(reference) {
      const row = await db.selectFrom('requests').selectAll().where('reference', '=', reference).executeTakeFirst();
      return row ? requestFromRow(row) : null;
    },

    async getByFormId(formId) {
      const row = await db.selectFrom('requests').selectAll().where('form_id', '=', formId).executeTakeFirst();
      return row ? requestFromRow(row) : null;
    },

    listByRequester(requesterId, offset, limit, statuses) {
      const newestFirst: OrderBy[] = [['updated_at', 'desc'], ['created_at', 'desc'], ['id', 'desc']];
      const where: Where = statuses ? (eb) => eb.and([eb('requester_id', '=', requesterId), eb('status', 'in', [...statuses])]) : (eb) => eb('requester_id', '=', requesterId);
      return listPage(db, where, newestFirst, offset, limit);
    },

    async listByStatus(statuses, offset, limit, order = 'oldest-first') {
      if (statuses.length === 0) return { items: [], total: 0 };
      const direction = order === 'oldest-first' ? 'asc' : 'desc';
      const by: OrderBy[] = [['created_at', direction], ['reference', direction]];
      return listPage(db, (eb) => eb('status', 'in', statuses), by, offset, limit);
    },

    async search(terms, prefix, offset, limit) {
      const unique = distinct(terms);
      if ((unique.length === 0 && !prefix) || limit <= 0) return [];
      // Each word narrows the list: the request's id among that term's postings (the primary key's order,
      // term first, answers each as an index range), the last word as typed so far by a range of terms.
      let query = db.selectFrom('requests').selectAll().where('status', '!=', 'withdrawn');
      for (const term of unique) {
        query = query.where('id', 'in', (eb) => eb.selectFrom('request_terms').select('request_id').where('term', '=', term));
      }
      if (prefix) {
        const end = prefixEnd(prefix);
        query = query.where('id', 'in', (eb) =>
          eb.selectFrom('request_terms').select('request_id').where('term', '>=', prefix).$if(end !== null, (q) => q.where('term', '<', end as string)),
        );
      }
      const rows = await query.orderBy('created_at', 'desc').orderBy('reference', 'desc').offset(offset).limit(limit).execute();
      return rows.map(requestFromRow);
    },

    async findSimilar(terms, limit) {
      const unique = distinct(terms);
      if (unique.length === 0 || limit <= 0) return [];
      // 1. Postings, at most TERM_SCAN_LIMIT per term: a term that common says little about similarity,
      //    and the bound keeps the cost flat however large the programme grows. They come back a row per request,
      //    naming the terms it holds among them by their place in `unique` ("0,3,7"), not a row per posting: each
      //    id is read once, and nothing is counted by id in JavaScript, which costs more than the query itself.
      const { rows } = await postings(unique);
      // Each request's terms in order, so its weight is summed the same way on every engine.
      const holding = rows.map(({ request_id, terms: shares }) => ({ id: request_id, shares: shares.split(',').map(Number).sort((a, b) => a - b) }));
      // 2. Candidates by the rarity of what they share: each shared term weighs 1 / its postings.
      const postingsPerTerm = new Array<number>(unique.length).fill(0);
      for (const { shares } of holding) for (const k of shares) postingsPerTerm[k] += 1;
      const candidates = holding
        .map(({ id, shares }) => ({ id, held: shares.length, weight: shares.reduce((sum, k) => sum + 1 / postingsPerTerm[k], 0) }))
        .sort((a, b) => b.weight - a.weight || (a.id < b.id ? -1 : 1))
        .slice(0, limit * 2);
      if (candidates.length === 0) return [];
      const ids = candidates.map(({ id }) => id);
      const held = new Map(candidates.map((c) => [c.id, c.held]));
      // 3. The exact number of shared terms for those candidates, which the domain scores. When no term reached
      //    TERM_SCAN_LIMIT the postings read are all the terms' postings, so the counts among them are exact and
      //    only the candidates' rows are read; otherwise they are counted in the index.
      const complete = postingsPerTerm.every((n) => n < TERM_SCAN_LIMIT);
      const columns = ['requests.id', 'requests.reference', 'requests.title', 'requests.status', 'requests.strand', 'requests.term_count'] as const;
      const counted = complete
        ? (await candidateRows(ids)).rows.map((row) => ({ row, shared: held.get(row.id) ?? 0 }))
        : (
            await db
              .selectFrom('requests')
              .innerJoin('request_terms as t', 't.request_id', 'requests.id')
              .where('requests.id', 'in', ids)
              .where('t.term', 'in', unique)
              .where('requests.status', '!=', 'withdrawn')
              .groupBy('requests.id')
              .select(columns)
              .select((eb) => eb.fn.countAll<number | string>().as('shared'))
              .execute()
          ).map(({ shared, ...row }) => ({ row, shared: toNumber(shared) }));
      return counted
        .map(({ row: { id, reference, title, status, strand, term_count }, shared }) => ({
          request: { id, reference, title, status: status as RequestStatus, strand: strand as StrandId },
          shared,
          termCount: toNumber(term_count),
        }))
        .sort((a, b) => b.shared - a.shared || a.termCount - b.termCount || (a.request.id < b.request.id ? -1 : 1))
        .slice(0, limit);
    },
  };
}
