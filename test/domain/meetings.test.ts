import { agendaPlaceRefusal, assertOpenItem, completeAction, draftAgenda, draftMinutes, endMeeting, isOpenItem, markPresent, meetingDue, meetingReminder, meetingStartPlaceRefusal, newAction, publishMinutes, recordOutcome, setAttendance, startMeeting } from '../../src/domain/meetings';
import { emptyTriage } from '../../src/domain/triage';
import { sampleMilestone } from '../support/sample-milestone';
import { sampleProject } from '../support/sample-project';
import { sampleRequest } from '../support/sample-request';
import { sampleRisk } from '../support/sample-risk';

const NOW = '2026-12-04T10:00:00.000Z';
const TODAY = '2026-12-04';
const chair = { aadObjectId: 'aad-chair', name: 'DSG Chair' };
const lead = { aadObjectId: 'aad-lead', name: 'Project Lead' };

describe('draftAgenda', () => {
  it('lists each kind of item in the strategy order, requests oldest first, with who added items', () => {
    const older = sampleRequest({ reference: 'DP-2026-0002', title: 'Older', createdAt: '2026-11-01T09:00:00.000Z' });
    const newer = sampleRequest({ reference: 'DP-2026-0003', title: 'Newer', createdAt: '2026-11-20T09:00:00.000Z' });
    const answered = sampleRequest({ reference: 'DP-2026-0004', title: 'Answered', status: 'under-review' });
    const triage = { ...emptyTriage('DP-2026-0004'), questions: [{ question: 'Cost?', askedBy: 'A', askedAt: NOW, answer: '£5k', answeredAt: NOW }] };
    const approved = sampleRequest({ reference: 'DP-2026-0001', title: 'Live project', status: 'approved' });
    const project = sampleProject('DP-2026-0001', { milestones: [sampleMilestone({ title: 'Pilot', due: '2026-11-01', status: 'planned' })] });
    const agenda = draftAgenda({
      waiting: [
        { request: newer, triage: null },
        { request: answered, triage },
        { request: older, triage: null },
      ],
      programme: [{ request: approved, project }],
      reminders: [{ key: 'DP-2026-0001:owners', recipientId: 'aad-leader', count: 3, lastSentAt: NOW, fingerprint: 'x', snoozedUntil: null, snoozes: 0, escalatedAt: NOW }],
      openActions: [{ id: 'act1', meetingId: 'm0', itemId: 'x', reference: null, what: 'Send the survey', owner: lead, due: '2026-12-01', createdAt: NOW, createdBy: 'DSG Chair', doneAt: null, doneBy: null }],
      deferred: [],
      additions: [{ id: 'ad1', reference: null, text: 'Website review', addedById: '29:c', addedByName: 'DSG Chair', addedAt: NOW, meetingId: null }],
      today: TODAY,
    });
    expect(agenda.map((i) => [i.source, i.title])).toEqual([
      ['awaiting-decision', 'Older'],
      ['awaiting-decision', 'Newer'],
      ['question-answered', 'Answered'],
      ['escalated', 'Live project'],
      ['governance', 'Live project'],
      ['overdue-milestone', 'Live project'],
      ['open-action', 'Send the survey'],
      ['added', 'Website review'],
    ]);
    expect(agenda[4].detail).toMatch(/Missing: Project Lead, Project Manager, Business case approval, Implementation plan, Confirmed resourcing/);
    expect(agenda[6].detail).toMatch(/overdue/);
    expect(agenda[7].addedBy).toBe('DSG Chair');
  });
});

