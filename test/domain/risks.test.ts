import {
  changedRisk,
  changeWords,
  HIGH_RISK_SCORE,
  isDueForReview,
  isHighRisk,
  newRisk,
  orderedLog,
  reviewedNoChange,
  riskIdOfKey,
  riskReviewReminders,
  riskScore,
  riskValues,
  type RiskEntry,
  staleRiskWords,
  topRisks,
  validateRisk,
} from '../../src/domain/risks';

const owner = { aadObjectId: 'aad-owner', name: 'Risk Owner' };
const TODAY = '2026-12-04';
const good = { riskKind: 'risk', riskDescription: 'Supplier may not deliver the booking module in time', riskLikelihood: '4', riskImpact: '5', riskOwner: 'aad-owner', riskMitigation: 'Weekly calls with the supplier', riskReviewDate: '2027-01-08' };

const entry = (overrides: Partial<RiskEntry> = {}): RiskEntry => ({
  ...newRisk('r1', 'DP-2026-0007', { kind: 'risk', description: 'Supplier late', likelihood: 4, impact: 5, ownerId: owner.aadObjectId, mitigation: '', reviewDate: '2027-01-08', status: 'open' }, owner, 'Project Lead', '2026-12-01T10:00:00.000Z'),
  ...overrides,
});

describe('risk score', () => {
  it('is likelihood × impact for a risk, and 5 × impact for an issue (it has happened)', () => {
    expect(riskScore({ kind: 'risk', likelihood: 4, impact: 5 })).toBe(20);
    expect(riskScore({ kind: 'risk', likelihood: 1, impact: 1 })).toBe(1);
    expect(riskScore({ kind: 'issue', likelihood: null, impact: 3 })).toBe(15);
    expect(riskScore({ kind: 'issue', likelihood: 2, impact: 2 })).toBe(10);
  });

  it('puts open entries scoring 15 or more on the agenda, closed ones never', () => {
    expect(HIGH_RISK_SCORE).toBe(15);
    expect(isHighRisk(entry({ likelihood: 3, impact: 5 }))).toBe(true);
    expect(isHighRisk(entry({ likelihood: 2, impact: 5 }))).toBe(false);
    expect(isHighRisk(entry({ likelihood: 5, impact: 5, status: 'closed' }))).toBe(false);
  });

  it('orders the log: open first, highest score, earliest review; closed last', () => {
    const log = orderedLog([
      entry({ id: 'closed', status: 'closed', likelihood: 5, impact: 5 }),
      entry({ id: 'low', likelihood: 1, impact: 2 }),
      entry({ id: 'high-late', likelihood: 5, impact: 4, reviewDate: '2027-02-01' }),
      entry({ id: 'high-soon', likelihood: 4, impact: 5, reviewDate: '2027-01-01' }),
    ]);
    expect(log.map((e) => e.id)).toEqual(['high-soon', 'high-late', 'low', 'closed']);
  });
});

describe('validateRisk', () => {
  it('accepts a good risk', () => {
    const result = validateRisk(good, TODAY);
    expect(result).toEqual({ ok: true, details: { kind: 'risk', description: good.riskDescription, likelihood: 4, impact: 5, ownerId: 'aad-owner', mitigation: good.riskMitigation, reviewDate: '2027-01-08', status: 'open' } });
  });

  it.each(['0', '6', '2.5', 'high', '-1', '55'])('refuses a likelihood of %s', (likelihood) => {
    const result = validateRisk({ ...good, riskLikelihood: likelihood }, TODAY);
    expect(result).toEqual({ ok: false, errors: { riskLikelihood: 'Likelihood is a whole number from 1 (rare) to 5 (almost certain).' } });
  });

  it.each(['0', '6', ''])('refuses an impact of "%s"', (impact) => {
    const result = validateRisk({ ...good, riskImpact: impact }, TODAY);
    expect(result.ok).toBe(false);
    expect(!result.ok && result.errors.riskImpact).toMatch(/impact/i);
  });

  it('takes no likelihood for an issue, and names every problem at once', () => {
    const issue = validateRisk({ ...good, riskKind: 'issue', riskLikelihood: '9' }, TODAY);
    expect(issue.ok && issue.details.likelihood).toBeNull();
    const bad = validateRisk({ riskKind: 'threat', riskReviewDate: '2026-12-01' }, TODAY);
    expect(!bad.ok && Object.keys(bad.errors).sort()).toEqual(['riskDescription', 'riskImpact', 'riskKind', 'riskLikelihood', 'riskOwner', 'riskReviewDate']);
    expect(!bad.ok && bad.errors.riskReviewDate).toBe('The review date cannot be in the past.');
  });

  it('lets an edit keep a review date already past, but not move it to another past date', () => {
    expect(validateRisk({ ...good, riskReviewDate: '2026-11-01' }, TODAY, '2026-11-01').ok).toBe(true);
    expect(validateRisk({ ...good, riskReviewDate: '2026-11-02' }, TODAY, '2026-11-01').ok).toBe(false);
  });

  it('round-trips an entry through the form values', () => {
    const e = entry({ mitigation: 'Call weekly' });
    const result = validateRisk(riskValues(e), TODAY);
    expect(result.ok && result.details).toMatchObject({ kind: 'risk', likelihood: 4, impact: 5, mitigation: 'Call weekly', reviewDate: e.reviewDate });
  });
});

