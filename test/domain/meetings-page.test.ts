import type { AgendaItem, Meeting, MeetingAction } from '../../src/domain/meetings';
import { startMeeting } from '../../src/domain/meetings';
import { HIDDEN_REQUEST, type MeetingsAudience, meetingsPage, type MeetingsPageData } from '../../src/domain/meetings-page';
import { EMPTY_SETTINGS } from '../../src/domain/settings';
import { sampleProject } from '../support/sample-project';

const NOW = '2026-12-04T10:00:00.000Z';
const chair = { aadObjectId: 'aad-chair', name: 'Chair Person' };
const lead = { aadObjectId: 'aad-lead', name: 'Lead Person' };
const stranger = { aadObjectId: 'aad-x', name: 'Someone Else' };
const PUBLIC: MeetingsAudience = { names: false, requests: false };
const SIGNED_IN: MeetingsAudience = { names: true, requests: false };
const DSG: MeetingsAudience = { names: true, requests: true };

const item = (id: string, source: AgendaItem['source'], reference: string | null, title: string, detail: string): AgendaItem => ({ id, source, reference, title, detail, addedBy: null });
const awaiting = (n: number) => item(`awaiting-decision:DP-2026-000${n}`, 'awaiting-decision', `DP-2026-000${n}`, `Pending ${n}`, `Submitted by Requester ${n}`);
const action = (id: string, owner: typeof lead, reference: string | null): MeetingAction => ({ id, meetingId: 'm1', itemId: 'x', reference, what: `Do ${id}`, owner, due: '2026-12-20', createdAt: NOW, createdBy: chair.name, doneAt: null, doneBy: null });

function data(overrides: Partial<MeetingsPageData> = {}): MeetingsPageData {
  return {
    now: NOW,
    today: '2026-12-04',
    viewer: null,
    next: { date: '2026-12-15', startTime: '10:00', place: 'https://teams.microsoft.com/l/meetup-join/abc' },
    later: [],
    running: null,
    drafted: [],
    held: [],
    actions: [],
    programme: new Map([['DP-2026-0009', sampleProject('DP-2026-0009', { projectLead: lead })]]),
    settings: { ...EMPTY_SETTINGS, chair },
    members: [],
    downloads: new Map(),
    ...overrides,
  };
}

describe('the next meeting', () => {
  it('keeps a Teams link for signed-in viewers only', () => {
    expect(meetingsPage(data(), PUBLIC).next?.place).toBe('Online (Teams meeting)');
    expect(meetingsPage(data(), SIGNED_IN).next?.place).toBe('https://teams.microsoft.com/l/meetup-join/abc');
    expect(meetingsPage(data({ next: { date: '2026-12-15', startTime: null, place: 'Room 4' } }), PUBLIC).next?.place).toBe('Room 4');
  });

  it('collapses requests the viewer may not see, next to each other under one heading, into one line', () => {
    const drafted = [awaiting(1), awaiting(2), awaiting(3), item('governance:DP-2026-0009', 'governance', 'DP-2026-0009', 'Live project', 'Missing: Implementation plan')];
    const forPublic = meetingsPage(data({ drafted }), PUBLIC).next!.agenda;
    expect(forPublic).toEqual([
      { section: 'Awaiting a decision', reference: null, title: '3 requests not yet in the Digital Programme' },
      { section: 'Priority project missing governance', reference: 'DP-2026-0009', title: 'Live project', detail: 'Missing: Implementation plan' },
    ]);
    expect(meetingsPage(data({ drafted: [awaiting(1)] }), SIGNED_IN).next!.agenda).toEqual([{ section: 'Awaiting a decision', reference: null, title: HIDDEN_REQUEST }]);
    expect(meetingsPage(data({ drafted }), DSG).next!.agenda.map((e) => e.detail)).toEqual(['Submitted by Requester 1', 'Submitted by Requester 2', 'Submitted by Requester 3', 'Missing: Implementation plan']);
  });

  it('shows the agenda of the meeting in progress', () => {
    const running = startMeeting('m2', '2026-12-04', '09:30', [item('added:1', 'added', null, 'AOB', 'Added by Chair Person')], chair.name, NOW);
    const next = meetingsPage(data({ running }), PUBLIC).next!;
    expect(next).toMatchObject({ date: '2026-12-04', startTime: '09:30', inProgress: true, place: null });
    expect(next.agenda).toEqual([{ section: 'Added by a member', reference: null, title: 'AOB' }]);
    expect(meetingsPage(data({ running, next: { date: '2026-12-04', startTime: '09:00', place: 'Room 4' } }), PUBLIC).next).toMatchObject({ startTime: '09:30', place: 'Room 4' });
  });
});

describe('the minutes', () => {
  const held: Meeting = {
    ...startMeeting('m1', '2026-10-20', '10:00', [item('governance:DP-2026-0009', 'governance', 'DP-2026-0009', 'Live project', 'Missing: plan')], chair.name, NOW),
    status: 'ended',
    attendees: [chair, lead],
    apologies: [],
    outcomes: { 'governance:DP-2026-0009': { kind: 'noted', note: 'Plan by January', by: chair.name, at: NOW } },
    notes: '',
    publishedAt: '2026-10-21T09:00:00.000Z',
  };
  const actions = [action('a1', lead, 'DP-2026-0009'), action('a2', chair, null), action('a3', stranger, null)];

  it('names action owners by role for the public: the project’s lead, the chair, or an owner', () => {
    const minutes = meetingsPage(data({ held: [held], actions }), PUBLIC).past[0].minutes!;
    expect(minutes.actions.map((a) => a.owner)).toEqual(['the Project Lead', 'the DSG chair', 'an owner']);
    expect(minutes).toMatchObject({ attendeeCount: 2, apologyCount: 0 });
    expect(minutes.items[0]).toEqual({ section: 'Priority project missing governance', reference: 'DP-2026-0009', title: 'Live project', detail: 'Missing: plan', outcome: 'Noted' });
    expect(JSON.stringify(minutes)).not.toMatch(/Person|Someone/);
  });

  it('gives signed-in viewers the names and the note; empty notes are left out', () => {
    const minutes = meetingsPage(data({ held: [held], actions, downloads: new Map([['2026-10-20', { docx: 'https://x/d', html: 'https://x/h' }]]) }), SIGNED_IN).past[0].minutes!;
    expect(minutes.attendees).toEqual(['Chair Person', 'Lead Person']);
    expect(minutes.items[0]).toMatchObject({ outcome: 'Noted', by: 'Chair Person', note: 'Plan by January' });
    expect(minutes.actions.map((a) => a.owner)).toEqual(['Lead Person', 'Chair Person', 'Someone Else']);
    expect(minutes.downloads).toEqual({ docx: 'https://x/d', html: 'https://x/h' });
    expect(minutes).not.toHaveProperty('notes');
  });

  it('shows no minutes before they are published, and no meeting that did not end', () => {
    const draft = { ...held, publishedAt: null };
    const running = { ...held, id: 'm3', date: '2026-12-04', status: 'running' as const };
    expect(meetingsPage(data({ held: [running, draft] }), DSG).past).toEqual([{ date: '2026-10-20', startTime: '10:00', minutes: null }]);
  });
});
