/**
 * Joined-up procurement: "Digital Leaders ensure that any future procurements for digital services are joined up
 * with council Digital Strategy". When a catalogue entry's licence or contract ends within 6 months, the reminder
 * engine asks the Digital Leader of its strands to plan a replacement, renew it or retire it.
 */
import type { AuditEvent } from './audit';
import { ukDate } from './dates';
import { type FormValues, isIsoDate, LIMITS } from './request-form';
import { REMINDER_WHY, type ReminderItem } from './reminders';
import type { DsgSettings, PersonRef } from './settings';
import { addMonths, CONTRACT_NOTICE_MONTHS, contractState, type Solution } from './solutions';

/** Reminder items about the catalogue are grouped under this name on the reminder card, not under a project. */
export const CATALOGUE_GROUP = 'Catalogue';
const CONTRACT_KEY = `${CATALOGUE_GROUP}:contract-ending:`;
/** `Catalogue:contract-ending:<solutionId>`: one item per entry (and recipient), whatever its end date. */
export const contractKey = (solutionId: string): string => `${CONTRACT_KEY}${solutionId}`;
export const solutionIdOfKey = (key: string): string | null => (key.startsWith(CONTRACT_KEY) ? key.slice(CONTRACT_KEY.length) : null);

/** What a reminder item is about, for the audit trail: its catalogue entry, or its request (the DSG's group for meeting items). */
export function reminderSubject(item: Pick<ReminderItem, 'key' | 'reference'>): Pick<AuditEvent, 'subjectType' | 'subjectId'> {
  const id = solutionIdOfKey(item.key);
  return id ? { subjectType: 'solution', subjectId: id } : { subjectType: 'request', subjectId: item.reference };
}

/** The last contract end date flagged on `today`: entries ending on or before it are chased. */
export const contractNoticeBy = (today: string): string => addMonths(today, CONTRACT_NOTICE_MONTHS);

/** Whether an entry is chased on `today`: in use, with a licence or contract that ends within 6 months or has ended. */
export function contractCalledFor(s: Pick<Solution, 'retired' | 'contractEnds'>, today: string): boolean {
  const state = contractState(s, today);
  return !s.retired && (state === 'ending' || state === 'ended');
}

/**
 * The Digital Leader of each strand of an entry in use whose licence or contract ends within 6 months (or has
 * ended), once per person; the DSG chair when none of its strands has a Digital Leader. The fingerprint is the end
 * date: a renewal that still ends within 6 months is a new item, counted afresh.
 */
export function contractReminders(solutions: readonly Solution[], settings: Pick<DsgSettings, 'leaders' | 'chair'>, today: string): ReminderItem[] {
  const items: ReminderItem[] = [];
  for (const s of solutions) {
    if (!contractCalledFor(s, today) || !s.contractEnds) continue;
    const state = contractState(s, today);
    const leaders = s.strands.map((id) => settings.leaders[id]).filter((p): p is PersonRef => !!p && p.aadObjectId !== '');
    const recipients = leaders.length > 0 ? leaders : settings.chair ? [settings.chair] : [];
    const what = `The licence or contract for ${s.name} (${s.owningService}) ${state === 'ended' ? 'ended' : 'ends'} on ${ukDate(s.contractEnds)}.`;
    for (const recipient of recipients.filter((p, i) => recipients.findIndex((q) => q.aadObjectId === p.aadObjectId) === i)) {
      items.push({
        key: contractKey(s.id),
        reference: CATALOGUE_GROUP,
        projectTitle: 'Licences and contracts ending',
        kind: 'contract-ending',
        milestoneId: null,
        recipient,
        fingerprint: s.contractEnds,
        what,
        why: REMINDER_WHY['contract-ending'],
      });
    }
  }
  return items;
}

/** What is wrong with a renewal's new end date ('' when nothing): it must be a date after `today`. */
export function renewalError(newEnd: string, today: string): string {
  if (!isIsoDate(newEnd)) return 'Enter the new licence or contract end date, like 2028-03-31.';
  if (newEnd <= today) return `The new end date must be in the future: after ${ukDate(today)}.`;
  return '';
}

/**
 * A new request to replace an entry, pre-filled for the person to review and submit: its title, the problem (what
 * the entry does and when it ends), the outcome, its first strand and the solution checked for re-use.
 */
export function replacementValues(s: Solution): FormValues {
  const ends = s.contractEnds ? ` ends on ${ukDate(s.contractEnds)}` : ' is ending';
  return {
    title: Array.from(`Replace ${s.name}`).slice(0, LIMITS.title).join(''),
    problem: `The licence or contract for ${s.name}, owned by ${s.owningService},${ends}. What it does: ${s.whatItDoes}`,
    outcome: `A replacement for ${s.name} in place before it ends, joined up with the Digital Strategy, so the people who use it are not left without it.`,
    strand: s.strands[0],
    reuseChecked: `${s.name}, the council's current solution (owned by ${s.owningService}).`,
  };
}
