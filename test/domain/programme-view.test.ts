import { healthRules } from '../support/health-rules';
import type { ProgrammeItem } from '../../src/domain/programme-view-types';
import { openMeasure, openProgramme, openSolution } from '../../src/domain/open-data';
import { catalogueEntry, measureView, programmeItem, projectDetail } from '../../src/domain/programme-view';
import { personalRecord } from '../support/personal-record';
import { sampleMeasure } from '../support/sample-measure';
import { sampleMilestone } from '../support/sample-milestone';
import { sampleSolution } from '../support/sample-solution';

const TODAY = '2027-03-01';
const history = [{ at: '2026-10-01T09:00:00.000Z', what: 'Approved' }];
const RULES = healthRules();

describe('programmeItem', () => {
  it('gives the public exactly the open-data fields, with ids, counts and what is missing', () => {
    const record = personalRecord('DP-2026-0001', 'in-delivery');
    expect(programmeItem(record, TODAY, 'public', RULES)).toEqual<ProgrammeItem>({
      reference: 'DP-2026-0001',
      title: 'Online booking DP-2026-0001',
      strandId: 'customers',
      strand: 'Digital Customers',
      principleIds: ['customer-focused', 'privacy-openness'],
      principles: ['Customer/Citizen Focused', 'Privacy and Openness'],
      statusId: 'in-delivery',
      status: 'In delivery',
      priorityId: 'high',
      priority: 'High',
      isPriority: true,
      missing: ['Data protection impact assessment', 'Late milestone'],
      milestoneCount: 2,
      overdueMilestones: 1,
      nextDue: '2027-06-30',
      plannedAnnualCashSaving: 12000,
      realisedThisYear: 1000,
      approvedOn: '2026-10-01',
      stage: null,
      health: {
        shown: 'amber',
        label: 'Amber',
        stale: false,
        setOn: '2027-02-20',
        aspects: [
          { aspect: 'Overall', rag: 'amber' },
          { aspect: 'Time', rag: 'red' },
          { aspect: 'Cost', rag: 'green' },
          { aspect: 'Scope', rag: 'green' },
        ],
      },
    });
    // The same labels as open data publishes, from the same function.
    const [open] = openProgramme([record]);
    const item = programmeItem(record, TODAY, 'public', RULES);
    expect([item.strand, item.principles, item.status, item.priority, item.approvedOn]).toEqual([open.strand, open.principles, open.status, open.priority, open.approvedOn]);
  });

  it('adds the owners’ names, and only their names, for a signed-in viewer', () => {
    const item = programmeItem(personalRecord('DP-2026-0001', 'approved', { projectManager: null }), TODAY, 'signed-in', RULES);
    expect(item.owners).toEqual({ digitalLeader: 'PERSONAL-name-leader', projectLead: 'PERSONAL-name-lead', projectManager: null });
    expect(JSON.stringify(item)).not.toContain('PERSONAL-aad');
  });

  it('counts this financial year’s savings and the next milestone not yet due', () => {
    const record = personalRecord('DP-2026-0001', 'completed', {
      milestones: [
        sampleMilestone({ due: '2027-02-01', status: 'done', completedOn: '2027-02-01' }),
        sampleMilestone({ due: '2027-04-10' }),
        sampleMilestone({ due: '2027-03-01' }),
      ],
    });
    expect(programmeItem(record, TODAY, 'public', RULES)).toMatchObject({ nextDue: '2027-03-01', overdueMilestones: 0, milestoneCount: 3 });
    expect(programmeItem(record, '2027-04-01', 'public', RULES)).toMatchObject({ realisedThisYear: 5000, nextDue: '2027-04-10', overdueMilestones: 1 });
    expect(programmeItem(personalRecord('DP-2026-0002', 'approved', { milestones: [], realisedBenefits: [] }), TODAY, 'public', RULES)).toMatchObject({ nextDue: null, realisedThisYear: 0 });
  });

  it('gives the health status, defined once: reasons and who set it only signed in; grey once stale; none outside delivery', () => {
    const record = personalRecord('DP-2026-0001', 'in-delivery');
    expect(programmeItem(record, TODAY, 'signed-in', RULES).health).toMatchObject({
      aspects: expect.arrayContaining([{ aspect: 'Time', rag: 'red', reason: 'PERSONAL-health-reason-time' }]),
      setBy: 'PERSONAL-health-setBy',
    });
    // Set 20 Feb, due 20 Mar; 5 working days on is 27 Mar.
    expect(programmeItem(record, '2027-03-29', 'public', RULES).health).toMatchObject({ shown: 'grey', label: 'Not updated since 20 Feb 2027', stale: true });
    expect(programmeItem(personalRecord('DP-2026-0001', 'approved'), TODAY, 'public', RULES).health).toBeNull();
  });

  it('refuses a record that is not in the published programme', () => {
    expect(() => programmeItem(personalRecord('DP-2026-0001', 'declined'), TODAY, 'public', RULES)).toThrow(/not in the published programme/);
  });
});

