import { DomainError } from '../../domain/errors';
import type { FollowedProject, GroupChat } from '../../domain/follows';
import type { Actor } from '../../domain/people';
import { isAllowed, rolesFor } from '../../domain/permissions';
import type { ProjectRequest } from '../../domain/request';
import { audited } from '../audit';
import type { Deps } from '../deps';
import { refuse } from '../refuse';

/** The chat a follow command was typed in; anywhere else it is told where to type it. */
function inGroupChat(chat: GroupChat | null, typed: string): GroupChat {
  if (!chat) throw new DomainError('INVALID_FIELD', `Type this in the group chat that should get the project's changes, mentioning me: @DSG Bot ${typed}.`, { field: 'chat' });
  return chat;
}

/** The request or project, and whether `actor` may make a chat follow it (or stop); a refusal is audited. */
async function mayFollow(deps: Deps, actor: Actor, action: string, reference: string): Promise<ProjectRequest> {
  const request = await deps.store.requests.getByReference(reference);
  if (!request) throw new DomainError('NOT_FOUND', `There is no request or project ${reference}. Check the reference (it looks like DP-2026-0007) and try again.`, { reference });
  const subject = { settings: await deps.store.settings.get(), request, project: await deps.store.projects.get(reference) };
  if (!isAllowed('project.follow', rolesFor(actor, subject, deps.roles))) {
    await refuse(deps, actor, action, { subjectType: 'request', subjectId: reference }, `Only the Project Lead, the Project Manager, the Digital Leader of ${reference}, the DSG chair and admins can choose which chats get its changes.`);
  }
  return request;
}

/** `follow DP-2026-0007` in a group chat: from now on the chat gets the project's changes as they happen. */
export async function followProject(deps: Deps, actor: Actor, where: GroupChat | null, reference: string): Promise<string> {
  const chat = inGroupChat(where, `follow ${reference}`);
  const request = await mayFollow(deps, actor, 'project.follow', reference);
  const now = deps.clock.now().toISOString();
  const followed = await deps.store.transaction(async (tx) => {
    const added = await tx.follows.follow({ conversationId: chat.conversationId, reference, conversationRef: chat.reference, followedAt: now });
    if (added) await audited(tx, actor, now, 'project.follow', { subjectType: 'conversation', subjectId: chat.conversationId }, null, { reference });
    return added;
  });
  if (!followed) return `This chat already follows ${reference} "${request.title}", so nothing changed. Type "unfollow ${reference}" to stop it.`;
  return `This chat now follows ${reference} "${request.title}": decisions, owners, the business case, milestones done or moved, and benefits will be posted here as they happen. Type "unfollow ${reference}" to stop.`;
}

/** `unfollow DP-2026-0007` in a group chat that follows it. */
export async function unfollowProject(deps: Deps, actor: Actor, where: GroupChat | null, reference: string): Promise<string> {
  const chat = inGroupChat(where, `unfollow ${reference}`);
  await mayFollow(deps, actor, 'project.unfollow', reference);
  const now = deps.clock.now().toISOString();
  const removed = await deps.store.transaction(async (tx) => {
    const done = await tx.follows.unfollow(chat.conversationId, reference);
    if (done) await audited(tx, actor, now, 'project.unfollow', { subjectType: 'conversation', subjectId: chat.conversationId }, { reference }, null);
    return done;
  });
  return removed ? `This chat no longer follows ${reference}.` : `This chat does not follow ${reference}, so nothing changed. Type "following" to see what it follows.`;
}

/** `following` in a group chat: the requests and projects it follows, by reference. */
export async function listFollowing(deps: Deps, where: GroupChat | null): Promise<FollowedProject[]> {
  const chat = inGroupChat(where, 'following');
  const follows = await deps.store.follows.followedBy(chat.conversationId);
  const listed: FollowedProject[] = [];
  for (const f of follows) {
    const request = await deps.store.requests.getByReference(f.reference);
    // A request removed since (retention) is no longer followed in any way that matters.
    if (request) listed.push({ reference: f.reference, title: request.title, status: request.status, followedAt: f.followedAt });
  }
  return listed;
}
