import type { Insertable, Kysely, Updateable } from 'kysely';
import type { Database, Flag, JsonText } from './schema';

/** Column conversions shared by every repository: JSON text, 0/1 flags, and numbers pg returns as strings. */

export function writeJson(value: unknown): JsonText {
  return value === null || value === undefined ? null : JSON.stringify(value);
}

/** Parses a JSON column; NULL or unparseable text gives `fallback` so one bad cell never breaks a read. */
export function readJson<T>(text: JsonText, fallback: T): T {
  if (text === null) return fallback;
  try {
    return JSON.parse(text) as T;
  } catch {
    return fallback;
  }
}

/** A JSON column that must hold a list; anything else reads as []. */
export function readList<T>(text: JsonText): T[] {
  // Most lists are empty (a milestone never moved): no need to parse them.
  if (text === '[]') return [];
  const value = readJson<unknown>(text, []);
  return Array.isArray(value) ? (value as T[]) : [];
}

/** A JSON column that must hold an object; anything else reads as {}. */
export function readObject<T extends object>(text: JsonText): T {
  const value = readJson<unknown>(text, {});
  return value !== null && typeof value === 'object' && !Array.isArray(value) ? (value as T) : ({} as T);
}

export const writeFlag = (value: boolean): Flag => (value ? 1 : 0);
export const readFlag = (value: Flag | string): boolean => Number(value) === 1;

/** pg returns int8 and count(*) as strings. */
export const toNumber = (value: number | string | bigint): number => Number(value);
export const toNumberOrNull = (value: number | string | bigint | null): number | null => (value === null ? null : Number(value));

/** Code-point order for text sorted in JavaScript: the same on both engines whatever the database collation. */
export const compareText = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/** Runs `work` in the caller's transaction, or in a new one when there is none. */
export function atomically<T>(db: Kysely<Database>, work: (db: Kysely<Database>) => Promise<T>): Promise<T> {
  return db.isTransaction ? work(db) : db.transaction().execute(work);
}

type Table = keyof Database & string;
type Column<T extends Table> = keyof Database[T] & string;

/** Kysely cannot check a table chosen by a type parameter: the helpers below check their own signatures instead. */
const untyped = (db: Kysely<Database>): Kysely<Record<string, Record<string, unknown>>> => db as unknown as Kysely<Record<string, Record<string, unknown>>>;

/** Inserts `row`, or replaces every other column of the row with the same `key` (one column, or the columns of a composite key). */
export async function upsert<T extends Table>(
  db: Kysely<Database>,
  table: T,
  key: Column<T> | readonly Column<T>[],
  row: Insertable<Database[T]>,
): Promise<void> {
  const keys: string[] = typeof key === 'string' ? [key] : [...key];
  const rest = Object.fromEntries(Object.entries(row as Record<string, unknown>).filter(([column]) => !keys.includes(column)));
  await untyped(db)
    .insertInto(table as string)
    .values(row)
    .onConflict((oc) => oc.columns(keys).doUpdateSet(rest))
    .execute();
}

/** Optimistic update: sets `values` on the row whose `key` is `id` only if its version is still `expectedVersion`. */
export async function updateAtVersion<T extends 'requests' | 'projects' | 'settings'>(
  db: Kysely<Database>,
  table: T,
  key: Column<T>,
  id: string | number,
  values: Updateable<Database[T]>,
  expectedVersion: number,
): Promise<boolean> {
  const result = await untyped(db)
    .updateTable(table as string)
    .set(values as Record<string, unknown>)
    .where(key as string, '=', id)
    .where('version', '=', expectedVersion)
    .executeTakeFirst();
  return toNumber(result.numUpdatedRows) > 0;
}

/** LIKE pattern for text containing `s` literally (with ESCAPE '\'). */
export const containing = (s: string) => `%${s.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
