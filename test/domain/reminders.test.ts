import type { Project } from '../../src/domain/project';
import { candidateReminders, DEFAULT_THRESHOLDS, manualSlot, type ReminderState, selectReminders, stateKey } from '../../src/domain/reminders';
import { emptyTriage } from '../../src/domain/triage';
import { sampleMeasure } from '../support/sample-measure';
import { sampleProject } from '../support/sample-project';
import { sampleRequest } from '../support/sample-request';

const TODAY = '2026-11-27';
const NOW = '2026-11-27T09:30:00.000Z';
const lead = { aadObjectId: 'aad-lead', name: 'Project Lead (Learning) 2' };
const manager = { aadObjectId: 'aad-pm', name: 'Project Manager (Learning) 2' };
const leader = { aadObjectId: 'aad-dl', name: 'Digital Leader (Learning)' };
/** Calendar days as working days: enough for the rules that do not depend on weekends. */
const days = (iso: string) => Math.floor((Date.parse(TODAY) - Date.parse(iso)) / 86_400_000);

function facts(overrides: Partial<Project> = {}, approvedDaysAgo = 40) {
  const request = sampleRequest({ status: 'approved' });
  const approvedAt = new Date(Date.parse(`${TODAY}T09:00:00Z`) - approvedDaysAgo * 86_400_000).toISOString();
  const project: Project = {
    ...sampleProject(request.reference),
    digitalLeader: leader,
    projectLead: lead,
    projectManager: manager,
    businessCase: { status: 'approved', link: 'https://sp/bc', date: null },
    planLink: 'https://sp/plan',
    resourcing: { confirmed: true, note: null },
    isPriority: true,
    dpia: null,
    milestones: [{ id: 'm1', title: 'Go live', due: '2027-06-30', status: 'planned', completedOn: null, revisions: [] }],
    approvedAt,
    ...overrides,
  };
  return { request, project };
}
const kinds = (items: ReturnType<typeof candidateReminders>) => items.map((i) => `${i.kind}→${i.recipient.name}`);

describe('what is chased, and who is asked', () => {
  it('chases nothing for a complete project', () => {
    expect(candidateReminders([facts()], [], TODAY, days)).toEqual([]);
  });

  it('asks the Digital Leader for missing owners', () => {
    expect(kinds(candidateReminders([facts({ projectLead: null })], [], TODAY, days))).toContain('owners→Digital Leader (Learning)');
  });

  it('chases the business case only 30 days after approval, and the plan and milestones after 14', () => {
    const bare = { businessCase: { status: 'drafting' as const, link: 'https://sp/bc', date: null }, planLink: null, milestones: [] };
    expect(kinds(candidateReminders([facts(bare, 13)], [], TODAY, days))).toEqual([]);
    expect(kinds(candidateReminders([facts(bare, 14)], [], TODAY, days))).toEqual(['plan→Project Lead (Learning) 2', 'milestones→Project Lead (Learning) 2']);
    expect(kinds(candidateReminders([facts(bare, 30)], [], TODAY, days))[0]).toBe('business-case→Project Lead (Learning) 2');
  });

  it('asks both the lead and the Digital Leader to confirm resourcing of a priority project', () => {
    expect(kinds(candidateReminders([facts({ resourcing: { confirmed: false, note: null } })], [], TODAY, days))).toEqual([
      'resourcing→Project Lead (Learning) 2',
      'resourcing→Digital Leader (Learning)',
    ]);
  });

  it('reminds lead and manager of a milestone due within 7 days, and the lead of an overdue one', () => {
    const soon = { id: 's', title: 'Pilot', due: '2026-12-04', status: 'planned' as const, completedOn: null, revisions: [] };
    const late = { ...soon, id: 'l', title: 'Discovery', due: '2026-11-26' };
    const done = { ...late, id: 'd', status: 'done' as const };
    expect(kinds(candidateReminders([facts({ milestones: [soon, late, done] })], [], TODAY, days)).sort()).toEqual([
      'milestone-due-soon→Project Lead (Learning) 2',
      'milestone-due-soon→Project Manager (Learning) 2',
      'milestone-overdue→Project Lead (Learning) 2',
    ]);
  });

  it('asks the lead and the manager for the figure of a measure’s period once it has closed, until it is recorded', () => {
    const figure = (period: string) => ({ period, value: 55, recordedAt: NOW, recordedBy: 'Project Lead' });
    // 27 November: the quarter that closed last is Q2 (July to September); the monthly one, October.
    const quarterly = sampleMeasure({ id: 'q' });
    const monthly = sampleMeasure({ id: 'm', name: 'Calls', unit: 'calls', kind: 'other', frequency: 'monthly', figures: [figure('2026-10')] });
    const items = candidateReminders([facts({ measures: [quarterly, monthly] })], [], TODAY, days);
    expect(kinds(items)).toEqual(['measure-figure→Project Lead (Learning) 2', 'measure-figure→Project Manager (Learning) 2']);
    expect(items[0]).toMatchObject({
      key: `${items[0].reference}:measure-figure:q:2026-Q2`,
      what: 'Record the figure for "Online bookings" for Q2 2026/27 (Jul–Sep 2026) (in %).',
      measure: { id: 'q', name: 'Online bookings', unit: '%', period: '2026-Q2' },
    });
    expect(candidateReminders([facts({ measures: [{ ...quarterly, figures: [figure('2026-Q2')] }] })], [], TODAY, days)).toEqual([]);
    // Nothing is asked for a period before the baseline's.
    expect(candidateReminders([facts({ measures: [sampleMeasure({ baseline: { value: 40, date: '2026-11-01' } })] })], [], TODAY, days)).toEqual([]);
  });

  it('chases a DPIA where personal data is involved', () => {
    expect(kinds(candidateReminders([facts({ dpia: 'in-progress' })], [], TODAY, days))).toEqual(['dpia→Project Lead (Learning) 2']);
  });

  it("reminds the requester of a DSG question unanswered for 5 working days", () => {
    const request = sampleRequest({ status: 'more-info-requested', requesterId: '29:requester', requesterName: 'Council Officer' });
    const asked = (at: string) => ({ ...emptyTriage(request.reference), questions: [{ question: 'Which depots?', askedBy: 'DSG Chair', askedAt: at, answer: null, answeredAt: null }] });
    expect(candidateReminders([], [{ request, triage: asked('2026-11-23T10:00:00Z') }], TODAY, days)).toEqual([]);
    const [item] = candidateReminders([], [{ request, triage: asked('2026-11-20T10:00:00Z') }], TODAY, days);
    expect(item).toMatchObject({ kind: 'question', recipient: { aadObjectId: '29:requester' }, what: "Answer the DSG's question: Which depots?" });
  });

  it('ignores declined, completed and other closed records', () => {
    const f = facts({ projectLead: null });
    expect(candidateReminders([{ ...f, request: { ...f.request, status: 'completed' } }], [], TODAY, days)).toEqual([]);
  });
});

