/**
 * One view per role wherever a request is opened (My requests, pending, a digest item, a similar request): the
 * requester's own view with the DSG's open question and an Answer box, the triage card for the DSG and admins,
 * a read-only summary for everyone else; and the similar-requests step, whose matches open and lead back.
 */
import form from '../fixtures/request-form.json';
import { actionsOf } from '../presenters/card-checks';
import { MOCK_USERS } from '../../src/playground/mock-tenant';
import { action, answerCard, attachedCard, input, invokeCard, invokeMessage, isCardOf, wordsOf } from './support/card-reading';
import { press, submitRequest, triageCardOf, useDsgBot } from './support/dsg';

const { councilOfficer, dsgAdmin, dsgChair, projectManagerLearning2: colleague } = MOCK_USERS;
const QUESTION = 'Which roads teams would use it first?';

describe('the view of a request for each role, wherever it is opened (SQLite)', () => {
  const s = useDsgBot('sqlite');
  let asked: string;

  it("lets the requester answer the DSG's question from their request opened from My requests", async () => {
    asked = await submitRequest(s.t, councilOfficer, 'Mobile app for reporting potholes');
    const post = await s.t.connector.waitFor(triageCardOf(asked));
    await press(s.t, 'request.ask', { ...action(attachedCard(post.activity), 'request.ask').data, question: QUESTION }, dsgChair, true);

    // The DSG's queue says the clock is with the requester.
    expect(wordsOf(answerCard(await press(s.t, 'request.pending', {}, dsgChair), s.t))).toMatch(/More information requested · Digital Customers · waiting for the requester since \d+ \w{3} \d{4}/);

    const mine = answerCard(await press(s.t, 'request.list', {}, councilOfficer), s.t);
    expect(wordsOf(mine)).toMatch(/^My requests\nAction needed: answer the DSG's question\n/);
    const answer = action(mine, 'request.view');
    expect(answer).toMatchObject({ title: 'Answer', data: { reference: asked } });

    const detail = answerCard(await press(s.t, 'request.view', answer.data, councilOfficer), s.t);
    const words = wordsOf(detail);
    expect(words).toContain(QUESTION);
    expect(words).toMatch(/Asked by \nDSG Chair\n on \d+ \w{3} \d{4}, \d\d:\d\d/);
    expect(words).toMatch(/Waiting for your answer since \d+ \w{3} \d{4}/);
    expect(input(detail, 'answer')).toMatchObject({ isRequired: true, errorMessage: 'Type your answer before sending it.' });

    const answered = invokeCard(await press(s.t, 'request.answer', { ...action(detail, 'request.answer').data, answer: 'The Penicuik roads team.' }, councilOfficer));
    expect(wordsOf(answered)).toContain('The Penicuik roads team.');
    await s.t.connector.waitFor((a) => a.kind === 'update' && isCardOf(attachedCard(a.activity), asked) && wordsOf(a.activity).includes('The Penicuik roads team.'));
    const after = answerCard(await press(s.t, 'request.list', {}, councilOfficer), s.t);
    expect(wordsOf(after)).not.toContain('Action needed');
    const reopened = answerCard(await press(s.t, 'request.view', { reference: asked }, councilOfficer), s.t);
    expect(() => input(reopened, 'answer')).toThrow();
  });

  it('opens a digest item for an admin as the triage card, with its decisions', async () => {
    const digest = invokeCard(await press(s.t, 'digest.preview', {}, dsgAdmin));
    const item = actionsOf(digest).find((a) => a.verb === 'request.view' && (a.data as { reference?: string }).reference === asked);
    expect(item).toBeDefined();
    const opened = answerCard(await press(s.t, 'request.view', item!.data as Record<string, unknown>, dsgAdmin), s.t);
    expect(isCardOf(opened, asked)).toBe(true);
    for (const decision of ['request.approve', 'request.decline', 'request.ask']) action(opened, decision);
    // From pending, the same card.
    action(answerCard(await press(s.t, 'request.triage', { reference: asked }, dsgAdmin), s.t), 'request.approve');
  });

  it('shows someone outside the DSG a read-only summary, from wherever they open it', async () => {
    for (const verb of ['request.view', 'request.triage']) {
      const summary = answerCard(await press(s.t, verb, { reference: asked }, colleague), s.t);
      const words = wordsOf(summary);
      expect(words).toContain('Mobile app for reporting potholes');
      expect(words).toContain('Under review');
      expect(words).toContain('Only the person who submitted this request and the Digital Strategy Group see it in full.');
      expect(words).not.toContain(councilOfficer.name);
      expect(words).not.toContain(form.reuseChecked);
      expect(actionsOf(summary)).toEqual([]);
    }
  });

  it('opens a similar request in the view for the role, leads back to the idea, and discards it', async () => {
    const { formId } = action(invokeCard(await press(s.t, 'request.new', { fresh: true }, colleague)), 'request.next').data;
    const similar = invokeCard(await press(s.t, 'request.submit', { formId, ...form, title: 'Report potholes from a mobile app', problem: `Potholes: ${form.problem}` }, colleague));
    const open = actionsOf(similar).find((a) => a.verb === 'request.view' && (a.data as { reference?: string }).reference === asked);
    expect(open).toMatchObject({ title: 'Open', data: { reference: asked, back: { verb: 'request.similar', formId } } });

    const opened = answerCard(await press(s.t, 'request.view', open!.data as Record<string, unknown>, colleague), s.t);
    expect(wordsOf(opened)).toContain('Only the person who submitted this request and the Digital Strategy Group see it in full.');
    const back = action(opened, 'request.similar');
    expect(back.title).toBe('Back to my idea');

    const again = invokeCard(await press(s.t, 'request.similar', back.data, colleague));
    expect(wordsOf(again)).toContain('Report potholes from a mobile app');
    expect(wordsOf(again)).toContain(asked);
    const discard = action(again, 'request.discard');
    expect(discard.title).toBe('Discard this idea');
    expect(invokeMessage(await press(s.t, 'request.discard', discard.data, colleague))).toBe('Discarded: nothing was submitted, and the draft is gone. Type "new" whenever you want to submit an idea.');
    expect(invokeMessage(await press(s.t, 'request.confirm', { formId }, colleague))).toMatch(/no longer exists/);
    expect(wordsOf(answerCard(await press(s.t, 'request.list', {}, colleague), s.t))).toContain('You have not submitted any requests yet.');
  });

  it("opens the requester's own earlier request from the similar requests in their own view", async () => {
    const { formId } = action(invokeCard(await press(s.t, 'request.new', { fresh: true }, councilOfficer)), 'request.next').data;
    const similar = invokeCard(await press(s.t, 'request.submit', { formId, ...form, title: 'Pothole reports by phone app', problem: `Potholes: ${form.problem}` }, councilOfficer));
    const open = actionsOf(similar).find((a) => a.verb === 'request.view' && (a.data as { reference?: string }).reference === asked);
    const own = answerCard(await press(s.t, 'request.view', open!.data as Record<string, unknown>, councilOfficer), s.t);
    expect(wordsOf(own)).toContain(form.reuseChecked);
    expect(action(own, 'request.similar').data).toEqual({ formId, here: true });
    action(own, 'request.withdraw');
  });
});
