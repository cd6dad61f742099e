import { addDays } from '../domain/calendar';
import { type AgendaAddition, type Meeting, type MeetingAction, startMeeting } from '../domain/meetings';
import type { DemoProgramme } from './programme';
import { DEMO_MINUTE_TAKER, DEMO_PEOPLE, personRef } from './people';

/** The demo's DSG meetings: one held six weeks ago, its minutes published and two actions still open; an item for the next. */
export interface DemoMeetings {
  past: Meeting;
  actions: MeetingAction[];
  additions: AgendaAddition[];
}

export function demoMeetings(programme: DemoProgramme, today: string, newId: () => string): DemoMeetings {
  const date = addDays(today, -42);
  const at = (time: string, days = 0) => `${addDays(date, days)}T${time}:00.000Z`;
  const projects = programme.records.filter((r) => r.project).slice(0, 3);
  const agenda = projects.map((r, i) => ({
    id: i === 0 ? `governance:${r.request.reference}` : `overdue-milestone:${r.request.reference}`,
    source: i === 0 ? ('governance' as const) : ('overdue-milestone' as const),
    reference: r.request.reference,
    title: r.request.title,
    detail: i === 0 ? 'Missing: Implementation plan, Confirmed resourcing' : 'A milestone was past its due date',
    addedBy: null,
  }));
  const held = startMeeting(newId(), date, '10:00', agenda, DEMO_PEOPLE.dsgChair.name, at('10:00'));
  const outcomes = Object.fromEntries(
    agenda.map((item, i) => [item.id, i === 2 ? { kind: 'deferred' as const, by: DEMO_PEOPLE.dsgChair.name, at: at('10:40') } : { kind: 'noted' as const, note: 'The Digital Leader reported progress; actions agreed.', by: DEMO_PEOPLE.dsgChair.name, at: at('10:20') }]),
  );
  const past: Meeting = {
    ...held,
    status: 'ended',
    attendees: [personRef('dsgChair'), personRef('leaderCustomers'), personRef('leaderLearning')],
    apologies: [personRef('leaderEstates')],
    outcomes,
    notes: 'The chair asked the Digital Leaders to bring resourcing plans to the next meeting.',
    endedAt: at('11:00'),
    publishedAt: at('15:00', 1),
    publishedBy: DEMO_PEOPLE[DEMO_MINUTE_TAKER].name,
    version: 8,
    updatedAt: at('15:00', 1),
  };
  const owner = projects[0]?.project?.projectLead ?? personRef('leaderCustomers');
  const action = (what: string, due: string, itemId: string, reference: string | null): MeetingAction => ({
    id: newId(),
    meetingId: past.id,
    itemId,
    reference,
    what,
    owner,
    due,
    createdAt: at('10:30'),
    createdBy: DEMO_PEOPLE[DEMO_MINUTE_TAKER].name,
    doneAt: null,
    doneBy: null,
  });
  const actions = agenda.length
    ? [action('Bring the implementation plan to the DSG', addDays(today, 10), agenda[0].id, agenda[0].reference), action('Confirm who resources the pilot', addDays(today, -3), agenda[0].id, agenda[0].reference)]
    : [];
  const additions: AgendaAddition[] = [
    { id: newId(), reference: null, text: 'Review of the website analytics', addedById: DEMO_PEOPLE.leaderCustomers.id, addedByName: DEMO_PEOPLE.leaderCustomers.name, addedAt: `${addDays(today, -2)}T09:00:00.000Z`, meetingId: null },
  ];
  return { past, actions, additions };
}
