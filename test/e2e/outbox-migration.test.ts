/**
 * Upgrading a database whose outbox still holds finished cards (as the bot wrote it up to migration 0004):
 * migration 0005 turns every queued row into the intent it was about, on both engines, and the bot then sends
 * each queued message once, drawn by the outbox renderer as things stand when it is sent.
 */
import { MOCK_TENANT, MOCK_USERS } from '../../src/playground/mock-tenant';
import type { OutboxIntent } from '../../src/app/outbox/ports';
import type { ReminderItem } from '../../src/domain/reminders';
import { emptyTriage } from '../../src/domain/triage';
import { sampleRequest } from '../support/sample-request';
import { action, attachedCard, isCardOf, wordsOf } from './support/card-reading';
import { allSent, eventually } from './support/dsg';
import { FakeConnector, type RecordedActivity } from './support/fake-connector';
import { ENGINES, startTestBot, TestDatabase, type TestBot } from './support/test-bot';

const { dsgChair, projectLeadLearning2 } = MOCK_USERS;
const CHANNEL = MOCK_TENANT.team.general.id;
const SUBSCRIBED = MOCK_TENANT.team.decisions.id;
/** The DSG thread of a request whose card was posted before the upgrade. */
const POSTED_ID = '1700000000200';
const THREAD = `${CHANNEL};messageid=${POSTED_ID}`;
/** A Saturday: no reminder or digest is due, so all the bot sends is what was queued. */
const SATURDAY = '2026-12-05T12:00:00.000Z';
const QUEUED_AT = '2026-12-01T09:00:00.000Z';

/** Requests the queued messages are about, stored as any request is. */
const request = {
  posted: sampleRequest({ title: 'Online booking for bulky uplifts' }),
  updated: sampleRequest({ title: 'School Wi-Fi for every classroom', status: 'approved', version: 2 }),
  asked: sampleRequest({ title: 'Mobile app for reporting potholes', status: 'more-info-requested', version: 2 }),
};
const QUESTION = 'Which roads teams would use it first?';
const THREAD_TEXT = `DSG Chair approved ${request.updated.reference}. Note: fits the schools estate plan`;
const APPROVED = 'DP-2026-0014';
const DECLINED = 'DP-2026-0015';
const SENT_BEFORE = 'DP-2026-0016';

const reminderItem: ReminderItem = {
  key: `${APPROVED}:plan`,
  reference: APPROVED,
  projectTitle: 'Digital library cards',
  kind: 'plan',
  milestoneId: null,
  recipient: { aadObjectId: projectLeadLearning2.aadObjectId, name: projectLeadLearning2.name },
  fingerprint: 'no-plan',
  what: 'Add a link to the implementation plan.',
  why: 'A priority project needs an implementation plan.',
};

/** The old notice template's card (a title, lines, at most one button), as `noticeCard(title, lines, action)` rendered it. */
function oldNoticeCard(title: string, lines: string[], button?: { verb: string; title: string; reference: string }): object {
  return {
    $schema: 'http://adaptivecards.io/schemas/adaptive-card.json',
    type: 'AdaptiveCard',
    version: '1.5',
    body: [
      { type: 'RichTextBlock', inlines: [{ type: 'TextRun', text: title, size: 'Medium', weight: 'Bolder' }] },
      ...lines.map((text) => ({ type: 'RichTextBlock', spacing: 'Small', inlines: [{ type: 'TextRun', text }] })),
    ],
    actions: button
      ? [
          {
            type: 'Action.Execute',
            title: button.title,
            verb: button.verb,
            data: { reference: button.reference },
            fallback: { type: 'Action.Submit', title: button.title, data: { verb: button.verb, reference: button.reference } },
          },
        ]
      : [],
  };
}

/** A stand-in for the other finished cards: the migration reads no more of them than this. */
const oldCard = (text: string, ...body: object[]) => ({ type: 'AdaptiveCard', version: '1.5', body: [{ type: 'TextBlock', text, wrap: true }, ...body] });
const oldQuestionCard = () =>
  oldCard(`${request.asked.reference} – ${request.asked.title}`, { type: 'TextBlock', text: QUESTION }, { type: 'Input.Text', id: 'answer', label: 'Your answer', isMultiline: true, isRequired: true, errorMessage: 'Type your answer.' });

interface OldRow {
  key: string;
  target: object;
  payload: { card?: object; text?: string };
  purpose: object;
  /** What migration 0005 makes of it. */
  intent: OutboxIntent;
  /** How the message it sends is recognised. */
  shows: (a: RecordedActivity) => boolean;
  status?: 'pending' | 'sent';
  attempts?: number;
  lastError?: string;
  createdAt?: string;
}

