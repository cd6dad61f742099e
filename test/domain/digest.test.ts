import { healthRules } from '../support/health-rules';
import { WorkingCalendar } from '../../src/domain/calendar';
import { buildDigest, DIGEST_LIST_LIMIT, type DigestSource, meetingDigestDue, weeklyPeriod } from '../../src/domain/digest';
import type { Project } from '../../src/domain/project';
import type { ProjectRequest } from '../../src/domain/request';
import { sampleMeasure } from '../support/sample-measure';
import { sampleMilestone } from '../support/sample-milestone';
import { sampleProject } from '../support/sample-project';
import { sampleRequest } from '../support/sample-request';
import { sampleRisk } from '../support/sample-risk';

/** Tuesday 1 December 2026 (the day after St Andrew's Day). */
const TODAY = '2026-12-01';
const SINCE = '2026-11-24T09:00:00.000Z';

const inProgramme = (req: Partial<ProjectRequest>, proj: Partial<Project> = {}) => {
  const request = sampleRequest({ status: 'approved', ...req });
  return { request, project: sampleProject(request.reference, proj) };
};

const source = (overrides: Partial<DigestSource> = {}): DigestSource => ({
  kind: 'weekly',
  audience: 'dsg',
  today: TODAY,
  since: SINCE,
  strands: null,
  meetings: [{ date: '2026-12-10', startTime: '10:00', place: null }],
  programme: [],
  pending: [],
  newRequests: [],
  decisions: [],
  reminderStates: [],
  unreachable: [],
  health: healthRules(),
  ...overrides,
});

const section = (digest: ReturnType<typeof buildDigest>, id: string) => digest.sections.find((s) => s.id === id);

