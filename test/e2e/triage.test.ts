/**
 * The DSG triages requests in its channel: setup by an admin, triage cards posted as threads, decisions
 * by DSG members only, stale and concurrent clicks, the requester told, projects edited by their lead.
 */
import form from '../fixtures/request-form.json';
import { MOCK_TENANT, MOCK_USERS } from '../../src/playground/mock-tenant';
import { channelMention, installationUpdate, invokeAction, message, personalChatId } from './support/activities';
import { action, input, attachedCard, answerCard, invokeCard, invokeMessage, isCardOf, wordsOf } from './support/card-reading';
import type { RecordedActivity } from './support/fake-connector';
import { ENGINES, startTestBot, TestDatabase, type TestBot } from './support/test-bot';

const { councilOfficer, dsgAdmin, dsgChair, digitalLeaderCustomers, projectLeadLearning2, projectManagerLearning2 } = MOCK_USERS;
type User = (typeof MOCK_USERS)[keyof typeof MOCK_USERS];

describe.each(ENGINES)('DSG triage (%s)', (engine) => {
  let db: TestDatabase;
  let t: TestBot;
  const env = () => ({ DSG_ADMIN_AAD_IDS: dsgAdmin.aadObjectId, TEAMS_SERVICE_URL: t?.connector.url ?? '' });

  beforeAll(async () => {
    db = await TestDatabase.create(engine);
    t = await startTestBot(db, { DSG_ADMIN_AAD_IDS: dsgAdmin.aadObjectId });
    // The DSG is the team's roster: everyone in the Playground's team but the Council Officer.
    t.connector.setRoster(MOCK_TENANT.team.id, [...MOCK_TENANT.users]);
  });
  afterAll(async () => {
    await t?.stop();
    await db?.dispose();
  });

  const press = async (verb: string, data: Record<string, unknown>, from: User, inChannel = false) => {
    const opts = inChannel ? { ...t.opts, from, conversationType: 'channel' as const, threadId: '1700000000999' } : { ...t.opts, from };
    const res = await t.post(invokeAction(verb, data, opts));
    expect(res.status).toBe(200);
    return res.body;
  };
  const submit = async (from: User, title: string) => {
    const { formId } = action(invokeCard(await press('request.new', { fresh: true }, from)), 'request.next').data;
    const card = invokeCard(await press('request.submit', { formId, ...form, title, problem: `${title}: ${form.problem}` }, from));
    // Similar requests are shown first: submit anyway.
    return wordsOf(card).includes('Submitted as') ? card : invokeCard(await press('request.confirm', { formId }, from));
  };
  const referenceOf = (card: unknown) => /DP-\d{4}-\d{4}/.exec(wordsOf(card))![0];
  /** The triage card of this request (not another one that lists it among its possible duplicates). */
  const cardWith = (reference: string) => (a: RecordedActivity) => !!a.activity.attachments && isCardOf(attachedCard(a.activity), reference);

  let first: string;
  let triageVersion: number;

  it('posts requests waiting from before the DSG channel existed once an admin sets it up; others are refused', async () => {
    await t.post(installationUpdate('add', t.opts));
    first = referenceOf(await submit(councilOfficer, 'Online booking for bulky uplifts'));

    await t.post(channelMention('setup dsg', { ...t.opts, from: councilOfficer, threadId: '1700000000001' }));
    const refused = await t.connector.waitFor((a) => a.conversationId.endsWith('messageid=1700000000001'));
    expect(refused.activity.text).toMatch(/Only a DSG administrator can set up the DSG channel/);

    await t.post(channelMention('setup dsg', { ...t.opts, from: dsgAdmin, threadId: '1700000000002' }));
    const done = await t.connector.waitFor((a) => a.conversationId.endsWith('messageid=1700000000002'));
    expect(done.activity.text).toMatch(/This channel is now the DSG channel.*1 request already waiting/);
    // The team's roster is read at once: a programme imported next matches its people by email.
    const roster = await db.read((store) => store.roster.get(MOCK_TENANT.team.id));
    expect(roster?.members.map((m) => m.email)).toEqual(MOCK_TENANT.users.map((u) => u.email));

    const post = await t.connector.waitFor(cardWith(first));
    expect(post.kind).toBe('new');
    expect(post.conversationId).toContain(MOCK_TENANT.team.general.id);
    const card = attachedCard(post.activity);
    expect(wordsOf(card)).toContain('Online booking for bulky uplifts');
    triageVersion = Number(action(card, 'request.approve').data.version);
  });

  it('lets an admin choose the chair, Digital Leaders and meeting dates; a member may only look', async () => {
    const asMember = invokeCard(await press('settings.show', { here: true }, digitalLeaderCustomers, true));
    expect(() => action(asMember, 'settings.save')).toThrow();
    const form = invokeCard(await press('settings.show', { here: true }, dsgAdmin, true));
    const { data } = action(form, 'settings.save');
    const saved = invokeCard(await press('settings.save', { ...data, chair: dsgChair.aadObjectId, 'leader-customers': digitalLeaderCustomers.aadObjectId }, dsgAdmin, true));
    expect(wordsOf(saved)).toContain('DSG Chair');
    expect(wordsOf(saved)).toContain('Digital Leader (Customers)');
    const inSixWeeks = new Date(Date.now() + 42 * 86_400_000).toISOString().slice(0, 10);
    const added = invokeCard(await press('meeting.add', { ...action(saved, 'meeting.add').data, date: inSixWeeks, startTime: '10:00', place: 'Committee Room 2' }, dsgAdmin, true));
    expect(wordsOf(added)).toMatch(/Meeting added: .* at 10:00, Committee Room 2/);
    const stale = invokeCard(await press('settings.save', { ...data, chair: digitalLeaderCustomers.aadObjectId }, dsgAdmin, true));
    expect(wordsOf(stale)).toMatch(/changed by someone else since this card was sent/);
    expect(wordsOf(stale)).toContain('DSG Chair');
    const refused = invokeMessage(await press('settings.save', { ...data, version: Number(data.version) + 1 }, councilOfficer, true));
    expect(refused).toMatch(/^Sorry, you cannot do that\./);
  });

  it('posts a new request to the DSG channel as its own thread, mentioning the strand Digital Leader', async () => {
    const second = referenceOf(await submit(councilOfficer, 'School Wi-Fi for every classroom'));
    const post = await t.connector.waitFor(cardWith(second));
    expect(post.kind).toBe('new');
    const card = attachedCard(post.activity) as { msteams?: { entities?: { mentioned: { id: string } }[] } };
    expect(card.msteams?.entities?.[0]?.mentioned.id).toBe(digitalLeaderCustomers.aadObjectId);
    expect(wordsOf(card)).toContain('<at>Digital Leader (Customers)</at>');
  });

  it("refuses a non-member's decision politely, changes nothing and audits it", async () => {
    const refused = invokeMessage(await press('request.approve', { reference: first, version: triageVersion, priority: 'high' }, councilOfficer, true));
    expect(refused).toBe('Sorry, you cannot do that. Only members of the Digital Strategy Group can decide on requests.');
    const history = answerCard(await press('history.show', { reference: first }, dsgChair), t);
    expect(wordsOf(history)).not.toMatch(/Approved/);
  });

  it('approves for a DSG member, updates the channel card for everyone and tells the requester', async () => {
    const updatedCard = invokeCard(await press('request.approve', { reference: first, version: triageVersion, priority: 'high', isPriority: 'true', note: 'Fits the waste strategy' }, dsgChair, true));
    expect(wordsOf(updatedCard)).toMatch(/Approved by DSG Chair/);
    expect(() => action(updatedCard, 'request.approve')).toThrow();
    action(updatedCard, 'request.assign');

    const update = await t.connector.waitFor((a) => a.kind === 'update' && wordsOf(a.activity).includes('Approved by DSG Chair'));
    expect(update.conversationId).toContain(MOCK_TENANT.team.general.id);
    const told = await t.connector.waitFor((a) => a.conversationId === personalChatId(councilOfficer) && wordsOf(a.activity).includes(`Approved: ${first}`));
    expect(wordsOf(told.activity)).toContain('Fits the waste strategy');
  });

  it('refuses a stale card: already decided by whom and when', async () => {
    const stale = invokeMessage(await press('request.decline', { reference: first, version: triageVersion, reason: 'Too late' }, digitalLeaderCustomers, true));
    expect(stale).toMatch(new RegExp(`^${first} was already decided by DSG Chair at \\d{1,2} \\w{3} \\d{4}, \\d{2}:\\d{2}`));
  });

  it('lets exactly one of two simultaneous decisions win', async () => {
    const ref = referenceOf(await submit(councilOfficer, 'Digital library cards for pupils'));
    const post = await t.connector.waitFor(cardWith(ref));
    const version = Number(action(attachedCard(post.activity), 'request.approve').data.version);
    const [a, b] = await Promise.all([
      press('request.approve', { reference: ref, version, priority: 'low' }, dsgChair, true),
      press('request.decline', { reference: ref, version, reason: 'Covered by the library system', step: 'confirm' }, digitalLeaderCustomers, true),
    ]);
    const bodies = [a, b];
    expect(bodies.filter((x) => x.type === 'application/vnd.microsoft.card.adaptive')).toHaveLength(1);
    expect(invokeMessage(bodies.find((x) => x.type !== 'application/vnd.microsoft.card.adaptive'))).toMatch(/was already decided by/);
  });

  it('assigns a lead and a manager (anyone in the tenant) and the requester is told', async () => {
    // Each is told of their role in personal chat: they said hi, so the bot has a chat with them.
    for (const owner of [projectLeadLearning2, projectManagerLearning2]) await t.post(message('hi', { ...t.opts, from: owner }));
    const card = answerCard(await press('request.triage', { reference: first }, dsgChair, true), t);
    const { data } = action(card, 'request.assign');
    const assigned = invokeCard(
      await press('request.assign', { ...data, projectLead: projectLeadLearning2.aadObjectId, projectManager: projectManagerLearning2.aadObjectId }, dsgChair, true),
    );
    expect(wordsOf(assigned)).toContain('Project Lead (Learning) 2');
    const told = await t.connector.waitFor((a) => a.conversationId === personalChatId(councilOfficer) && wordsOf(a.activity).includes(`Owners assigned: ${first}`));
    expect(wordsOf(told.activity)).toContain('Project Manager: Project Manager (Learning) 2');
    await t.connector.waitFor((a) => a.conversationId === personalChatId(projectLeadLearning2) && wordsOf(a.activity).includes(`You are the Project Lead: ${first}`));
    await t.connector.waitFor((a) => a.conversationId === personalChatId(projectManagerLearning2) && wordsOf(a.activity).includes(`You are the Project Manager: ${first}`));
  });

  it('lists the project in the programme with what is missing', async () => {
    await t.post(channelMention('programme', { ...t.opts, from: dsgChair, threadId: '1700000000003' }));
    const reply = await t.connector.waitFor((a) => a.conversationId.endsWith('messageid=1700000000003'));
    const words = wordsOf(attachedCard(reply.activity));
    expect(words).toContain(first);
    expect(words).toMatch(/Missing: .*Business case/);
  });

  it('lets the Project Lead add a business case link and three milestones, and nobody else', async () => {
    let project = answerCard(await press('project.view', { reference: first }, projectLeadLearning2), t);
    const { data: bc } = action(project, 'project.business-case');
    project = invokeCard(await press('project.business-case', { ...bc, status: 'drafting', link: 'https://council.sharepoint.com/sites/dsg/bulky-uplifts-business-case.docx', date: '' }, projectLeadLearning2));
    expect(wordsOf(project)).toContain('Business case saved.');

    const { data: ms } = action(project, 'milestone.add');
    const bad = invokeCard(await press('milestone.add', { ...ms, m1Title: 'Discovery', m1Due: '2020-01-01' }, projectLeadLearning2));
    expect(wordsOf(bad)).toContain('A new milestone cannot be due in the past.');
    project = invokeCard(
      await press('milestone.add', { ...ms, m1Title: 'Discovery complete', m1Due: '2027-01-14', m2Title: 'Pilot in one depot', m2Due: '2027-03-31', m3Title: 'Go live', m3Due: '2027-06-30' }, projectLeadLearning2),
    );
    expect(wordsOf(project)).toContain('3 milestones added.');
    for (const title of ['Discovery complete', 'Pilot in one depot', 'Go live']) expect(wordsOf(project)).toContain(title);

    const { data: plan } = action(project, 'project.plan');
    const refused = invokeMessage(await press('project.plan', { ...plan, planLink: 'https://evil.example/plan' }, councilOfficer));
    expect(refused).toMatch(/^Sorry, you cannot do that\. Only the Project Lead/);
    const stale = invokeCard(await press('project.plan', { ...bc, planLink: 'https://council.sharepoint.com/plan' }, projectLeadLearning2));
    expect(wordsOf(stale)).toMatch(/was changed by someone else since this card was sent/);
    const typo = invokeCard(await press('project.plan', { ...plan, planLink: 'http://council.sharepoint.com/plan' }, projectLeadLearning2));
    expect(wordsOf(typo)).toContain('Enter the link as a full https:// address.');
    expect(wordsOf(typo)).toContain('http://council.sharepoint.com/plan');
  });

  it('lets the Project Lead record a realised benefit, keeps what was typed when it is wrong, and refuses a colleague', async () => {
    let project = answerCard(await press('project.view', { reference: first }, projectLeadLearning2), t);
    const { data } = action(project, 'benefit.record');
    const year = String(input(project, 'benefitYear').value);
    // No cash saving and no note: a benefit that is not cash must say what it was.
    const empty = invokeCard(await press('benefit.record', { ...data, benefitYear: year, cashSaving: '' }, projectLeadLearning2));
    expect(wordsOf(empty)).toContain('Say what the benefit was: a benefit that is not cash is recorded by its note (or enter the cash saving).');
    const pence = invokeCard(await press('benefit.record', { ...data, benefitYear: year, cashSaving: '12.50', benefitNote: 'Fewer calls' }, projectLeadLearning2));
    expect(wordsOf(pence)).toContain('Enter the cash saving in whole pounds, without pence.');
    expect(input(pence, 'benefitNote').value).toBe('Fewer calls');
    const future = invokeCard(await press('benefit.record', { ...data, benefitYear: '2099/00', cashSaving: '10' }, projectLeadLearning2));
    expect(wordsOf(future)).toContain('Choose this financial year or an earlier one.');
    project = invokeCard(await press('benefit.record', { ...data, benefitYear: year, cashSaving: '4500', benefitNote: 'Staff time saved in the contact centre' }, projectLeadLearning2));
    expect(wordsOf(project)).toContain(`Benefit recorded: a saving of £4,500 in ${year}.`);
    expect(wordsOf(project)).toContain('£4,500');
    // A benefit that is not cash, through the same form: the cash saving left blank, the note saying what it was.
    project = invokeCard(await press('benefit.record', { ...action(project, 'benefit.record').data, benefitYear: year, cashSaving: '', benefitNote: 'Pupils renew library books from home' }, projectLeadLearning2));
    expect(wordsOf(project)).toContain(`Benefit recorded: a benefit that is not cash in ${year}.`);
    expect(wordsOf(project)).toMatch(new RegExp(`${year.replace('/', '\\/')}, not cash: \nPupils renew library books from home`));
    expect(wordsOf(project)).toContain('Total so far: £4,500');

    const colleague = answerCard(await press('project.view', { reference: first }, councilOfficer), t);
    expect(() => action(colleague, 'benefit.record')).toThrow();
    const refused = invokeMessage(await press('benefit.record', { ...action(project, 'benefit.record').data, benefitYear: year, cashSaving: '99' }, councilOfficer));
    expect(refused).toBe(`Sorry, you cannot do that. Only the Project Lead, the Project Manager, the Digital Leader and the DSG chair can record the benefits of ${first}.`);
  });

  it('takes the project through delivery to completion, and tells the requester', async () => {
    let project = answerCard(await press('project.view', { reference: first }, projectLeadLearning2), t);
    project = invokeCard(await press('project.status', action(project, 'project.status').data, projectLeadLearning2));
    expect(wordsOf(project)).toContain(`${first} is now in delivery.`);
    expect(action(project, 'project.status').title).toBe('Mark project completed');
    await t.connector.waitFor((a) => a.conversationId === personalChatId(councilOfficer) && wordsOf(a.activity).includes(`${first} is in delivery`));
    const illegal = invokeMessage(await press('project.status', { ...action(project, 'project.status').data, status: 'in-delivery' }, projectLeadLearning2));
    expect(illegal).toBe(`${first} is in delivery, so it cannot become in delivery.`);
  });

  it("does not let DSG members decide on their own requests", async () => {
    const ref = referenceOf(await submit(dsgChair, 'Chair idea: paperless committee papers'));
    const post = await t.connector.waitFor(cardWith(ref));
    const own = invokeMessage(await press('request.approve', { ...action(attachedCard(post.activity), 'request.approve').data, priority: 'low' }, dsgChair, true));
    expect(own).toMatch(/You submitted DP-\d{4}-\d{4}, so another member of the DSG must decide on it\./);
  });

  it('asks the requester for more information and brings the answer back to the DSG', async () => {
    const ref = referenceOf(await submit(councilOfficer, 'Mobile app for reporting potholes'));
    const post = await t.connector.waitFor(cardWith(ref));
    const { data } = action(attachedCard(post.activity), 'request.ask');
    invokeCard(await press('request.ask', { ...data, question: 'Which roads teams would use it first?' }, dsgChair, true));
    const question = await t.connector.waitFor((a) => a.conversationId === personalChatId(councilOfficer) && wordsOf(a.activity).includes('Which roads teams would use it first?'));
    const answer = action(attachedCard(question.activity), 'request.answer').data;
    const answered = invokeCard(await press('request.answer', { ...answer, answer: 'The Penicuik roads team.' }, councilOfficer));
    expect(wordsOf(answered)).toContain('The Penicuik roads team.');
    const reply = await t.connector.waitFor((a) => typeof a.activity.text === 'string' && a.activity.text.includes('answered the question'));
    expect(reply.conversationId).toContain(';messageid=');
    await t.connector.waitFor((a) => a.kind === 'update' && wordsOf(a.activity).includes('The Penicuik roads team.'));
  });

  it('keeps the programme and the project across a restart', async () => {
    await t.bot.stop(); // the connector stays up: the project opens below, as a new message
    t = await startTestBot(db, env(), t.connector);
    const project = answerCard(await press('project.view', { reference: first }, councilOfficer), t);
    expect(wordsOf(project)).toContain('Go live');
    expect(wordsOf(project)).toContain('Project Lead (Learning) 2');
  });
});
