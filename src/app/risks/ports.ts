import type { RiskEntry } from '../../domain/risks';

/** Projects' risks and issues logs. */
export interface RiskRepository {
  get(id: string): Promise<RiskEntry | null>;
  /** One project's log, oldest first. */
  forProject(reference: string): Promise<RiskEntry[]>;
  insert(entry: RiskEntry): Promise<void>;
  /** Saves the entry if the stored version is still `expectedVersion`; false otherwise (nothing changes). */
  update(entry: RiskEntry, expectedVersion: number): Promise<boolean>;
  /** Open entries whose review date is before `today`, across the programme, by review date. */
  dueForReview(today: string): Promise<RiskEntry[]>;
  /** Open entries scoring `score` or more, across the programme, highest first. */
  openScoringAtLeast(score: number): Promise<RiskEntry[]>;
}