describe('draftAgenda: risks and issues', () => {
  it('puts each live project with open entries scoring 15 or more on the agenda once, naming them highest first; closed, lower and completed projects’ entries are left off', () => {
    const live = sampleRequest({ reference: 'DP-2026-0001', title: 'Live project', status: 'in-delivery' });
    const done = sampleRequest({ reference: 'DP-2026-0002', title: 'Completed project', status: 'completed' });
    const highRisks = [
      sampleRisk({ id: 'a', reference: 'DP-2026-0001', description: 'Issue of impact 3', kind: 'issue', likelihood: null, impact: 3, owner: lead }),
      sampleRisk({ id: 'b', reference: 'DP-2026-0001', description: 'Supplier late', likelihood: 4, impact: 5, owner: lead }),
      sampleRisk({ id: 'c', reference: 'DP-2026-0001', description: 'Closed one', likelihood: 5, impact: 5, status: 'closed' }),
      sampleRisk({ id: 'd', reference: 'DP-2026-0001', description: 'Low one', likelihood: 2, impact: 5 }),
      sampleRisk({ id: 'e', reference: 'DP-2026-0002', description: 'Of a completed project', likelihood: 5, impact: 5 }),
    ];
    const agenda = draftAgenda({
      waiting: [],
      programme: [{ request: live, project: sampleProject('DP-2026-0001', { milestones: [sampleMilestone({ due: '2026-11-01', status: 'planned' })] }) }, { request: done, project: sampleProject('DP-2026-0002') }],
      reminders: [],
      openActions: [],
      highRisks,
      deferred: [],
      additions: [],
      today: TODAY,
    });
    const high = agenda.filter((i) => i.source === 'high-risk');
    expect(high).toEqual([
      { id: 'high-risk:DP-2026-0001', source: 'high-risk', reference: 'DP-2026-0001', title: 'Live project', detail: 'Risk scoring 20: "Supplier late" (Project Lead); Issue scoring 15: "Issue of impact 3" (Project Lead)', addedBy: null },
    ]);
    expect(agenda.map((i) => i.source)).toEqual(['governance', 'overdue-milestone', 'high-risk']);
  });
});

describe('a meeting', () => {
  const agenda = [
    { id: 'awaiting-decision:DP-2026-0002', source: 'awaiting-decision' as const, reference: 'DP-2026-0002', title: 'Older', detail: '', addedBy: null },
    { id: 'added:ad1', source: 'added' as const, reference: null, title: 'Website review', detail: '', addedBy: 'DSG Chair' },
  ];

  it('records attendance, outcomes once, actions with a due date not in the past, and draws the minutes', () => {
    let m = startMeeting('m1', TODAY, '10:00', agenda, 'DSG Chair', NOW);
    m = markPresent(m, chair, NOW);
    expect(markPresent(m, chair, NOW)).toBe(m);
    m = setAttendance(m, [chair, lead], [{ aadObjectId: 'aad-x', name: 'Away' }, lead], NOW);
    expect(m.apologies.map((p) => p.name)).toEqual(['Away']);
    m = recordOutcome(m, agenda[0].id, { kind: 'decision', action: 'approve', note: null, by: 'DSG Chair', at: NOW }, NOW);
    expect(() => recordOutcome(m, agenda[0].id, { kind: 'noted', note: null, by: 'X', at: NOW }, NOW)).toThrow(/already dealt with: Approved \(DSG Chair\)/);
    m = recordOutcome(m, agenda[1].id, { kind: 'deferred', by: 'DSG Chair', at: NOW }, NOW);
    expect(() => newAction(m, agenda[1].id, { what: 'x', owner: lead, due: '2026-12-03' }, 'a1', 'DSG Chair', NOW, TODAY)).toThrow(/past/);
    const action = newAction(m, agenda[1].id, { what: 'Draft the brief', owner: lead, due: '2026-12-18' }, 'a1', 'DSG Chair', NOW, TODAY);
    expect(() => publishMinutes(m, 'DSG Chair', NOW)).toThrow(/still running/);
    m = endMeeting(m, NOW);
    expect(() => endMeeting(m, NOW)).toThrow(/over/);
    const minutes = draftMinutes(m, [action]);
    expect(minutes.attendees).toEqual(['DSG Chair', 'Project Lead']);
    expect(minutes.items.map((i) => i.outcome)).toEqual(['Approved (DSG Chair)', 'Deferred to the next meeting (DSG Chair)']);
    expect(minutes.items[1].actions).toEqual(['Draft the brief: Project Lead, by 18 Dec 2026']);
    m = publishMinutes(m, 'DSG Chair', NOW);
    expect(() => publishMinutes(m, 'DSG Chair', NOW)).toThrow(/already published on 4 Dec 2026 by DSG Chair/);
    const done = completeAction(action, 'Project Lead', NOW);
    expect(() => completeAction(done, 'Project Lead', NOW)).toThrow(/already marked done/);
  });
});

