/**
 * The message extension, as Teams drives it: "Raise a DSG request" on a message (composeExtension/fetchTask, then
 * the dialog's buttons as composeExtension/submitAction), the compose box's search (composeExtension/query) and a
 * Programme tab link pasted (composeExtension/queryLink), each POSTed to the running bot; the replies are checked.
 */
import form from '../fixtures/request-form.json';
import { MOCK_USERS } from '../../src/playground/mock-tenant';
import { invoke, invokeAction } from './support/activities';
import { executes, input, invokeCard, wordsOf } from './support/card-reading';
import { DSG_ENV, startDemoDsgBot, useDsgBot, type User } from './support/dsg';
import type { TestBot } from './support/test-bot';
import { TestDatabase } from './support/test-bot';

const { councilOfficer, projectManagerLearning2: colleague } = MOCK_USERS;
const LINK = 'https://teams.microsoft.com/l/message/19:meeting_abc@thread.v2/1733300000001?context=%7B%22contextType%22%3A%22chat%22%7D';
const PUBLIC_URL = 'https://dsg-bot.council.example';

type Json = Record<string, any>;

async function send(t: TestBot, name: string, value: unknown, from: User = councilOfficer): Promise<Json> {
  const res = await t.post(invoke(name, value, { ...t.opts, from, conversationType: 'groupChat' }));
  expect(res.status).toBe(200);
  return res.body as Json;
}

/** The card a dialog shows, checking it is a dialog ("continue") with an Adaptive Card made for one. */
function dialogCard(body: Json): Json {
  expect(body.task).toMatchObject({ type: 'continue', value: { title: 'Raise a DSG request', card: { contentType: 'application/vnd.microsoft.card.adaptive' } } });
  const card = body.task.value.card.content as Json;
  // A dialog sends Action.Submit back to the message extension: no Action.Execute is left on its card.
  expect(executes(card)).toEqual([]);
  return card;
}

/** The Action.Submit with this verb on a dialog's card. */
function submitOf(card: Json, verb: string): Json {
  const found: Json[] = [];
  const walk = (n: unknown): void => {
    if (Array.isArray(n)) n.forEach(walk);
    else if (n && typeof n === 'object') {
      const o = n as Json;
      if (o.type === 'Action.Submit' && o.data?.verb === verb) found.push(o);
      Object.values(o).forEach(walk);
    }
  };
  walk(card);
  if (!found.length) throw new Error(`no ${verb} button on the dialog's card: ${wordsOf(card).slice(0, 300)}`);
  return found[0].data as Json;
}

const raise = (content: string, extra: Json = {}) => ({
  commandId: 'raiseRequest',
  commandContext: 'message',
  messagePayload: { id: '1733300000001', body: { contentType: 'html', content }, attachments: [], linkToMessage: LINK, ...extra },
});

/** A dialog button: what Teams sends when a dialog's Action.Submit is pressed (its data with the inputs). */
const press = (data: Json) => ({ commandId: 'raiseRequest', commandContext: 'message', data });

const HOSTILE_MESSAGE =
  '<p>Book bulky uplifts online &amp; pay by card<br>Residents phone the contact centre to book.</p>' +
  '<script>alert("x")</script><style>p{color:red}</style><p>About <b>600</b> calls a month: &lt;script&gt; ${title} <at id="0">DSG Chair</at></p>' +
  '<img src="https://evil.example/pixel.png" onerror="alert(1)">';

