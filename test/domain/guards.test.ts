import type { AuditEvent } from '../../src/domain/audit';
import { actionWords } from '../../src/domain/audit';
import {
  changedSince,
  completeProject,
  dsgActedSince,
  openMilestones,
  openMilestonesWords,
  reopenProject,
  undoWithdrawal,
  withdrawalOf,
} from '../../src/domain/guards';
import { emptyTriage, type Triage } from '../../src/domain/triage';
import { sampleMilestone } from '../support/sample-milestone';
import { sampleProject } from '../support/sample-project';
import { sampleRequest } from '../support/sample-request';

const TODAY = '2026-12-04';
const late = sampleMilestone({ title: 'Discovery', due: '2026-11-30' });
const soon = sampleMilestone({ title: 'Pilot', due: '2027-01-31' });
const later = sampleMilestone({ title: 'Go live', due: '2027-06-30' });
const done = sampleMilestone({ title: 'Kick-off', due: '2026-10-01', status: 'done', completedOn: '2026-10-01' });
const project = sampleProject('DP-2026-0011', { milestones: [done, late, soon, later] });
const inDelivery = sampleRequest({ reference: 'DP-2026-0011', status: 'in-delivery' });

const event = (at: string, action: string, before: unknown, after: unknown, actorName = 'Council Officer'): AuditEvent => ({
  at,
  actorId: '29:x',
  actorName,
  action,
  subjectType: 'request',
  subjectId: 'DP-2026-0011',
  outcome: 'done',
  before,
  after,
  detail: null,
});

describe('open milestones', () => {
  it('are the planned ones, late ones apart, in words', () => {
    const open = openMilestones(project, TODAY);
    expect(open.late).toEqual([late]);
    expect(open.planned).toEqual([soon, later]);
    expect(openMilestonesWords(open)).toBe('1 late and 2 planned milestones');
    expect(openMilestonesWords({ late: [], planned: [soon] })).toBe('1 planned milestone');
    expect(openMilestonesWords({ late: [late, soon], planned: [] })).toBe('2 late milestones');
    expect(openMilestonesWords({ late: [], planned: [] })).toBeNull();
  });
});

describe('completing a project', () => {
  it('asks what becomes of open milestones first', () => {
    expect(() => completeProject(inDelivery, project, { fate: null, dropReason: null }, TODAY)).toThrow(
      expect.objectContaining({ code: 'INVALID_FIELD', details: expect.objectContaining({ errors: { fate: 'Choose what becomes of the 1 late and 2 planned milestones.' } }) }),
    );
  });

  it.each([
    ['done', { status: 'done', completedOn: TODAY }, '3 open milestones marked done'],
    ['missed', { status: 'missed', completedOn: null }, '3 open milestones marked missed'],
  ] as const)('marks every open milestone %s', (fate, expected, detail) => {
    const result = completeProject(inDelivery, project, { fate, dropReason: null }, TODAY);
    expect(result.request.status).toBe('completed');
    expect(result.resolved.map((m) => m.title)).toEqual(['Discovery', 'Pilot', 'Go live']);
    for (const m of result.resolved) expect(m).toMatchObject(expected);
    expect(result.detail).toBe(detail);
  });

  it('drops them only with a reason, and keeps what was typed when refused', () => {
    expect(() => completeProject(inDelivery, project, { fate: 'dropped', dropReason: '   ' }, TODAY)).toThrow(
      expect.objectContaining({ details: { errors: { dropReason: 'Give the reason for dropping them: it is kept in the history.' }, values: { fate: 'dropped', dropReason: '   ' } } }),
    );
    expect(() => completeProject(inDelivery, project, { fate: 'dropped', dropReason: 'x'.repeat(501) }, TODAY)).toThrow(/open milestones/);
    const result = completeProject(inDelivery, project, { fate: 'dropped', dropReason: ' Budget moved to the new depot ' }, TODAY);
    for (const m of result.resolved) expect(m).toMatchObject({ status: 'dropped', dropReason: 'Budget moved to the new depot' });
    expect(result.detail).toBe('3 open milestones dropped: Budget moved to the new depot');
  });

  it('needs no answer when nothing is open, and refuses a project that is not in delivery', () => {
    const closed = sampleProject('DP-2026-0011', { milestones: [done] });
    expect(completeProject(inDelivery, closed, { fate: null, dropReason: null }, TODAY)).toMatchObject({ resolved: [], detail: null });
    expect(() => completeProject({ ...inDelivery, status: 'completed' }, closed, { fate: null, dropReason: null }, TODAY)).toThrow(
      'DP-2026-0011 is completed, so it cannot become completed.',
    );
  });
});