describe('buildDigest', () => {
  it('leaves out every section with nothing in it', () => {
    const digest = buildDigest(source());
    expect(digest.sections).toEqual([]);
    expect(digest.title).toBe('Weekly digest');
    expect(digest.subtitle).toBe('Week of 30 Nov 2026 · all strands');
    expect(digest.projectCount).toBe(0);
  });

  it('lists what a seeded programme has: new, decided, waiting, missing, due, overdue, done, escalated and unreachable', () => {
    const waitingLong = sampleRequest({ title: 'Waiting long', status: 'under-review', createdAt: '2026-11-01T10:00:00.000Z' });
    const waitingShort = sampleRequest({ title: 'Waiting short', status: 'submitted', createdAt: '2026-11-28T10:00:00.000Z' });
    const asked = sampleRequest({ title: 'Asked', status: 'more-info-requested', createdAt: '2026-11-02T10:00:00.000Z', updatedAt: '2026-11-20T10:00:00.000Z' });
    const lead = { aadObjectId: 'aad-lead', name: 'Project Lead (Learning) 2' };
    const manager = { aadObjectId: 'aad-gone', name: 'Project Manager (Learning) 2' };
    const busy = inProgramme(
      { title: 'Schools app', strand: 'learning' },
      {
        projectLead: lead,
        projectManager: manager,
        milestones: [
          sampleMilestone({ id: 'm1', title: 'Pilot', due: '2026-12-08' }),
          sampleMilestone({ id: 'm2', title: 'Procure', due: '2026-11-20' }),
          sampleMilestone({ id: 'm3', title: 'Discovery', due: '2026-11-25', status: 'done', completedOn: '2026-11-26' }),
          sampleMilestone({ id: 'm4', title: 'Far away', due: '2027-03-01' }),
        ],
      },
    );
    const digest = buildDigest(
      source({
        programme: [busy],
        pending: [waitingShort, asked, waitingLong],
        newRequests: [waitingShort],
        decisions: [{ reference: busy.request.reference, title: 'Schools app', strand: 'learning', action: 'approve', at: '2026-11-25T11:00:00.000Z' }],
        reminderStates: [
          { key: `${busy.request.reference}:business-case`, recipientId: 'aad-lead', count: 3, lastSentAt: '2026-11-27T09:30:00Z', fingerprint: 'f', snoozedUntil: null, snoozes: 0, escalatedAt: '2026-11-27T09:30:00Z' },
          { key: `${busy.request.reference}:plan`, recipientId: 'aad-lead', count: 1, lastSentAt: '2026-11-27T09:30:00Z', fingerprint: 'f', snoozedUntil: null, snoozes: 0, escalatedAt: null },
        ],
        unreachable: [{ aadObjectId: 'aad-gone', name: 'Project Manager (Learning) 2' }],
      }),
    );
    expect(digest.sections.map((s) => s.id)).toEqual(['new-requests', 'decisions', 'awaiting', 'missing', 'due-soon', 'overdue', 'completed', 'owners']);
    expect(section(digest, 'new-requests')?.title).toBe('New requests since 24 Nov 2026');
    expect(section(digest, 'decisions')?.items[0]).toMatchObject({ title: 'Schools app', detail: 'Approved on 25 Nov 2026', opens: 'project' });
    // Oldest first; over 14 days is highlighted, and says so in words.
    expect(section(digest, 'awaiting')?.items.map((i) => [i.title, i.detail, i.highlight])).toEqual([
      ['Waiting long', 'Waiting too long: 30 days · Under review', true],
      // The clock is with the requester: never "too long".
      ['Asked', 'Waiting for the requester since 20 Nov 2026 · More information requested', false],
      ['Waiting short', 'Waiting 3 days · Submitted', false],
    ]);
    expect(section(digest, 'missing')?.items[0].detail).toBe('Missing: implementation plan, confirmed resourcing');
    expect(section(digest, 'due-soon')?.items.map((i) => i.title)).toEqual(['Pilot']);
    expect(section(digest, 'overdue')?.items[0].detail).toBe('Late: due 20 Nov 2026, 11 days ago · Schools app');
    expect(section(digest, 'completed')?.items.map((i) => i.title)).toEqual(['Discovery']);
    expect(section(digest, 'owners')?.items.map((i) => i.detail)).toEqual([
      'Escalated 27 Nov 2026: Project Lead (Learning) 2 reminded 3 times about the business case with no change',
      'Project Manager (Learning) 2 cannot be reached in Teams (blocked or removed the bot)',
    ]);
  });

  it('keeps only the chosen strands, in every section and chart', () => {
    const learning = inProgramme({ strand: 'learning', title: 'Learning one' });
    const estates = inProgramme({ strand: 'estates', title: 'Estates one' });
    const pendingEstates = sampleRequest({ strand: 'estates', title: 'Estates waiting' });
    const digest = buildDigest(source({ strands: ['learning'], programme: [learning, estates], pending: [pendingEstates], newRequests: [pendingEstates] }));
    expect(digest.subtitle).toBe('Week of 30 Nov 2026 · Digital Learning');
    expect(digest.sections.flatMap((s) => s.items.map((i) => i.title))).not.toContain('Estates waiting');
    expect(digest.byStrand).toEqual([{ strand: 'learning', label: 'Digital Learning', count: 1 }]);
    expect(digest.projectCount).toBe(1);
    // The figures are the strand's, and their definitions say so.
    expect(digest.figures.byStatus.reduce((n, s) => n + s.count, 0)).toBe(1);
    expect(digest.figures.realised.definition).toBe('savings recorded for April 2026–March 2027, all Digital Learning projects');
  });

  it("shows a subscribed channel the programme, not requests being decided, declined ones or escalations", () => {
    const project = inProgramme({ title: 'Approved one' }, { milestones: [sampleMilestone({ title: 'Late', due: '2026-11-20' })] });
    const waiting = sampleRequest({ title: 'Still waiting' });
    const digest = buildDigest(
      source({
        audience: 'channel',
        programme: [project],
        pending: [waiting],
        newRequests: [waiting],
        decisions: [
          { reference: project.request.reference, title: 'Approved one', strand: 'customers', action: 'approve', at: '2026-11-25T10:00:00.000Z' },
          { reference: 'DP-2026-0999', title: 'Turned down', strand: 'customers', action: 'decline', at: '2026-11-25T11:00:00.000Z' },
        ],
        unreachable: [{ aadObjectId: 'aad-leader', name: 'Dana Leader' }],
      }),
    );
    expect(digest.sections.map((s) => s.id)).toEqual(['decisions', 'missing', 'overdue']);
    expect(section(digest, 'decisions')?.items.map((i) => i.title)).toEqual(['Approved one']);
    expect(digest.forDsg).toBe(false);
  });

  it('lists the measures that went off track since the last digest, not those off track before it or on track', () => {
    const figure = (period: string, value: number, recordedAt: string) => ({ period, value, recordedAt, recordedBy: 'Project Lead' });
    const project = inProgramme(
      { title: 'Online bookings project' },
      {
        measures: [
          // Q2 on track last week; this week's Q3 figure (at 31 Dec the path expects about 70%) is off track.
          sampleMeasure({ id: 'gone', name: 'Gone off track', figures: [figure('2026-Q2', 61, '2026-10-05T09:00:00.000Z'), figure('2026-Q3', 55, '2026-11-30T09:00:00.000Z')] }),
          sampleMeasure({ id: 'already', name: 'Off track already', figures: [figure('2026-Q2', 41, '2026-10-05T09:00:00.000Z'), figure('2026-Q3', 42, '2026-11-30T09:00:00.000Z')] }),
          sampleMeasure({ id: 'fine', name: 'On track', figures: [figure('2026-Q3', 75, '2026-11-30T09:00:00.000Z')] }),
        ],
      },
    );
    const listed = section(buildDigest(source({ programme: [project] })), 'off-track');
    expect(listed?.title).toBe('Measures gone off track since 24 Nov 2026');
    expect(listed?.items).toEqual([
      {
        reference: project.request.reference,
        title: 'Gone off track',
        detail: 'Off track: 55% for Q3 2026/27 (Oct–Dec 2026); the path to the target expects 70.11%',
        highlight: true,
        opens: 'project',
      },
    ]);
  });

  it('lists projects in delivery that are red, then amber, then not updated; the reason for the DSG only', () => {
    const set = (overall: 'green' | 'amber' | 'red', reason: string | null, setAt = '2026-11-20T10:00:00.000Z') => ({
      version: 1,
      ratings: { overall: { rag: overall, reason }, time: { rag: 'green' as const, reason: null }, cost: { rag: 'green' as const, reason: null }, scope: { rag: 'green' as const, reason: null } },
      setAt,
      setBy: 'Project Lead',
      confirmed: false,
    });
    const programme = [
      inProgramme({ reference: 'DP-2026-0001', status: 'in-delivery', title: 'Amber one' }, { health: set('amber', 'Supplier late') }),
      inProgramme({ reference: 'DP-2026-0002', status: 'in-delivery', title: 'Green one' }, { health: set('green', null) }),
      inProgramme({ reference: 'DP-2026-0003', status: 'in-delivery', title: 'Stale one' }, { health: set('red', 'Old news', '2026-09-01T10:00:00.000Z') }),
      inProgramme({ reference: 'DP-2026-0004', status: 'in-delivery', title: 'Red one' }, { health: set('red', 'No supplier') }),
      inProgramme({ reference: 'DP-2026-0005', status: 'approved', title: 'Not in delivery' }, { health: set('red', 'Ignored') }),
      inProgramme({ reference: 'DP-2026-0006', status: 'in-delivery', title: 'Never set' }),
    ];
    const health = (audience: 'dsg' | 'channel') => section(buildDigest(source({ programme, audience })), 'health');
    expect(health('dsg')).toMatchObject({
      title: 'Health: red, amber and not updated',
      items: [
        { reference: 'DP-2026-0004', detail: 'Red: No supplier', highlight: true },
        { reference: 'DP-2026-0001', detail: 'Amber: Supplier late', highlight: false },
        { reference: 'DP-2026-0003', detail: 'Not updated since 1 Sep 2026', highlight: false },
      ],
    });
    expect(health('channel')!.items.map((i) => i.detail)).toEqual(['Red', 'Amber', 'Not updated since 1 Sep 2026']);
  });

  it('lists open risks and issues scoring 15 or more of projects still live, to the DSG only', () => {
    const inDelivery = sampleRequest({ status: 'in-delivery' });
    const completed = sampleRequest({ status: 'completed' });
    const live = { request: inDelivery, project: sampleProject(inDelivery.reference) };
    const done = { request: completed, project: sampleProject(completed.reference) };
    const highRisks = [
      sampleRisk({ id: 'a', reference: live.request.reference, description: 'Supplier late', reviewDate: '2026-11-01' }),
      sampleRisk({ id: 'b', reference: live.request.reference, kind: 'issue', likelihood: null, impact: 3, description: 'Halls closed', reviewDate: '2027-01-08' }),
      sampleRisk({ id: 'c', reference: done.request.reference, description: 'Of a completed project' }),
    ];
    const listed = section(buildDigest(source({ programme: [live, done], highRisks })), 'high-risks');
    expect(listed?.title).toBe('Risks and issues scoring 15 or more (on the next agenda)');
    expect(listed?.items).toEqual([
      { reference: live.request.reference, title: 'Supplier late', detail: 'Risk scoring 20 · review was due 1 Nov 2026', highlight: true, opens: 'project' },
      { reference: live.request.reference, title: 'Halls closed', detail: 'Issue scoring 15 · review by 8 Jan 2027', highlight: true, opens: 'project' },
    ]);
    expect(section(buildDigest(source({ audience: 'channel', programme: [live], highRisks })), 'high-risks')).toBeUndefined();
  });

  it('cuts long lists and counts the rest', () => {
    const many = Array.from({ length: DIGEST_LIST_LIMIT + 7 }, (_, i) => sampleRequest({ title: `Request ${i}`, createdAt: `2026-11-${String(10 + i).padStart(2, '0')}T10:00:00.000Z` }));
    const awaiting = section(buildDigest(source({ pending: many })), 'awaiting');
    expect(awaiting?.items).toHaveLength(DIGEST_LIST_LIMIT);
    expect(awaiting?.items[0].title).toBe('Request 0');
    expect(awaiting?.more).toBe(7);
    expect(awaiting?.all).toEqual({ list: 'pending' });
  });

  it('says at the top when no DSG meeting is set within two months, and names the next one otherwise', () => {
    expect(buildDigest(source({ meetings: [] })).meetingNotice?.text).toMatch(/^No DSG meeting is set in the next two months/);
    expect(buildDigest(source({ meetings: [{ date: '2027-03-01', startTime: '10:00', place: null }] })).meetingNotice?.text).toMatch(/^No DSG meeting is set in the next two months/);
    expect(buildDigest(source({ meetings: [{ date: '2026-11-20', startTime: '10:00', place: null }, { date: '2027-01-20', startTime: '10:00', place: null }] })).meetingNotice?.text).toBe('Next DSG meeting: 20 Jan 2027 at 10:00.');
  });

  it('compares planned with realised savings for the current financial year only', () => {
    const a = inProgramme({}, { plannedBenefits: { annualCash: 10_000, nonCash: null }, realisedBenefits: [
      { financialYear: '2026/27', cashSaving: 2_500, note: null, measureId: null, recordedAt: '', recordedBy: '' },
      { financialYear: '2025/26', cashSaving: 9_999, note: null, measureId: null, recordedAt: '', recordedBy: '' },
    ] });
    const b = inProgramme({ status: 'in-delivery' }, { plannedBenefits: { annualCash: null, nonCash: null }, realisedBenefits: [{ financialYear: '2026/27', cashSaving: 500, note: null, measureId: null, recordedAt: '', recordedBy: '' }] });
    const digest = buildDigest(source({ programme: [a, b] }));
    expect(digest.figures).toMatchObject({ financialYear: '2026/27', planned: { value: 10_000 }, realised: { value: 3_000 } });
    expect(digest.figures.byStatus.map((s) => [s.label, s.count])).toEqual([['Approved', 1], ['In delivery', 1], ['Completed', 0]]);
  });

  it('titles a pre-meeting digest by its meeting', () => {
    const digest = buildDigest(source({ kind: 'pre-meeting', meeting: '2026-12-10' }));
    expect(digest.title).toBe('Before the DSG meeting on 10 Dec 2026 at 10:00');
    const online = source({ kind: 'pre-meeting', meeting: '2026-12-10', meetings: [{ date: '2026-12-10', startTime: '14:00', place: 'https://teams.microsoft.com/l/meetup-join/x' }] });
    expect(buildDigest(online).title).toBe('Before the DSG meeting on 10 Dec 2026 at 14:00, on Teams');
    expect(digest.meetingNotice).toBeNull();
  });
});

