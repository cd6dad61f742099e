import { WorkingCalendar } from '../../src/domain/calendar';
import type { HealthRhythm, HealthRules } from '../../src/domain/health';

/** The health rules over a working calendar with these bank holidays (none by default), monthly unless told. */
export function healthRules(rhythm: HealthRhythm = 'monthly', bankHolidays: readonly string[] = []): HealthRules {
  const calendar = new WorkingCalendar(bankHolidays);
  return { rhythm, addWorkingDays: (isoDate, n) => calendar.addWorkingDays(isoDate, n) };
}
