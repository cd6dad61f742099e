/** Reading the cards the bot returns, as a person would: the words on them and the buttons. */
import type { FakeConnector } from './fake-connector';

type Json = Record<string, unknown>;

function walk(node: unknown, visit: (n: Json) => void): void {
  if (Array.isArray(node)) node.forEach((n) => walk(n, visit));
  else if (node && typeof node === 'object') {
    visit(node as Json);
    for (const value of Object.values(node)) walk(value, visit);
  }
}

/** Every visible string on a card: texts, text runs, facts, input labels and values, button titles. */
export function wordsOf(card: unknown): string {
  const words: string[] = [];
  walk(card, (n) => {
    for (const key of ['text', 'title', 'value', 'label', 'placeholder']) if (typeof n[key] === 'string') words.push(n[key] as string);
  });
  return words.join('\n');
}

/** Every Action.Execute on a card, buttons and tappable containers alike, in order. */
export function executes(card: unknown): { title: string; verb: string; data: Json }[] {
  const found: { title: string; verb: string; data: Json }[] = [];
  walk(card, (n) => {
    if (n.type === 'Action.Execute') found.push({ title: String(n.title), verb: String(n.verb), data: (n.data ?? {}) as Json });
  });
  return found;
}

/** The Action.Execute with this title (the first), or throws listing the titles there are. */
export function button(card: unknown, title: string): { title: string; verb: string; data: Json } {
  const hit = executes(card).find((a) => a.title === title);
  if (!hit) throw new Error(`no ${title} button among ${executes(card).map((a) => a.title).join(', ')}`);
  return hit;
}

/** The Action.Execute with this verb (the first), or throws listing the verbs there are. */
export function action(card: unknown, verb: string): { title: string; verb: string; data: Json } {
  const found = executes(card);
  const hit = found.find((a) => a.verb === verb);
  if (!hit) throw new Error(`no ${verb} button on the card; it has: ${found.map((a) => a.verb).join(', ') || 'none'}`);
  return hit;
}

/** The address of the card's link (Action.OpenUrl) titled `title`, or throws listing the links there are. */
export function linkOf(card: unknown, title: string): string {
  const found: { title: string; url: string }[] = [];
  walk(card, (n) => {
    if (n.type === 'Action.OpenUrl') found.push({ title: String(n.title), url: String(n.url) });
  });
  const hit = found.find((l) => l.title === title);
  if (!hit) throw new Error(`no link "${title}" on the card; it has: ${found.map((l) => l.title).join(', ') || 'none'}`);
  return hit.url;
}

/** True for a card about `reference` itself (its History button), not one that merely lists it (say, as a duplicate to choose). */
export function isCardOf(card: unknown, reference: string): boolean {
  let hit = false;
  walk(card, (n) => {
    if (n.type === 'Action.Execute' && n.verb === 'history.show' && (n.data as Json | undefined)?.reference === reference) hit = true;
  });
  return hit;
}

/** The input with this id. */
export function input(card: unknown, id: string): Json {
  let hit: Json | undefined;
  walk(card, (n) => {
    if (!hit && n.id === id && typeof n.type === 'string' && n.type.startsWith('Input.')) hit = n;
  });
  if (!hit) throw new Error(`no input ${id} on the card`);
  return hit;
}

/** The card in an invoke response body, or throws with what came instead. */
export function invokeCard(body: any): Json {
  if (body?.type !== 'application/vnd.microsoft.card.adaptive') throw new Error(`expected a card, got ${JSON.stringify(body).slice(0, 300)}`);
  return body.value;
}

/** The message in an invoke response body, or throws with what came instead. */
export function invokeMessage(body: any): string {
  if (body?.type !== 'application/vnd.microsoft.activity.message') throw new Error(`expected a message, got ${JSON.stringify(body).slice(0, 300)}`);
  return body.value;
}

/** The Adaptive Card attached to an activity the bot sent. */
export function attachedCard(activity: { attachments?: Array<{ contentType: string; content?: unknown }> }): Json {
  const attachment = activity.attachments?.find((a) => a.contentType === 'application/vnd.microsoft.card.adaptive');
  if (!attachment) throw new Error(`no card attached: ${JSON.stringify(activity).slice(0, 300)}`);
  return attachment.content as Json;
}

/**
 * The card a press answered with: the invoke response's card, or, when the answer went below the pressed card as a
 * new message (navigation; the invoke is answered "Opened below." and the pressed card stays), that message's card.
 */
export function answerCard(body: any, t: { connector: FakeConnector; lastPosted?: string }): Json {
  if (body?.type !== 'application/vnd.microsoft.activity.message' || body.value !== 'Opened below.') return invokeCard(body);
  const sent = t.connector.activities().filter((a) => a.kind === 'reply' && a.replyToId === t.lastPosted && a.activity.attachments);
  if (sent.length !== 1) throw new Error(`the press answered "Opened below." but sent ${sent.length} messages in reply to it`);
  return attachedCard(sent[0].activity);
}
