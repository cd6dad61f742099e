/**
 * Talking to the bot: greetings and thanks by given name and role, "Did you mean …?" for slips, and help that
 * lists exactly the commands each person may use (the same table the app package's menus come from).
 */
import { MOCK_TENANT, MOCK_USERS } from '../../src/playground/mock-tenant';
import { COMMANDS, commandsFor, shownAs } from '../../src/domain/commands';
import { type ChannelAccount, channelMention, message } from './support/activities';
import { attachedCard, wordsOf } from './support/card-reading';
import { startDsgBot, submitRequest } from './support/dsg';
import type { RecordedActivity } from './support/fake-connector';
import { type TestBot, TestDatabase } from './support/test-bot';

const { councilOfficer, dsgAdmin, dsgChair, digitalLeaderCustomers } = MOCK_USERS;
/** A member of staff whose display name is in the "Surname, Given" form and whom the DSG roster does not know. */
const johnSmith: ChannelAccount = { id: '29:mock-john-smith', name: 'Smith, John', aadObjectId: '5f0e3f7c-6d1a-4f0a-9b7e-2c9d8e7f6a51' };

let db: TestDatabase;
let t: TestBot;

beforeAll(async () => {
  db = await TestDatabase.create('sqlite');
  // Teams gives the chair's given name in the roster; the others' given names are their role titles, as in the Playground.
  t = await startDsgBot(db, undefined, MOCK_TENANT.users.map((u) => (u === dsgChair ? { ...u, givenName: 'Fiona' } : u)));
});
afterAll(async () => {
  await t?.stop();
  await db?.dispose();
});

/** Says `text` in personal chat (or @mentions the bot in the DSG channel) and returns the bot's answer to it. */
async function answerTo(text: string, from: ChannelAccount, inChannel = false): Promise<RecordedActivity> {
  const activity = inChannel ? channelMention(text, { ...t.opts, from, threadId: `17000000${Math.floor(Math.random() * 1e6)}` }) : message(text, { ...t.opts, from });
  await t.post(activity);
  return t.connector.waitFor((a) => a.replyToId === activity.id);
}
const say = async (text: string, from: ChannelAccount) => (await answerTo(text, from)).activity;
const factTitles = (activity: RecordedActivity['activity']): string[] => {
  const titles: string[] = [];
  JSON.stringify(attachedCard(activity), (key, value: unknown) => {
    if (key === 'facts' && Array.isArray(value)) titles.push(...value.map((f: { title: string }) => f.title));
    return value;
  });
  return titles.sort();
};
const WELCOME = 'Send your ideas for digital projects';

describe('greetings', () => {
  it('answers staff "hi" with what they can do, and no name for a role account', async () => {
    const answer = await say('hi', councilOfficer);
    const words = wordsOf(answer);
    expect(words).toMatch(/^Hello\n/);
    expect(words).not.toContain('Council');
    expect(words).toContain('ideas for digital projects');
    expect(words).toMatch(/Submit an idea[\s\S]*My requests[\s\S]*Help/);
    expect(words).not.toContain(WELCOME);
  });

  it('greets back as greeted, by the given name read from "Surname, Given"', async () => {
    expect(wordsOf(await say('Good morning!', johnSmith))).toMatch(/^Good morning\n, John\n/);
  });

  it("tells a DSG member how many requests await a decision, by Teams' given name", async () => {
    await submitRequest(t, councilOfficer, 'Online library renewals');
    const words = wordsOf(await say('hello', dsgChair));
    expect(words).toMatch(/^Hello\n, Fiona\n1 request is waiting for a DSG decision\./);
    expect(words).toMatch(/Pending[\s\S]*Programme[\s\S]*Submit an idea[\s\S]*Help/);
    // An admin too: the same count, from the same definition as `pending`.
    expect(wordsOf(await say('Good afternoon', dsgAdmin))).toMatch(/^Good afternoon\n1 request is waiting for a DSG decision\./);
  });

  it('answers thanks in a line, never with the welcome card, even to an admin', async () => {
    for (const [who, reply] of [[dsgAdmin, "You're welcome."], [dsgChair, "You're welcome, Fiona."], [johnSmith, "You're welcome, John."]] as const) {
      const answer = await say('thanks!', who);
      expect(answer.text).toBe(reply);
      expect(answer.attachments ?? []).toEqual([]);
    }
  });
});

describe('slips and help', () => {
  it('suggests the nearest command with the help for the role, not the welcome card', async () => {
    const words = wordsOf(await say('progamme', councilOfficer));
    expect(words).toContain('Sorry, I did not understand "progamme".');
    expect(words).toMatch(/Did you mean \nprogramme\n\?/);
    expect(words).toContain('How to use dsg-bot');
    expect(words).not.toContain(WELCOME);
    expect(words).not.toContain('pending');
  });

  it('suggests only commands the person may use', async () => {
    expect(wordsOf(await say('remiders preview', dsgAdmin))).toMatch(/Did you mean \nreminders preview\n\?/);
    const staff = wordsOf(await say('remiders preview', councilOfficer));
    expect(staff).toContain('Sorry, I did not understand');
    expect(staff).not.toContain('Did you mean');
  });

  it('answers a slip in a channel in its thread', async () => {
    const answer = await answerTo('pendng', digitalLeaderCustomers, true);
    expect(answer.conversationId).toContain(';messageid=');
    expect(wordsOf(answer.activity)).toMatch(/Did you mean \npending\n\?/);
  });

  it.each([
    ['staff', councilOfficer, commandsFor(['colleague'])],
    ['a DSG member', digitalLeaderCustomers, commandsFor(['colleague', 'dsg-member'])],
    ['an admin', dsgAdmin, COMMANDS],
  ])('lists every command %s may use, and no other', async (_who, from, commands) => {
    expect(factTitles(await say('help', from))).toEqual(commands.map(shownAs).sort());
  });

  it('shows admins the admin commands that exist', async () => {
    const titles = factTitles(await say('help', dsgAdmin));
    for (const c of ['history DP-2026-0007', 'reminders preview', 'reminders run', 'setup dsg', 'programme export 2026/27', 'retention preview', 'subject access person@council.example']) expect(titles).toContain(c);
    const member = factTitles(await say('help', digitalLeaderCustomers));
    for (const c of ['reminders run', 'setup dsg', 'retention preview']) expect(member).not.toContain(c);
  });
});