describe('projectDetail', () => {
  it('shows the public no person, id, link, note or free text from a fully populated record', () => {
    for (const status of ['approved', 'in-delivery', 'completed'] as const) {
      const detail = projectDetail(personalRecord('DP-2026-0001', status), TODAY, 'public', history, RULES);
      const text = JSON.stringify(detail);
      expect(text).not.toContain('PERSONAL');
      expect(text).not.toContain('https://');
      expect(text).not.toContain('Mrs Smith');
      expect(detail.owners).toBeUndefined();
      expect(detail.businessCase).toEqual({ status: 'Approved', date: '2026-10-02' });
      expect(detail.plan).toEqual({ present: true });
      expect(detail.resourcing).toEqual({ confirmed: true });
    }
  });

  it('gives milestones in date order with overdue marked, savings by year, the DPIA and the history given', () => {
    const detail = projectDetail(personalRecord('DP-2026-0001', 'approved'), TODAY, 'public', history, RULES);
    expect(detail.milestones).toEqual([
      { title: 'Discovery', due: '2027-01-14', status: 'planned', overdue: true, completedOn: null },
      { title: 'Go live', due: '2027-06-30', status: 'planned', overdue: false, completedOn: null },
    ]);
    expect(detail.realisedSavings).toEqual([
      { financialYear: '2026/27', cashSaving: 1000 },
      { financialYear: '2027/28', cashSaving: 5000 },
    ]);
    expect(detail.dpia).toBe('In progress');
    expect(detail.history).toBe(history);
    expect(projectDetail(personalRecord('DP-2026-0001', 'approved', { dpia: null }), TODAY, 'public', [], RULES).dpia).toBeNull();
  });

  it('adds the links, the resourcing note and the owners for a signed-in viewer, never an AAD id', () => {
    const detail = projectDetail(personalRecord('DP-2026-0001', 'approved'), TODAY, 'signed-in', history, RULES);
    expect(detail.businessCase).toEqual({ status: 'Approved', date: '2026-10-02', link: 'https://PERSONAL-link-business-case' });
    expect(detail.plan).toEqual({ present: true, link: 'https://PERSONAL-link-plan' });
    expect(detail.resourcing).toEqual({ confirmed: true, note: 'PERSONAL-resourcing-note' });
    expect(detail.owners?.projectLead).toBe('PERSONAL-name-lead');
    const text = JSON.stringify(detail);
    for (const never of ['PERSONAL-aad', 'PERSONAL-requesterId', 'PERSONAL-problem', 'PERSONAL-nonCash', 'PERSONAL-benefit-note', 'PERSONAL-revision']) expect(text).not.toContain(never);
    const bare = projectDetail(personalRecord('DP-2026-0001', 'approved', { planLink: null, resourcing: { confirmed: false, note: null } }), TODAY, 'signed-in', [], RULES);
    expect(bare.plan).toEqual({ present: false, link: null });
    expect(bare.resourcing).toEqual({ confirmed: false, note: null });
  });
});

