import { CardFactory } from 'botbuilder';
import { z } from 'zod';
import type { Deps } from '../app/deps';
import { findProgrammeProject, findRequest, findRequests, MIN_SEARCH_LENGTH, type FoundRequest } from '../app/requests/find-requests';
import { startRequest } from '../app/requests/start-request';
import { viewRequest } from '../app/requests/view-request';
import { isDomainError } from '../domain/errors';
import { ideaFromMessage } from '../domain/message-idea';
import type { Actor } from '../domain/people';
import { parseReference } from '../domain/request';
import type { Logger } from '../log';
import { compactPreview, notFoundCard, requestCompactCard, requestRaisedCard } from '../presenters/request-compact';
import { requestFormCard } from '../presenters/request-form';
import type { AdaptiveCardJson } from '../presenters/render';
import { card, type Reply } from './reply';
import { VERBS } from './verbs';
import { submitVerbs } from './verbs/request-form';
import type { Verb } from './verbs/verb';

/**
 * The message extension (manifest `composeExtensions`): "Raise a DSG request" on any message opens the request form
 * in a dialog, "Find requests" searches from the compose box, and a Programme tab project link unfurls. Each invoke
 * has its own small handler, named as botbuilder's TeamsActivityHandler names them; each answers with the body of
 * the invoke response. The form in the dialog is the chat's form: the same verbs, use case and checks.
 */

/** The manifest's command ids. */
export const RAISE_COMMAND = 'raiseRequest';
export const FIND_COMMAND = 'findRequests';

export interface ExtensionContext {
  deps: Deps;
  actor: Actor;
  log: Logger;
  /** The address the bot (and its Programme tab) is reached at. */
  publicUrl: string;
  /** Runs a card press through the turn's checks (press limit, the verb's schema, refusals) with these verbs. */
  run(name: unknown, data: unknown, verbs: ReadonlyMap<string, Verb>): Promise<Reply>;
}

type InvokeBody = Record<string, unknown>;

const DIALOG_TITLE = 'Raise a DSG request';

/** Teams sends a dialog's Action.Submit back to the message extension, never an Action.Execute: each button is its Action.Submit fallback. */
function forDialog(node: unknown): unknown {
  if (Array.isArray(node)) return node.map(forDialog);
  if (node === null || typeof node !== 'object') return node;
  const record = node as Record<string, unknown>;
  const fallback = record.fallback as Record<string, unknown> | undefined;
  if (record.type === 'Action.Execute' && fallback?.type === 'Action.Submit') return forDialog(fallback);
  return Object.fromEntries(Object.entries(record).map(([key, value]) => [key, forDialog(value)]));
}

const dialog = (shown: AdaptiveCardJson): InvokeBody => ({
  task: { type: 'continue', value: { title: DIALOG_TITLE, height: 'large', width: 'medium', card: CardFactory.adaptiveCard(forDialog(shown)) } },
});
/** A dialog that says something and nothing more (Teams shows it in place of the form). */
const dialogMessage = (text: string): InvokeBody => ({ task: { type: 'message', value: text } });
/** Words in the compose box's results list instead of results. */
const composeMessage = (text: string): InvokeBody => ({ composeExtension: { type: 'message', text } });

/** A compact card as a compose-box result: the card, and the line Teams lists it by. */
const result = (shown: AdaptiveCardJson, preview: { title: string; subtitle: string; text: string }) => ({
  ...CardFactory.adaptiveCard(shown),
  preview: CardFactory.thumbnailCard(preview.title, preview.text, [], [], { subtitle: preview.subtitle }),
});
const results = (attachments: object[]): InvokeBody => ({ composeExtension: { type: 'result', attachmentLayout: 'list', attachments } });
const foundResult = (found: FoundRequest, raised = false) => result(requestCompactCard(found, raised), compactPreview(found));

const command = z.string({ error: 'it names no command' }).max(64, 'its command is not one of DSG Bot’s');

// ---------------------------------------------------------------------------------------------
// "Raise a DSG request" on a message

const fetchTaskValue = z
  .object({
    commandId: command,
    messagePayload: z
      .object({
        body: z.object({ contentType: z.string().max(20).optional(), content: z.string().max(200_000, 'the message is too long').optional() }).loose().optional(),
        attachments: z.array(z.object({ contentType: z.string().max(200).optional() }).loose()).max(100).optional(),
        linkToMessage: z.string().max(2000).optional(),
      })
      .loose()
      .optional(),
  })
  .loose();

