import { CompiledQuery, type Kysely, type QueryResult } from 'kysely';
import type { Database } from './schema';

/**
 * A statement run on every press (a draft read or kept while a form is submitted), built and compiled once.
 * Kysely builds and compiles a query afresh on each run, which for a small statement costs more than the database
 * running it. `build` gets a placeholder for each name and compiles the query; each run puts the values where the
 * placeholders were (any other parameter, such as a limit, stays as built). The text is the same each time, so the
 * store's prepared statement for it is found at once.
 */
export function prepared<Name extends string, Row>(
  db: Kysely<Database>,
  names: readonly Name[],
  build: (placeholders: Readonly<Record<Name, string>>) => CompiledQuery<Row>,
): (values: Readonly<Record<Name, unknown>>) => Promise<QueryResult<Row>> {
  let compiled: { sql: string; slots: ((values: Readonly<Record<Name, unknown>>) => unknown)[] } | undefined;
  return async (values) => {
    if (!compiled) {
      const placeholders = Object.fromEntries(names.map((name) => [name, `\u0000${name}\u0000`])) as Record<Name, string>;
      const named = new Map<unknown, Name>(names.map((name) => [placeholders[name], name]));
      const query = build(placeholders);
      // A name the query does not pass as a parameter (written into the text, say) would drop its value unseen.
      const missing = names.filter((name) => !query.parameters.includes(placeholders[name]));
      if (missing.length) throw new Error(`The prepared query takes no parameter for ${missing.join(', ')}`);
      compiled = {
        sql: query.sql,
        slots: query.parameters.map((parameter) => {
          const name = named.get(parameter);
          return name === undefined ? () => parameter : (v) => v[name];
        }),
      };
    }
    const { sql, slots } = compiled;
    return db.executeQuery<Row>(CompiledQuery.raw(sql, slots.map((slot) => slot(values))) as CompiledQuery<Row>);
  };
}

/**
 * A statement whose shape depends on how many values it takes (one select per term, an IN list), built once for
 * each count (see `prepared`); `build` gets the placeholders in order.
 */
export function preparedPerCount<Row>(
  db: Kysely<Database>,
  build: (placeholders: readonly string[]) => CompiledQuery<Row>,
): (values: readonly unknown[]) => Promise<QueryResult<Row>> {
  const byCount = new Map<number, (values: Readonly<Record<string, unknown>>) => Promise<QueryResult<Row>>>();
  return (values) => {
    let run = byCount.get(values.length);
    if (!run) {
      const names = values.map((_, i) => String(i));
      run = prepared(db, names, (p) => build(names.map((name) => p[name])));
      byCount.set(values.length, run);
    }
    return run({ ...values });
  };
}
