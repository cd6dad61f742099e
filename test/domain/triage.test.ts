import { DomainError } from '../../src/domain/errors';
import { EMPTY_SETTINGS } from '../../src/domain/settings';
import { answered, approve, assertCurrent, decline, emptyTriage, merge, reprioritise } from '../../src/domain/triage';
import { sampleProject } from '../support/sample-project';
import { sampleRequest } from '../support/sample-request';

const NOW = '2026-11-27T10:30:00.000Z';
const code = (fn: () => unknown) => {
  try {
    fn();
  } catch (e) {
    return (e as DomainError).code;
  }
  return 'no error';
};

describe('triage decisions', () => {
  it('approves into a project led by the strand Digital Leader, with a DPIA if personal data', () => {
    const leader = { aadObjectId: 'l', name: 'Digital Leader (Learning)' };
    const request = sampleRequest({ strand: 'learning', personalData: true, annualBenefit: 5000 });
    const { request: r, project } = approve(request, { priority: 'high', isPriority: true, note: null }, { ...EMPTY_SETTINGS, leaders: { learning: leader } }, NOW);
    expect(r.status).toBe('approved');
    expect(r.version).toBe(request.version + 1);
    expect(project).toMatchObject({ digitalLeader: leader, dpia: 'not-started', plannedBenefits: { annualCash: 5000 }, approvedAt: NOW });
  });

  it('changes a project\'s priority, and says so when nothing would change', () => {
    const project = sampleProject('DP-2026-0001', { priority: 'medium', isPriority: false, version: 3 });
    expect(reprioritise(project, { priority: 'high', isPriority: true }, NOW)).toMatchObject({ priority: 'high', isPriority: true, version: 4, updatedAt: NOW });
    expect(() => reprioritise(project, { priority: 'medium', isPriority: false }, NOW)).toThrow('DP-2026-0001 already has this priority: nothing was changed.');
  });

  it('refuses to decide twice', () => {
    const declined = decline(sampleRequest(), NOW);
    expect(code(() => approve(declined, { priority: 'low', isPriority: false, note: null }, EMPTY_SETTINGS, NOW))).toBe('ILLEGAL_TRANSITION');
    expect(code(() => decline(declined, NOW))).toBe('ILLEGAL_TRANSITION');
  });

  it('refuses a stale card and says who decided when', () => {
    const request = sampleRequest({ version: 3 });
    const triage = { ...emptyTriage(request.reference), lastDecision: { action: 'decline' as const, by: 'DSG Chair', at: NOW, note: 'No budget' } };
    expect(() => assertCurrent(request, 3, triage)).not.toThrow();
    try {
      assertCurrent(request, 2, triage);
      throw new Error('expected a refusal');
    } catch (e) {
      expect(e).toBeInstanceOf(DomainError);
      expect((e as DomainError).code).toBe('REQUEST_ALREADY_DECIDED');
      expect((e as Error).message).toMatch(/already decided by DSG Chair at 27 Nov 2026, 10:30/);
    }
  });

  it('merges only into an open request or project, never itself', () => {
    const a = sampleRequest();
    const b = sampleRequest();
    expect(merge(a, b, NOW).status).toBe('merged');
    expect(code(() => merge(a, a, NOW))).toBe('INVALID_FIELD');
    expect(code(() => merge(a, { ...b, status: 'withdrawn' }, NOW))).toBe('INVALID_FIELD');
  });

  it('puts an answered request back under review', () => {
    expect(answered({ ...sampleRequest(), status: 'more-info-requested' }, NOW).status).toBe('under-review');
    expect(code(() => answered(sampleRequest(), NOW))).toBe('ILLEGAL_TRANSITION');
  });
});