describe('an item the meeting acts on', () => {
  const item = { id: 'governance:DP-2026-0001', source: 'governance' as const, reference: 'DP-2026-0001', title: 'Live project', detail: 'Missing: Project Lead', addedBy: null };
  const decision = (action: 'assign' | 'priority' | 'approve', note: string | null) => ({ kind: 'decision' as const, action, note, by: 'DSG Chair', at: NOW });

  it('stays open after owners are assigned and the priority changed, and closes with Noted, the minutes saying all three', () => {
    let m = startMeeting('m1', TODAY, '10:00', [item], 'DSG Chair', NOW);
    m = recordOutcome(m, item.id, decision('assign', 'Project Lead: Project Lead'), NOW);
    expect(isOpenItem(m, item.id)).toBe(true);
    m = recordOutcome(m, item.id, decision('priority', 'High priority'), NOW);
    expect(assertOpenItem(m, item.id)).toEqual(item);
    m = recordOutcome(m, item.id, { kind: 'noted', note: 'Lead to report back', by: 'Minute Taker', at: NOW }, NOW);
    expect(isOpenItem(m, item.id)).toBe(false);
    const words = 'Owners assigned (DSG Chair): Project Lead: Project Lead; Priority changed (DSG Chair): High priority; Noted (Minute Taker): Lead to report back';
    expect(() => assertOpenItem(m, item.id)).toThrow(`"Live project" was already dealt with: ${words}.`);
    expect(draftMinutes(endMeeting(m, NOW), []).items[0].outcome).toBe(words);
  });

  it('is closed by a decision on a request, and by the end of the meeting', () => {
    const m = startMeeting('m1', TODAY, '10:00', [item], 'DSG Chair', NOW);
    expect(isOpenItem(recordOutcome(m, item.id, decision('approve', null), NOW), item.id)).toBe(false);
    expect(() => assertOpenItem(endMeeting(m, NOW), item.id)).toThrow(/The meeting of 4 Dec 2026 is over/);
  });
});

describe('meetingDue', () => {
  // Last meeting 1 Oct 2026: the next is wanted by 1 Dec 2026 (two calendar months); the chair hears from 24 Nov.
  const LAST = '2026-10-01';

  it('asks for a meeting when none is set on or before two calendar months after the last one', () => {
    expect(meetingDue(LAST, [], TODAY)).toEqual({ due: true, last: LAST, by: '2026-12-01', next: null });
    expect(meetingDue('2026-11-20', [], TODAY)).toEqual({ due: false, last: '2026-11-20', by: '2027-01-20', next: null });
    expect(meetingDue(null, [], TODAY).due).toBe(true);
    expect(meetingDue(null, ['2027-06-01'], TODAY).due).toBe(false);
  });

  it('does not count a meeting set for later than the two-month mark', () => {
    expect(meetingDue(LAST, ['2027-03-15'], '2026-11-28')).toEqual({ due: true, last: LAST, by: '2026-12-01', next: '2027-03-15' });
    expect(meetingDue(LAST, ['2026-12-02'], '2026-11-28').due).toBe(true);
    expect(meetingDue(LAST, ['2026-12-01'], '2026-11-28')).toEqual({ due: false, last: LAST, by: '2026-12-01', next: '2026-12-01' });
    expect(meetingDue(LAST, ['2026-12-01', '2027-03-15'], '2026-11-28').due).toBe(false);
  });

  it('speaks from a week before the mark, and after it until a meeting is set in time', () => {
    expect(meetingDue(LAST, ['2027-03-15'], '2026-11-23').due).toBe(false);
    expect(meetingDue(LAST, ['2027-03-15'], '2026-11-24').due).toBe(true);
    expect(meetingDue(LAST, ['2027-03-15'], '2027-02-01').due).toBe(true);
  });

  it('counts a planned date now past as the last meeting', () => {
    expect(meetingDue(LAST, ['2026-11-15', '2027-03-15'], '2026-11-28')).toEqual({ due: false, last: '2026-11-15', by: '2027-01-15', next: '2027-03-15' });
    expect(meetingDue(null, ['2026-11-15'], '2027-01-10')).toMatchObject({ due: true, by: '2027-01-15' });
  });

  it('uses calendar months: a meeting on 31 Dec wants the next by the end of February', () => {
    expect(meetingDue('2026-12-31', [], '2027-02-20')).toMatchObject({ due: false, by: '2027-02-28' });
    expect(meetingDue('2026-12-31', [], '2027-02-21')).toMatchObject({ due: true, by: '2027-02-28' });
    expect(meetingDue('2026-12-31', ['2027-02-28'], '2027-02-21').due).toBe(false);
  });
});

