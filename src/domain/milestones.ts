import { isIsoDate } from './request-form';
import type { Milestone } from './project';

const MAX_MILESTONE_ROWS = 5;
export const MILESTONE_TITLE_MAX = 200;

export type MilestoneResult = { ok: true; milestones: Omit<Milestone, 'id'>[] } | { ok: false; errors: Record<string, string> };

/**
 * New milestones from the card's rows (`m1Title`/`m1Due` ... ): a row needs both a title and a date,
 * the date may not be in the past, and at least one row must be filled.
 */
export function newMilestones(rows: Partial<Record<string, string>>, today: string): MilestoneResult {
  const errors: Record<string, string> = {};
  const milestones: Omit<Milestone, 'id'>[] = [];
  for (let i = 1; i <= MAX_MILESTONE_ROWS; i++) {
    const title = (rows[`m${i}Title`] ?? '').trim();
    const due = (rows[`m${i}Due`] ?? '').trim();
    if (!title && !due) continue;
    if (!title) errors[`m${i}Title`] = 'Give this milestone a title.';
    else if (title.length > MILESTONE_TITLE_MAX) errors[`m${i}Title`] = `Keep the title to ${MILESTONE_TITLE_MAX} characters or fewer.`;
    if (!due) errors[`m${i}Due`] = 'Give this milestone a due date.';
    else if (!isIsoDate(due)) errors[`m${i}Due`] = 'Enter the due date as a date, like 2027-01-14.';
    else if (due < today) errors[`m${i}Due`] = 'A new milestone cannot be due in the past.';
    if (!errors[`m${i}Title`] && !errors[`m${i}Due`]) milestones.push({ title, due, status: 'planned', completedOn: null, revisions: [] });
  }
  if (Object.keys(errors).length) return { ok: false, errors };
  if (milestones.length === 0) return { ok: false, errors: { m1Title: 'Add at least one milestone: a title and a due date.' } };
  return { ok: true, milestones };
}
