import type { StrandId } from './catalogue';
import type { PlannedMeeting } from './meeting-plans';

/** Someone assigned a role: AAD object id (tenant-wide identity) and the name to show. */
export interface PersonRef {
  aadObjectId: string;
  name: string;
}

export interface DsgChannel {
  conversationId: string;
  teamId: string;
  name: string | null;
  /** Opaque conversation reference (owned by the Teams adapter) to post new threads. */
  reference: unknown;
}

/** How the DSG is set up: its channel, chair, the Digital Leader of each strand, its Minute Taker and its planned meetings. */
export interface DsgSettings {
  channel: DsgChannel | null;
  chair: PersonRef | null;
  /** The DSG's Minute Taker, a DSG member. */
  minuteTaker: PersonRef | null;
  leaders: Partial<Record<StrandId, PersonRef>>;
  /** The DSG's planned meetings (date, start time, place or link), in date order. */
  meetings: PlannedMeeting[];
  version: number;
  updatedAt: string | null;
}

export const EMPTY_SETTINGS: DsgSettings = { channel: null, chair: null, minuteTaker: null, leaders: {}, meetings: [], version: 0, updatedAt: null };

/** A member of the DSG's team, as the Teams roster lists them. */
export interface Member {
  id: string;
  aadObjectId: string;
  name: string;
  /** As the roster gives them: an imported spreadsheet names people by email or UPN, subject access and erasure find them by email. */
  email?: string | null;
  userPrincipalName?: string | null;
  /** As Teams gives it (Entra ID's given name), to greet the person by it. */
  givenName?: string | null;
}
