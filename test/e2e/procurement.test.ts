/**
 * Joined-up procurement end to end on the demo: the hall and room booking system's contract ends within 6 months, so
 * the reminder run asks the Digital Leaders of its strands (Customers, Estates), inline on their reminder cards:
 * Plan a replacement (a request pre-filled from the entry, opened below and submitted as any request), Renew (a
 * date in the future, or a field error that keeps it), Retire (asks first), Snooze. Someone else's press is refused,
 * a Digital Leader no longer over the strand is refused by the domain (both audited), and a press on an entry
 * changed or retired since gets a clear answer.
 */
import type { Store } from '../../src/app/ports';
import { DEMO_PEOPLE } from '../../src/demo/people';
import { MOCK_USERS } from '../../src/playground/mock-tenant';
import { invokeAction, message, personalChatId } from './support/activities';
import { action, attachedCard, executes, input, invokeCard, invokeMessage, wordsOf } from './support/card-reading';
import { DSG_ENV, startDemoDsgBot } from './support/dsg';
import { FakeConnector } from './support/fake-connector';
import { TestDatabase, type TestBot } from './support/test-bot';
import requestForm from '../fixtures/request-form.json';

const { councilOfficer, digitalLeaderCustomers, digitalLeaderLearning, dsgAdmin, dsgChair } = MOCK_USERS;
const leaderEstates = DEMO_PEOPLE.leaderEstates;
type Person = { id: string; aadObjectId: string; name: string };
type Json = Record<string, unknown>;

const AT = '2026-12-04T10:00:00Z';
const HALLS = 'Community hall and room booking';
const ENERGY = 'Building energy monitoring';