/** `composeExtension/fetchTask`: the request form in a dialog, filled in from the message as far as it can be. */
export async function handleTeamsMessagingExtensionFetchTask(ctx: ExtensionContext, value: unknown): Promise<InvokeBody> {
  const parsed = fetchTaskValue.safeParse(value);
  if (!parsed.success) {
    ctx.log.warn({ problems: parsed.error.issues.map((i) => i.message) }, 'malformed message action');
    return dialogMessage(`Sorry, I could not open the form: ${parsed.error.issues[0]?.message ?? 'Teams sent nothing'}. Try again, or type "new" in your chat with DSG Bot.`);
  }
  if (parsed.data.commandId !== RAISE_COMMAND) {
    ctx.log.warn({ commandId: parsed.data.commandId.slice(0, 64) }, 'unknown message action');
    return dialogMessage('Sorry, DSG Bot does not have that action. Use "Raise a DSG request" on a message, or type "new" in your chat with DSG Bot.');
  }
  const message = parsed.data.messagePayload;
  const link = message?.linkToMessage && /^https:\/\/\S+$/i.test(message.linkToMessage) ? message.linkToMessage : null;
  const idea = ideaFromMessage({
    contentType: message?.body?.contentType === 'text' ? 'text' : 'html',
    content: message?.body?.content ?? '',
    attachments: (message?.attachments ?? []).filter((a) => a.contentType !== 'text/html').length,
    link,
  });
  const start = await startRequest(ctx.deps, ctx.actor, true);
  if (start.kind !== 'form') throw new Error('a fresh request always starts with a form');
  ctx.log.info({ formId: start.formId, notes: idea.notes.length }, 'request form opened from a message');
  return dialog(requestFormCard({ formId: start.formId, values: idea.values, notice: idea.notes.join(' ') || undefined }));
}

/** Submit and Submit anyway end, in the dialog, with the reference and the choice to post it; a form sent twice shows that end again. */
const once = (v: Verb): Verb => ({
  ...v,
  async run(ctx, raw) {
    try {
      return await v.run(ctx, raw);
    } catch (error) {
      if (!isDomainError(error) || error.code !== 'ALREADY_SUBMITTED') throw error;
      const { request } = await viewRequest(ctx.deps, ctx.actor, String(error.details.reference));
      return card(requestRaisedCard(request, error.message));
    }
  },
});
const raised = submitVerbs((request) => requestRaisedCard(request));

/** What the form's buttons do in the dialog: the chat's own verbs, but for how a submitted request ends. */
const DIALOG_VERBS: ReadonlyMap<string, Verb> = new Map(
  [
    ...['request.next', 'request.back', 'request.edit', 'request.discard', 'request.view', 'request.similar'].map((name) => VERBS.get(name) as Verb),
    once(raised.submit),
    once(raised.confirm),
  ].map((v) => [v.name, v]),
);

const submitActionValue = z
  .object({
    commandId: command,
    botMessagePreviewAction: z.string().max(20).optional(),
    data: z.record(z.string(), z.unknown()).optional(),
  })
  .loose();

/**
 * `composeExtension/submitAction`: a button in the dialog. The form's buttons run the form's verbs and the dialog
 * shows what they answer; "Post in the conversation" puts the short card about the request in the compose box of
 * the conversation the message is in, for the person to send.
 */
export async function handleTeamsMessagingExtensionSubmitAction(ctx: ExtensionContext, value: unknown): Promise<InvokeBody> {
  const parsed = submitActionValue.safeParse(value);
  if (!parsed.success || parsed.data.commandId !== RAISE_COMMAND || parsed.data.botMessagePreviewAction) {
    ctx.log.warn({ problems: parsed.success ? ['not this extension’s dialog'] : parsed.error.issues.map((i) => i.message) }, 'malformed dialog submit');
    return dialogMessage('Sorry, I could not use that: it did not come from the "Raise a DSG request" form. Try again from the message.');
  }
  const { verb, ...data } = parsed.data.data ?? {};
  if (verb === 'request.share') {
    const ref = typeof data.reference === 'string' ? parseReference(data.reference) : null;
    if (!ref) return dialogMessage('Sorry, I could not tell which request to post. Find it with "Find requests" in the compose box instead.');
    const found = await findRequest(ctx.deps, ctx.actor, ref);
    ctx.log.info({ reference: ref }, 'raised request offered for posting');
    return results([foundResult(found, true)]);
  }
  if (typeof verb === 'string' && VERBS.has(verb) && !DIALOG_VERBS.has(verb)) {
    ctx.log.warn({ verb }, 'a chat button pressed in the dialog');
    return dialogMessage('That button works in your chat with DSG Bot: open it there (type "my requests").');
  }
  const reply = await ctx.run(verb, data, DIALOG_VERBS);
  return 'card' in reply ? dialog(reply.card) : dialogMessage(reply.text);
}