describe('the digest calendar', () => {
  const calendar = new WorkingCalendar(['2026-11-30', '2026-12-25', '2026-12-28']);

  it('names a weekly period by its Monday', () => {
    expect(weeklyPeriod('2026-11-30')).toBe('week-2026-11-30');
    expect(weeklyPeriod('2026-12-06')).toBe('week-2026-11-30');
    expect(weeklyPeriod('2026-12-07')).toBe('week-2026-12-07');
  });

  it('is due the given number of working days before a meeting, and after that until the meeting', () => {
    // Meeting Thursday 10 Dec: three working days before is Monday 7 Dec.
    expect(meetingDigestDue(['2026-12-10'], '2026-12-04', 3, calendar)).toBeNull();
    expect(meetingDigestDue(['2026-12-10'], '2026-12-07', 3, calendar)).toBe('2026-12-10');
    expect(meetingDigestDue(['2026-12-10'], '2026-12-09', 3, calendar)).toBe('2026-12-10');
    expect(meetingDigestDue(['2026-12-10'], '2026-12-10', 3, calendar)).toBeNull();
    // Meeting Wednesday 30 Dec: the 29th, 24th and 23rd are the three working days before it (Christmas Day and the 28th are holidays).
    expect(meetingDigestDue(['2026-12-30'], '2026-12-23', 3, calendar)).toBe('2026-12-30');
    expect(meetingDigestDue(['2026-12-30'], '2026-12-22', 3, calendar)).toBeNull();
  });
});
