import { CATALOGUE_CSV_HEADER, catalogueCsv, csvCell, OPEN_CSV_HEADER, openCatalogue, openProgramme, toCsv, type OpenProject } from '../../src/domain/open-data';
import { sampleSolution } from '../support/sample-solution';
import { DEFAULT_SERVICE_STANDARD, openStage } from '../../src/domain/stages';
import { REQUEST_STATUSES } from '../../src/domain/request';
import { personalRecord as record } from '../support/personal-record';

describe('openProgramme', () => {
  it('publishes only approved, in-delivery and completed projects', () => {
    const items = REQUEST_STATUSES.map((status, i) => record(`DP-2026-${String(i + 1).padStart(4, '0')}-${status}`, status));
    const published = openProgramme(items).map((p) => p.status);
    expect(published.sort()).toEqual(['Approved', 'Completed', 'In delivery']);
    expect(openProgramme(items).map((p) => p.reference).join(' ')).not.toMatch(/declined|submitted|under-review|more-info|withdrawn|merged/);
    expect(openProgramme([])).toEqual([]);
  });

  it('publishes the non-personal fields, with names for vocabularies and savings summed by financial year', () => {
    expect(openProgramme([record('DP-2026-0001', 'in-delivery')])).toEqual<OpenProject[]>([
      {
        reference: 'DP-2026-0001',
        title: 'Online booking DP-2026-0001',
        strand: 'Digital Customers',
        principles: ['Customer/Citizen Focused', 'Privacy and Openness'],
        status: 'In delivery',
        priority: 'High',
        isPriority: true,
        milestones: [
          { title: 'Discovery', due: '2027-01-14', status: 'planned' },
          { title: 'Go live', due: '2027-06-30', status: 'planned' },
        ],
        plannedAnnualCashSaving: 12000,
        realisedSavings: [
          { financialYear: '2026/27', cashSaving: 1000 },
          { financialYear: '2027/28', cashSaving: 5000 },
        ],
        // A benefit that is not cash: its year and the measure showing it, never its note.
        realisedNonCash: [{ financialYear: '2026/27', measure: 'Bookings made online' }],
        approvedOn: '2026-10-01',
        measures: [
          {
            name: 'Bookings made online',
            kind: 'Digital take-up %',
            unit: '%',
            baseline: { value: 40, date: '2026-04-01' },
            target: { value: 80, date: '2027-03-31' },
            direction: 'Higher is better',
            frequency: 'Quarterly',
            status: 'Off track',
            figures: [{ period: '2026-Q2', value: 55 }],
          },
        ],
        stage: null,
        stageSince: null,
        gates: [],
      },
    ]);
  });

  it('publishes the stage and the outcome of each gate, without who asked or decided, the evidence or the notes', () => {
    const asked = { id: 'g1', reference: 'DP-2026-0001', from: 'alpha', to: 'beta', evidence: { users: 'https://PERSONAL.example/research' }, note: 'PERSONAL note', requestedBy: { aadObjectId: 'aad-PERSONAL', name: 'Mrs Smith' }, requestedAt: '2026-11-01T10:00:00.000Z', decision: null, conditions: [], version: 1 };
    const decided = {
      ...asked,
      decision: { outcome: 'pass-with-conditions' as const, note: 'PERSONAL', by: { aadObjectId: 'aad-PERSONAL', name: 'Mrs Smith' }, at: '2026-12-01T10:00:00.000Z', meetingId: null },
      conditions: [{ id: 'c1', gateId: 'g1', reference: 'DP-2026-0001', what: 'PERSONAL condition', owner: { aadObjectId: 'aad-PERSONAL', name: 'Mrs Smith' }, due: '2027-01-15', doneAt: null, doneBy: null }],
    };
    const stage = openStage(DEFAULT_SERVICE_STANDARD, 'DP-2026-0001', { reference: 'DP-2026-0001', stage: 'beta', since: '2026-12-01' }, [{ ...asked, id: 'g2', from: 'beta', to: 'live', requestedAt: '2026-12-03T10:00:00.000Z' }, decided]);
    const [row] = openProgramme([{ ...record('DP-2026-0001', 'in-delivery'), stage }]);
    expect([row.stage, row.stageSince, row.gates]).toEqual([
      'Beta',
      '2026-12-01',
      [
        { gate: 'Alpha → Beta', requestedOn: '2026-11-01', outcome: 'Pass with conditions', decidedOn: '2026-12-01', conditions: 1, conditionsDone: 0 },
        { gate: 'Beta → Live', requestedOn: '2026-12-03', outcome: null, decidedOn: null, conditions: 0, conditionsDone: 0 },
      ],
    ]);
    const csv = toCsv([row]);
    expect(csv).toContain('Beta,Alpha → Beta: Pass with conditions on 2026-12-01 (0 of 1 conditions done); Beta → Live: requested on 2026-12-03');
    for (const output of [JSON.stringify(row), csv]) {
      expect(output).not.toContain('PERSONAL');
      expect(output).not.toContain('Mrs Smith');
    }
  });

  it('gives the approval date in London (BST), not UTC', () => {
    expect(openProgramme([record('DP-2026-0001', 'approved', { approvedAt: '2026-06-30T23:30:00.000Z' })])[0].approvedOn).toBe('2026-07-01');
  });

  it('publishes no person, id, link, note or free text from a fully populated record', () => {
    const items = [record('DP-2026-0001', 'approved'), record('DP-2026-0002', 'in-delivery'), record('DP-2026-0003', 'completed')];
    const rows = openProgramme(items);
    expect(rows).toHaveLength(3);
    for (const output of [JSON.stringify(rows), toCsv(rows)]) {
      expect(output).not.toContain('PERSONAL');
      expect(output).not.toContain('https://');
      expect(output).not.toContain('Mrs Smith');
    }
    // Belt and braces: exactly the published keys, nothing copied through.
    expect(Object.keys(rows[0]).sort()).toEqual(
      ['approvedOn', 'gates', 'isPriority', 'measures', 'milestones', 'plannedAnnualCashSaving', 'principles', 'priority', 'realisedNonCash', 'realisedSavings', 'reference', 'stage', 'stageSince', 'status', 'strand', 'title'],
    );
    expect(Object.keys(rows[0].measures[0].figures[0]).sort()).toEqual(['period', 'value']);
    expect(Object.keys(rows[0].milestones[0]).sort()).toEqual(['due', 'status', 'title']);
  });
});

