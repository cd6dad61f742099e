/**
 * Cards that show each person what they may do (issue 16, Universal Actions `refresh` with `userIds`): the triage
 * card is posted read-only with the DSG's members named for refresh, and Teams' automatic `adaptiveCard/action`
 * invoke gets a member the decision actions and anyone else the read-only view; a project card opened in a channel
 * shows edit actions only to those who may edit; a gate card in the DSG channel shows its decision form only to the
 * DSG's members who did not ask for it; past Teams' 60 people the card has its actions for everyone.
 */
import form from '../fixtures/request-form.json';
import { MOCK_TENANT, MOCK_USERS } from '../../src/playground/mock-tenant';
import { MAX_USER_SPECIFIC_VIEWS } from '../../src/domain/card-audience';
import { GATE_ASKER_NOTE, GATE_READ_ONLY_NOTE } from '../../src/presenters/gates';
import { READ_ONLY_NOTE } from '../../src/presenters/triage';
import { channelMention, installationUpdate, invokeAction, message } from './support/activities';
import { action, answerCard, attachedCard, executes, invokeCard, invokeMessage, isCardOf, wordsOf } from './support/card-reading';
import type { RecordedActivity } from './support/fake-connector';
import { startTestBot, TestDatabase, type TestBot } from './support/test-bot';

const { councilOfficer, dsgAdmin, dsgChair, digitalLeaderCustomers, projectLeadLearning2 } = MOCK_USERS;
type User = (typeof MOCK_USERS)[keyof typeof MOCK_USERS];
type Refreshing = { refresh?: { action: { type: string; verb: string; data: Record<string, unknown> }; userIds: string[] } };

const DECISIONS = ['request.approve', 'request.decline', 'request.ask'];
const verbsOf = (card: unknown) => executes(card).map((a) => a.verb);

