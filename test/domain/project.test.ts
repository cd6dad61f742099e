import { financialYearOf, type Project, whatIsMissing } from '../../src/domain/project';
import { newMilestones } from '../../src/domain/milestones';

const TODAY = '2026-11-27';
const person = { aadObjectId: 'x', name: 'X' };
const complete: Project = {
  reference: 'DP-2026-0001',
  priority: 'high',
  isPriority: true,
  digitalLeader: person,
  projectLead: person,
  projectManager: person,
  businessCase: { status: 'approved', link: 'https://sp/bc', date: '2026-10-01' },
  planLink: 'https://sp/plan',
  resourcing: { confirmed: true, note: null },
  dpia: 'completed',
  plannedBenefits: { annualCash: 1000, nonCash: null },
  realisedBenefits: [],
  milestones: [{ id: 'm1', title: 'Go live', due: '2027-01-14', status: 'planned', completedOn: null, revisions: [] }],
  measures: [],
  approvedAt: '2026-10-01T09:00:00.000Z',
  version: 1,
  updatedAt: '2026-10-01T09:00:00.000Z',
};

describe('what is missing', () => {
  it('is nothing for a complete project', () => expect(whatIsMissing(complete, TODAY)).toEqual([]));

  it('lists every gap of a bare priority project, people first', () => {
    const bare: Project = {
      ...complete,
      digitalLeader: null,
      projectLead: null,
      projectManager: null,
      businessCase: { status: 'not-started', link: null, date: null },
      planLink: null,
      resourcing: { confirmed: false, note: null },
      dpia: 'not-started',
      milestones: [],
    };
    expect(whatIsMissing(bare, TODAY)).toEqual(['digital-leader', 'project-lead', 'project-manager', 'business-case', 'implementation-plan', 'milestones', 'resourcing', 'dpia']);
  });

  it('asks for approval of a business case that exists but is not approved', () => {
    expect(whatIsMissing({ ...complete, businessCase: { status: 'drafting', link: 'https://sp/bc', date: null } }, TODAY)).toEqual(['business-case-approval']);
  });

  it('does not ask a non-priority project to confirm resourcing, nor for a DPIA without personal data', () => {
    expect(whatIsMissing({ ...complete, isPriority: false, resourcing: { confirmed: false, note: null }, dpia: null }, TODAY)).toEqual([]);
  });

  it('flags a planned milestone past its due date, but not a done one', () => {
    const late = { ...complete.milestones[0], due: '2026-11-26' };
    expect(whatIsMissing({ ...complete, milestones: [late] }, TODAY)).toEqual(['overdue-milestone']);
    expect(whatIsMissing({ ...complete, milestones: [{ ...late, status: 'done' }] }, TODAY)).toEqual([]);
    expect(whatIsMissing({ ...complete, milestones: [{ ...late, due: TODAY }] }, TODAY)).toEqual([]);
  });
});

describe('financial years run April to March', () => {
  it.each([
    ['2026-04-01', '2026/27'],
    ['2027-03-31', '2026/27'],
    ['2026-03-31', '2025/26'],
    ['2099-12-31', '2099/00'],
  ])('%s is in %s', (date, fy) => expect(financialYearOf(date)).toBe(fy));
});

describe('new milestones', () => {
  it('takes several rows at once and skips empty ones', () => {
    const r = newMilestones({ m1Title: 'Discovery', m1Due: '2027-01-14', m3Title: 'Go live', m3Due: '2027-06-30' }, TODAY);
    expect(r.ok && r.milestones.map((m) => m.title)).toEqual(['Discovery', 'Go live']);
  });

  it('refuses a past date, a half row and a bad date, by field', () => {
    const r = newMilestones({ m1Title: 'Past', m1Due: '2026-11-26', m2Title: 'No date', m3Due: '2027-02-30' }, TODAY);
    expect(!r.ok && r.errors).toEqual({
      m1Due: 'A new milestone cannot be due in the past.',
      m2Due: 'Give this milestone a due date.',
      m3Title: 'Give this milestone a title.',
      m3Due: 'Enter the due date as a date, like 2027-01-14.',
    });
  });

  it('needs at least one milestone', () => {
    expect(newMilestones({}, TODAY)).toEqual({ ok: false, errors: { m1Title: 'Add at least one milestone: a title and a due date.' } });
  });
});