describe('toCsv', () => {
  const row = (over: Partial<OpenProject> = {}): OpenProject => ({ ...openProgramme([record('DP-2026-0001', 'approved')])[0], ...over });

  it('has a header row, one CRLF-terminated line per project and milestones flattened into one cell', () => {
    const csv = toCsv([row(), row({ reference: 'DP-2026-0002', milestones: [], realisedSavings: [], plannedAnnualCashSaving: null, isPriority: false, measures: [], realisedNonCash: [] })]);
    const lines = csv.split('\r\n');
    expect(lines).toHaveLength(4);
    expect(lines[3]).toBe('');
    expect(csv.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);
    expect(lines[0]).toBe(OPEN_CSV_HEADER.join(','));
    expect(lines[1]).toBe(
      'DP-2026-0001,Online booking DP-2026-0001,Digital Customers,Customer/Citizen Focused; Privacy and Openness,Approved,High,Yes,12000,2026/27: 1000; 2027/28: 5000,"Discovery (2027-01-14, planned); Go live (2027-06-30, planned)",2026-10-01,Bookings made online (%): 40 on 2026-04-01 to 80 by 2027-03-31; Off track; 2026-Q2=55,2026/27: Bookings made online,,',
    );
    expect(lines[2]).toBe('DP-2026-0002,Online booking DP-2026-0001,Digital Customers,Customer/Citizen Focused; Privacy and Openness,Approved,High,No,,,,2026-10-01,,,,');
    expect(toCsv([])).toBe(`${OPEN_CSV_HEADER.join(',')}\r\n`);
  });

  it('quotes fields with commas, quotes, CR or LF and doubles the quotes (RFC 4180)', () => {
    expect(csvCell('plain')).toBe('plain');
    expect(csvCell('')).toBe('');
    expect(csvCell('a, b')).toBe('"a, b"');
    expect(csvCell('the "new" portal')).toBe('"the ""new"" portal"');
    expect(csvCell('line\nbreak')).toBe('"line\nbreak"');
    expect(csvCell('carriage\rreturn')).toBe('"carriage\rreturn"');
    const csv = toCsv([row({ title: 'Bins, "smart" ones\r\nphase 2' })]);
    expect(csv.split('\r\n')[1]).toBe('DP-2026-0001,"Bins, ""smart"" ones');
    expect(csv).toContain(',"Bins, ""smart"" ones\r\nphase 2",');
  });

  it('makes formula-like cells inert with a leading single quote', () => {
    expect(csvCell('=HYPERLINK("http://evil","click")')).toBe(`"'=HYPERLINK(""http://evil"",""click"")"`);
    expect(csvCell('+1+1')).toBe("'+1+1");
    expect(csvCell('-2+3')).toBe("'-2+3");
    expect(csvCell('@SUM(A1)')).toBe("'@SUM(A1)");
    expect(csvCell('\t=1')).toBe("'\t=1");
    expect(csvCell('a=b')).toBe('a=b');
    const csv = toCsv([row({ title: '=cmd|" /C calc"!A0', milestones: [{ title: '@go', due: '2027-01-01', status: 'done' }] })]);
    expect(csv).toContain(`,"'=cmd|"" /C calc""!A0",`);
    expect(csv).toContain(`,"'@go (2027-01-01, done)",`);
  });
});

describe('the re-use catalogue as open data', () => {
  const today = '2026-12-04';
  const entry = sampleSolution({ sharedWithPartners: false, sharedWith: 'left over', contractEnds: '2026-12-01', keywords: ['=cmd', 'halls'] });

  it('publishes each entry by named fields, its contract as words, and no partners when it is not shared', () => {
    expect(openCatalogue([entry], today)).toEqual([
      {
        name: entry.name,
        whatItDoes: entry.whatItDoes,
        owningService: 'Customer Services',
        strands: ['Digital Customers', 'Digital Estates'],
        keywords: ['=cmd', 'halls'],
        sharedWithPartners: false,
        sharedWith: null,
        contractEnds: '2026-12-01',
        contractStatus: 'Contract ended',
        link: entry.link,
        retired: false,
      },
    ]);
  });

  it('writes RFC 4180 CSV, safe in a spreadsheet', () => {
    const csv = catalogueCsv(openCatalogue([entry], today));
    expect(csv.split('\r\n')).toEqual([
      CATALOGUE_CSV_HEADER.join(','),
      `Community hall and room booking,"${entry.whatItDoes}",Customer Services,Digital Customers; Digital Estates,'=cmd; halls,No,,2026-12-01,Contract ended,${entry.link},No`,
      '',
    ]);
  });
});