describe('measureView', () => {
  const figure = (period: string, value: number) => ({ period, value, recordedAt: '2026-10-03T09:00:00.000Z', recordedBy: 'PERSONAL-recordedBy' });

  it('is open data’s measure with on track or off track, the latest figure against the path, and the trend', () => {
    // 40% on 1 Apr 2026 to 80% on 31 Mar 2027: on 30 Sep 2026, the end of Q2, the path expects 60%.
    const off = measureView(sampleMeasure({ figures: [figure('2026-Q1', 52), figure('2026-Q2', 55)] }));
    expect(off).toMatchObject({ ...openMeasure(sampleMeasure({ figures: [figure('2026-Q1', 52), figure('2026-Q2', 55)] })), track: 'off-track', status: 'Off track', met: false });
    expect(off.latest).toEqual({ period: '2026-Q2', label: 'Q2 2026/27 (Jul–Sep 2026)', value: 55, date: '2026-09-30', expected: 60 });
    expect(off.trend.map((p) => [p.label, p.date, p.actual, p.expected])).toEqual([
      ['Baseline', '2026-04-01', 40, 40],
      ['Q1 2026/27 (Apr–Jun 2026)', '2026-06-30', 52, 40 + (40 * 90) / 364],
      ['Q2 2026/27 (Jul–Sep 2026)', '2026-09-30', 55, 60],
      ['Target', '2027-03-31', null, 80],
    ]);
    expect(JSON.stringify(off)).not.toContain('PERSONAL');

    expect(measureView(sampleMeasure({ figures: [figure('2026-Q2', 60)] }))).toMatchObject({ track: 'on-track', status: 'On track', met: false });
    expect(measureView(sampleMeasure({ figures: [figure('2026-Q3', 81)] }))).toMatchObject({ track: 'on-track', met: true });
    expect(measureView(sampleMeasure({ direction: 'lower', baseline: { value: 80, date: '2026-04-01' }, target: { value: 40, date: '2027-03-31' }, figures: [figure('2026-Q2', 61)] }))).toMatchObject({ track: 'off-track' });
  });

  it('has neither status nor latest figure before any figure is recorded, and the path from baseline to target', () => {
    const none = measureView(sampleMeasure());
    expect(none).toMatchObject({ track: 'no-figures', status: 'No figures yet', latest: null, met: false });
    expect(none.trend.map((p) => [p.label, p.actual, p.expected])).toEqual([
      ['Baseline', 40, 40],
      ['Target', null, 80],
    ]);
  });

  it('is on every project’s page, public or signed in', () => {
    const record = personalRecord('DP-2026-0001', 'in-delivery');
    for (const audience of ['public', 'signed-in'] as const) {
      expect(projectDetail(record, TODAY, audience, [], RULES).measures).toEqual(record.project.measures.map(measureView));
    }
  });
});

describe('catalogueEntry', () => {
  it('is open data’s entry with its strands’ ids and its contract’s state on the day', () => {
    const solution = sampleSolution({ strands: ['customers', 'estates'], contractEnds: '2027-03-31' });
    expect(catalogueEntry(solution, '2026-09-30')).toEqual({ ...openSolution(solution, '2026-09-30'), strandIds: ['customers', 'estates'], contract: 'running' });
    expect(catalogueEntry(solution, '2026-10-01')).toMatchObject({ contract: 'ending', contractStatus: 'Contract ends within 6 months' });
    expect(catalogueEntry(solution, '2027-03-31')).toMatchObject({ contract: 'ended', contractStatus: 'Contract ended' });
    expect(catalogueEntry(sampleSolution({ contractEnds: null }), '2027-03-31')).toMatchObject({ contract: 'none', contractEnds: null });
    expect(catalogueEntry(sampleSolution({ retired: true }), '2026-09-30').retired).toBe(true);
  });
});
