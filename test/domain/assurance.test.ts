import { assuranceReport, type AssuranceInput, parseQuarter, previousQuarter, quarterOf, type ReportSection } from '../../src/domain/assurance';
import type { HealthUpdate, Rag } from '../../src/domain/health';
import type { MeetingAction } from '../../src/domain/meetings';
import type { ProgrammeRecord } from '../../src/domain/open-data';
import type { RequestStatus } from '../../src/domain/request';
import { healthRules } from '../support/health-rules';
import { sampleProject } from '../support/sample-project';
import { sampleRequest } from '../support/sample-request';

describe('quarters', () => {
  it('reads a quarter as people write it, and nothing else', () => {
    expect(parseQuarter('2026 Q3')).toEqual({ name: '2026 Q3', first: '2026-07-01', last: '2026-09-30' });
    expect(parseQuarter('q4 2026')).toEqual({ name: '2026 Q4', first: '2026-10-01', last: '2026-12-31' });
    expect(parseQuarter('2027-q1')?.name).toBe('2027 Q1');
    for (const bad of ['2026 Q5', '2026', 'Q3', 'last quarter', '1999 Q1']) expect(parseQuarter(bad)).toBeNull();
  });

  it('finds the quarter of a date and the one before', () => {
    expect(quarterOf('2026-12-04').name).toBe('2026 Q4');
    expect(previousQuarter(quarterOf('2026-01-15')).name).toBe('2025 Q4');
  });
});

const rated = (rag: Rag, setAt: string, reason: string | null = rag === 'green' ? null : 'Supplier late'): HealthUpdate => ({
  version: 1,
  ratings: { overall: { rag, reason }, time: { rag, reason }, cost: { rag: 'green', reason: null }, scope: { rag: 'green', reason: null } },
  setAt,
  setBy: 'Project Lead (Learning) 2',
  confirmed: false,
});

let n = 0;
function record(status: RequestStatus, strand: string, health?: HealthUpdate, overrides: Partial<ReturnType<typeof sampleProject>> = {}): ProgrammeRecord {
  n += 1;
  const request = sampleRequest({ reference: `DP-2026-${String(n).padStart(4, '0')}`, title: `Project ${n}`, status, strand: strand as never });
  return { request, project: sampleProject(request.reference, { ...overrides, ...(health && { health }) }) };
}

const section = (sections: ReportSection[], key: ReportSection['key']) => sections.find((s) => s.key === key)!;

describe('assuranceReport', () => {
  const quarter = parseQuarter('2026 Q4')!;
  const red = record('in-delivery', 'learning', rated('red', '2026-11-20T09:00:00Z'));
  const amber = record('in-delivery', 'customers', rated('amber', '2026-11-25T09:00:00Z'));
  const green = record('in-delivery', 'customers', rated('green', '2026-11-28T09:00:00Z'), { projectLead: { aadObjectId: 'a', name: 'L' }, projectManager: { aadObjectId: 'b', name: 'M' }, planLink: 'https://plan', resourcing: { confirmed: true, note: null } });
  const stale = record('in-delivery', 'learning', rated('green', '2026-08-01T09:00:00Z'));
  const approved = record('approved', 'estates');
  const declined = record('declined', 'estates');
  const action: MeetingAction = { id: 'a1', meetingId: 'm1', itemId: 'i1', reference: red.request.reference, what: 'Agree the supplier recovery plan', owner: { aadObjectId: 'x', name: 'Digital Leader (Learning)' }, due: '2026-11-30', createdAt: '', createdBy: '', doneAt: null, doneBy: null };
  const input: AssuranceInput = {
    quarter,
    today: '2026-12-04',
    programme: [red, amber, green, stale, approved, declined],
    health: healthRules(),
    // At the last report the red one was green and the amber one amber.
    healthBefore: new Map([
      [red.request.reference, rated('green', '2026-09-20T09:00:00Z')],
      [amber.request.reference, rated('amber', '2026-09-25T09:00:00Z')],
    ]),
    openActions: [action, { ...action, id: 'a2', due: '2027-01-10' }, { ...action, id: 'a3', doneAt: '2026-11-29T10:00:00Z' }],
    topRisks: [{ reference: red.request.reference, title: 'Project 1', description: 'The supplier may fold', score: 20, owner: 'Project Lead (Learning) 2' }],
  };
  const report = assuranceReport(input);

  it('is as at today while the quarter runs, over the published programme only', () => {
    expect(report.asAt).toBe('2026-12-04');
    expect(report.projects).toBe(5);
    expect(section(report.sections, 'programme').words).toBe('The Digital Programme holds 5 projects across 3 strands; Digital Customers has the most (2).');
  });

  it('counts health now and at the last report, by the one definition (stale is grey), and the movement', () => {
    const health = section(report.sections, 'health');
    expect(health.chart).toEqual([
      { label: 'Red', value: 1 },
      { label: 'Amber', value: 1 },
      { label: 'Green', value: 1 },
      { label: 'Not updated', value: 1 },
      { label: 'No status yet', value: 0 },
    ]);
    expect(health.words).toBe('Of 4 projects in delivery, 1 red, 1 amber, 1 green and 1 not updated. At the last report: 1 amber, 1 green and 2 no status yet. Since then 1 project improved and 1 got worse.');
  });

  it('lists red, then amber projects with the reasons given, and the top risks', () => {
    expect(section(report.sections, 'concerns').items.map((i) => [i.reference, i.detail])).toEqual([
      [red.request.reference, 'Red. Overall red: Supplier late; Time red: Supplier late'],
      [amber.request.reference, 'Amber. Overall amber: Supplier late; Time amber: Supplier late'],
    ]);
    expect(section(report.sections, 'risks').words).toBe('1 open risk or issue scores 15 or more out of 25; the highest scores 20.');
  });

  it('counts only actions open and past due as overdue', () => {
    const overdue = section(report.sections, 'overdue');
    expect(overdue.items).toEqual([{ reference: red.request.reference, title: 'Agree the supplier recovery plan', detail: 'Action for Digital Leader (Learning), due 30 Nov 2026' }]);
    expect(overdue.words).toBe('0 gate conditions and 1 meeting action overdue on 4 Dec 2026.');
  });

  it('says what each project still lacks of what the strategy asks', () => {
    const missing = section(report.sections, 'missing');
    expect(missing.items.map((i) => i.reference)).not.toContain(green.request.reference);
    expect(missing.items.find((i) => i.reference === approved.request.reference)?.detail).toBe('Missing: Project Lead, Project Manager, Implementation plan, Confirmed resourcing');
  });

  it('reports a quarter already over as it ended: a status set since does not rewrite it', () => {
    const q3 = assuranceReport({
      ...input,
      quarter: parseQuarter('2026 Q3')!,
      healthBefore: new Map(),
      // At the end of September the now-red project was still green; the others had no status yet.
      healthAtEnd: new Map([[red.request.reference, rated('green', '2026-09-20T09:00:00Z')]]),
    });
    expect(q3.asAt).toBe('2026-09-30');
    expect(section(q3.sections, 'health').chart.slice(0, 3)).toEqual([
      { label: 'Red', value: 0 },
      { label: 'Amber', value: 0 },
      { label: 'Green', value: 1 },
    ]);
    expect(section(q3.sections, 'concerns').items).toEqual([]);
  });

  it('has a chart and its numbers in words in every section', () => {
    for (const s of report.sections) {
      expect(s.heading).not.toBe('');
      expect(s.words).toMatch(/\.$/);
      expect(Array.isArray(s.chart)).toBe(true);
    }
  });
});
