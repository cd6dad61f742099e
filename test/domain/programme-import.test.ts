import { checkShape, type ImportContext, planImport } from '../../src/domain/programme-import';
import { type CellValue, columnLetter, readDate, readPounds, readText, templateSheets, textCell } from '../../src/domain/programme-workbook';
import type { ProgrammeRecord } from '../../src/domain/open-data';
import { HEADERS, projectRow, sheet } from '../support/programme-sheets';
import { sampleProject } from '../support/sample-project';
import { sampleRequest } from '../support/sample-request';

const NOW = '2026-11-27T10:00:00.000Z';
const project = projectRow;

let ids = 0;
const context = (overrides: Partial<ImportContext> = {}): ImportContext => ({
  fileName: 'programme.xlsx',
  now: NOW,
  records: [],
  importKeys: new Map(),
  directory: [{ aadObjectId: 'aad-lead', name: 'Lee Lead', email: 'lee.lead@council.example', userPrincipalName: 'llead@council.example' }],
  newId: () => `m-${++ids}`,
  ...overrides,
});

const held = (): ProgrammeRecord => {
  const request = sampleRequest({ reference: 'DP-2026-0007', status: 'in-delivery', title: 'School meals app', strand: 'learning', version: 3 });
  const p = sampleProject('DP-2026-0007', {
    priority: 'medium',
    isPriority: false,
    digitalLeader: null,
    projectLead: { aadObjectId: 'aad-lead', name: 'Lee Lead' },
    businessCase: { status: 'approved', link: 'https://sp.example/bc', date: '2026-10-01' },
    dpia: null,
    plannedBenefits: { annualCash: 5000, nonCash: null },
    resourcing: { confirmed: true, note: null },
    milestones: [{ id: 'm-held', title: 'Pilot', due: '2027-01-14', status: 'planned', completedOn: null, revisions: [] }],
    realisedBenefits: [
      { financialYear: '2025/26', cashSaving: 1000, note: 'Paper', measureId: null, recordedAt: NOW, recordedBy: 'x' },
      { financialYear: '2025/26', cashSaving: 500, note: null, measureId: null, recordedAt: NOW, recordedBy: 'x' },
    ],
    approvedAt: '2026-06-01T11:00:00.000Z',
    version: 4,
  });
  return { request: { ...request, personalData: false, oneOffCost: null, route: 'reuse', problem: 'P', outcome: 'O' }, project: p };
};

/** The held project as the export writes it. */
const heldRow = (overrides: Record<string, CellValue> = {}) => ({
  Reference: 'DP-2026-0007', Title: 'School meals app', Strand: 'Digital Learning', Status: 'In delivery', Priority: 'Medium', 'Priority project': 'No', Route: 'Re-use',
  Problem: 'P', Outcome: 'O', 'Project Lead': 'lee.lead@council.example', 'Business case': 'Approved', 'Business case link': 'https://sp.example/bc',
  'Business case date': new Date('2026-10-01T00:00:00Z'), 'Resourcing confirmed': 'Yes', 'Planned annual cash saving (GBP)': 5000, 'Approved on': new Date('2026-06-01T00:00:00Z'),
  ...overrides,
});

describe('the workbook shape', () => {
  it('accepts the template', () => {
    expect(checkShape(templateSheets().map((s) => ({ name: s.name, header: s.columns.map((c) => c.header), rows: [] })))).toEqual([]);
  });

  it('names a missing sheet, a missing required column and a repeated one, with what was expected', () => {
    const problems = checkShape([
      { name: 'Projects', header: ['Reference', 'Title', 'Status', 'title'], rows: [] },
      { name: 'benefits', header: HEADERS.benefits, rows: [] },
    ]);
    expect(problems.map((p) => `${p.sheet} ${p.row ?? '-'} ${p.letter ?? '-'}: ${p.message}`)).toEqual([
      'projects 1 -: the header row has no "Strand" column; expected at least Reference, Title, Strand, Status (every column: see README or the template)',
      'projects 1 D: "title" is there twice (also column B); keep one',
      'milestones - -: there is no "milestones" sheet (found "Projects", "benefits"); expected the sheets projects, milestones, benefits, as in the template (npm run import -- --template)',
    ]);
  });

  it('needs only the projects sheet when told so (.csv files)', () => {
    expect(checkShape([sheet('projects', [])], ['projects'])).toEqual([]);
  });
});