// ---------------------------------------------------------------------------------------------
// Search from the compose box

const queryValue = z
  .object({
    commandId: command,
    parameters: z.array(z.object({ name: z.string().max(100), value: z.unknown() }).loose()).max(10).optional(),
    queryOptions: z.object({ skip: z.coerce.number().int().min(0).max(1000).optional(), count: z.coerce.number().int().min(1).max(100).optional() }).loose().optional(),
  })
  .loose();

const ASK_FOR_MORE = `Type at least ${MIN_SEARCH_LENGTH} characters: words from a request's title or problem, or a reference such as DP-2026-0042.`;

/** `composeExtension/query`: requests and projects matching the words or reference typed, as compact cards to insert. */
export async function handleTeamsMessagingExtensionQuery(ctx: ExtensionContext, value: unknown): Promise<InvokeBody> {
  const parsed = queryValue.safeParse(value);
  if (!parsed.success || parsed.data.commandId !== FIND_COMMAND) {
    ctx.log.warn({ problems: parsed.success ? ['unknown search command'] : parsed.error.issues.map((i) => i.message) }, 'malformed search');
    return composeMessage('Sorry, DSG Bot does not have that search. Use "Find requests" and type words or a reference.');
  }
  const typed = parsed.data.parameters?.find((p) => p.name !== 'initialRun')?.value;
  const text = typeof typed === 'string' ? typed.slice(0, 200) : '';
  const found = await findRequests(ctx.deps, ctx.actor, text, parsed.data.queryOptions?.skip ?? 0, parsed.data.queryOptions?.count);
  if (found.kind === 'too-short') return composeMessage(ASK_FOR_MORE);
  if (found.kind === 'no-words') return composeMessage('Those words are too common to search by: try others, or a reference such as DP-2026-0042.');
  ctx.log.info({ results: found.items.length }, 'compose search');
  if (found.items.length === 0 && !parsed.data.queryOptions?.skip) return composeMessage(`No requests or projects match "${text.trim().slice(0, 60)}".`);
  return results(found.items.map((item) => foundResult(item)));
}

// ---------------------------------------------------------------------------------------------
// Programme tab links unfurled

const queryLinkValue = z.object({ url: z.string({ error: 'it has no link' }).max(2000, 'the link is too long') }).loose();

/** The project a Programme tab link opens (`<PUBLIC_URL>/tab#/project/DP-2026-0007`), or null for any other link. */
export function projectOfLink(url: string, publicUrl: string): string | null {
  if (!URL.canParse(url) || !URL.canParse(publicUrl)) return null;
  const link = new URL(url);
  if (link.host.toLowerCase() !== new URL(publicUrl).host.toLowerCase() || !/^\/tab\/?$/.test(link.pathname)) return null;
  const hash = /^#\/project\/([^/?#]+)$/.exec(link.hash);
  if (!hash) return null;
  try {
    return parseReference(decodeURIComponent(hash[1]));
  } catch {
    return null;
  }
}

/** `composeExtension/queryLink`: a Programme tab project link becomes its compact card; any other, "not found", never an error. */
export async function handleTeamsAppBasedLinkQuery(ctx: ExtensionContext, value: unknown): Promise<InvokeBody> {
  const parsed = queryLinkValue.safeParse(value);
  const reference = parsed.success ? projectOfLink(parsed.data.url, ctx.publicUrl) : null;
  const found = reference ? await findProgrammeProject(ctx.deps, ctx.actor, reference) : null;
  ctx.log.info({ reference, found: found !== null }, 'link unfurled');
  if (found) return results([foundResult(found)]);
  const why = reference ? `${reference} is not in the Digital Programme: it may have been removed, or not approved yet.` : 'That link is not to a project in the Programme tab.';
  return results([result(notFoundCard(why), { title: 'Not found', subtitle: 'DSG Bot', text: why })]);
}

/** The invokes the message extension answers, by name. */
export const EXTENSION_INVOKES: ReadonlyMap<string, (ctx: ExtensionContext, value: unknown) => Promise<InvokeBody>> = new Map([
  ['composeExtension/fetchTask', handleTeamsMessagingExtensionFetchTask],
  ['composeExtension/submitAction', handleTeamsMessagingExtensionSubmitAction],
  ['composeExtension/query', handleTeamsMessagingExtensionQuery],
  ['composeExtension/queryLink', handleTeamsAppBasedLinkQuery],
]);