const cardOf = (a: RecordedActivity) => (a.activity.attachments ? attachedCard(a.activity) : null);
const hasButton = (card: object, verb: string, reference: string) => {
  try {
    return action(card, verb).data.reference === reference;
  } catch {
    return false;
  }
};
/** A card in this personal chat with these words (and this button, for this record). */
const personal = (chat: string, words: string, verb?: string, reference?: string) => (a: RecordedActivity) => {
  const card = cardOf(a);
  return a.conversationId === chat && !!card && wordsOf(card).includes(words) && (!verb || hasButton(card, verb, reference ?? ''));
};
const newThreadIn = (channel: string, check: (card: object) => boolean) => (a: RecordedActivity) => {
  const card = cardOf(a);
  return a.kind === 'new' && a.conversationId.startsWith(`${channel};messageid=`) && a.conversationId !== THREAD && !!card && check(card);
};

function oldRows(serviceUrl: string): OldRow[] {
  const bot = { id: MOCK_TENANT.bot.id, name: MOCK_TENANT.bot.name };
  const channelReference = (id: string) => ({ channelId: 'msteams', serviceUrl, bot, conversation: { id, isGroup: true, conversationType: 'channel', tenantId: MOCK_TENANT.tenantId } });
  const chat = (id: string) => ({ kind: 'conversation', reference: { channelId: 'msteams', serviceUrl, bot, conversation: { id, conversationType: 'personal', tenantId: MOCK_TENANT.tenantId } }, newThread: false });
  const { posted, updated, asked } = request;
  return [
    {
      key: `triage-post:${CHANNEL}:${posted.reference}`,
      target: { kind: 'conversation', reference: channelReference(CHANNEL), newThread: true },
      payload: { card: oldCard(`${posted.reference} ${posted.title}`) },
      purpose: { kind: 'triage-post', reference: posted.reference, version: 1 },
      intent: { kind: 'triage-card', reference: posted.reference },
      shows: newThreadIn(CHANNEL, (card) => isCardOf(card, posted.reference)),
    },
    {
      // Being retried after Teams throttled it.
      key: `triage-update:${updated.reference}:v2`,
      target: { kind: 'update', reference: channelReference(THREAD), activityId: POSTED_ID },
      payload: { card: oldCard(`${updated.reference} approved`) },
      purpose: { kind: 'notice' },
      intent: { kind: 'triage-card', reference: updated.reference },
      shows: (a) => a.kind === 'update' && a.id === POSTED_ID && isCardOf(cardOf(a), updated.reference),
      attempts: 2,
      lastError: '429 Throttled',
    },
    {
      key: `thread:${updated.reference}:v2`,
      target: { kind: 'conversation', reference: channelReference(THREAD), newThread: false },
      payload: { text: THREAD_TEXT },
      purpose: { kind: 'notice' },
      intent: { kind: 'text', text: THREAD_TEXT },
      shows: (a) => a.kind === 'new' && a.conversationId === THREAD && a.activity.text === THREAD_TEXT,
    },
    {
      key: `notify:${APPROVED}:v2`,
      target: chat('a:chat-approved'),
      payload: { card: oldNoticeCard(`Approved: ${APPROVED}`, ['The Digital Strategy Group approved "Digital library cards" into the Digital Programme (High priority).'], { verb: 'project.view', title: 'Open project', reference: APPROVED }) },
      purpose: { kind: 'notice' },
      intent: {
        kind: 'notice',
        notice: {
          title: `Approved: ${APPROVED}`,
          lines: ['The Digital Strategy Group approved "Digital library cards" into the Digital Programme (High priority).'],
          open: { opens: 'project', reference: APPROVED, title: 'Open project' },
        },
      },
      shows: personal('a:chat-approved', `Approved: ${APPROVED}`, 'project.view', APPROVED),
    },
    {
      key: `notify:${DECLINED}:v2`,
      target: chat('a:chat-declined'),
      payload: { card: oldNoticeCard(`Declined: ${DECLINED}`, ['The Digital Strategy Group declined "Paper forms online".', "Reason: it's covered by the forms platform"], { verb: 'request.view', title: 'View request', reference: DECLINED }) },
      purpose: { kind: 'notice' },
      intent: {
        kind: 'notice',
        notice: { title: `Declined: ${DECLINED}`, lines: ['The Digital Strategy Group declined "Paper forms online".', "Reason: it's covered by the forms platform"], open: { opens: 'request', reference: DECLINED, title: 'View request' } },
      },
      shows: personal('a:chat-declined', "Reason: it's covered by the forms platform", 'request.view', DECLINED),
    },
    {
      key: `notify:${asked.reference}:v2`,
      target: chat('a:chat-question'),
      payload: { card: oldQuestionCard() },
      purpose: { kind: 'notice' },
      intent: { kind: 'question', reference: asked.reference },
      shows: personal('a:chat-question', QUESTION, 'request.answer', asked.reference),
    },
    {
      key: `reminder:2026-12-01T09:00:00.000Z:${projectLeadLearning2.aadObjectId}`,
      target: chat('a:chat-reminder'),
      payload: { card: oldCard(`Hello ${projectLeadLearning2.name}, the DSG needs a few things from you`) },
      purpose: { kind: 'reminder', recipientName: projectLeadLearning2.name, items: [reminderItem] },
      intent: { kind: 'reminder', recipientName: projectLeadLearning2.name, items: [reminderItem] },
      shows: personal('a:chat-reminder', reminderItem.projectTitle),
    },
    {
      key: `digest:week-2026-11-30:${CHANNEL}`,
      target: { kind: 'conversation', reference: channelReference(CHANNEL), newThread: true },
      payload: { card: oldCard('DSG weekly digest') },
      purpose: { kind: 'notice' },
      intent: { kind: 'digest', digest: { kind: 'weekly', audience: 'dsg', strands: null, since: '2026-11-23T09:00:00.000Z' } },
      shows: newThreadIn(CHANNEL, (card) => wordsOf(card).includes('Week of') && wordsOf(card).includes('all strands')),
    },
    {
      key: `digest:meeting-2026-12-09:${CHANNEL}`,
      target: { kind: 'conversation', reference: channelReference(CHANNEL), newThread: true },
      payload: { card: oldCard('Before the DSG meeting on 9 December 2026') },
      purpose: { kind: 'notice' },
      intent: { kind: 'digest', digest: { kind: 'pre-meeting', audience: 'dsg', strands: null, since: '2026-11-30T09:00:00.000Z', meeting: '2026-12-09' } },
      shows: newThreadIn(CHANNEL, (card) => wordsOf(card).includes('Since 30 Nov 2026 · all strands')),
    },
    {
      key: `digest:week-2026-11-30:${SUBSCRIBED}`,
      target: { kind: 'conversation', reference: channelReference(SUBSCRIBED), newThread: true },
      payload: { card: oldCard('Weekly digest: Digital Estates, Digital Learning') },
      purpose: { kind: 'notice' },
      intent: { kind: 'digest', digest: { kind: 'weekly', audience: 'channel', strands: ['estates', 'learning'], since: null } },
      shows: newThreadIn(SUBSCRIBED, (card) => wordsOf(card).includes('Digital Estates, Digital Learning')),
    },
    {
      key: `preview:${dsgChair.id}:2026-12-01T10:00:00.000Z`,
      target: chat('a:chat-reminders-preview'),
      payload: { card: oldNoticeCard('Reminders at the next run', ['Nobody would be reminded of anything right now.']) },
      purpose: { kind: 'notice' },
      intent: { kind: 'reminders-preview' },
      shows: personal('a:chat-reminders-preview', 'Reminders at the next run'),
    },
    {
      key: `digest-preview:${dsgChair.id}:2026-12-01T10:05:00.000Z`,
      target: chat('a:chat-digest-preview'),
      payload: { card: oldCard('Digest preview') },
      purpose: { kind: 'notice' },
      // Since the DSG channel's last digest when the preview was asked for.
      intent: { kind: 'digest', digest: { kind: 'preview', audience: 'dsg', strands: null, since: '2026-11-30T09:00:00.000Z' } },
      shows: personal('a:chat-digest-preview', 'all strands'),
      createdAt: '2026-12-01T10:05:00.000Z',
    },
    {
      // Delivered before the upgrade: converted (a reminder answered later reads its row), never sent again.
      key: `notify:${SENT_BEFORE}:v2`,
      target: chat('a:chat-sent-before'),
      payload: { card: oldNoticeCard(`Approved: ${SENT_BEFORE}`, ['Approved before the upgrade.'], { verb: 'project.view', title: 'Open project', reference: SENT_BEFORE }) },
      purpose: { kind: 'notice' },
      intent: { kind: 'notice', notice: { title: `Approved: ${SENT_BEFORE}`, lines: ['Approved before the upgrade.'], open: { opens: 'project', reference: SENT_BEFORE, title: 'Open project' } } },
      shows: (a) => a.conversationId === 'a:chat-sent-before',
      status: 'sent',
    },
  ];
}

