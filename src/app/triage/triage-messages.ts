import { triageCard } from '../../presenters/triage';
import type { DsgChannel, DsgSettings, Member, PersonRef } from '../../domain/settings';
import { emptyTriage } from '../../domain/triage';
import type { Deps } from '../deps';
import type { OutboxMessage, OutboxPurpose, OutboxTarget } from '../outbox/ports';
import type { Repositories } from '../ports';
import { ASSIGNABLE_STATUSES, DECIDABLE_STATUSES, type ProjectRequest } from '../../domain/request';
import { similarToRequest } from '../requests/similar-requests';

/** Open requests and projects a request can be merged into (most recent first). */
async function mergeTargets(repos: Repositories, except: string) {
  const page = await repos.requests.listByStatus([...DECIDABLE_STATUSES, ...ASSIGNABLE_STATUSES], 0, 200);
  return page.items
    .filter((r) => r.reference !== except)
    .slice(-25)
    .reverse()
    .map((r) => ({ title: `${r.reference} ${r.title}`.slice(0, 100), value: r.reference }));
}

/** Queues one outgoing message under a unique key (queued once, whatever happens). */
function queue(deps: Deps, repos: Repositories, key: string, target: OutboxTarget, payload: OutboxMessage['payload'], purpose: OutboxPurpose = { kind: 'notice' }): Promise<boolean> {
  const now = deps.clock.now().toISOString();
  return repos.outbox.enqueue({ id: deps.newId(), key, target, payload, purpose, nextAttemptAt: now, createdAt: now });
}

/** The conversation reference of a request's thread in the DSG channel. */
function threadReference(channel: DsgChannel, post: { conversationId: string }): unknown {
  return { ...(channel.reference as object), conversation: { id: post.conversationId, isGroup: true, conversationType: 'channel' } };
}

const mentionText = (person: PersonRef): string => `<at>${person.name.replace(/[<>]/g, '')}</at>`;

/** The triage card for a request as it stands, with the strand's Digital Leader @mentioned. */
export async function renderTriageCard(deps: Deps, repos: Repositories, request: ProjectRequest, settings: DsgSettings, members: readonly Member[]): Promise<object> {
  const [triage, project, similar, targets] = await Promise.all([
    repos.triage.get(request.reference),
    repos.projects.get(request.reference),
    similarToRequest(repos, request),
    mergeTargets(repos, request.reference),
  ]);
  const leader = project?.digitalLeader ?? settings.leaders[request.strand] ?? null;
  const people = new Map<string, string>();
  for (const m of members) people.set(m.aadObjectId, m.name);
  for (const p of [leader, project?.projectLead, project?.projectManager]) if (p) people.set(p.aadObjectId, p.name);
  const card = triageCard({
    request,
    triage: triage ?? emptyTriage(request.reference),
    similar,
    project,
    requesterName: request.requesterName,
    today: deps.calendar.londonDate(deps.clock.now()),
    leader,
    leaderMention: leader ? mentionText(leader) : undefined,
    people: [...people].map(([value, title]) => ({ title, value })),
    mergeTargets: targets,
  }) as Record<string, unknown>;
  if (leader) {
    card.msteams = { entities: [{ type: 'mention', text: mentionText(leader), mentioned: { id: leader.aadObjectId, name: leader.name } }] };
  }
  return card;
}

/** Queues the triage card as a new thread in the DSG channel (once per request). */
export async function queueTriagePost(deps: Deps, repos: Repositories, request: ProjectRequest, settings: DsgSettings, members: readonly Member[] = []): Promise<boolean> {
  if (!settings.channel) return false;
  const card = await renderTriageCard(deps, repos, request, settings, members);
  const target: OutboxTarget = { kind: 'conversation', reference: settings.channel.reference, newThread: true };
  return queue(deps, repos, `triage-post:${settings.channel.conversationId}:${request.reference}`, target, { card }, { kind: 'triage-post', reference: request.reference, version: request.version });
}

/**
 * Queues an update of the posted triage card so everyone in the channel sees the new state; `rendered` is the
 * card as it now stands when the caller has already made it (it is not made twice).
 */
export async function queueTriageUpdate(deps: Deps, repos: Repositories, request: ProjectRequest, settings: DsgSettings, members: readonly Member[], rendered?: object): Promise<void> {
  const triage = await repos.triage.get(request.reference);
  if (!triage?.post || !settings.channel) return;
  const card = rendered ?? (await renderTriageCard(deps, repos, request, settings, members));
  const target: OutboxTarget = { kind: 'update', reference: threadReference(settings.channel, triage.post), activityId: triage.post.activityId };
  // An older update still waiting (say, after a 429) would overwrite this one if it were sent later.
  await repos.outbox.supersede(`triage-update:${request.reference}:`, deps.clock.now().toISOString());
  await queue(deps, repos, `triage-update:${request.reference}:v${request.version}`, target, { card });
}

/** Queues a reply in the request's DSG thread. */
export async function queueThreadReply(deps: Deps, repos: Repositories, request: ProjectRequest, settings: DsgSettings, key: string, text: string): Promise<void> {
  const triage = await repos.triage.get(request.reference);
  if (!triage?.post || !settings.channel) return;
  await queue(deps, repos, key, { kind: 'conversation', reference: threadReference(settings.channel, triage.post), newThread: false }, { text });
}

/** Queues a personal message to the requester about their request. */
export async function queueRequesterNotice(
  deps: Deps,
  repos: Repositories,
  request: ProjectRequest,
  key: string,
  card: object,
): Promise<void> {
  const person = await repos.people.get(request.requesterId);
  if (!person) return;
  const target: OutboxTarget = person.conversationRef
    ? { kind: 'conversation', reference: person.conversationRef, newThread: false, personId: person.id }
    : { kind: 'person', userId: person.id, tenantId: person.tenantId };
  await queue(deps, repos, key, target, { card });
}

