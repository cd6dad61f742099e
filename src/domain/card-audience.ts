/**
 * Cards that show each person what they may do: Teams' Universal Actions `refresh`, whose `userIds` name the
 * people whose Teams asks the bot for their own view of a card as they see it. Everyone else sees the card as it
 * was posted. Teams does this for at most 60 people a card.
 */
import { PERMISSIONS, type RoleContext } from './permissions';
import type { Project } from './project';
import type { DsgSettings, Member } from './settings';

/** The most people Teams refreshes a card for (its limit on `refresh.userIds`). */
export const MAX_USER_SPECIFIC_VIEWS = 60;

/**
 * Whose card refreshes to their own view: `teamsIds` once each, or null when there are none or more than Teams
 * allows. Null means the card is posted as it always was: its actions for everyone, and a refusal on a press.
 */
export function refreshAudience(teamsIds: readonly (string | null | undefined)[]): string[] | null {
  const ids = [...new Set(teamsIds.filter((id): id is string => typeof id === 'string' && id.length > 0))];
  return ids.length > 0 && ids.length <= MAX_USER_SPECIFIC_VIEWS ? ids : null;
}

/**
 * The Teams ids of those who may decide on requests and gates (PERMISSIONS' 'request.decide' and 'gate.decide'): the
 * DSG team's members, the chair among them.
 */
export const dsgDeciders = (members: readonly Member[]): string[] => members.map((m) => m.id);

/**
 * The Entra ID object ids of those who may edit a project (PERMISSIONS' 'project.edit'): its lead, manager and
 * Digital Leader, the DSG chair and the administrators.
 */
export function projectEditors(project: Pick<Project, 'projectLead' | 'projectManager' | 'digitalLeader'>, settings: Pick<DsgSettings, 'chair'>, ctx: RoleContext): string[] {
  const holders: Record<string, readonly (string | undefined)[]> = {
    'project-lead': [project.projectLead?.aadObjectId],
    'project-manager': [project.projectManager?.aadObjectId],
    'digital-leader': [project.digitalLeader?.aadObjectId],
    chair: [settings.chair?.aadObjectId],
    admin: ctx.adminAadIds,
  };
  const ids = PERMISSIONS['project.edit'].flatMap((role) => holders[role] ?? []);
  return [...new Set(ids.filter((id): id is string => typeof id === 'string' && id.length > 0))];
}
