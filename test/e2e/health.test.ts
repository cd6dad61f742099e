/**
 * Project health (RAG) end to end on the demo programme: the reminder run asks a Project Lead for the status of a
 * project in delivery; amber without a reason comes back with the problem under its input and what was typed
 * kept; red with a reason is saved, and the strand's Digital Leader is alerted at once through the outbox; a press
 * by someone else is refused politely (and audited), and a press on an older card is refused, saying what changed.
 */
import { MOCK_USERS } from '../../src/playground/mock-tenant';
import { message, personalChatId } from './support/activities';
import { answerCard, attachedCard, executes, input, invokeCard, invokeMessage, wordsOf } from './support/card-reading';
import { press as pressAs, startDemoDsgBot, type User } from './support/dsg';
import { TestDatabase, type TestBot } from './support/test-bot';

const { councilOfficer, dsgAdmin, projectLeadLearning2, projectManagerLearning2, digitalLeaderLearning } = MOCK_USERS;
type Json = Record<string, unknown>;

describe('health (RAG) status from the reminder card (SQLite)', () => {
  let db: TestDatabase;
  let t: TestBot;
  let reference: string;

  beforeAll(async () => {
    db = await TestDatabase.create('sqlite');
    // Before the day's 09:30 run: the run by hand below is the one that asks.
    t = await startDemoDsgBot(db, '2026-12-07T08:30:00Z');
    // The lead and the Digital Leader have talked to the bot, so it can write to them.
    for (const from of [projectLeadLearning2, projectManagerLearning2, digitalLeaderLearning]) await t.post(message('hi', { ...t.opts, from }));
    reference = await db.read(async (store) => {
      const led = (await store.projects.listWithRequests()).filter(
        (p) =>
          p.request.status === 'in-delivery' &&
          p.project.projectLead?.aadObjectId === projectLeadLearning2.aadObjectId &&
          p.project.digitalLeader?.aadObjectId === digitalLeaderLearning.aadObjectId &&
          p.project.health?.ratings.overall.rag !== 'red',
      );
      return led[0].project.reference;
    });
  });
  afterAll(async () => {
    await t?.stop();
    await db?.dispose();
  });

  const press = (verb: string, data: Json, from: User = projectLeadLearning2) => pressAs(t, verb, data, from);

  let update: { data: Json };
  let managerCard: Json;
  let item: number;
  const typed = (values: Record<string, string>) => Object.fromEntries(Object.entries(values).map(([k, v]) => [`i${item}_${k}`, v]));
  const allGreen = { ragOverall: 'green', ragTime: 'green', ragCost: 'green', ragScope: 'green' };

  it('asks the lead for the status in their reminder card, with Update status', async () => {
    expect(invokeMessage(await press('reminders.run', {}, dsgAdmin))).toMatch(/^Reminders queued/);
    const sent = await t.connector.waitFor((a) => a.conversationId === personalChatId(projectLeadLearning2) && wordsOf(a.activity).includes('need your attention'), 30_000);
    const reminder = attachedCard(sent.activity);
    const found = executes(reminder).find((a) => a.verb === 'reminder.health' && a.data.reference === reference);
    expect(found).toBeDefined();
    update = found!;
    item = Number(update.data.item);
    expect(input(reminder, `i${item}_ragOverall`)).toMatchObject({ type: 'Input.ChoiceSet', isRequired: true });
    // The manager is asked too (the card is drawn when it is sent: waited for here, before anything changes).
    const theirs = await t.connector.waitFor((a) => a.conversationId === personalChatId(projectManagerLearning2) && wordsOf(a.activity).includes('need your attention'), 30_000);
    managerCard = attachedCard(theirs.activity);
  }, 60_000);

  it('names the problem under the input when amber has no reason, keeping what was typed', async () => {
    const card = invokeCard(await press('reminder.health', { ...update.data, ...typed({ ...allGreen, ragOverall: 'amber', ragTime: 'amber', ragTimeReason: 'Two weeks behind' }) }));
    expect(wordsOf(card)).toContain('Say why the overall status is amber: a reason is required for amber and red.');
    expect(wordsOf(card)).toMatch(/Not saved\. Open Update status to fix the problem marked\./);
    expect(input(card, `i${item}_ragOverall`).value).toBe('amber');
    expect(input(card, `i${item}_ragTimeReason`).value).toBe('Two weeks behind');
  });

  it('refuses someone the reminder was not sent to, politely, and audits it', async () => {
    const refused = invokeMessage(await press('reminder.health', { ...update.data, ...typed({ ...allGreen, ragOverall: 'red', ragOverallReason: 'I think so' }) }, councilOfficer));
    expect(refused).toMatch(/^Sorry, you cannot do that\. This reminder was sent to someone else/);
    expect((await db.read((store) => store.projects.healthHistory(reference))).filter((u) => u.setBy === councilOfficer.name)).toEqual([]);
    const audit = await db.read((store) => store.audit.listFor('request', reference));
    expect(audit.some((e) => e.outcome === 'refused' && e.actorName === councilOfficer.name)).toBe(true);
  });

  it('sets red with a reason from the reminder card, and alerts the Digital Leader at once', async () => {
    const reason = 'The supplier has gone into administration';
    const card = invokeCard(await press('reminder.health', { ...update.data, ...typed({ ...allGreen, ragOverall: 'red', ragOverallReason: reason, ragCost: 'amber', ragCostReason: 'Re-procurement costs' }) }));
    expect(wordsOf(card)).toContain(`Health status saved: Overall red (${reason}), time green, cost amber (Re-procurement costs), scope green.`);
    expect(executes(card).some((a) => a.verb === 'reminder.health' && Number(a.data.item) === item)).toBe(false);

    const told = await t.connector.waitFor((a) => a.conversationId === personalChatId(digitalLeaderLearning) && wordsOf(a.activity).includes(`Red: ${reference}`), 50_000);
    expect(wordsOf(told.activity)).toContain(`Overall: ${reason}`);
    expect((told.activity.channelData as { notification?: { alert?: boolean } }).notification?.alert).toBe(true);
    // The outbox paces each chat: the Digital Leader's own reminder card may go first.
  }, 60_000);

  it('shows the status on the project card; someone not its lead or manager is refused politely (audited), and the lead confirms it in one press', async () => {
    const card = answerCard(await press('project.view', { reference }), t);
    expect(wordsOf(card)).toMatch(/Health\s+Red\s+Overall:\W+Red: The supplier has gone into administration/);
    const confirm = executes(card).find((a) => a.verb === 'health.confirm')!;
    expect(confirm.title).toBe('Still red?');

    const refused = invokeMessage(await press('health.set', { ...confirm.data, ragOverall: 'green', ragTime: 'green', ragCost: 'green', ragScope: 'green' }, digitalLeaderLearning));
    expect(refused).toBe(`Sorry, you cannot do that. Only the Project Lead and the Project Manager of ${reference} can set its health status.`);
    const audit = await db.read((store) => store.audit.listFor('request', reference));
    expect(audit.some((e) => e.action === 'health.set' && e.outcome === 'refused' && e.actorName === digitalLeaderLearning.name)).toBe(true);

    const confirmed = invokeCard(await press('health.confirm', confirm.data));
    expect(wordsOf(confirmed)).toContain('Health status confirmed: still red.');
    expect(wordsOf(confirmed)).toMatch(/Confirmed by Project Lead \(Learning\) 2 on 7 Dec 2026/);
  });

  it('refuses the manager’s "Still amber?" on their reminder card drawn before the change, saying what changed', async () => {
    const still = executes(managerCard).find((a) => a.verb === 'reminder.health-confirm' && a.data.reference === reference)!;
    expect(still.title).toBe('Still amber?');
    const stale = invokeCard(await press('reminder.health-confirm', still.data, projectManagerLearning2));
    expect(wordsOf(stale)).toMatch(/This card is out of date\. The health status of DP-\d{4}-\d{4} changed since this card was sent\. Project Lead \(Learning\) 2 (set|confirmed) the status on 7 Dec 2026: Overall red/);
    expect((await db.read((store) => store.projects.get(reference)))!.health?.setBy).toBe(projectLeadLearning2.name);
  });

  it('refuses a press on the older card, saying what changed, and changes nothing', async () => {
    const stale = invokeCard(await press('reminder.health', { ...update.data, ...typed(allGreen) }));
    expect(wordsOf(stale)).toMatch(/This card is out of date\. The health status of DP-\d{4}-\d{4} changed since this card was sent\. Project Lead \(Learning\) 2 confirmed the status on 7 Dec 2026: Overall red/);
    expect((await db.read((store) => store.projects.get(reference)))!.health?.ratings.overall.rag).toBe('red');
  });
});
