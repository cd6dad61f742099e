/**
 * A project's group chat: the bot added to a group chat, `follow DP-…` typed there by someone who answers for the
 * project, then the project's changes (decisions, owners, milestones, benefits) posted in the chat through the
 * outbox as they happen; `following` lists them, `unfollow` stops them. Refusals are audited.
 */
import { MOCK_TENANT, MOCK_USERS } from '../../src/playground/mock-tenant';
import { channelMention, installationUpdate, message, personalChatId } from './support/activities';
import { action, answerCard, attachedCard, input, invokeCard, wordsOf } from './support/card-reading';
import { press, submitRequest, triageCardOf, useDsgBot, type User } from './support/dsg';
import type { RecordedActivity } from './support/fake-connector';
import { ENGINES } from './support/test-bot';

const { councilOfficer, dsgAdmin, dsgChair, projectLeadLearning2 } = MOCK_USERS;
const CHAT = MOCK_TENANT.groupChat.id;

describe.each(ENGINES)("a project's group chat (%s)", (engine) => {
  const dsg = useDsgBot(engine);
  let reference: string;
  let version: number;

  /** Types `text` in the group chat, @mentioning the bot as Teams requires there, and returns the bot's answer. */
  async function say(text: string, from: User): Promise<string> {
    await dsg.t.post(channelMention(text, { ...dsg.t.opts, from, conversationType: 'groupChat' }));
    const asked = dsg.t.lastPosted;
    const answer = await dsg.t.connector.waitFor((a) => a.conversationId === CHAT && a.replyToId === asked);
    return String(answer.activity.text);
  }

  /** The messages the bot posted in the chat on its own (through the outbox), not answers to what was typed there. */
  const posted = (): RecordedActivity[] => dsg.t.connector.activities().filter((a) => a.conversationId === CHAT && a.kind === 'new');
  const postedSaying = (words: string) => dsg.t.connector.waitFor((a) => a.conversationId === CHAT && a.kind === 'new' && wordsOf(attachedCard(a.activity)).includes(words), 10_000);

  beforeAll(async () => {
    reference = await submitRequest(dsg.t, councilOfficer, 'Room booking for community groups');
    const post = await dsg.t.connector.waitFor((a) => a.kind === 'new' && triageCardOf(reference)(a), 8000);
    version = Number(action(attachedCard(post.activity), 'request.approve').data.version);
  });

  it('refuses a colleague (the requester too) clearly, and audits the refusal', async () => {
    expect(await say(`follow ${reference}`, councilOfficer)).toBe(
      `Sorry, you cannot do that. Only the Project Lead, the Project Manager, the Digital Leader of ${reference}, the DSG chair and admins can choose which chats get its changes.`,
    );
    const events = await dsg.db.read((store) => store.audit.listFor('request', reference));
    expect(events.filter((e) => e.action === 'project.follow').map((e) => [e.outcome, e.actorName])).toEqual([['refused', councilOfficer.name]]);
    expect(await dsg.db.read((store) => store.follows.followedBy(CHAT))).toEqual([]);
  });

  it('tells an unknown reference so, and says where to type follow when it is typed elsewhere', async () => {
    expect(await say('follow DP-2026-9999', dsgAdmin)).toBe('There is no request or project DP-2026-9999. Check the reference (it looks like DP-2026-0007) and try again.');
    await dsg.t.post(message(`follow ${reference}`, { ...dsg.t.opts, from: dsgAdmin }));
    const elsewhere = await dsg.t.connector.waitFor((a) => a.conversationId === personalChatId(dsgAdmin) && a.replyToId === dsg.t.lastPosted);
    expect(elsewhere.activity.text).toBe(`Type this in the group chat that should get the project's changes, mentioning me: @DSG Bot follow ${reference}.`);
  });

  it('follows for an admin, once: following twice says it already does', async () => {
    expect(await say(`follow ${reference}`, dsgAdmin)).toMatch(new RegExp(`^This chat now follows ${reference} "Room booking for community groups": decisions, owners`));
    expect(await say(`follow ${reference}`, dsgAdmin)).toBe(`This chat already follows ${reference} "Room booking for community groups", so nothing changed. Type "unfollow ${reference}" to stop it.`);
    expect(await say('following', councilOfficer)).toBe(`This chat follows one project:\n${reference} "Room booking for community groups" (submitted), since ${new Date().toISOString().slice(0, 10)}`);
  });

  it('gets the decision and the owners, posted in the chat through the outbox', async () => {
    invokeCard(await press(dsg.t, 'request.approve', { reference, version, priority: 'high', note: 'Fits the libraries plan' }, dsgChair, true));
    const decision = wordsOf(attachedCard((await postedSaying(`${reference}: Approved`)).activity));
    expect(decision).toContain('"Room booking for community groups": approved by DSG Chair.');
    expect(decision).toContain('Fits the libraries plan');
    expect(decision).toContain('Open project');

    const { data } = action(answerCard(await press(dsg.t, 'request.triage', { reference }, dsgChair, true), dsg.t), 'request.assign');
    await press(dsg.t, 'request.assign', { ...data, projectLead: projectLeadLearning2.aadObjectId }, dsgChair, true);
    const owners = wordsOf(attachedCard((await postedSaying(`${reference}: Owners assigned`)).activity));
    expect(owners).toContain('Project Lead: Project Lead (Learning) 2');
  });

  it("gets a milestone marked done, but not a change chats do not follow (new milestones)", async () => {
    let project = answerCard(await press(dsg.t, 'project.view', { reference }, projectLeadLearning2), dsg.t);
    project = invokeCard(await press(dsg.t, 'milestone.add', { ...action(project, 'milestone.add').data, m1Title: 'Pilot in the central library', m1Due: '2027-06-30' }, projectLeadLearning2));
    await press(dsg.t, 'milestone.done', action(project, 'milestone.done').data, projectLeadLearning2);
    const done = wordsOf(attachedCard((await postedSaying("Milestone 'Pilot in the central library' marked done")).activity));
    expect(done).toContain(`"Room booking for community groups": milestone 'Pilot in the central library' marked done by ${projectLeadLearning2.name}.`);
    expect(posted().map((a) => wordsOf(attachedCard(a.activity)).split('\n')[0])).toEqual([
      `${reference}: Approved`,
      `${reference}: Owners assigned`,
      `${reference}: Milestone 'Pilot in the central library' marked done`,
    ]);
  });

  it('stops on unfollow by the Project Lead: a change after it is not posted; following again posts the next', async () => {
    expect(await say(`unfollow ${reference}`, projectLeadLearning2)).toBe(`This chat no longer follows ${reference}.`);
    expect(await say(`unfollow ${reference}`, projectLeadLearning2)).toBe(`This chat does not follow ${reference}, so nothing changed. Type "following" to see what it follows.`);
    expect(await say('following', councilOfficer)).toMatch(/^This chat follows no project yet\./);

    let project = answerCard(await press(dsg.t, 'project.view', { reference }, projectLeadLearning2), dsg.t);
    project = invokeCard(await press(dsg.t, 'project.business-case', { ...action(project, 'project.business-case').data, status: 'approved', link: 'https://council.sharepoint.com/bc.docx', date: '' }, projectLeadLearning2));
    expect(wordsOf(project)).toContain('Business case saved.');

    // The Project Lead may make the chat follow too; the next change reaches it, and the one made while unfollowed never does.
    expect(await say(`follow ${reference}`, projectLeadLearning2)).toMatch(/^This chat now follows/);
    const year = String(input(project, 'benefitYear').value);
    await press(dsg.t, 'benefit.record', { ...action(project, 'benefit.record').data, benefitYear: year, cashSaving: '4500', benefitNote: 'Fewer phone bookings' }, projectLeadLearning2);
    const benefit = wordsOf(attachedCard((await postedSaying(`${reference}: Benefit recorded`)).activity));
    expect(benefit).toContain(`a saving of £4,500 in ${year}`);
    expect(posted().map((a) => wordsOf(attachedCard(a.activity)).split('\n')[0])).toEqual([
      `${reference}: Approved`,
      `${reference}: Owners assigned`,
      `${reference}: Milestone 'Pilot in the central library' marked done`,
      `${reference}: Benefit recorded`,
    ]);
    const stored = await dsg.db.read((store) => store.follows.followersOf(reference));
    // The chat's address is kept, not the person who typed follow.
    expect(stored.map((f) => [f.conversationId, JSON.stringify(f.conversationRef).includes(projectLeadLearning2.id)])).toEqual([[CHAT, false]]);
    const events = await dsg.db.read((store) => store.audit.listFor('conversation', CHAT));
    expect(events.map((e) => [e.action, e.outcome, e.actorName])).toEqual([
      ['project.follow', 'done', dsgAdmin.name],
      ['project.unfollow', 'done', projectLeadLearning2.name],
      ['project.follow', 'done', projectLeadLearning2.name],
    ]);
  });

  it('posts nothing while the bot is out of the chat, and carries on once it is added back', async () => {
    const benefit = async (pounds: string) => {
      const project = answerCard(await press(dsg.t, 'project.view', { reference }, projectLeadLearning2), dsg.t);
      const year = String(input(project, 'benefitYear').value);
      await press(dsg.t, 'benefit.record', { ...action(project, 'benefit.record').data, benefitYear: year, cashSaving: pounds }, projectLeadLearning2);
    };
    await dsg.t.post(installationUpdate('remove', { ...dsg.t.opts, from: dsgAdmin, conversationType: 'groupChat' }));
    await benefit('100');
    await dsg.t.post(installationUpdate('add', { ...dsg.t.opts, from: dsgAdmin, conversationType: 'groupChat' }));
    await benefit('200');
    await postedSaying('a saving of £200');
    const benefits = posted().map((a) => wordsOf(attachedCard(a.activity))).filter((words) => words.includes(`${reference}: Benefit recorded`));
    expect(benefits.map((words) => /a saving of £[\d,]+/.exec(words)?.[0])).toEqual(['a saving of £4,500', 'a saving of £200']);
  });
});