describe('changes', () => {
  it('says what changed, and keeps it as the last change with who and when', () => {
    const before = entry();
    const after = changedRisk(before, { ...before, likelihood: 3, reviewDate: '2027-02-01', status: 'closed' }, 'Risk Owner', '2026-12-04T09:00:00.000Z');
    expect(after.version).toBe(2);
    expect(after.lastChange).toEqual({ what: 'likelihood 4 → 3, review date 1 Feb 2027, closed', by: 'Risk Owner', at: '2026-12-04T09:00:00.000Z' });
    expect(changeWords(before, { ...before, kind: 'issue', likelihood: null })).toBe('now an issue');
    expect(staleRiskWords(after, () => '4 Dec 2026, 09:00')).toBe(
      'This risk was changed since you opened it: likelihood 4 → 3, review date 1 Feb 2027, closed, by Risk Owner on 4 Dec 2026, 09:00. Nothing was saved; here it is as it is now.',
    );
  });

  it('"Reviewed, no change" sets the next review four weeks on', () => {
    const after = reviewedNoChange(entry({ reviewDate: '2026-12-01' }), 'Risk Owner', '2026-12-04T09:00:00.000Z', TODAY);
    expect(after.reviewDate).toBe('2027-01-01');
    expect(after.lastChange?.what).toBe('reviewed with no change; next review 1 Jan 2027');
  });
});

describe('review reminders', () => {
  const titles = new Map([['DP-2026-0007', 'Online bookings']]);

  it('asks the owner of each open entry past its review date, for live projects only', () => {
    const due = entry({ id: 'due', reviewDate: '2026-12-03' });
    const items = riskReviewReminders(
      [due, entry({ id: 'today', reviewDate: TODAY }), entry({ id: 'closed', reviewDate: '2026-11-01', status: 'closed' }), entry({ id: 'other', reference: 'DP-2026-0099', reviewDate: '2026-11-01' })],
      titles,
      TODAY,
    );
    expect(items).toEqual([
      {
        key: 'DP-2026-0007:risk-review:due',
        reference: 'DP-2026-0007',
        projectTitle: 'Online bookings',
        kind: 'risk-review',
        milestoneId: null,
        recipient: owner,
        fingerprint: '2026-12-03|1',
        what: 'Review the risk "Supplier late": score 20 (likelihood 4 × impact 5), review date 3 Dec 2026.',
        why: expect.stringContaining('review date has passed'),
      },
    ]);
    expect(riskIdOfKey(items[0].key)).toBe('due');
    expect(riskIdOfKey('DP-2026-0007:milestone-overdue:m1')).toBeNull();
    expect(isDueForReview(due, TODAY)).toBe(true);
  });

  it('reminds no one about an entry whose owner was erased', () => {
    expect(riskReviewReminders([entry({ reviewDate: '2026-11-01', owner: { aadObjectId: '', name: 'Former owner' } })], titles, TODAY)).toEqual([]);
  });
});

describe('top risks for the assurance report', () => {
  it('lists the open entries of live projects, highest score first, with their project, score and owner', () => {
    const titles = new Map([['DP-2026-0007', 'Online bookings']]);
    const top = topRisks(
      [entry({ id: 'low', likelihood: 1, impact: 3, description: 'Low' }), entry({ id: 'high', description: 'High' }), entry({ id: 'closed', status: 'closed' }), entry({ id: 'elsewhere', reference: 'DP-2026-0099' })],
      titles,
    );
    expect(top).toEqual([
      { reference: 'DP-2026-0007', title: 'Online bookings', description: 'High', score: 20, owner: 'Risk Owner' },
      { reference: 'DP-2026-0007', title: 'Online bookings', description: 'Low', score: 3, owner: 'Risk Owner' },
    ]);
  });
});