describe('cards that show each person what they may do (USER_SPECIFIC_VIEWS=on)', () => {
  let db: TestDatabase;
  let t: TestBot;

  beforeAll(async () => {
    db = await TestDatabase.create('sqlite');
    t = await startTestBot(db, { DSG_ADMIN_AAD_IDS: dsgAdmin.aadObjectId, USER_SPECIFIC_VIEWS: 'on' });
    // The DSG is the team's roster: everyone in the Playground's team but the Council Officer.
    t.connector.setRoster(MOCK_TENANT.team.id, [...MOCK_TENANT.users]);
  });
  afterAll(async () => {
    await t?.stop();
    await db?.dispose();
  });

  let thread = 1700000100000;
  const inChannel = (from: User) => ({ ...t.opts, from, conversationType: 'channel' as const, threadId: String(thread++) });
  const press = async (verb: string, data: Record<string, unknown>, from: User, where: 'personal' | 'channel' = 'personal') => {
    const res = await t.post(invokeAction(verb, data, where === 'channel' ? inChannel(from) : { ...t.opts, from }));
    expect(res.status).toBe(200);
    return res.body;
  };
  /** What Teams sends by itself when a card with a refresh for this person comes into view in the DSG channel. */
  const refreshAs = async (card: Refreshing, from: User) => {
    const opts = { ...inChannel(from), trigger: 'automatic' as const };
    const res = await t.post(invokeAction(card.refresh!.action.verb, card.refresh!.action.data, opts));
    expect(res.status).toBe(200);
    return invokeCard(res.body) as Refreshing;
  };
  const submit = async (title: string) => {
    const { formId } = action(invokeCard(await press('request.new', { fresh: true }, councilOfficer)), 'request.next').data;
    const card = invokeCard(await press('request.submit', { formId, ...form, title, problem: `${title}: ${form.problem}` }, councilOfficer));
    const done = wordsOf(card).includes('Submitted as') ? card : invokeCard(await press('request.confirm', { formId }, councilOfficer));
    return /DP-\d{4}-\d{4}/.exec(wordsOf(done))![0];
  };
  const posted = (reference: string, kind: RecordedActivity['kind'] = 'new') =>
    t.connector.waitFor((a) => a.kind === kind && !!a.activity.attachments && isCardOf(attachedCard(a.activity), reference) && a.conversationId.includes(MOCK_TENANT.team.general.id));

  let reference: string;
  let triagePost: Refreshing;

  it('posts the triage card read-only, naming the DSG members for their own view', async () => {
    await t.post(installationUpdate('add', t.opts));
    for (const person of [dsgChair, digitalLeaderCustomers, projectLeadLearning2]) await t.post(message('hi', { ...t.opts, from: person }));
    await t.post(channelMention('setup dsg', inChannel(dsgAdmin)));
    reference = await submit('Online booking for bulky uplifts');

    triagePost = attachedCard((await posted(reference)).activity) as Refreshing;
    expect(verbsOf(triagePost)).not.toEqual(expect.arrayContaining(['request.approve']));
    expect(wordsOf(triagePost)).toContain(READ_ONLY_NOTE);
    expect(verbsOf(triagePost)).toContain('history.show');
    expect(triagePost.refresh?.action).toEqual({ type: 'Action.Execute', title: 'Show my view', verb: 'triage.refresh', data: { reference } });
    expect([...triagePost.refresh!.userIds].sort()).toEqual(MOCK_TENANT.users.map((u) => u.id).sort());
  });

  it('refreshes to the decision actions for a DSG member, and keeps refreshing', async () => {
    const mine = await refreshAs(triagePost, digitalLeaderCustomers);
    expect(verbsOf(mine)).toEqual(expect.arrayContaining(DECISIONS));
    expect(wordsOf(mine)).not.toContain(READ_ONLY_NOTE);
    expect(mine.refresh?.userIds).toEqual(triagePost.refresh?.userIds);
  });

  it('refreshes to the read-only card for an administrator, and to what anyone may see for someone outside the DSG', async () => {
    // An administrator outside the DSG's roster may see triage cards but not decide.
    t.connector.setRoster(MOCK_TENANT.team.id, MOCK_TENANT.users.filter((u) => u.id !== dsgAdmin.id));
    await db.read((store) => store.roster.put(MOCK_TENANT.team.id, MOCK_TENANT.users.filter((u) => u.id !== dsgAdmin.id), new Date().toISOString()));
    const admins = await refreshAs(triagePost, dsgAdmin);
    expect(verbsOf(admins)).not.toEqual(expect.arrayContaining(['request.approve']));
    expect(wordsOf(admins)).toContain(READ_ONLY_NOTE);

    const outsider = await refreshAs(triagePost, councilOfficer);
    expect(verbsOf(outsider)).not.toEqual(expect.arrayContaining(['request.approve']));
    expect(wordsOf(outsider)).toContain(reference);
    // The summary anyone may see: no requester's name, no problem text.
    expect(wordsOf(outsider)).not.toContain(form.problem);
    t.connector.setRoster(MOCK_TENANT.team.id, [...MOCK_TENANT.users]);
    await db.read((store) => store.roster.put(MOCK_TENANT.team.id, [...MOCK_TENANT.users], new Date().toISOString()));
  });

  it('decides from the refreshed card; the channel card is updated read-only again, for everyone', async () => {
    const mine = await refreshAs(triagePost, dsgChair);
    const { data } = action(mine, 'request.approve');
    const decided = invokeCard(await press('request.approve', { ...data, priority: 'high' }, dsgChair, 'channel'));
    expect(wordsOf(decided)).toMatch(/Approved by DSG Chair/);
    const update = attachedCard((await posted(reference, 'update')).activity) as Refreshing;
    expect(wordsOf(update)).toMatch(/Approved by DSG Chair/);
    expect(verbsOf(update)).not.toEqual(expect.arrayContaining(['request.assign']));
    expect(update.refresh?.action.verb).toBe('triage.refresh');
    // A member's view of the approved request offers the owners to assign.
    const assign = action(await refreshAs(update, digitalLeaderCustomers), 'request.assign');
    invokeCard(await press('request.assign', { ...assign.data, projectLead: projectLeadLearning2.aadObjectId }, dsgChair, 'channel'));
  });

  it('shows a project card opened in a channel with edit actions only to those who may edit it', async () => {
    await press('project.view', { reference }, councilOfficer, 'channel');
    const shown = await t.connector.waitFor((a) => a.kind === 'reply' && !!a.activity.attachments && (attachedCard(a.activity) as Refreshing).refresh?.action.verb === 'project.refresh');
    const base = attachedCard(shown.activity) as Refreshing;
    expect(verbsOf(base)).not.toContain('project.plan');
    // The person who opened it, and those who may edit it and have talked to the bot: its lead and the administrator
    // (no chair or Digital Leader is set in this DSG's settings, so a member is only a reader here).
    expect([...base.refresh!.userIds].sort()).toEqual([councilOfficer.id, dsgAdmin.id, projectLeadLearning2.id].sort());

    expect(verbsOf(await refreshAs(base, projectLeadLearning2))).toContain('project.plan');
    expect(verbsOf(await refreshAs(base, councilOfficer))).not.toContain('project.plan');
    // A press from the base card by someone who may not edit is still refused.
    const refused = invokeMessage(await press('project.plan', { reference, version: 1, planLink: 'https://council.example/plan' }, councilOfficer, 'channel'));
    expect(refused).toMatch(/^Sorry, you cannot do that/);
  });

  it("posts a gate card read-only: a member's own view has the decision form, the lead who asked it is told another member decides, anyone else is refused", async () => {
    const form = answerCard(await press('gate.form', { reference }, projectLeadLearning2), t);
    const evidence = Object.fromEntries(['users', 'whole-problem', 'team'].map((id) => [`evidence_${id}`, `https://council.sharepoint.example/sites/uplifts/${id}.docx`]));
    invokeCard(await press('gate.request', { ...action(form, 'gate.request').data, ...evidence }, projectLeadLearning2));
    const shown = await t.connector.waitFor((a) => a.kind === 'new' && !!a.activity.attachments && /Stage gate: Discovery → Alpha/.test(wordsOf(attachedCard(a.activity))));
    const gatePost = attachedCard(shown.activity) as Refreshing;
    expect(verbsOf(gatePost)).not.toContain('gate.decide');
    expect(wordsOf(gatePost)).toContain(GATE_READ_ONLY_NOTE);
    expect(gatePost.refresh?.action).toMatchObject({ verb: 'gate.refresh', data: { gateId: expect.any(String) } });
    expect([...gatePost.refresh!.userIds].sort()).toEqual(MOCK_TENANT.users.map((u) => u.id).sort());

    const members = await refreshAs(gatePost, digitalLeaderCustomers);
    expect(verbsOf(members)).toContain('gate.decide');
    expect(wordsOf(members)).not.toContain(GATE_READ_ONLY_NOTE);
    expect(members.refresh?.userIds).toEqual(gatePost.refresh?.userIds);
    const asker = await refreshAs(gatePost, projectLeadLearning2);
    expect(verbsOf(asker)).not.toContain('gate.decide');
    expect(wordsOf(asker)).toContain(GATE_ASKER_NOTE);
    const outsider = await t.post(invokeAction('gate.refresh', gatePost.refresh!.action.data, { ...inChannel(councilOfficer), trigger: 'automatic' }));
    expect(invokeMessage(outsider.body)).toMatch(/^Sorry, you cannot do that\. The agenda and meetings are for the Digital Strategy Group and admins\./);
    const refused = await db.read((store) => store.audit.listFor('meeting', 'meetings'));
    expect(refused.filter((e) => e.action === 'gate.refresh' && e.outcome === 'refused').map((e) => e.actorName)).toEqual([councilOfficer.name]);

    // Decided from the member's own view: the channel's card is updated for everyone, with the decision and no refresh.
    const decided = invokeCard(await press('gate.decide', { ...action(members, 'gate.decide').data, outcome: 'pass' }, digitalLeaderCustomers, 'channel'));
    expect(wordsOf(decided)).toMatch(/Decision: Pass \(Digital Leader/);
    const update = await t.connector.waitFor((a) => a.kind === 'update' && !!a.activity.attachments && /Stage gate: Discovery → Alpha/.test(wordsOf(attachedCard(a.activity))));
    const updated = attachedCard(update.activity) as Refreshing;
    expect(wordsOf(updated)).toMatch(/Decision: Pass/);
    expect(updated.refresh).toBeUndefined();
    expect(wordsOf(updated)).not.toContain(GATE_READ_ONLY_NOTE);
  });

  it('answers a refresh for an unknown request plainly', async () => {
    const unknown = await t.post(invokeAction('triage.refresh', { reference: 'DP-2026-9999' }, { ...inChannel(dsgChair), trigger: 'automatic' }));
    expect(invokeMessage(unknown.body)).toMatch(/DP-2026-9999/);
  });

  it(`posts the card with its actions for everyone when more than ${MAX_USER_SPECIFIC_VIEWS} people could decide`, async () => {
    const many = Array.from({ length: MAX_USER_SPECIFIC_VIEWS + 1 }, (_, i) => ({ ...MOCK_TENANT.users[0], id: `29:member-${i}`, aadObjectId: `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`, name: `Member ${i}` }));
    t.connector.setRoster(MOCK_TENANT.team.id, many);
    await db.read((store) => store.roster.put(MOCK_TENANT.team.id, many, new Date().toISOString()));
    const second = await submit('School Wi-Fi for every classroom');
    const card = attachedCard((await posted(second)).activity) as Refreshing;
    expect(verbsOf(card)).toEqual(expect.arrayContaining(DECISIONS));
    expect(card.refresh).toBeUndefined();
    expect(wordsOf(card)).not.toContain(READ_ONLY_NOTE);
  });
});