describe('reading cells', () => {
  it.each([
    [new Date('2027-01-14T00:00:00Z'), '2027-01-14'],
    [46401, '2027-01-14'],
    ['2027-01-14', '2027-01-14'],
    ['14/1/2027', '2027-01-14'],
    [null, null],
  ])('date %p → %p', (cell, iso) => {
    expect(readDate(cell)).toEqual({ ok: true, value: iso });
  });

  it.each(['31/02/2027', 'next week', '2027-13-01'])('refuses the date %p', (cell) => {
    expect(readDate(cell)).toEqual({ ok: false, error: `"${cell}" is not a date: write it like 2027-01-14 or 14/01/2027` });
  });

  it.each([
    [12000, 12000],
    ['£12,000', 12000],
    [' 7 500 ', 7500],
    ['12000.00', 12000],
  ])('pounds %p → %p', (cell, pounds) => {
    expect(readPounds(cell)).toEqual({ ok: true, value: pounds });
  });

  it.each([
    [1200.5, '1200.5 is not a whole number of pounds: leave out the pence'],
    ['£99.99', '£99.99 is not a whole number of pounds: leave out the pence'],
    [-5, '-5 is negative: give an amount of £0 or more'],
    ['lots', '"lots" is not an amount in pounds: write it like 12000'],
    [200_000_000, '200000000 is more than £100,000,000'],
  ])('refuses the amount %p', (cell, error) => {
    expect(readPounds(cell)).toEqual({ ok: false, error });
  });

  it('writes text starting with a formula character escaped, and reads it back as it was', () => {
    for (const value of ['=HYPERLINK("http://evil")', '+44 1234', '-10% energy', '@SUM(A1)']) {
      const cell = textCell(value);
      expect(cell).toBe(`'${value}`);
      expect(readText(cell, 200)).toEqual({ ok: true, value });
    }
    expect(textCell('Plain')).toBe('Plain');
  });

  it('letters columns as spreadsheets do', () => {
    expect([0, 25, 26, 27, 701, 702].map(columnLetter)).toEqual(['A', 'Z', 'AA', 'AB', 'ZZ', 'AAA']);
  });
});