describe('reopening a project', () => {
  it('puts a completed project back into delivery, and nothing else', () => {
    expect(reopenProject({ ...inDelivery, status: 'completed' }).status).toBe('in-delivery');
    expect(() => reopenProject(inDelivery)).toThrow('DP-2026-0011 is in delivery, not completed, so there is nothing to reopen.');
  });
});

describe('undoing a withdrawal', () => {
  const withdrawnAt = '2026-12-01T10:00:00.000Z';
  const history = [
    event('2026-11-28T09:00:00.000Z', 'request.submit', null, { status: 'submitted' }),
    event(withdrawnAt, 'request.withdraw', { status: 'more-info-requested' }, { status: 'withdrawn' }),
  ];
  const withdrawn = { ...inDelivery, status: 'withdrawn' as const };
  const askedBefore: Triage = {
    ...emptyTriage('DP-2026-0011'),
    questions: [{ question: 'Which depots?', askedBy: 'DSG Chair', askedAt: '2026-11-29T10:00:00.000Z', answer: null, answeredAt: null }],
  };

  it('finds when it was withdrawn and from what', () => {
    expect(withdrawalOf(history)).toEqual({ at: withdrawnAt, from: 'more-info-requested' });
    expect(withdrawalOf(history.slice(0, 1))).toBeNull();
  });

  it('goes back to where it was while the DSG has not acted since (acting before does not count)', () => {
    expect(dsgActedSince(askedBefore, withdrawnAt)).toBeNull();
    expect(undoWithdrawal(withdrawn, withdrawalOf(history), askedBefore).status).toBe('more-info-requested');
  });

  it('is refused once the DSG has decided or asked since, saying what it did', () => {
    const merged: Triage = { ...askedBefore, lastDecision: { action: 'merge', by: 'DSG Chair', at: '2026-12-02T11:00:00.000Z', note: 'Duplicate of DP-2026-0003' } };
    expect(() => undoWithdrawal(withdrawn, withdrawalOf(history), merged)).toThrow(
      'The DSG has acted on DP-2026-0011 since you withdrew it (Merged by DSG Chair on 2 Dec 2026, 11:00), so the withdrawal can no longer be undone.',
    );
    const asked: Triage = { ...askedBefore, questions: [{ ...askedBefore.questions[0], askedAt: '2026-12-03T09:30:00.000Z' }] };
    expect(() => undoWithdrawal(withdrawn, withdrawalOf(history), asked)).toThrow(/\(Asked for more information by DSG Chair on 3 Dec 2026, 09:30\)/);
    expect(() => undoWithdrawal({ ...withdrawn, status: 'merged' }, withdrawalOf(history), null)).toThrow('DP-2026-0011 is merged now, so the withdrawal can no longer be undone.');
  });
});

describe('words', () => {
  it('say what changed since a card was sent', () => {
    const events = [event('2026-12-04T13:40:00.000Z', 'project.status', { status: 'in-delivery' }, { status: 'completed' }, 'Project Lead'), event('2026-12-01T09:00:00.000Z', 'milestone.add', null, null)];
    expect(changedSince('DP-2026-0011', events)).toBe('DP-2026-0011 changed since this card was sent: Completed by Project Lead on 4 Dec 2026, 13:40.');
    expect(changedSince('DP-2026-0011', [])).toBe('DP-2026-0011 changed since this card was sent.');
  });

  it('name the milestone in history', () => {
    expect(actionWords('milestone.done', { milestone: 'Go live', milestones: 3 })).toBe("Milestone 'Go live' marked done");
    expect(actionWords('milestone.move', { milestone: 'Pilot' })).toBe("Milestone 'Pilot' moved");
    expect([actionWords('risk.add'), actionWords('risk.edit')]).toEqual(['Risk or issue added', 'Risk or issue changed']);
    expect(actionWords('project.reopen', { status: 'in-delivery' })).toBe('Reopened');
    expect(actionWords('request.undo-withdraw', { status: 'submitted' })).toBe('Withdrawal undone');
  });
});
