import type { CompiledQuery, DatabaseConnection, Dialect, Driver, QueryResult, TransactionSettings } from 'kysely';
import { unavailable } from '../domain/errors';

/**
 * Errors that say the database cannot do any work just now, as opposed to this query being wrong:
 * - PostgreSQL SQLSTATEs: class 08 (connection), 53 (insufficient resources: disk full, out of memory, too many
 *   connections), 57P01-57P05 (shut down, crashed, starting up, idle timeout), 58030 (I/O error), 25006 (a
 *   read-only server, e.g. a standby after a failover);
 * - node-postgres and the network: refused, reset, timed out, unreachable, "Connection terminated ...";
 * - SQLite: busy or locked past busy_timeout, read-only, disk full, I/O errors, cannot open.
 */
const PG_STATES = /^(08...|53...|57P0[1-5]|58030|25006)$/;
const NETWORK_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EPIPE', 'EHOSTUNREACH', 'ENETUNREACH', 'ENOTFOUND', 'EAI_AGAIN']);
const SQLITE_CODES = /^SQLITE_(BUSY|LOCKED|READONLY|FULL|IOERR|CANTOPEN|PROTOCOL)(_|$)/;
const PG_MESSAGES = /Connection terminated|timeout exceeded when trying to connect|is not queryable|Client was closed/i;

/** Read by shape, not `instanceof`: errors from Node's sockets and native modules may come from another realm. */
export function isOutage(error: unknown): boolean {
  if (typeof error !== 'object' || error === null) return false;
  const { code, message, errors } = error as { code?: unknown; message?: unknown; errors?: unknown };
  if (typeof code === 'string' && (PG_STATES.test(code) || NETWORK_CODES.has(code) || SQLITE_CODES.test(code))) return true;
  // Connecting to "localhost" tries ::1 and 127.0.0.1: both refusals come in one AggregateError.
  if (Array.isArray(errors)) return errors.some(isOutage);
  return typeof message === 'string' && PG_MESSAGES.test(message);
}

const translate = (error: unknown): never => {
  if (isOutage(error)) {
    const { code, message } = error as { code?: string; message?: string };
    const reason = `${code ?? ''} ${message ?? ''}`.trim();
    throw Object.assign(unavailable(reason), { cause: error });
  }
  throw error;
};

/**
 * The dialect with every outage error (above) turned into the domain's UNAVAILABLE error, at the one place all
 * queries pass: so each use case, the outbox and the scheduler see "the database is unavailable, nothing was
 * saved" and answer or back off, whichever engine it was and whatever it said. Other errors (a constraint,
 * bad SQL) pass unchanged.
 */
export function reportingOutages(dialect: Dialect): Dialect {
  return {
    createAdapter: () => dialect.createAdapter(),
    createDriver: () => new OutageDriver(dialect.createDriver()),
    createQueryCompiler: () => dialect.createQueryCompiler(),
    createIntrospector: (db) => dialect.createIntrospector(db),
  };
}

/** Runs `work` (which may throw at once, as the SQLite driver does, or reject) with outage errors translated. */
async function translating<T>(work: () => Promise<T>, onOutage?: () => void): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if (isOutage(error)) onOutage?.();
    return translate(error);
  }
}

class OutageConnection implements DatabaseConnection {
  /** A query on this connection failed for an outage: its transaction is gone or cannot be rolled back. */
  broken = false;

  constructor(readonly inner: DatabaseConnection) {}

  executeQuery<R>(query: CompiledQuery): Promise<QueryResult<R>> {
    return translating(() => this.inner.executeQuery<R>(query), () => (this.broken = true));
  }

  async *streamQuery<R>(query: CompiledQuery, chunkSize?: number): AsyncIterableIterator<QueryResult<R>> {
    try {
      yield* this.inner.streamQuery<R>(query, chunkSize);
    } catch (error) {
      translate(error);
    }
  }
}

const innerOf = (connection: DatabaseConnection): DatabaseConnection => (connection as OutageConnection).inner;

class OutageDriver implements Driver {
  constructor(private readonly inner: Driver) {}

  init(): Promise<void> {
    return translating(() => this.inner.init());
  }

  async acquireConnection(): Promise<DatabaseConnection> {
    return new OutageConnection(await translating(() => this.inner.acquireConnection()));
  }

  beginTransaction(connection: DatabaseConnection, settings: TransactionSettings): Promise<void> {
    return translating(() => this.inner.beginTransaction(innerOf(connection), settings), () => ((connection as OutageConnection).broken = true));
  }

  commitTransaction(connection: DatabaseConnection): Promise<void> {
    return translating(() => this.inner.commitTransaction(innerOf(connection)), () => ((connection as OutageConnection).broken = true));
  }

  /**
   * After an outage error the engine has already given the transaction up (SQLite rolls back by itself on a
   * full disk or an I/O error; a PostgreSQL connection that died took its transaction with it), so a failing
   * ROLLBACK then is expected: it must not hide the outage the caller is about to be told of.
   */
  async rollbackTransaction(connection: DatabaseConnection): Promise<void> {
    try {
      await this.inner.rollbackTransaction(innerOf(connection));
    } catch (error) {
      if (!(connection as OutageConnection).broken) translate(error);
    }
  }

  releaseConnection(connection: DatabaseConnection): Promise<void> {
    return this.inner.releaseConnection(innerOf(connection));
  }

  destroy(): Promise<void> {
    return this.inner.destroy();
  }
}
