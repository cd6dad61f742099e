import { randomBytes } from 'node:crypto';
import { Client } from 'pg';
import { openStore } from '../../src/storage/open-store';
import { storeContract, type TestDatabase } from './contract';

const databaseUrl = process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';

function redacted(url: string): string {
  try {
    const u = new URL(url);
    if (u.password) u.password = '***';
    return u.toString();
  } catch {
    return '(unparseable TEST_DATABASE_URL)';
  }
}

async function connect(schema?: string): Promise<Client> {
  const client = new Client({
    connectionString: databaseUrl,
    connectionTimeoutMillis: 3000,
    ...(schema && { options: `-c search_path=${schema}` }),
  });
  try {
    await client.connect();
  } catch (err) {
    await client.end().catch(() => undefined);
    throw new Error(
      `PostgreSQL is not reachable at ${redacted(databaseUrl)} (${(err as Error).message}). ` +
        'These tests never skip: start it with `pg_ctlcluster --skip-systemctl-redirect $(ls /etc/postgresql) main start`, ' +
        'or set TEST_DATABASE_URL to a reachable database.',
    );
  }
  return client;
}

/** A fresh schema `t_<random hex>` per test, dropped with CASCADE afterwards. */
async function createPostgresDatabase(): Promise<TestDatabase> {
  const schema = `t_${randomBytes(6).toString('hex')}`;
  const client = await connect(schema);
  return {
    open: (logger) => openStore({ databaseUrl, sqlitePath: '/nonexistent/unused.sqlite', pgSchema: schema, logger }),
    async exec(sqlText) {
      return (await client.query(sqlText)).rows;
    },
    async drop() {
      try {
        await client.query(`drop schema if exists ${schema} cascade`);
      } finally {
        await client.end();
      }
    },
  };
}

storeContract('PostgreSQL', createPostgresDatabase);

describe('PostgreSQL specifics', () => {
  it('keeps every table, the migration table included, in the schema it was given', async () => {
    const database = await createPostgresDatabase();
    const store = await database.open();
    try {
      const schema = (await database.exec('select current_schema() as s'))[0].s as string;
      const rows = await database.exec(
        `select table_name from information_schema.tables where table_schema = '${schema}' order by table_name`,
      );
      expect(rows.map((r) => r.table_name)).toEqual([
        'agenda_additions',
        'agenda_plan',
        'audit_events',
        'conversations',
        'digest_runs',
        'digest_subscriptions',
        'drafts',
        'gate_conditions',
        'gate_requests',
        'health_updates',
        'import_keys',
        'kysely_migration',
        'kysely_migration_lock',
        'measure_figures',
        'measures',
        'meeting_actions',
        'meetings',
        'milestones',
        'outbox',
        'people',
        'project_follows',
        'project_stages',
        'projects',
        'pseudonymised_requests',
        'realised_benefits',
        'reference_counters',
        'reminder_state',
        'request_terms',
        'requests',
        'risks',
        'roster_cache',
        'scheduled_runs',
        'settings',
        'solutions',
        'triage',
      ]);
    } finally {
      await store.close();
      await database.drop();
    }
  });

  it('refuses a schema name that is not a plain identifier', async () => {
    await expect(openStore({ databaseUrl, sqlitePath: 'unused', pgSchema: 'x; drop table people' })).rejects.toThrow(
      /schema name/,
    );
  });

  it('fails to open, rather than hanging, when the server cannot be reached', async () => {
    await expect(openStore({ databaseUrl: 'postgres://postgres@127.0.0.1:1/test', sqlitePath: 'unused' })).rejects.toMatchObject({ message: expect.any(String) }); // not toThrow: better-sqlite3 errors may come from another realm
  });
});