describe('meetingReminder', () => {
  it('reminds the chair, naming the mark and the later meeting that does not meet it', () => {
    const [item] = meetingReminder(chair, '2026-10-01', ['2027-03-15'], '2026-11-28');
    expect(item).toMatchObject({ kind: 'meeting', recipient: chair, fingerprint: '2026-10-01' });
    expect(item.what).toBe('No DSG meeting is set within two months of the one on 1 Oct 2026: add one by 1 Dec 2026 (the next one set, on 15 Mar 2027, is later than that).');
    expect(meetingReminder(chair, '2026-10-01', ['2026-11-30'], '2026-11-28')).toEqual([]);
    expect(meetingReminder(null, '2026-10-01', [], '2026-11-28')).toEqual([]);
  });
});

describe('where the agenda and the meeting may be used', () => {
  const DSG = '19:dsg-channel@thread.tacv2';
  const inDsgThread = { kind: 'channel' as const, conversationId: `${DSG};messageid=1700000000123` };
  const elsewhere = { kind: 'channel' as const, conversationId: '19:other-channel@thread.tacv2;messageid=1' };

  it('shows the agenda in the DSG channel (any thread of it) and in a personal chat only', () => {
    expect(agendaPlaceRefusal({ kind: 'personal' }, DSG)).toBeNull();
    expect(agendaPlaceRefusal({ kind: 'personal' }, null)).toBeNull();
    expect(agendaPlaceRefusal(inDsgThread, DSG)).toBeNull();
    expect(agendaPlaceRefusal({ kind: 'channel', conversationId: DSG }, `${DSG};messageid=9`)).toBeNull();
    const words = 'The agenda is only for the DSG channel or your personal chat with me, as it lists requests still awaiting a decision: type "agenda" in one of those.';
    expect(agendaPlaceRefusal({ kind: 'groupChat' }, DSG)).toBe(words);
    expect(agendaPlaceRefusal(elsewhere, DSG)).toBe(words);
    expect(agendaPlaceRefusal(inDsgThread, null)).toBe(words);
    expect(agendaPlaceRefusal({ kind: 'groupChat' }, DSG, 'agenda add')).toContain('type "agenda add" in one of those');
  });

  it('starts the meeting in the DSG channel only, saying where otherwise', () => {
    expect(meetingStartPlaceRefusal(inDsgThread, DSG)).toBeNull();
    for (const where of [{ kind: 'personal' as const }, { kind: 'groupChat' as const }, elsewhere]) {
      expect(meetingStartPlaceRefusal(where, DSG)).toBe('Start the meeting in the DSG channel, so the whole DSG sees the meeting card there: mention me in that channel with "meeting start".');
    }
    expect(meetingStartPlaceRefusal({ kind: 'personal' }, null)).toMatch(/^Start the meeting in the DSG channel, .*no DSG channel is set up yet: an admin types "setup dsg" in it first\.$/);
  });
});