describe('raising a request from a message, in a dialog (SQLite)', () => {
  const s = useDsgBot('sqlite');
  let reference: string;

  it('opens the form pre-filled from the message: the first line as the title, the text without HTML, a link back', async () => {
    const card = dialogCard(await send(s.t, 'composeExtension/fetchTask', raise(HOSTILE_MESSAGE)));
    expect(input(card, 'title').value).toBe('Book bulky uplifts online & pay by card');
    const problem = String(input(card, 'problem').value);
    expect(problem).toBe(
      'Book bulky uplifts online & pay by card\nResidents phone the contact centre to book.\nAbout 600 calls a month: <script> ${title} DSG Chair\n\n' +
        `Raised from a Teams message: ${LINK}`,
    );
    expect(problem).not.toContain('alert');
    expect(problem).not.toContain('color:red');
    expect(wordsOf(card)).toContain('Step 1 of 3');
    expect(submitOf(card, 'request.next')).toMatchObject({ step: 1 });
  });

  it('takes a title no longer than the form allows, and a long message cut to fit with its link, saying so', async () => {
    const long = `${'Residents cannot book bulky uplifts online and phone instead '.repeat(3)}\n${'x'.repeat(5000)}`;
    const card = dialogCard(await send(s.t, 'composeExtension/fetchTask', raise(long, { body: { contentType: 'text', content: long } })));
    expect(Array.from(String(input(card, 'title').value)).length).toBeLessThanOrEqual(120);
    expect(String(input(card, 'title').value)).toMatch(/…$/);
    const problem = String(input(card, 'problem').value);
    expect(Array.from(problem).length).toBeLessThanOrEqual(4000);
    expect(problem.endsWith(`Raised from a Teams message: ${LINK}`)).toBe(true);
    expect(wordsOf(card)).toContain('the problem was cut to 4,000 characters');
  });

  it('opens the form for an empty or image-only message with what could be taken, and says so', async () => {
    for (const payload of [
      raise('', { attachments: [{ contentType: 'image/png', contentUrl: 'https://x.example/a.png' }] }),
      raise('<p><img src="https://x.example/a.png" alt="photo"></p>'),
    ]) {
      const card = dialogCard(await send(s.t, 'composeExtension/fetchTask', payload));
      expect(wordsOf(card)).toContain('The message has only an image or a file, no text, so nothing could be filled in from it: describe the idea yourself.');
      expect(input(card, 'title').value).toBe('');
      expect(input(card, 'problem').value).toBe(`Raised from a Teams message: ${LINK}`);
    }
    const bare = dialogCard(await send(s.t, 'composeExtension/fetchTask', { commandId: 'raiseRequest', commandContext: 'message' }));
    expect(wordsOf(bare)).toContain('The message has no text');
    expect(wordsOf(bare)).toContain('Teams gave no link back to the message.');
  });

  it('answers an unknown command or a malformed payload in the dialog, never with an error', async () => {
    expect((await send(s.t, 'composeExtension/fetchTask', { commandId: 'somethingElse' })).task).toEqual({ type: 'message', value: expect.stringContaining('does not have that action') });
    expect((await send(s.t, 'composeExtension/fetchTask', { commandId: 'raiseRequest', messagePayload: { body: { content: 42 } } })).task).toEqual({
      type: 'message',
      value: expect.stringContaining('could not open the form'),
    });
    expect((await send(s.t, 'composeExtension/submitAction', { commandId: 'raiseRequest', data: { verb: 'request.approve', reference: 'DP-2026-0001' } })).task).toEqual({
      type: 'message',
      value: expect.stringContaining('works in your chat with DSG Bot'),
    });
  });

  it('walks the form in the dialog: problems shown with what was typed kept, then the reference, once only', async () => {
    const first = dialogCard(await send(s.t, 'composeExtension/fetchTask', raise('<p>Book bulky uplifts online</p><p>Residents phone to book.</p>')));
    const { formId } = submitOf(first, 'request.next');
    const typedTitle = String(input(first, 'title').value);

    // Next with the outcome left empty: the same step again, the problem under it, the title as it was.
    const again = dialogCard(await send(s.t, 'composeExtension/submitAction', press({ verb: 'request.next', formId, step: 1, title: typedTitle, problem: input(first, 'problem').value, outcome: '', beneficiaries: 'citizens' })));
    expect(wordsOf(again)).toContain('Enter the intended outcome for customers.');
    expect(input(again, 'title').value).toBe(typedTitle);

    const step2 = dialogCard(await send(s.t, 'composeExtension/submitAction', press({ verb: 'request.next', formId, step: 1, title: typedTitle, problem: input(first, 'problem').value, outcome: form.outcome, beneficiaries: form.beneficiaries })));
    expect(wordsOf(step2)).toContain('Step 2 of 3');
    const step3 = dialogCard(await send(s.t, 'composeExtension/submitAction', press({ verb: 'request.next', formId, step: 2, strand: form.strand, principles: form.principles, principlesHow: form.principlesHow, personalData: form.personalData })));
    expect(wordsOf(step3)).toContain('Step 3 of 3');
    const last = { verb: 'request.submit', formId, step: 3, reuseChecked: form.reuseChecked, route: form.route, routeJustification: '', oneOffCost: form.oneOffCost, annualBenefit: form.annualBenefit, desiredStart: '' };
    const done = dialogCard(await send(s.t, 'composeExtension/submitAction', press(last)));
    reference = /Submitted as (DP-\d{4}-\d{4})/.exec(wordsOf(done))![1];
    expect(wordsOf(done)).toContain(typedTitle);
    expect(submitOf(done, 'request.share')).toEqual({ verb: 'request.share', reference });

    // The request is the chat form's: stored with the link back to the message, the DSG's triage card queued.
    const stored = await s.db.read((store) => store.requests.getByReference(reference));
    expect(stored).toMatchObject({ title: typedTitle, formId, requesterId: councilOfficer.id, status: 'submitted' });
    expect(stored!.problem).toContain(`Raised from a Teams message: ${LINK}`);

    // Submitted again (a double press, or Teams retrying): the same end, no second request.
    const twice = dialogCard(await send(s.t, 'composeExtension/submitAction', press(last)));
    expect(wordsOf(twice)).toContain(`This form was already submitted as ${reference}.`);
    expect(wordsOf(twice)).toContain(`Submitted as ${reference}`);
    const mine = await s.db.read((store) => store.requests.listByRequester(councilOfficer.id, 0, 50));
    expect(mine.items.filter((r) => r.formId === formId)).toHaveLength(1);
  });

  it('offers the short card to post in the conversation: "Raised as …" with View', async () => {
    const body = await send(s.t, 'composeExtension/submitAction', press({ verb: 'request.share', reference }));
    expect(body.composeExtension).toMatchObject({ type: 'result', attachmentLayout: 'list' });
    const [attachment] = body.composeExtension.attachments;
    expect(attachment.contentType).toBe('application/vnd.microsoft.card.adaptive');
    expect(wordsOf(attachment.content)).toContain(`Raised as ${reference} – `);
    expect(wordsOf(attachment.content)).toContain('Book bulky uplifts online');
    expect(executes(attachment.content)).toEqual([{ title: 'View', verb: 'request.view', data: { reference, here: true } }]);
    expect(attachment.preview).toMatchObject({ contentType: 'application/vnd.microsoft.card.thumbnail', content: { title: 'Book bulky uplifts online' } });

    // Sent in the group chat, View shows each person their own view, in place of the card and only to them.
    const posted = s.t.connector.activities().length;
    const res = await s.t.post(invokeAction('request.view', { reference, here: true }, { ...s.t.opts, from: colleague, conversationType: 'groupChat' }));
    const seen = invokeCard(res.body);
    expect(wordsOf(seen)).toContain('Only the person who submitted this request and the Digital Strategy Group see it in full.');
    expect(wordsOf(seen)).not.toContain(councilOfficer.name);
    expect(s.t.connector.activities().length).toBe(posted);
  });

  it('goes through the similar-requests step like the chat form', async () => {
    const first = dialogCard(await send(s.t, 'composeExtension/fetchTask', raise('<p>Online booking for bulky uplifts</p><p>Residents phone to book bulky uplifts online.</p>'), colleague));
    const { formId } = submitOf(first, 'request.next');
    await send(s.t, 'composeExtension/submitAction', press({ verb: 'request.next', formId, step: 1, title: input(first, 'title').value, problem: input(first, 'problem').value, outcome: form.outcome, beneficiaries: form.beneficiaries }), colleague);
    await send(s.t, 'composeExtension/submitAction', press({ verb: 'request.next', formId, step: 2, strand: form.strand, principles: form.principles, principlesHow: form.principlesHow, personalData: form.personalData }), colleague);
    const similar = dialogCard(await send(s.t, 'composeExtension/submitAction', press({ verb: 'request.submit', formId, step: 3, reuseChecked: form.reuseChecked, route: form.route, oneOffCost: '', annualBenefit: '' }), colleague));
    expect(wordsOf(similar)).toContain('Similar requests already exist');
    expect(wordsOf(similar)).toContain(reference);
    const anyway = dialogCard(await send(s.t, 'composeExtension/submitAction', press(submitOf(similar, 'request.confirm')), colleague));
    expect(wordsOf(anyway)).toMatch(/Submitted as DP-\d{4}-\d{4}/);
  });

  describe('search from the compose box', () => {
    const query = (text: string, from: User = councilOfficer, commandId = 'findRequests') =>
      send(s.t, 'composeExtension/query', { commandId, parameters: [{ name: 'searchText', value: text }], queryOptions: { skip: 0, count: 25 } }, from);

    it('asks for more than one character, and says when nothing matches', async () => {
      expect((await query('b')).composeExtension).toEqual({ type: 'message', text: expect.stringContaining('Type at least 2 characters') });
      expect((await query('  ')).composeExtension.type).toBe('message');
      expect((await query('zebra crossings')).composeExtension).toEqual({ type: 'message', text: 'No requests or projects match "zebra crossings".' });
      expect((await query('bulky', councilOfficer, 'nope')).composeExtension.text).toContain('does not have that search');
    });

    it('finds requests by words (the last one as typed so far) and by reference, as compact cards with previews', async () => {
      const byWords = (await query('bulky upl')).composeExtension;
      expect(byWords.type).toBe('result');
      const refs = byWords.attachments.map((a: Json) => /DP-\d{4}-\d{4}/.exec(wordsOf(a.content))![0]);
      expect(refs).toContain(reference);
      const mine = byWords.attachments.find((a: Json) => wordsOf(a.content).includes(reference));
      expect(wordsOf(mine.content)).toMatch(/Submitted[\s\S]*Digital Customers/);
      // The card goes into a conversation for others to read: it says what holds for every reader.
      expect(wordsOf(mine.content)).toContain('Only the person who raised it and the Digital Strategy Group see it in full.');
      expect(wordsOf(mine.content)).not.toContain('Your request');
      expect(mine.preview.content).toMatchObject({ title: 'Book bulky uplifts online', subtitle: `${reference} · Submitted · Digital Customers` });

      const byRef = (await query(reference.toLowerCase())).composeExtension;
      expect(byRef.attachments).toHaveLength(1);
      expect(wordsOf(byRef.attachments[0].content)).toContain(reference);
    });

    it("shows someone else's pending request only by its title, status and strand", async () => {
      const [card] = (await query(reference, colleague)).composeExtension.attachments;
      const words = wordsOf(card.content);
      expect(words).toContain('Book bulky uplifts online');
      expect(words).toContain('Only the person who raised it and the Digital Strategy Group see it in full.');
      expect(words).not.toContain(councilOfficer.name);
      expect(words).not.toContain('Residents phone');
      expect(words).not.toContain(form.outcome);
    });
  });
});

