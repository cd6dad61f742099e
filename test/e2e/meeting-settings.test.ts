/**
 * The chair plans the DSG's meetings from the settings card, and the chair and the Minute Taker arrange the next
 * agenda from its card, walked with real activities against the running bot (its clock on Monday 7 Dec 2026):
 * Add a meeting (a past date is a field error that keeps what was typed; a Teams link becomes Join); Move (the
 * form under the meeting, a taken date refused under its input); Cancel (asks first, saying the agenda carries
 * over); members may look but not change, and each refusal is on the record; a stale card is told what changed; a
 * running meeting keeps its date. On the agenda: Move up/down and Remove for the chair and the Minute Taker only,
 * kept when the agenda is drafted again, a stale card refused saying who changed what, the arranged agenda taken by
 * the meeting, and the removed item back on the agenda after it.
 */
import { MOCK_TENANT, MOCK_USERS } from '../../src/playground/mock-tenant';
import { channelMention } from './support/activities';
import { action, answerCard, executes, input, invokeCard, invokeMessage, wordsOf } from './support/card-reading';
import { press, startDsgBot, submitRequest } from './support/dsg';
import { ENGINES, type TestBot, TestDatabase } from './support/test-bot';

const { councilOfficer, dsgAdmin, dsgChair, digitalLeaderCustomers, digitalLeaderLearning } = MOCK_USERS;
const AT = '2026-12-07T09:00:00.000Z';
const TEAMS_LINK = 'https://teams.microsoft.com/l/meetup-join/19%3ameeting_NjQ1ZTY0@thread.v2/0';

