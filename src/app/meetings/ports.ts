import type { AgendaPlan } from '../../domain/agenda-plan';
import type { AgendaAddition, Meeting, MeetingAction } from '../../domain/meetings';

export interface MeetingRepository {
  get(id: string): Promise<Meeting | null>;
  byDate(date: string): Promise<Meeting | null>;
  /** The meeting in progress, if any. */
  running(): Promise<Meeting | null>;
  /** Every meeting held or running, newest first. */
  list(): Promise<Meeting[]>;
  /** Inserts a new meeting; false when one is already recorded for its date. */
  insert(meeting: Meeting): Promise<boolean>;
  /** Saves at version `expectedVersion + 1` if the stored version is still `expectedVersion`. */
  update(meeting: Meeting, expectedVersion: number): Promise<boolean>;

  addAddition(addition: AgendaAddition): Promise<void>;
  /** Items added for the next meeting, oldest first. */
  pendingAdditions(): Promise<AgendaAddition[]>;
  /** Hands the pending additions to a meeting (when it starts). */
  takeAdditions(ids: readonly string[], meetingId: string): Promise<void>;

  /** How the next meeting's agenda was arranged (an empty plan at version 0 before it ever was). */
  agendaPlan(): Promise<AgendaPlan>;
  /** Saves the plan at `expectedVersion + 1` if the stored one is still at `expectedVersion`. */
  saveAgendaPlan(plan: AgendaPlan, expectedVersion: number): Promise<boolean>;

  addAction(action: MeetingAction): Promise<void>;
  getAction(id: string): Promise<MeetingAction | null>;
  /** Saves a done action; false when it was already done. */
  completeAction(action: MeetingAction): Promise<boolean>;
  /** Actions not done yet, due date first. */
  openActions(): Promise<MeetingAction[]>;
  actionsOf(meetingId: string): Promise<MeetingAction[]>;
}
