/**
 * Cards that keep your place, end to end on the demo programme: a navigation press on a record someone still
 * needs (a submission's confirmation, a digest) answers with a new message below it and leaves the record as it
 * was; a detail opened from a list replaces the list with Back to the page it came from; every list opens its
 * items with "Open" and pages at the one page size.
 */
import form from '../fixtures/request-form.json';
import { MOCK_USERS } from '../../src/playground/mock-tenant';
import { PAGE_SIZE } from '../../src/domain/paging';
import { invokeAction, message, personalChatId, submit } from './support/activities';
import { action, attachedCard, answerCard, executes, invokeCard, invokeMessage, isCardOf, wordsOf } from './support/card-reading';
import type { RecordedActivity } from './support/fake-connector';
import { startDemoDsgBot } from './support/dsg';
import { TestDatabase, type TestBot } from './support/test-bot';

const { councilOfficer, dsgChair } = MOCK_USERS;
type User = (typeof MOCK_USERS)[keyof typeof MOCK_USERS];
type Json = Record<string, unknown>;

describe('cards that keep your place (SQLite)', () => {
  let db: TestDatabase;
  let t: TestBot;

  beforeAll(async () => {
    db = await TestDatabase.create('sqlite');
    t = await startDemoDsgBot(db, '2026-11-27T10:00:00Z');
  });
  afterAll(async () => {
    await t?.stop();
    await db?.dispose();
  });

  const press = async (verb: string, data: Json, from: User = councilOfficer) => {
    const res = await t.post(invokeAction(verb, data, { ...t.opts, from }));
    expect(res.status).toBe(200);
    return res.body;
  };
  /** What the bot sent in reply to the activity last posted. */
  const repliesToLast = (): RecordedActivity[] => t.connector.activities().filter((a) => a.kind === 'reply' && a.replyToId === t.lastPosted);

  it('keeps the submission confirmation when My requests or Open request is pressed on it, and posts them below', async () => {
    const { formId } = action(invokeCard(await press('request.new', { fresh: true })), 'request.next').data;
    let confirmation = invokeCard(await press('request.submit', { formId, ...form, title: 'Kerbside glass collection booking' }));
    if (!wordsOf(confirmation).includes('Submitted as')) confirmation = invokeCard(await press('request.confirm', { formId }));
    const reference = /DP-\d{4}-\d{4}/.exec(wordsOf(confirmation))![0];

    // Action.Execute: a message answers the invoke, so Teams leaves the confirmation card as it is ...
    const mine = action(confirmation, 'request.list');
    expect(invokeMessage(await press(mine.verb, mine.data))).toBe('Opened below.');
    // ... and My requests is a new message in the same chat, in reply.
    const [list] = repliesToLast();
    expect(list.conversationId).toBe(personalChatId(councilOfficer));
    expect(wordsOf(attachedCard(list.activity))).toMatch(/^My requests/);
    expect(wordsOf(attachedCard(list.activity))).toContain(reference);

    const open = action(confirmation, 'request.view');
    expect(open.title).toBe('Open request');
    expect(invokeMessage(await press(open.verb, open.data))).toBe('Opened below.');
    expect(wordsOf(attachedCard(repliesToLast()[0].activity))).toMatch(new RegExp(`^${reference}\\b`));

    // Action.Submit (clients without Action.Execute): the confirmation is not updated; My requests comes as a new message.
    const confirmationId = '1700000000555';
    await t.post(submit({ verb: mine.verb, ...mine.data }, { ...t.opts, replyToId: confirmationId }));
    expect(repliesToLast().map((a) => wordsOf(attachedCard(a.activity)).split('\n')[0])).toEqual(['My requests']);
    expect(t.connector.activities().filter((a) => a.kind === 'update' && a.id === confirmationId)).toEqual([]);
  });

  it('keeps the digest when one of its items, the programme or pending is opened, and posts each below', async () => {
    await t.post(message('digest preview', { ...t.opts, from: dsgChair }));
    const digest = attachedCard(repliesToLast()[0].activity);
    expect(wordsOf(digest)).toContain('Digest preview');
    const digestId = repliesToLast()[0].id;

    const item = executes(digest).find((b) => b.verb === 'project.view')!;
    expect(item.title).toMatch(/^Open DP-\d{4}-\d{4}$/);
    expect(invokeMessage(await press(item.verb, item.data, dsgChair))).toBe('Opened below.');
    expect(isCardOf(attachedCard(repliesToLast()[0].activity), String(item.data.reference))).toBe(true);

    for (const verb of ['programme.show', 'request.pending']) {
      const b = action(digest, verb);
      expect(invokeMessage(await press(b.verb, b.data, dsgChair))).toBe('Opened below.');
      expect(repliesToLast()).toHaveLength(1);
    }
    expect(t.connector.activities().filter((a) => a.kind === 'update' && a.id === digestId)).toEqual([]);
  });

  it('leads each "and N more" of the digest to a list that has them all, milestones included', async () => {
    await t.post(message('digest preview', { ...t.opts, from: dsgChair }));
    const digest = attachedCard(repliesToLast()[0].activity);
    const showAll = executes(digest).filter((b) => b.title.startsWith('Show all'));
    const milestones = showAll.filter((b) => b.verb === 'milestone.list');
    expect(milestones.length).toBeGreaterThan(0);
    for (const b of milestones) {
      expect(invokeMessage(await press(b.verb, b.data, dsgChair))).toBe('Opened below.');
      const list = attachedCard(repliesToLast()[0].activity);
      const total = Number(/^Show all (\d+)$/.exec(b.title)![1]);
      expect(wordsOf(list)).toContain(`${total} milestones,`);
      expect(executes(list).filter((o) => o.verb === 'project.view')).toHaveLength(Math.min(total, PAGE_SIZE));
      expect(executes(list).every((o) => o.verb !== 'project.view' || o.title === 'Open project')).toBe(true);
    }
  });

  it('opens a request from page 2 of My requests in place of the list, and Back returns to page 2', async () => {
    const first = answerCard(await press('request.list', {}), t);
    // The demo gives the Council Officer 24 requests, and one was submitted above: three pages of PAGE_SIZE.
    expect(wordsOf(first)).toContain('25 requests, newest first. Page 1 of 3.');
    expect(executes(first).filter((b) => b.verb === 'request.view' && b.title === 'Open')).toHaveLength(PAGE_SIZE);

    // Paging stays in the card the person opened: the invoke answers with the next page, which replaces it.
    const next = action(first, 'request.list');
    expect(next.title).toBe('Next');
    const second = invokeCard(await press(next.verb, next.data));
    expect(wordsOf(second)).toContain('Page 2 of 3.');
    expect(repliesToLast()).toEqual([]);

    const open = executes(second).find((b) => b.verb === 'request.view' && b.title === 'Open')!;
    expect(open.title).toBe('Open');
    const detail = invokeCard(await press(open.verb, open.data));
    expect(wordsOf(detail)).toMatch(new RegExp(`^${String(open.data.reference)}\\b`));
    const back = (detail.actions as Json[])[0] as { title: string; verb: string; data: Json };
    expect([back.title, back.verb]).toEqual(['Back to My requests', 'request.list']);
    expect(wordsOf(invokeCard(await press(back.verb, back.data)))).toContain('Page 2 of 3.');
  });

  it('opens from pending and the programme with Back to the same page, at the one page size', async () => {
    const lists = [
      { list: 'request.pending', open: 'request.triage', back: 'Back to pending requests' },
      { list: 'programme.show', open: 'project.view', back: 'Back to the programme' },
    ];
    for (const l of lists) {
      const first = answerCard(await press(l.list, {}, dsgChair), t);
      expect(executes(first).filter((b) => b.verb === l.open)).toHaveLength(PAGE_SIZE);
      const second = invokeCard(await press(l.list, action(first, l.list).data, dsgChair));
      expect(wordsOf(second)).toMatch(/Page 2 of \d+\./);
      const open = action(second, l.open);
      expect(open.title).toBe('Open');
      const detail = invokeCard(await press(open.verb, open.data, dsgChair));
      const back = (detail.actions as Json[])[0] as { title: string; verb: string; data: Json };
      expect([back.title, back.verb]).toEqual([l.back, l.list]);
      expect(wordsOf(invokeCard(await press(back.verb, back.data, dsgChair)))).toMatch(/Page 2 of \d+\./);
    }
  });

  it('says "Open" on every button that opens a record, never "View"', async () => {
    const cards = [answerCard(await press('request.list', {}), t), answerCard(await press('request.pending', {}, dsgChair), t), answerCard(await press('programme.show', {}, dsgChair), t)];
    const opening = new Set(['request.view', 'request.triage', 'project.view']);
    for (const card of cards) {
      // Each opens with Open (My requests' Action needed opens the request to answer it: Answer).
      const titles = executes(card).filter((b) => opening.has(b.verb)).map((b) => b.title);
      expect(titles.filter((title) => /^Open\b/.test(title)).length).toBeGreaterThan(0);
      for (const title of titles) expect(title).toMatch(/^(Open\b|Answer$)/);
      expect(wordsOf(card)).not.toMatch(/\bView\b/);
    }
  });
});