describe.each(ENGINES)('planning meetings and arranging the agenda (%s)', (engine) => {
  let db: TestDatabase;
  let t: TestBot;
  beforeAll(async () => {
    db = await TestDatabase.create(engine);
    t = await startDsgBot(db, undefined, MOCK_TENANT.users, AT);
    // The chair and the Minute Taker, chosen by an admin.
    const settings = invokeCard(await press(t, 'settings.show', { here: true }, dsgAdmin, true));
    invokeCard(await press(t, 'settings.save', { ...action(settings, 'settings.save').data, chair: dsgChair.aadObjectId, minuteTaker: digitalLeaderLearning.aadObjectId }, dsgAdmin, true));
  }, 30_000);
  afterAll(async () => {
    await t?.stop();
    await db?.dispose();
  });

  const settingsCard = async (who = dsgChair) => invokeCard(await press(t, 'settings.show', { here: true }, who, true));
  const refusals = (action: string) => db.read(async (store) => (await store.audit.listFor('meeting', 'planned')).filter((e) => e.action === action && e.outcome === 'refused'));

  describe('the chair plans the meetings on the settings card', () => {
    it('adds a meeting; a past date comes back under its input with everything typed kept', async () => {
      const card = await settingsCard();
      const add = action(card, 'meeting.add');
      const past = invokeCard(await press(t, 'meeting.add', { ...add.data, date: '2026-12-01', startTime: '10:00', place: 'Committee Room 2' }, dsgChair, true));
      expect(wordsOf(past)).toContain('The date is in the past: choose 7 Dec 2026 or later.');
      expect(input(past, 'date').value).toBe('2026-12-01');
      expect(input(past, 'startTime').value).toBe('10:00');
      expect(input(past, 'place').value).toBe('Committee Room 2');

      const added = invokeCard(await press(t, 'meeting.add', { ...add.data, date: '2027-01-14', startTime: '10:00', place: 'Committee Room 2' }, dsgChair, true));
      expect(wordsOf(added)).toContain('Meeting added: 14 Jan 2027 at 10:00, Committee Room 2.');
      const online = invokeCard(await press(t, 'meeting.add', { ...action(added, 'meeting.add').data, date: '2027-03-11', startTime: '14:30', place: TEAMS_LINK }, dsgChair, true));
      expect(wordsOf(online)).toMatch(/14 Jan 2027 at 10:00\n · Committee Room 2[\s\S]*11 Mar 2027 at 14:30\n · Teams meeting\nJoin the Teams meeting/);
      const stored = await db.read((store) => store.settings.get());
      expect(stored.meetings).toEqual([
        { date: '2027-01-14', startTime: '10:00', place: 'Committee Room 2' },
        { date: '2027-03-11', startTime: '14:30', place: TEAMS_LINK },
      ]);
      expect((await db.read((store) => store.audit.listFor('meeting', '2027-01-14'))).map((e) => [e.action, e.outcome])).toEqual([['meeting.add', 'done']]);
    });

    it('lets members see the meetings but not change them, and records each refusal', async () => {
      const card = await settingsCard(digitalLeaderCustomers);
      expect(wordsOf(card)).toContain('14 Jan 2027 at 10:00');
      expect(executes(card).map((a) => a.verb)).not.toContain('meeting.move');
      const version = (await db.read((store) => store.settings.get())).version;
      const refused = invokeMessage(await press(t, 'meeting.cancel', { meeting: '2027-01-14', version }, digitalLeaderCustomers, true));
      expect(refused).toMatch(/Only the DSG chair or an admin can add, move or cancel DSG meetings/);
      // The Minute Taker runs meetings but does not set them.
      invokeMessage(await press(t, 'meeting.add', { version, date: '2027-02-01', startTime: '10:00' }, digitalLeaderLearning, true));
      expect((await refusals('meeting.cancel')).map((e) => e.actorName)).toEqual([digitalLeaderCustomers.name]);
      expect((await refusals('meeting.add')).map((e) => e.actorName)).toEqual([digitalLeaderLearning.name]);
    });

    it('moves a meeting in a form under it: a taken date is refused under its input, a new date and time are saved', async () => {
      const card = await settingsCard();
      const open = invokeCard(await press(t, 'meeting.move', action(card, 'meeting.move').data, dsgChair, true));
      expect(input(open, 'date').value).toBe('2027-01-14');
      expect(input(open, 'place').value).toBe('Committee Room 2');
      expect(executes(open).map((a) => a.verb)).not.toContain('meeting.add');
      const save = executes(open).find((a) => a.verb === 'meeting.move' && a.data.step === 'save')!;
      const taken = invokeCard(await press(t, 'meeting.move', { ...save.data, date: '2027-03-11', startTime: '09:30', place: 'Room 4' }, dsgChair, true));
      expect(wordsOf(taken)).toContain('A DSG meeting is already set on 11 Mar 2027: move that one, or choose another date.');
      expect(input(taken, 'startTime').value).toBe('09:30');
      const moved = invokeCard(await press(t, 'meeting.move', { ...save.data, date: '2027-01-21', startTime: '09:30', place: 'Room 4' }, dsgChair, true));
      expect(wordsOf(moved)).toContain('Meeting moved to 21 Jan 2027 at 09:30, Room 4.');

      // The card drawn before the move is out of date: told so, with the meetings as they are.
      const stale = invokeCard(await press(t, 'meeting.cancel', action(card, 'meeting.cancel').data, dsgChair, true));
      expect(wordsOf(stale)).toMatch(/This card is out of date\. The DSG settings were changed on .* since this card was drawn: nothing was saved/);
      expect(wordsOf(stale)).toContain('21 Jan 2027 at 09:30');
    });

    it('asks before cancelling, saying the drafted agenda carries over; Keep the meeting changes nothing', async () => {
      await submitRequest(t, councilOfficer, 'Online booking for bulky uplifts');
      const card = await settingsCard();
      const asked = invokeCard(await press(t, 'meeting.cancel', action(card, 'meeting.cancel').data, dsgChair, true));
      expect(wordsOf(asked)).toContain('Cancel the DSG meeting on 21 Jan 2027 at 09:30, Room 4?');
      expect(wordsOf(asked)).toContain('The agenda drafted for it (1 item) carries over to the meeting on 11 Mar 2027 at 14:30, on Teams, with the order the chair or the Minute Taker set.');
      const kept = invokeCard(await press(t, 'meeting.cancel', executes(asked).find((a) => a.title === 'Keep the meeting')!.data, dsgChair, true));
      expect(wordsOf(kept)).toContain('21 Jan 2027 at 09:30');
      const cancelled = invokeCard(await press(t, 'meeting.cancel', executes(asked).find((a) => a.title === 'Cancel the meeting')!.data, dsgChair, true));
      expect(wordsOf(cancelled)).toContain('Meeting cancelled.');
      expect(wordsOf(cancelled)).not.toContain('21 Jan 2027');
      // On the record under the date each change was made to: moved from 14 Jan, cancelled on 21 Jan.
      expect((await db.read((store) => store.audit.listFor('meeting', '2027-01-14'))).map((e) => e.action)).toEqual(['meeting.add', 'meeting.move']);
      expect((await db.read((store) => store.audit.listFor('meeting', '2027-01-21'))).map((e) => [e.action, e.before, e.after])).toEqual([['meeting.cancel', { meeting: '21 Jan 2027 at 09:30, Room 4' }, null]]);
    });

    it("opens the settings below a reminder's Add a meeting, at the Add a meeting form", async () => {
      const body = await press(t, 'settings.show', { key: 'DSG:meeting', focus: 'add' }, dsgChair);
      expect(invokeMessage(body)).toBe('Opened below.');
      const card = answerCard(body, t);
      expect(wordsOf(card)).toContain('Add the next DSG meeting with the Add a meeting form below.');
      expect(action(card, 'meeting.add')).toBeTruthy();
    });
  });

  describe('the chair and the Minute Taker arrange the next agenda', () => {
    let second: string;
    let planVersion = 0;
    const agenda = async (who = dsgChair) => invokeCard(await press(t, 'agenda.show', {}, who, true));
    const titlesOf = (card: object) => [...wordsOf(card).matchAll(/^\d+\. \n(.+)$/gm)].map((m) => m[1]);

    it('shows members the agenda read-only, with Add an item that keeps an unknown reference typed', async () => {
      second = await submitRequest(t, councilOfficer, 'Digital library cards for schools');
      const card = await agenda(digitalLeaderCustomers);
      expect(executes(card).map((a) => a.verb)).toEqual(['agenda.add']);
      const unknown = invokeCard(await press(t, 'agenda.add', { from: 'card', text: 'DP-2099-9999' }, digitalLeaderCustomers, true));
      expect(wordsOf(unknown)).toContain('There is no request DP-2099-9999');
      expect(input(unknown, 'text').value).toBe('DP-2099-9999');
      const added = invokeCard(await press(t, 'agenda.add', { from: 'card', text: 'Review of the website analytics' }, digitalLeaderCustomers, true));
      expect(titlesOf(added)).toEqual(['DP-2026-0001 Online booking for bulky uplifts', `${second} Digital library cards for schools`, 'Review of the website analytics']);
      const refused = invokeMessage(await press(t, 'agenda.remove', { itemId: `awaiting-decision:${second}`, version: 0 }, digitalLeaderCustomers, true));
      expect(refused).toMatch(/Only the DSG chair, the Minute Taker or an admin can reorder or remove agenda items/);
    });

    it('moves an item up and takes one off; the arrangement is kept when the agenda is drafted again', async () => {
      const card = await agenda();
      const up = executes(card).find((a) => a.verb === 'agenda.move' && String(a.data.itemId).startsWith('added:') && a.data.direction === 'up')!;
      const moved = invokeCard(await press(t, 'agenda.move', up.data, dsgChair, true));
      expect(wordsOf(moved)).toContain('Moved up.');
      expect(titlesOf(moved)[1]).toBe('Review of the website analytics');

      // The Minute Taker's card, drawn before the chair's change, is refused with what changed.
      const stale = invokeCard(await press(t, 'agenda.remove', { itemId: `awaiting-decision:${second}`, version: up.data.version }, digitalLeaderLearning, true));
      expect(wordsOf(stale)).toMatch(/The agenda was changed since this card was drawn: DSG Chair moved "Review of the website analytics" up to number 2/);

      const removeSecond = executes(stale).find((a) => a.verb === 'agenda.remove' && a.data.itemId === `awaiting-decision:${second}`)!;
      const removed = invokeCard(await press(t, 'agenda.remove', removeSecond.data, digitalLeaderLearning, true));
      expect(wordsOf(removed)).toMatch(/Taken off the agenda of the next meeting\. If it is still relevant after that meeting, the next draft brings it back/);
      expect(titlesOf(removed)).toEqual(['DP-2026-0001 Online booking for bulky uplifts', 'Review of the website analytics']);
      expect(wordsOf(removed)).toMatch(/Taken off this agenda[\s\S]*Digital library cards for schools\nPut back/);
      planVersion = Number(action(removed, 'agenda.restore').data.version);

      // Drafted again with a new request: the arranged items keep their order, the new one comes after them.
      const third = await submitRequest(t, councilOfficer, 'School Wi-Fi for every classroom');
      expect(titlesOf(await agenda(digitalLeaderCustomers))).toEqual(['DP-2026-0001 Online booking for bulky uplifts', 'Review of the website analytics', `${third} School Wi-Fi for every classroom`]);
    });

    it('starts the meeting with the arranged agenda; the meeting keeps its date; afterwards the removed item is back', async () => {
      const today = invokeCard(await press(t, 'meeting.add', { ...action(await settingsCard(), 'meeting.add').data, date: '2026-12-07', startTime: '09:00', place: 'Council Chamber' }, dsgChair, true));
      expect(wordsOf(today)).toContain('Meeting added: 7 Dec 2026 at 09:00, Council Chamber.');
      await t.post(channelMention('meeting start', { ...t.opts, from: dsgChair, threadId: '1700000000555' }));
      const started = await t.connector.waitFor((a) => !!a.activity.attachments && /Running since/.test(wordsOf(a.activity.attachments[0].content)));
      const meeting = wordsOf(started.activity.attachments![0].content);
      expect(meeting.indexOf('Review of the website analytics')).toBeLessThan(meeting.indexOf('School Wi-Fi'));
      expect(meeting).not.toContain('Digital library cards for schools');
      expect(meeting).toMatch(/^DSG meeting, 7 Dec 2026\nCouncil Chamber\n/);

      const settings = await settingsCard();
      expect(wordsOf(settings)).toContain('Running or held: it keeps its date.');
      const version = (await db.read((store) => store.settings.get())).version;
      const refused = invokeCard(await press(t, 'meeting.move', { meeting: '2026-12-07', version, step: 'save', date: '2026-12-08', startTime: '10:00' }, dsgChair, true));
      expect(wordsOf(refused)).toContain('The meeting of 7 Dec 2026 is running now, so it cannot be moved. End it with "meeting end".');
      const fixed = invokeCard(await press(t, 'agenda.remove', { itemId: 'awaiting-decision:DP-2026-0001', version: planVersion }, dsgChair, true));
      expect(wordsOf(fixed)).toMatch(/This card is out of date|The meeting has started/);

      invokeCard(await press(t, 'meeting.end', {}, dsgChair, true));
      const after = await agenda();
      expect(wordsOf(after)).toContain('Digital library cards for schools');
      expect(wordsOf(after)).not.toContain('Review of the website analytics');
      expect(wordsOf(after)).toContain('Agenda for the DSG meeting on 11 Mar 2027 at 14:30');
    });
  });
});
