import type { RoleContext } from '../domain/permissions';
import type { ReminderThresholds } from '../domain/reminders';
import type { Clock, Roster, Store } from './ports';

/** What every use case is given: the ports, never a framework. */
export interface Deps {
  store: Store;
  clock: Clock;
  newId: () => string;
  roles: RoleContext;
  /** The Teams roster of the DSG's team. */
  roster: Roster;
  /** Working days and London dates (weekends and the configured bank holidays are not working days). */
  calendar: { londonDate(instant: Date): string; workingDaysBetween(fromIso: string, toIso: string): number };
  /** When and how often people are chased. */
  reminders: ReminderThresholds;
  /** Tells the outbox sender there is something to send now (it also polls). */
  kickOutbox: () => void;
  log?: { warn(o: object, msg: string): void };
}
