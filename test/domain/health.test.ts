import { healthRules } from '../support/health-rules';
import {
  HEALTH_DEFINITION,
  type HealthRatings,
  type HealthUpdate,
  healthAsked,
  healthChange,
  healthOf,
  healthValues,
  nextDue,
  turnedRed,
  validateHealth,
} from '../../src/domain/health';
import { turnedRedNotice } from '../../src/domain/notices';
import { candidateReminders, DEFAULT_THRESHOLDS } from '../../src/domain/reminders';
import { sampleProject } from '../support/sample-project';
import { sampleRequest } from '../support/sample-request';

const green = (reason: string | null = null) => ({ rag: 'green' as const, reason });
const ratings = (overrides: Partial<HealthRatings> = {}): HealthRatings => ({ overall: green(), time: green(), cost: green(), scope: green(), ...overrides });
const update = (setAt: string, overrides: Partial<HealthUpdate> = {}): HealthUpdate => ({ version: 1, ratings: ratings(), setAt, setBy: 'Project Lead', confirmed: false, ...overrides });
// 25 and 26 December 2026 are bank holidays (Friday and Saturday; the Monday after is one too).
const rules = healthRules('monthly', ['2026-12-25', '2026-12-28', '2027-01-01', '2027-01-04']);

describe('the health status, defined once', () => {
  it('is only for projects in delivery', () => {
    for (const status of ['approved', 'completed', 'submitted'] as const) expect(healthOf(status, update('2026-11-02T10:00:00Z'), '2026-11-20', rules)).toBeNull();
    expect(healthOf('in-delivery', undefined, '2026-11-20', rules)).toMatchObject({ shown: 'none', label: 'No status yet', latest: null, stale: false, due: '2026-11-20' });
  });

  it('shows the overall colour until the rhythm plus 5 working days have passed, then grey "not updated since"', () => {
    const amber = update('2026-11-02T10:00:00Z', { ratings: ratings({ overall: { rag: 'amber', reason: 'Supplier late' } }) });
    // Due a month on, 2 December (Wednesday); 5 working days later is 9 December.
    expect(healthOf('in-delivery', amber, '2026-12-09', rules)).toMatchObject({ shown: 'amber', label: 'Amber', stale: false, due: '2026-12-02', staleAfter: '2026-12-09' });
    expect(healthOf('in-delivery', amber, '2026-12-10', rules)).toMatchObject({ shown: 'grey', label: 'Not updated since 2 Nov 2026', stale: true });
  });

  it('counts working days past weekends and bank holidays, and the London date it was set on', () => {
    // Set 23:30 GMT on 23 Nov: 23 Nov in London. Due 23 Dec (Wed); 24 Dec, then 29, 30, 31 Dec and 5 Jan are the 5 working days.
    const set = update('2026-11-23T23:30:00Z');
    expect(healthOf('in-delivery', set, '2027-01-05', rules)).toMatchObject({ shown: 'green', staleAfter: '2027-01-05' });
    expect(healthOf('in-delivery', set, '2027-01-06', rules)).toMatchObject({ shown: 'grey', label: 'Not updated since 23 Nov 2026' });
    // British Summer Time: 23:30 UTC on 30 June is 1 July in London.
    expect(healthOf('in-delivery', update('2026-06-30T23:30:00Z'), '2026-07-02', rules)?.due).toBe('2026-08-01');
  });

  it('follows the configured rhythm, the month’s last day when a month is shorter', () => {
    expect(nextDue('2027-01-31', 'monthly')).toBe('2027-02-28');
    expect(nextDue('2026-11-30', 'quarterly')).toBe('2027-02-28');
    expect(nextDue('2026-12-15', 'monthly')).toBe('2027-01-15');
    expect(nextDue('2026-12-01', 'weekly')).toBe('2026-12-08');
    expect(nextDue('2026-12-01', 'fortnightly')).toBe('2026-12-15');
    expect(HEALTH_DEFINITION('fortnightly')).toContain('every fortnight');
    expect(HEALTH_DEFINITION('monthly')).toContain('every month; one not updated within that and 5 more working days shows grey');
  });
});

