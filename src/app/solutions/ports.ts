import type { Solution } from '../../domain/solutions';

/** The re-use catalogue's entries. */
export interface SolutionRepository {
  get(id: string): Promise<Solution | null>;
  /** The entry with this name (as solutionNameKey compares names), if any. */
  byName(name: string): Promise<Solution | null>;
  /** Every entry, retired ones too, by name. */
  list(): Promise<Solution[]>;
  /**
   * The entries in use (not retired), by name, for matching ideas against: this process's own changes are seen
   * at once, another process's within a minute.
   */
  offered(): Promise<readonly Solution[]>;
  /** Adds an entry; false when one with the same name (or id) is already there. */
  insert(solution: Solution): Promise<boolean>;
  /** Saves at version `expectedVersion + 1` if the stored version is still `expectedVersion`. */
  update(solution: Solution, expectedVersion: number): Promise<boolean>;
  /** Entries in use (not retired) whose contract ends on or before `date`, soonest first. */
  contractsEndingBy(date: string): Promise<Solution[]>;
}