describe('projects found and Programme tab links unfurled (SQLite, the demo programme)', () => {
  let db: TestDatabase;
  let t: TestBot;
  let project: { reference: string; title: string; lead: string };

  beforeAll(async () => {
    db = await TestDatabase.create('sqlite');
    t = await startDemoDsgBot(db, '2026-11-27T10:00:00Z', { ...DSG_ENV, PUBLIC_URL });
    const records = await db.read((store) => store.projects.listWithRequests());
    const withLead = records.find((r) => r.project.projectLead && ['approved', 'in-delivery'].includes(r.request.status))!;
    project = { reference: withLead.request.reference, title: withLead.request.title, lead: withLead.project.projectLead!.name };
  });
  afterAll(async () => {
    await t?.stop();
    await db?.dispose();
  });

  const unfurl = async (url: unknown, activity: Json = {}) => {
    const res = await t.post({ ...invoke('composeExtension/queryLink', { url }, { ...t.opts, conversationType: 'groupChat' }), ...activity });
    expect(res.status).toBe(200);
    expect(res.body.composeExtension).toMatchObject({ type: 'result' });
    return res.body.composeExtension.attachments[0] as Json;
  };

  it('unfurls a project link into its compact card, with its owners for someone in the tenant', async () => {
    const found = await unfurl(`${PUBLIC_URL}/tab#/project/${project.reference}`);
    const words = wordsOf(found.content);
    expect(words).toContain(project.reference);
    expect(words).toContain(project.title);
    expect(words).toContain(project.lead);
    expect(executes(found.content)).toEqual([{ title: 'View', verb: 'request.view', data: { reference: project.reference, here: true } }]);
    // The same card the compose box's search gives.
    const searched = await t.post(invoke('composeExtension/query', { commandId: 'findRequests', parameters: [{ name: 'searchText', value: project.reference }] }, { ...t.opts, conversationType: 'groupChat' }));
    expect(searched.body.composeExtension.attachments[0].content).toEqual(found.content);
  });

  it('leaves the owners out for someone Teams names no tenant for', async () => {
    const activity = invoke('composeExtension/queryLink', { url: `${PUBLIC_URL}/tab#/project/${project.reference}` }, { ...t.opts, conversationType: 'groupChat' });
    const { tenantId: _, ...conversation } = activity.conversation;
    const res = await t.post({ ...activity, conversation, channelData: {} });
    const words = wordsOf(res.body.composeExtension.attachments[0].content);
    expect(words).toContain(project.title);
    expect(words).not.toContain(project.lead);
  });

  it('unfurls an unknown, removed or foreign link to "not found", never an error', async () => {
    const unknown = await unfurl(`${PUBLIC_URL}/tab#/project/DP-2026-9999`);
    expect(wordsOf(unknown.content)).toContain('Not found');
    expect(wordsOf(unknown.content)).toContain('DP-2026-9999 is not in the Digital Programme');
    expect(executes(unknown.content)).toEqual([]);
    for (const url of [`${PUBLIC_URL}/privacy`, 'https://evil.example/tab#/project/DP-2026-0001', `${PUBLIC_URL}/tab#/project/%E0%A4%A`, 'not a link', 42]) {
      expect(wordsOf((await unfurl(url)).content)).toContain('That link is not to a project in the Programme tab.');
    }
  });
});
