import type { GateCondition, GateRequest, ProjectStage } from '../../domain/stages';

export interface GateRepository {
  /** The project's recorded stage (null: none recorded, so the first stage). */
  stageOf(reference: string): Promise<ProjectStage | null>;
  /** Every recorded stage, for the programme views and open data. */
  stages(): Promise<ProjectStage[]>;
  /** Records the project's stage (replacing the one before). */
  setStage(stage: ProjectStage): Promise<void>;
  /** Inserts a new request; false when one of the project's is already waiting (even one inserted at the same moment). */
  insertRequest(gate: GateRequest): Promise<boolean>;
  /** The request with its conditions. */
  getRequest(id: string): Promise<GateRequest | null>;
  /** The project's requests with their conditions, newest first. */
  requestsOf(reference: string): Promise<GateRequest[]>;
  /** Every request waiting for the DSG, oldest first. */
  pending(): Promise<GateRequest[]>;
  /** Every request with its conditions, oldest first: the programme's gate history. */
  all(): Promise<GateRequest[]>;
  /** Saves a request (and adds its conditions) if the stored version is still `expectedVersion`. */
  updateRequest(gate: GateRequest, expectedVersion: number): Promise<boolean>;
  /** Remembers where the request's card was posted in the DSG channel (its version is unchanged). */
  setPost(id: string, post: NonNullable<GateRequest['post']>): Promise<void>;
  getCondition(id: string): Promise<GateCondition | null>;
  /** Saves a done condition; false when it was already done. */
  completeCondition(condition: GateCondition): Promise<boolean>;
  /** Conditions not done yet, due date first. */
  openConditions(): Promise<GateCondition[]>;
}
