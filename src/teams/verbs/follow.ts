import { z } from 'zod';
import { followProject, listFollowing, unfollowProject } from '../../app/follows/follow-project';
import { STATUS_LABELS } from '../../domain/request';
import { text } from '../reply';
import { verb, type Verb } from './verb';
import { reference } from './schemas';

/** `follow DP-…`, `unfollow DP-…` and `following`, typed in a group chat. */
export const FOLLOW_VERBS: readonly Verb[] = [
  verb('project.follow', z.object({ reference }).loose(), async ({ deps, actor, chat }, d) => text(await followProject(deps, actor, chat, d.reference))),
  verb('project.unfollow', z.object({ reference }).loose(), async ({ deps, actor, chat }, d) => text(await unfollowProject(deps, actor, chat, d.reference))),
  verb('project.following', z.object({}).loose(), async ({ deps, chat }) => {
    const followed = await listFollowing(deps, chat);
    if (!followed.length) return text('This chat follows no project yet. Type "follow DP-2026-0007" (with the project\'s reference) to get its changes here.');
    const lines = followed.map((f) => `${f.reference} "${f.title}" (${STATUS_LABELS[f.status].toLowerCase()}), since ${f.followedAt.slice(0, 10)}`);
    return text(`This chat follows ${followed.length === 1 ? 'one project' : `${followed.length} projects`}:\n${lines.join('\n')}`);
  }),
];
