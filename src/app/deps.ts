import type { RetentionSchedule } from '../domain/data-protection';
import type { RoleContext } from '../domain/permissions';
import type { ReminderThresholds } from '../domain/reminders';
import type { ServiceStandard } from '../domain/stages';
import type { Clock, Store } from './ports';
import type { Roster } from './triage/ports';
import type { ReportLinks } from './reports/report-links';

/** What every use case is given: the ports, never a framework. */
export interface Deps {
  store: Store;
  clock: Clock;
  newId: () => string;
  roles: RoleContext;
  /** The Teams roster of the DSG's team. */
  roster: Roster;
  /** Working days and London dates (weekends and the configured bank holidays are not working days). */
  calendar: { londonDate(instant: Date): string; workingDaysBetween(fromIso: string, toIso: string): number; addWorkingDays(isoDate: string, n: number): string };
  /** When and how often people are chased. */
  reminders: ReminderThresholds;
  /** Signs and checks the annual report's download links. */
  reportLinks: ReportLinks;
  /** Tells the outbox sender there is something to send now (it also polls). */
  kickOutbox: () => void;
  log?: { warn(o: object, msg: string): void };
  /** The Service Standard's stages, criteria and gates (DEFAULT_SERVICE_STANDARD when not given). */
  serviceStandard?: ServiceStandard;
  /** How long personal data is kept (DEFAULT_RETENTION when not given). */
  retention?: RetentionSchedule;
}
