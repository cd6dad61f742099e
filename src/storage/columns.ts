import type { Kysely } from 'kysely';
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

/** Runs `work` in the caller's transaction, or in a new one when there is none. */
export function atomically<T>(db: Kysely<Database>, work: (db: Kysely<Database>) => Promise<T>): Promise<T> {
  return db.isTransaction ? work(db) : db.transaction().execute(work);
}
