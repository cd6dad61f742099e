import type { DsgSettings, Member } from '../../domain/settings';
import type { Triage } from '../../domain/triage';

export interface SettingsRepository {
  /** The DSG settings; EMPTY_SETTINGS (version 0) before the first save. */
  get(): Promise<DsgSettings>;
  /** Saves with version `expectedVersion + 1` if the stored version is still `expectedVersion`. */
  save(settings: DsgSettings, expectedVersion: number): Promise<boolean>;
}

export interface RosterCache {
  get(teamId: string): Promise<{ members: Member[]; fetchedAt: string } | null>;
  put(teamId: string, members: readonly Member[], fetchedAt: string): Promise<void>;
}

export interface TriageRepository {
  get(reference: string): Promise<Triage | null>;
  /** Insert or replace the decisions and questions (never the post, which only setPost writes). */
  save(triage: Triage): Promise<void>;
  /** Records where the triage card was posted. */
  setPost(reference: string, post: NonNullable<Triage['post']>): Promise<void>;
}

export interface Roster {
  teamMembers(teamId: string, reference: unknown): Promise<Member[]>;
}
