/**
 * DSG meetings at scale: the agenda drafted over the 10,000-project programme (read from SQLite and drafted, as
 * `agenda` does), with 200 requests awaiting a decision, 300 escalated reminders and 100 open actions; and the
 * minutes of a 40-item meeting with 40 actions made into a Word document. Each timed in this process.
 */
import { randomUUID } from 'node:crypto';
import type { Deps } from '../src/app/deps';
import { draftNextAgenda } from '../src/app/meetings/draft-agenda';
import { WorkingCalendar } from '../src/domain/calendar';
import { draftAgenda, draftMinutes, type MeetingAction, startMeeting } from '../src/domain/meetings';
import { DEFAULT_BANK_HOLIDAYS_FILE } from '../src/config';
import { minutesDocx } from '../src/documents/minutes-docx';
import { loadBankHolidays } from '../src/scheduler/bank-holidays';
import { sampleRequest } from '../test/support/sample-request';
import { seedProgramme } from './seed-programme';
import { runBench, timed, withBenchStore } from './support';

const PROJECTS = Number(process.env.BENCH_PROJECTS ?? 10_000);
const ITEMS = 40;


async function main(): Promise<void> {
  const now = new Date('2026-11-27T09:30:00Z');
  await withBenchStore('meetings', async (store) => {
    await seedProgramme(store, PROJECTS, 5, now);
    const owner = (i: number) => ({ aadObjectId: `aad-${i % 300}`, name: `Project Lead ${i % 300}` });
    await store.transaction(async (tx) => {
      for (let i = 0; i < 200; i++) await tx.requests.insert(sampleRequest({ reference: `DP-2027-${String(i + 1).padStart(4, '0')}`, createdAt: new Date(now.getTime() - i * 3_600_000).toISOString() }), []);
      await tx.reminders.save(Array.from({ length: 300 }, (_, i) => ({ key: `DP-2026-${String(i * 7 + 1).padStart(5, '0')}:plan`, recipientId: owner(i).aadObjectId, count: 3, lastSentAt: now.toISOString(), fingerprint: 'f', snoozedUntil: null, snoozes: 0, escalatedAt: now.toISOString() })));
      const earlier = startMeeting(randomUUID(), '2026-10-01', '10:00', [], 'DSG Chair', '2026-10-01T09:00:00Z');
      await tx.meetings.insert({ ...earlier, status: 'ended' });
      for (let i = 0; i < 100; i++) {
        await tx.meetings.addAction({ id: randomUUID(), meetingId: earlier.id, itemId: 'x', reference: null, what: `Action ${i}`, owner: owner(i), due: '2026-12-20', createdAt: now.toISOString(), createdBy: 'DSG Chair', doneAt: null, doneBy: null });
      }
    });
    const deps = { store, clock: { now: () => now }, calendar: new WorkingCalendar(loadBankHolidays(DEFAULT_BANK_HOLIDAYS_FILE).dates) } as unknown as Deps;
    await draftNextAgenda(deps, store); // warm the statement cache, as a running bot has
    const agenda = await timed(() => draftNextAgenda(deps, store));
    const programme = await store.projects.listWithHeadlines();
    const waiting = (await store.requests.listByStatus(['submitted', 'under-review'], 0, 10_000)).items.map((request) => ({ request, triage: null }));
    const source = { waiting, programme, reminders: await store.reminders.all(), openActions: await store.meetings.openActions(), deferred: [], additions: [], today: '2026-11-27' };
    const drafted = await timed(() => draftAgenda(source));
    console.log(
      `agenda: ${agenda.value.length} items drafted over ${PROJECTS} projects, reading them from SQLite as \`agenda\` does, in ${agenda.ms.toFixed(0)} ms (target <= 300 ms); the drafting alone ${drafted.ms.toFixed(0)} ms`,
    );

    const items = agenda.value.slice(0, ITEMS);
    const meeting = { ...startMeeting('m', '2026-11-27', '10:00', items, 'DSG Chair', now.toISOString()), status: 'ended' as const };
    meeting.outcomes = Object.fromEntries(items.map((item, i) => [item.id, i % 3 === 0 ? { kind: 'noted' as const, note: 'Discussed at length; the Digital Leader will report back next time.', by: 'DSG Chair', at: now.toISOString() } : { kind: 'deferred' as const, by: 'DSG Chair', at: now.toISOString() }]));
    const actions: MeetingAction[] = items.map((item, i) => ({ id: `a${i}`, meetingId: 'm', itemId: item.id, reference: item.reference, what: `Follow up ${item.title}`, owner: owner(i), due: '2026-12-20', createdAt: now.toISOString(), createdBy: 'DSG Chair', doneAt: null, doneBy: null }));
    const minutes = draftMinutes(meeting, actions);
    await minutesDocx(minutes); // load docx's code once, as the running bot has
    const docx = await timed(() => minutesDocx(draftMinutes(meeting, actions)));
    console.log(`minutes: a ${ITEMS}-item meeting with ${actions.length} actions as a ${(docx.value.length / 1024).toFixed(0)} KB Word document in ${docx.ms.toFixed(0)} ms (target <= 500 ms)`);
  });
}

runBench(main);