describe('joined-up procurement from the reminder card (SQLite, demo)', () => {
  let db: TestDatabase;
  let t: TestBot;
  const connector = new FakeConnector();

  beforeAll(async () => {
    db = await TestDatabase.create('sqlite');
    await connector.start();
    t = await startDemoDsgBot(db, AT, { ...DSG_ENV, TEAMS_SERVICE_URL: connector.url }, connector);
  });
  afterAll(async () => {
    await t?.stop();
    await connector.stop();
    await db?.dispose();
  });

  const press = async (verb: string, data: Json, from: Person) => {
    const res = await t.post(invokeAction(verb, data, { ...t.opts, from }));
    expect(res.status).toBe(200);
    return res.body;
  };
  const reminderFor = async (name: string) => {
    const sent = await t.connector.waitFor((a) => wordsOf(a.activity).startsWith(`Hello ${name},`), 30_000);
    return { card: attachedCard(sent.activity), conversationId: sent.conversationId };
  };
  /** The data of the button (or the ShowCard's button) with `verb` on the item about `name`. */
  const itemAction = (card: unknown, verb: string, name: string) => {
    const hit = executes(card).find((a) => a.verb === verb && String(a.data.itemKey).startsWith('Catalogue:') && itemWhat(card, Number(a.data.item)).includes(name));
    if (!hit) throw new Error(`no ${verb} for ${name}`);
    return hit.data;
  };
  /** The words of the reminder card's item with this index. */
  const itemWhat = (card: unknown, item: number): string => {
    const groups = (card as { body: Json[] }).body.filter((b) => Array.isArray(b.items));
    for (const g of groups) for (const c of (g.items as Json[]).filter((x) => Array.isArray(x.items))) {
      if (JSON.stringify(c).includes(`"item":${item},`)) return wordsOf(c);
    }
    return '';
  };
  /** `catalogue [words]` typed by a colleague: the card it answers with. */
  const catalogue = async (words: string, from: Person = councilOfficer) => {
    await t.post(message(`catalogue ${words}`.trim(), { ...t.opts, from }));
    return attachedCard(t.connector.activities().find((a) => a.kind === 'reply' && a.replyToId === t.lastPosted)!.activity);
  };
  const solutionId = async (name: string) => (await db.read((store: Store) => store.solutions.byName(name)))!.id;

  let customersCard: Json;
  let estatesCard: Json;

  it("reminds the strands' Digital Leaders once the run comes, and the catalogue says which contracts end or have ended", async () => {
    // The demo's morning run (09:30) comes as the bot starts.
    customersCard = (await reminderFor(digitalLeaderCustomers.name)).card;
    const words = wordsOf(customersCard);
    expect(words).toMatch(/Catalogue · \s*Licences and contracts ending/);
    expect(words).toContain(`The licence or contract for ${HALLS} (Customer Services) ends on 4 Apr 2027.`);
    expect(words).not.toContain(ENERGY); // an Estates entry only
    const item = itemAction(customersCard, 'reminder.replace', HALLS);
    expect(executes(customersCard).filter((a) => a.data.item === item.item).map((a) => a.title)).toEqual(['Plan a replacement', 'Renew', 'Retire', 'Snooze 7 days']);

    estatesCard = (await reminderFor(leaderEstates.name)).card;
    expect(wordsOf(estatesCard)).toContain(`The licence or contract for ${ENERGY} (Property and Facilities) ended on 4 Nov 2026.`);
    expect(wordsOf(estatesCard)).toContain(HALLS);

    const all = wordsOf(await catalogue(''));
    expect(all).toContain('Contract ends 4 Apr 2027 (within 6 months)');
    expect(all).toContain('Contract ended 4 Nov 2026: renew, replace or retire it');
    // Nothing is sent twice: a run now finds them reminded already (the rhythm), and queues nothing more for them.
    expect(invokeMessage(await press('reminders.run', {}, dsgAdmin))).toMatch(/^(Reminders queued|Nothing)/);
    await new Promise((r) => setTimeout(r, 1500));
    const cards = t.connector.activities().filter((a) => wordsOf(a.activity).startsWith(`Hello ${digitalLeaderCustomers.name},`));
    expect(cards).toHaveLength(1);
  });

  it('plans a replacement: a request pre-filled from the entry opens below, and is submitted through the request form', async () => {
    const body = await press('reminder.replace', itemAction(customersCard, 'reminder.replace', HALLS), digitalLeaderCustomers);
    expect(invokeMessage(body)).toBe('Opened below.');
    const below = await t.connector.waitFor((a) => a.conversationId === personalChatId(digitalLeaderCustomers) && wordsOf(a.activity).includes('Pre-filled from'));
    const form = attachedCard(below.activity);
    expect(wordsOf(form)).toContain(`Pre-filled from ${HALLS} in the catalogue: check each step, change what you need, then submit it.`);
    expect(input(form, 'title').value).toBe(`Replace ${HALLS}`);
    expect(String(input(form, 'problem').value)).toMatch(/ends on 4 Apr 2027\. What it does: Residents and community groups book/);
    const { formId } = action(form, 'request.next').data;
    // A second press opens the same draft, not another one.
    expect(invokeMessage(await press('reminder.replace', itemAction(customersCard, 'reminder.replace', HALLS), digitalLeaderCustomers))).toBe('Opened below.');
    const second = await t.connector.waitFor((a) => a.conversationId === personalChatId(digitalLeaderCustomers) && wordsOf(a.activity).includes('as you left it'));
    expect(action(attachedCard(second.activity), 'request.next').data.formId).toBe(formId);
    // The requester reviews it: the rest of the form is theirs to answer.
    const draft = await db.read((store: Store) => store.drafts.latestFor(digitalLeaderCustomers.id));
    const typed = { ...requestForm, ...draft!.values, formId };
    let card = invokeCard(await press('request.submit', typed, digitalLeaderCustomers));
    if (!wordsOf(card).includes('Submitted as')) card = invokeCard(await press('request.confirm', { formId }, digitalLeaderCustomers));
    const reference = /DP-\d{4}-\d{4}/.exec(wordsOf(card))![0];
    expect((await db.read((store: Store) => store.requests.getByReference(reference)))?.title).toBe(`Replace ${HALLS}`);
  });

  it('asks before retiring, and Cancel leaves the card as it was', async () => {
    const retire = itemAction(customersCard, 'reminder.retire', HALLS);
    const asked = invokeCard(await press('reminder.retire', retire, digitalLeaderCustomers));
    expect(wordsOf(asked)).toContain(`Retire ${HALLS} from the catalogue?`);
    expect(wordsOf(asked)).toContain('The DSG and admins can put it back in use from the catalogue.');
    const cancelled = invokeCard(await press('reminder.retire', { ...retire, step: 'cancel' }, digitalLeaderCustomers));
    expect(wordsOf(cancelled)).not.toContain('Retire it');
    expect(executes(cancelled).map((a) => a.verb)).toContain('reminder.renew');
    expect((await db.read((store: Store) => store.solutions.byName(HALLS)))?.retired).toBe(false);
  });

  it('renews: a date not in the future is a field error that keeps it; a later one saves the entry and the item is done', async () => {
    const renew = itemAction(customersCard, 'reminder.renew', HALLS);
    const field = `i${String(renew.item)}_newEnd`;
    const past = invokeCard(await press('reminder.renew', { ...renew, [field]: '2026-12-01' }, digitalLeaderCustomers));
    expect(wordsOf(past)).toContain('Not saved. Open Renew to fix the problem marked.');
    expect(wordsOf(past)).toContain('The new end date must be in the future: after 4 Dec 2026.');
    expect(input(past, field).value).toBe('2026-12-01');

    const renewed = invokeCard(await press('reminder.renew', { ...renew, [field]: '2029-03-31' }, digitalLeaderCustomers));
    expect(wordsOf(renewed)).toContain(`Renewed: ${HALLS} now runs to 31 Mar 2029.`);
    expect(wordsOf(renewed)).toContain(`The licence or contract for ${HALLS} (Customer Services) ends on 4 Apr 2027.\nDone`);
    expect(executes(renewed).some((a) => a.verb === 'reminder.renew' && a.data.item === renew.item)).toBe(false);
    const stored = await db.read((store: Store) => store.solutions.byName(HALLS));
    expect(stored).toMatchObject({ contractEnds: '2029-03-31', version: 2 });
    const events = await db.read((store: Store) => store.audit.listFor('solution', stored!.id));
    expect(events.map((e) => [e.action, e.outcome, e.actorName])).toContainEqual(['solution.renew', 'done', digitalLeaderCustomers.name]);
  });

  it('answers a press on an entry changed since with the card as it now stands', async () => {
    const stale = invokeCard(await press('reminder.retire', itemAction(customersCard, 'reminder.retire', HALLS), digitalLeaderCustomers));
    expect(wordsOf(stale)).toContain('This card is out of date. Someone changed this entry since the reminder was sent: here it is as it now stands.');
    expect((await db.read((store: Store) => store.solutions.byName(HALLS)))?.retired).toBe(false);
  });

  it("refuses someone else's press on the reminder (audited)", async () => {
    const renew = itemAction(estatesCard, 'reminder.renew', ENERGY);
    const refused = invokeMessage(await press('reminder.renew', { ...renew, [`i${String(renew.item)}_newEnd`]: '2030-01-31' }, councilOfficer));
    expect(refused).toMatch(/^Sorry, you cannot do that\. This reminder was sent to someone else/);
    const events = await db.read(async (store: Store) => store.audit.listFor('solution', await solutionId(ENERGY)));
    expect(events.map((e) => [e.action, e.outcome])).toEqual([['reminder.answer', 'refused']]);
  });

  it('retires an ended entry once confirmed; a second press is told it is retired already', async () => {
    const retire = itemAction(estatesCard, 'reminder.retire', ENERGY);
    const asked = invokeCard(await press('reminder.retire', retire, leaderEstates));
    expect(wordsOf(asked)).toContain(`Its licence or contract ended on 4 Nov 2026.`);
    const confirm = executes(asked).find((a) => a.title === 'Retire it')!;
    const done = invokeCard(await press('reminder.retire', confirm.data, leaderEstates));
    expect(wordsOf(done)).toContain(`Retired: ${ENERGY} stays on record in the catalogue, marked retired, and is no longer offered for re-use.`);
    expect((await db.read((store: Store) => store.solutions.byName(ENERGY)))?.retired).toBe(true);
    const listed = await catalogue('energy');
    expect(wordsOf(listed)).toMatch(/Contract ended 4 Nov 2026\nRetired: no longer offered for re-use/);
    expect(() => action(listed, 'solution.restore')).toThrow(); // a colleague's view
    const again = invokeCard(await press('reminder.retire', confirm.data, leaderEstates));
    expect(wordsOf(again)).toContain(`This card is out of date. ${ENERGY} has been retired from the catalogue since this reminder was sent: nothing to do.`);

    // Undone from the catalogue by the DSG; a colleague's press is refused (audited).
    const restore = action(await catalogue('energy', dsgChair), 'solution.restore');
    expect(restore.title).toBe('Put back in use');
    expect(invokeMessage(await press('solution.restore', restore.data, councilOfficer))).toMatch(/^Sorry, you cannot do that\. Only members of the Digital Strategy Group and admins/);
    const back = invokeCard(await press('solution.restore', restore.data, dsgChair));
    expect(wordsOf(back)).toContain(`Back in use: ${ENERGY}`);
    expect((await db.read((store: Store) => store.solutions.byName(ENERGY)))?.retired).toBe(false);
    const twice = invokeCard(await press('solution.restore', restore.data, dsgChair));
    expect(wordsOf(twice)).toContain('This card is out of date. Someone changed this entry since the card was drawn');
    const events = await db.read(async (store: Store) => store.audit.listFor('solution', await solutionId(ENERGY)));
    expect(events.map((e) => [e.action, e.outcome])).toEqual(expect.arrayContaining([['solution.retire', 'done'], ['solution.restore', 'refused'], ['solution.restore', 'done']]));
  });

  it('snoozes with the same rules as other reminders, and refuses a Digital Leader no longer over the strand (audited in the domain)', async () => {
    const snooze = itemAction(estatesCard, 'reminder.snooze', HALLS);
    const snoozed = invokeCard(await press('reminder.snooze', { ...snooze, [`i${String(snooze.item)}_snoozeReason`]: 'Waiting for the new framework.' }, leaderEstates));
    expect(wordsOf(snoozed)).toContain('Snoozed until 11 Dec 2026.');

    await db.read(async (store: Store) => {
      const settings = await store.settings.get();
      const leader = { aadObjectId: digitalLeaderLearning.aadObjectId, name: digitalLeaderLearning.name };
      await store.settings.save({ ...settings, leaders: { ...settings.leaders, estates: leader } }, settings.version);
    });
    const refused = invokeMessage(await press('reminder.retire', itemAction(estatesCard, 'reminder.retire', HALLS), leaderEstates));
    expect(refused).toMatch(/^Sorry, you cannot do that\. Only the Digital Leader of the entry's strands, the DSG chair and admins can renew or retire it/);
    const events = await db.read(async (store: Store) => store.audit.listFor('solution', await solutionId(HALLS)));
    expect(events.map((e) => [e.action, e.outcome])).toEqual(expect.arrayContaining([['reminder.snooze', 'done'], ['solution.retire', 'refused']]));
  });
});
