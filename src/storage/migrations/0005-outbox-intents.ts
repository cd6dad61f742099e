import type { Kysely } from 'kysely';
import type { Engine } from '../schema';

/**
 * The outbox holds intents, not finished cards: `intent` (what the message is about, drawn when it is sent)
 * replaces `payload` (the card or text) and `purpose`. Every row is converted, so a message queued before the
 * upgrade is still sent once, and a reminder card sent before it can still be answered:
 * - a triage post or update → the request's triage card;
 * - a bundled reminder → its items; a plain text → the same text;
 * - a digest → the digest for its channel and period, since that channel's digest before it (a preview: since the
 *   DSG channel's last digest when it was asked for);
 * - a question card → the request's question; a reminders preview → the preview;
 * - any other card (the notice template: a title, lines and at most one button) → the same notice, as data.
 */
// Kysely<any> and plain objects: a migration must not depend on today's types.
type Json = Record<string, any>;

const parse = (text: unknown): Json => {
  try {
    const value = typeof text === 'string' ? JSON.parse(text) : null;
    return value && typeof value === 'object' ? value : {};
  } catch {
    return {};
  }
};

/** Every `text` in a card, in order (TextBlock texts and TextRun texts). */
function texts(node: unknown, out: string[] = []): string[] {
  if (Array.isArray(node)) for (const n of node) texts(n, out);
  else if (node && typeof node === 'object') {
    const o = node as Json;
    if ((o.type === 'TextRun' || o.type === 'TextBlock') && typeof o.text === 'string') out.push(o.text);
    for (const [k, v] of Object.entries(o)) if (k !== 'actions' && k !== 'fallback') texts(v, out);
  }
  return out;
}

/** The notice template's card back as a notice: its title, its lines and its one button. */
function noticeOf(card: Json): Json {
  const [title = 'Digital Strategy Group', ...lines] = texts(card.body ?? []);
  const action = Array.isArray(card.actions) ? card.actions[0] : undefined;
  const reference = action?.data?.reference;
  const notice: Json = { title, lines };
  if (typeof reference === 'string' && (action.verb === 'project.view' || action.verb === 'request.view')) {
    notice.open = { opens: action.verb === 'project.view' ? 'project' : 'request', reference, title: String(action.title ?? 'Open') };
  }
  return notice;
}

const hasInput = (card: Json, id: string): boolean => JSON.stringify(card).includes(`"id":"${id}"`);

interface DigestRow {
  conversation_id: string;
  period: string;
  queued_at: string;
}

export async function up(db: Kysely<any>, _engine: Engine): Promise<void> {
  await db.schema.alterTable('outbox').addColumn('intent', 'text').execute();

  const settings = await db.selectFrom('settings').selectAll().executeTakeFirst();
  const dsgChannel = parse(settings?.channel).conversationId as string | undefined;
  const strandsOf = new Map<string, string[]>(
    (await db.selectFrom('digest_subscriptions').select(['conversation_id', 'strands']).execute()).map((s: Json) => [s.conversation_id, JSON.parse(s.strands || '[]')]),
  );
  const runs = (await db.selectFrom('digest_runs').selectAll().execute()) as DigestRow[];
  /** When the channel's latest digest before `at` was queued (`at` itself included when `inclusive`). */
  const lastQueued = (conversationId: string, at: string, inclusive: boolean): string | null =>
    runs
      .filter((r) => r.conversation_id === conversationId && (r.queued_at < at || (inclusive && r.queued_at === at)))
      .reduce<string | null>((last, r) => (last === null || r.queued_at > last ? r.queued_at : last), null);
  /** The channel's digest before the one for `period`: what that digest covers "since". */
  const sinceFor = (conversationId: string, period: string): string | null => {
    const at = runs.find((r) => r.conversation_id === conversationId && r.period === period)?.queued_at;
    return at === undefined ? null : lastQueued(conversationId, at, false);
  };

  const intentOf = (row: Json): Json => {
    const key = String(row.key);
    const payload = parse(row.payload);
    const purpose = parse(row.purpose);
    const card = payload.card && typeof payload.card === 'object' ? (payload.card as Json) : null;
    if (purpose.kind === 'reminder') return { kind: 'reminder', recipientName: purpose.recipientName, items: purpose.items ?? [] };
    if (purpose.kind === 'triage-post') return { kind: 'triage-card', reference: purpose.reference };
    if (key.startsWith('triage-update:')) return { kind: 'triage-card', reference: key.split(':')[1] };
    if (!card) return { kind: 'text', text: String(payload.text ?? '') };
    const digest = /^digest:(week-\d{4}-\d{2}-\d{2}|meeting-(\d{4}-\d{2}-\d{2})):(.+)$/.exec(key);
    if (digest) {
      const [, period, meeting, conversationId] = digest;
      const audience = conversationId === dsgChannel ? 'dsg' : 'channel';
      const strands = audience === 'dsg' ? null : (strandsOf.get(conversationId) ?? []);
      return {
        kind: 'digest',
        digest: { kind: meeting ? 'pre-meeting' : 'weekly', audience, strands: strands && strands.length ? strands : null, since: sinceFor(conversationId, period), ...(meeting && { meeting }) },
      };
    }
    // A preview covers what happened since the DSG channel's last digest when it was asked for.
    if (key.startsWith('digest-preview:')) {
      return { kind: 'digest', digest: { kind: 'preview', audience: 'dsg', strands: null, since: dsgChannel ? lastQueued(dsgChannel, String(row.created_at), true) : null } };
    }
    if (key.startsWith('preview:')) return { kind: 'reminders-preview' };
    if (key.startsWith('notify:') && hasInput(card, 'answer')) return { kind: 'question', reference: key.split(':')[1] };
    return { kind: 'notice', notice: noticeOf(card) };
  };

  const rows = await db.selectFrom('outbox').select(['id', 'key', 'payload', 'purpose', 'created_at']).execute();
  for (const row of rows) {
    await db.updateTable('outbox').set({ intent: JSON.stringify(intentOf(row)) }).where('id', '=', row.id).execute();
  }
  await db.schema.alterTable('outbox').dropColumn('payload').execute();
  await db.schema.alterTable('outbox').dropColumn('purpose').execute();
}