describe('the rhythm', () => {
  const item = candidateReminders([facts({ resourcing: { confirmed: false, note: null } })], [], TODAY, days)[0];
  const state = (over: Partial<ReminderState>): Map<string, ReminderState> =>
    new Map([[stateKey(item.key, item.recipient.aadObjectId), { key: item.key, recipientId: item.recipient.aadObjectId, count: 1, lastSentAt: '2026-11-20T09:30:00.000Z', fingerprint: item.fingerprint, snoozedUntil: null, snoozes: 0, escalatedAt: null, ...over }]]);

  it('sends a new item, one message per person', () => {
    const s = selectReminders([item], new Map(), NOW, days);
    expect([...s.send.keys()]).toEqual(['aad-lead']);
    expect(s.states[0]).toMatchObject({ count: 1, lastSentAt: NOW });
  });

  it('does not raise the same item with the same person more often than every 7 working days', () => {
    expect(selectReminders([item], state({ lastSentAt: '2026-11-21T09:30:00.000Z' }), NOW, days).send.size).toBe(0);
    expect(selectReminders([item], state({ lastSentAt: '2026-11-20T09:30:00.000Z' }), NOW, days).send.size).toBe(1);
  });

  it('starts counting again when the record changed, but keeps to the rhythm', () => {
    expect(selectReminders([item], state({ count: 5, fingerprint: 'old', lastSentAt: '2026-11-26T09:30:00.000Z' }), NOW, days).send.size).toBe(0);
    const s = selectReminders([item], state({ count: 5, fingerprint: 'old', lastSentAt: '2026-11-19T09:30:00.000Z' }), NOW, days);
    expect(s.states[0]).toMatchObject({ count: 1 });
    expect(s.escalate).toEqual([]);
  });

  it('escalates once to the Digital Leader after 3 reminders with no change', () => {
    const s = selectReminders([item], state({ count: 3 }), NOW, days);
    expect(s.escalate).toEqual([item]);
    expect(selectReminders([item], state({ count: 4, escalatedAt: NOW }), '2026-12-08T09:30:00.000Z', (d) => days(d) + 11).escalate).toEqual([]);
  });

  it('respects a snooze until it ends', () => {
    expect(selectReminders([item], state({ snoozedUntil: '2026-12-04T09:30:00.000Z', lastSentAt: '2026-11-01T09:30:00.000Z' }), NOW, days).send.size).toBe(0);
  });

  it('sends a due-soon reminder once, and an overdue one every run', () => {
    const soon = { ...item, kind: 'milestone-due-soon' as const };
    const late = { ...item, kind: 'milestone-overdue' as const };
    const recent = state({ lastSentAt: '2026-11-26T09:30:00.000Z' });
    expect(selectReminders([soon], recent, NOW, days).send.size).toBe(0);
    expect(selectReminders([late], recent, NOW, days).send.size).toBe(1);
  });

  it('uses the default thresholds from the issue', () => {
    expect(DEFAULT_THRESHOLDS).toMatchObject({ businessCaseDays: 30, planDays: 14, dueSoonDays: 7, questionWorkingDays: 5, remindEveryWorkingDays: 7, escalateAfter: 3, snoozeDays: 7, maxSnoozes: 2 });
  });
});

describe('a run by hand', () => {
  it('has its minute as its slot, and the next minute as when a run can queue again', () => {
    expect(manualSlot(new Date('2026-12-08T10:00:59.999Z'))).toEqual({ name: 'manual:2026-12-08T10:00', startedAt: '2026-12-08T10:00:00.000Z', next: '2026-12-08T10:01:00.000Z' });
    expect(manualSlot(new Date('2026-12-31T23:59:30Z')).next).toBe('2027-01-01T00:00:00.000Z');
  });
});
