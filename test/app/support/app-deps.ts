import type { Deps } from '../../../src/app/deps';
import type { Store } from '../../../src/app/ports';
import { reportLinks } from '../../../src/app/reports/report-links';
import { WorkingCalendar } from '../../../src/domain/calendar';
import { DEFAULT_THRESHOLDS } from '../../../src/domain/reminders';

/** A use case's dependencies over `store`, its clock reading `now()`: no bank holidays, the default thresholds, nobody in the DSG's roster. */
export const appDeps = (store: Store, now: () => Date): Deps => ({
  store,
  calendar: new WorkingCalendar([]),
  reminders: DEFAULT_THRESHOLDS,
  clock: { now },
  newId: () => `id-${Math.random()}`,
  roles: { adminAadIds: [] },
  roster: { teamMembers: async () => [] },
  reportLinks: reportLinks('s'.repeat(32), 'http://127.0.0.1:3978'),
  kickOutbox: () => undefined,
});