describe('setting it', () => {
  const form = { ragOverall: 'red', ragOverallReason: 'Supplier gone into administration', ragTime: 'amber', ragTimeReason: ' Two weeks late ', ragCost: 'green', ragCostReason: '', ragScope: 'green' };

  it('takes a status for each of overall, time, cost and scope, a reason kept trimmed', () => {
    expect(validateHealth(form)).toEqual({
      ok: true,
      ratings: { overall: { rag: 'red', reason: 'Supplier gone into administration' }, time: { rag: 'amber', reason: 'Two weeks late' }, cost: green(), scope: green() },
    });
  });

  it('names a problem under each input: a missing status, amber or red without a reason, a reason too long', () => {
    expect(validateHealth({ ...form, ragOverallReason: '  ', ragTime: 'amber', ragTimeReason: '', ragCost: 'purple', ragScopeReason: 'x'.repeat(1001) })).toEqual({
      ok: false,
      errors: {
        ragOverallReason: 'Say why the overall status is red: a reason is required for amber and red.',
        ragTimeReason: 'Say why time is amber: a reason is required for amber and red.',
        ragCost: 'Choose green, amber or red for cost.',
        ragScopeReason: 'Keep the reason to 1000 characters or fewer.',
      },
    });
  });

  it('fills the form from the statuses as they are, and round-trips', () => {
    const now = ratings({ cost: { rag: 'amber', reason: 'Licence price up' } });
    expect(validateHealth(healthValues(now))).toEqual({ ok: true, ratings: now });
    expect(healthValues(null)).toEqual({});
  });

  it('knows which aspects turned red, and says what changed for a card out of date', () => {
    const red = { rag: 'red' as const, reason: 'No supplier' };
    expect(turnedRed(null, ratings({ overall: red }))).toEqual(['overall']);
    expect(turnedRed(ratings({ overall: red }), ratings({ overall: red, cost: red }))).toEqual(['cost']);
    expect(turnedRed(ratings({ overall: red }), ratings({ overall: red }))).toEqual([]);
    expect(healthChange(update('2026-12-01T10:00:00Z', { setBy: 'Project Manager', ratings: ratings({ overall: red }) }))).toBe(
      'Project Manager set the status on 1 Dec 2026: Overall red (No supplier), time green, cost green, scope green.',
    );
  });

  it('words the Digital Leader’s alert with each red reason', () => {
    const red = { rag: 'red' as const, reason: 'No supplier' };
    expect(turnedRedNotice({ reference: 'DP-2026-0007', title: 'Book a hall' }, ['overall', 'cost'], ratings({ overall: red, cost: { rag: 'red', reason: 'Over budget' } }), 'Project Lead')).toEqual({
      title: 'Red: DP-2026-0007',
      lines: ['Project Lead set the health status of "Book a hall" to red (overall, cost).', 'Overall: No supplier', 'Cost: Over budget'],
      open: { opens: 'project', reference: 'DP-2026-0007', title: 'Open project' },
      alert: 'health',
    });
  });
});

describe('asking for it on the rhythm', () => {
  const lead = { aadObjectId: 'aad-lead', name: 'Project Lead' };
  const manager = { aadObjectId: 'aad-pm', name: 'Project Manager' };
  const facts = (status: 'approved' | 'in-delivery', health?: HealthUpdate) => {
    const request = sampleRequest({ status });
    const project = sampleProject(request.reference, {
      projectLead: lead,
      projectManager: manager,
      businessCase: { status: 'approved', link: 'https://sp/bc', date: null },
      planLink: 'https://sp/plan',
      resourcing: { confirmed: true, note: null },
      dpia: null,
      milestones: [{ id: 'm1', title: 'Go live', due: '2027-06-30', status: 'planned', completedOn: null, revisions: [] }],
      approvedAt: '2026-06-01T10:00:00.000Z',
      ...(health && { health }),
    });
    return { request, project };
  };
  const asked = (f: ReturnType<typeof facts>, today: string, rhythm = DEFAULT_THRESHOLDS.healthRhythm) =>
    candidateReminders([f], [], today, () => 0, { ...DEFAULT_THRESHOLDS, healthRhythm: rhythm }).filter((i) => i.kind === 'health');

  it('asks the lead and the manager of a project in delivery with no status, and never one only approved', () => {
    const items = asked(facts('in-delivery'), '2026-12-01');
    expect(items.map((i) => i.recipient.name)).toEqual(['Project Lead', 'Project Manager']);
    expect(items[0]).toMatchObject({ key: `${items[0].reference}:health`, fingerprint: '0', health: { version: 0, current: null }, what: 'Set its health status: overall, time, cost and scope, green, amber or red.' });
    expect(asked(facts('approved'), '2026-12-01')).toEqual([]);
  });

  it('asks again once the rhythm has come round, with the status as it is for "Still green?"', () => {
    const set = update('2026-11-02T10:00:00Z', { version: 3 });
    expect(asked(facts('in-delivery', set), '2026-12-01')).toEqual([]);
    const items = asked(facts('in-delivery', set), '2026-12-02');
    expect(items[0]).toMatchObject({ fingerprint: '3', health: { version: 3, current: set.ratings }, what: 'Update its health status, last set on 2 Nov 2026: Overall green, time green, cost green, scope green.' });
    expect(asked(facts('in-delivery', set), '2026-11-09', 'weekly')).toHaveLength(2);
    expect(healthAsked(set, '2026-11-20', 'fortnightly')).not.toBeNull();
  });
});