describe.each(ENGINES)('messages queued before the outbox held intents (%s)', (engine) => {
  const connector = new FakeConnector();
  let db: TestDatabase;
  let rows: OldRow[];
  let t: TestBot | undefined;

  beforeAll(async () => {
    await connector.start();
    rows = oldRows(connector.url);
    db = await TestDatabase.create(engine);
    await db.migrateTo('0004-digests');
    const bot = { id: MOCK_TENANT.bot.id, name: MOCK_TENANT.bot.name };
    const dsgChannel = { conversationId: CHANNEL, teamId: MOCK_TENANT.team.id, name: 'General', reference: { channelId: 'msteams', serviceUrl: connector.url, bot, conversation: { id: CHANNEL, isGroup: true, conversationType: 'channel' } } };
    await db.insertRows('settings', [{ id: 1, channel: JSON.stringify(dsgChannel), chair: null, leaders: '{}', meetings: '[]', version: 1, updated_at: '2026-11-01T09:00:00.000Z' }]);
    await db.insertRows('digest_subscriptions', [
      { conversation_id: SUBSCRIBED, team_id: MOCK_TENANT.team.id, channel_name: 'DSG Decisions', reference: JSON.stringify({ serviceUrl: connector.url, conversation: { id: SUBSCRIBED } }), strands: '["estates","learning"]', subscribed_by: dsgChair.id, subscribed_at: '2026-11-20T09:00:00.000Z' },
    ]);
    await db.insertRows('digest_runs', [
      { conversation_id: CHANNEL, period: 'week-2026-11-23', queued_at: '2026-11-23T09:00:00.000Z' },
      { conversation_id: CHANNEL, period: 'week-2026-11-30', queued_at: '2026-11-30T09:00:00.000Z' },
      { conversation_id: SUBSCRIBED, period: 'week-2026-11-30', queued_at: '2026-11-30T09:00:01.000Z' },
      { conversation_id: CHANNEL, period: 'meeting-2026-12-09', queued_at: '2026-12-04T09:00:00.000Z' },
    ]);
    await db.insertRows(
      'outbox',
      rows.map((row, i) => ({
        id: `old-${i}`,
        key: row.key,
        target: JSON.stringify(row.target),
        payload: JSON.stringify(row.payload),
        purpose: JSON.stringify(row.purpose),
        status: row.status ?? 'pending',
        attempts: row.attempts ?? (row.status === 'sent' ? 1 : 0),
        next_attempt_at: QUEUED_AT,
        created_at: row.createdAt ?? QUEUED_AT,
        sent_at: row.status === 'sent' ? QUEUED_AT : null,
        activity_id: row.status === 'sent' ? '1700000000100' : null,
        last_error: row.lastError ?? null,
        claimed_by: null,
        claimed_until: null,
      })),
    );
  });
  afterAll(async () => {
    await t?.stop();
    await connector.stop();
    await db?.dispose();
  });

  it('turns each queued row into the intent it was about, keeping its state', async () => {
    // Opening the store applies migration 0005.
    const converted = await db.read((store) => Promise.all(rows.map((row) => store.outbox.get(row.key))));
    expect(converted.map((m) => m?.intent)).toEqual(rows.map((row) => row.intent));
    expect(converted.map((m) => [m?.status, m?.attempts, m?.lastError])).toEqual(
      rows.map((row) => [row.status ?? 'pending', row.attempts ?? (row.status === 'sent' ? 1 : 0), row.lastError ?? null]),
    );
  });

  it('sends each queued message once, drawn as things stand when it is sent', async () => {
    await db.read(async (store) => {
      for (const r of Object.values(request)) await store.requests.insert(r, []);
      await store.triage.save({ ...emptyTriage(request.updated.reference), post: { conversationId: THREAD, activityId: POSTED_ID } });
      await store.triage.save({ ...emptyTriage(request.asked.reference), questions: [{ question: QUESTION, askedBy: dsgChair.name, askedAt: '2026-11-30T10:00:00.000Z', answer: null, answeredAt: null }] });
    });
    t = await startTestBot(db, {}, connector, SATURDAY);

    const pending = rows.filter((row) => row.status !== 'sent');
    await eventually(allSent(db, pending.map((row) => row.key)), 'every queued message to be sent', 20_000);
    // Time for a second send of anything, were there one.
    await new Promise((r) => setTimeout(r, 1500));
    const sent = connector.activities();
    expect(rows.map((row) => [row.key, sent.filter(row.shows).length])).toEqual(rows.map((row) => [row.key, row.status === 'sent' ? 0 : 1]));
    expect(sent).toHaveLength(pending.length);
  });
});