describe('planning an import', () => {
  it('names every problem by sheet, row and column', () => {
    const plan = planImport(
      [
        sheet('projects', [project(), project({ Reference: 'ICT-2', Strand: 'Digital Custmers', 'Approved on': '31/02/2026' }), project({ Reference: 'ICT-3', 'Planned annual cash saving (GBP)': 1200.5 })]),
        sheet('milestones', [{ Project: 'ICT-1', Title: 'Go live', Due: '2027-03-01' }, { Project: 'ICT-9', Title: 'Pilot', Due: '2027-01-01' }, { Project: 'ICT-1', Title: 'Launch', Due: 'soon' }]),
        sheet('benefits', [{ Project: 'ICT-1', 'Financial year': '2025/26', 'Realised cash saving (GBP)': '£250.50' }]),
      ],
      context(),
    );
    expect(plan.problems.map((p) => `${p.sheet} row ${p.row}, column ${p.letter} (${p.column}): ${p.message}`)).toEqual([
      'projects row 3, column C (Strand): unknown strand "Digital Custmers": use one of Digital Customers, Digital Estates, Digital Learning, Digital Business Services, Digital Employees, Digital Scotland, Digital Compliance',
      'projects row 3, column W (Approved on): "31/02/2026" is not a date: write it like 2027-01-14 or 14/01/2027',
      'projects row 4, column T (Planned annual cash saving (GBP)): 1200.5 is not a whole number of pounds: leave out the pence',
      'milestones row 3, column A (Project): "ICT-9" is not a project in the projects sheet or in the Digital Programme: a milestone or benefit needs its project',
      'milestones row 4, column D (Due): "soon" is not a date: write it like 2027-01-14 or 14/01/2027',
      'benefits row 2, column C (Realised cash saving (GBP)): £250.50 is not a whole number of pounds: leave out the pence',
    ]);
  });

  it("names a mistake in a project's row once, on that row, not again on its milestones and benefits", () => {
    const plan = planImport(
      [
        sheet('projects', [project(), project({ Reference: 'ICT-2', Strand: 'Digital Schools' })]),
        sheet('milestones', [{ Project: 'ICT-2', Title: 'Go live', Due: '2027-03-01' }, { Project: 'ICT-2', Title: 'Pilot', Due: 'soon' }]),
        sheet('benefits', [{ Project: 'ICT-2', 'Financial year': '2025/26', 'Realised cash saving (GBP)': 4500 }]),
      ],
      context(),
    );
    expect(plan.problems.map((p) => `${p.sheet} row ${p.row}, column ${p.letter}: ${p.message}`)).toEqual([
      'projects row 3, column C: unknown strand "Digital Schools": use one of Digital Customers, Digital Estates, Digital Learning, Digital Business Services, Digital Employees, Digital Scotland, Digital Compliance',
      'milestones row 3, column D: "soon" is not a date: write it like 2027-01-14 or 14/01/2027',
    ]);
  });

  it('plans a new project with its milestones and benefits, people matched by email or UPN, others listed', () => {
    const plan = planImport(
      [
        sheet('projects', [project({ 'Project Lead': 'LEE.LEAD@council.example', 'Project Manager': 'pat.pm@elsewhere.example', 'Digital Leader': 'llead@council.example', DPIA: 'In progress', 'Approved on': '2026-04-14' })]),
        sheet('milestones', [{ Project: 'ict-1', Title: 'Go live', Due: '2027-03-01' }, { Project: 'ICT-1', Title: 'Discovery', Due: '2026-05-01', Status: 'Done', 'Completed on': '2026-05-02' }]),
        sheet('benefits', [{ Project: 'ICT-1', 'Financial year': '2025-26', 'Realised cash saving (GBP)': 3000, Note: 'Postage' }]),
      ],
      context(),
    );
    expect(plan.problems).toEqual([]);
    expect(plan.unmatched).toEqual([{ row: 2, column: 'Project Manager', letter: 'L', value: 'pat.pm@elsewhere.example', project: 'ICT-1' }]);
    expect(plan.counts).toEqual({ projects: { added: 1, updated: 0, unchanged: 0 }, milestones: { added: 2, updated: 0, unchanged: 0 }, benefits: { added: 1, updated: 0, unchanged: 0 } });
    const [add] = plan.adds;
    expect(add.key).toBe('ICT-1');
    expect(add.request).toMatchObject({ title: 'Online library renewals', strand: 'customers', status: 'approved', route: 'reuse', personalData: true, requesterName: 'imported from programme.xlsx', createdAt: '2026-04-14T11:00:00.000Z' });
    expect(add.project).toMatchObject({ projectLead: { aadObjectId: 'aad-lead', name: 'Lee Lead' }, digitalLeader: { aadObjectId: 'aad-lead', name: 'Lee Lead' }, projectManager: null, dpia: 'in-progress', priority: 'medium' });
    expect(add.project.milestones.map((m) => [m.title, m.due, m.status, m.completedOn])).toEqual([
      ['Go live', '2027-03-01', 'planned', null],
      ['Discovery', '2026-05-01', 'done', '2026-05-02'],
    ]);
    expect(add.project.realisedBenefits).toEqual([{ financialYear: '2025/26', cashSaving: 3000, note: 'Postage', measureId: null, recordedAt: NOW, recordedBy: 'imported from programme.xlsx' }]);
  });

  it('dates a project imported as completed by its Completed on, which only a completed project has', () => {
    const plan = planImport(
      [
        sheet('projects', [
          project({ Status: 'Completed', 'Approved on': '2024-05-01', 'Completed on': '14/03/2025' }),
          project({ Reference: 'ICT-2', 'Completed on': '2025-03-14' }),
          project({ Reference: 'ICT-3', Status: 'Completed', 'Approved on': '2025-05-01', 'Completed on': '2025-03-14' }),
        ]),
      ],
      context(),
    );
    expect(plan.adds.map((a) => [a.key, a.request.status, a.request.updatedAt])).toEqual([['ICT-1', 'completed', '2025-03-14T12:00:00.000Z']]);
    expect(plan.problems.map((p) => `${p.row} ${p.column}: ${p.message}`)).toEqual([
      '3 Completed on: is only for a Completed project: set Status to Completed or leave this blank',
      '4 Completed on: 2025-03-14 is before it was approved (2025-05-01)',
    ]);
  });

  it('needs a route for a new project, and refuses a DP- reference that is not a project here', () => {
    const plan = planImport([sheet('projects', [project({ Route: null }), project({ Reference: 'DP-2026-0099' })])], context());
    expect(plan.problems.map((p) => `${p.row} ${p.column}: ${p.message}`)).toEqual([
      '2 Route: is blank: say how this new project is delivered (Re-use, Share, Buy or Build)',
      '3 Reference: DP-2026-0099 is not a project in the Digital Programme here; for a new project use your own code, not a DP- reference',
    ]);
  });

  it('finds nothing to change when the file says what is held (the export, read back)', () => {
    const record = held();
    const plan = planImport(
      [
        sheet('projects', [heldRow()]),
        sheet('milestones', [{ Project: 'DP-2026-0007', 'Milestone ID': 'm-held', Title: 'Pilot', Due: new Date('2027-01-14T00:00:00Z'), Status: 'Planned' }]),
        sheet('benefits', [{ Project: 'DP-2026-0007', 'Financial year': '2025/26', 'Realised cash saving (GBP)': 1500, Note: 'Paper' }]),
      ],
      context({ records: [record] }),
    );
    expect(plan.problems).toEqual([]);
    expect(plan.unmatched).toEqual([]);
    expect(plan.updates).toEqual([]);
    expect(plan.counts).toEqual({ projects: { added: 0, updated: 0, unchanged: 1 }, milestones: { added: 0, updated: 0, unchanged: 1 }, benefits: { added: 0, updated: 0, unchanged: 1 } });
  });

  it('updates what changed, by the council code remembered from an earlier import', () => {
    const record = held();
    const plan = planImport(
      [
        sheet('projects', [heldRow({ Reference: 'meals 1', Status: 'Completed', 'Project Lead': 'Somebody Else' })]),
        sheet('milestones', [{ Project: 'MEALS 1', Title: 'pilot', Due: '2027-02-01' }, { Project: 'MEALS 1', Title: 'Roll-out', Due: '2027-06-01' }]),
        sheet('benefits', [{ Project: 'MEALS 1', 'Financial year': '2025/26', 'Realised cash saving (GBP)': 2000 }]),
      ],
      context({ records: [record], importKeys: new Map([['MEALS 1', 'DP-2026-0007']]) }),
    );
    expect(plan.problems).toEqual([]);
    // Not in the roster: listed, and the Project Lead stays who it is.
    expect(plan.unmatched.map((u) => u.value)).toEqual(['Somebody Else']);
    const [update] = plan.updates;
    expect(update.request).toMatchObject({ status: 'completed', version: 4, updatedAt: NOW });
    expect(update.project).toBeNull();
    expect(update.status).toEqual({ from: 'in-delivery', to: 'completed' });
    expect(update.milestones.map((m) => [m.id, m.title, m.due, m.revisions.map((r) => `${r.from}→${r.to} ${r.reason}`)])).toEqual([
      ['m-held', 'pilot', '2027-02-01', ['2027-01-14→2027-02-01 imported from programme.xlsx']],
      [expect.stringMatching(/^m-/), 'Roll-out', '2027-06-01', []],
    ]);
    expect(update.benefits).toEqual([{ financialYear: '2025/26', benefits: [{ financialYear: '2025/26', cashSaving: 2000, note: null, measureId: null, recordedAt: NOW, recordedBy: 'imported from programme.xlsx' }] }]);
    expect(plan.counts).toEqual({ projects: { added: 0, updated: 1, unchanged: 0 }, milestones: { added: 1, updated: 1, unchanged: 0 }, benefits: { added: 0, updated: 1, unchanged: 0 } });
  });

  it('leaves a column that is not in the sheet as it is', () => {
    const header = ['Reference', 'Title', 'Strand', 'Status'];
    const plan = planImport([sheet('projects', [{ Reference: 'DP-2026-0007', Title: 'School meals app', Strand: 'learning', Status: 'in delivery' }], header)], context({ records: [held()] }));
    expect(plan.problems).toEqual([]);
    expect(plan.updates).toEqual([]);
  });

  it('refuses a status going back, a project twice, and a milestone twice', () => {
    const plan = planImport(
      [
        sheet('projects', [heldRow({ Status: 'Approved' }), project(), project({ Reference: ' ict-1 ' })]),
        sheet('milestones', [{ Project: 'ICT-1', Title: 'Go live', Due: '2027-03-01' }, { Project: 'ICT-1', Title: 'GO LIVE', Due: '2027-04-01' }, { Project: 'ICT-1', Title: 'Beta', Due: '2027-04-01', 'Completed on': '2027-01-01' }]),
      ],
      context({ records: [held()] }),
    );
    expect(plan.problems.map((p) => `${p.sheet} ${p.row} ${p.column}: ${p.message}`)).toEqual([
      'projects 2 Status: DP-2026-0007 is in delivery in the programme; it cannot go back to approved',
      'projects 4 Reference: "ict-1" is on an earlier row too; give each project one row',
      'milestones 3 Title: this milestone of "ICT-1" is on an earlier row too; give each milestone one row',
      'milestones 4 Completed on: is only for a Done milestone: set Status to Done or leave this blank',
    ]);
  });
});
