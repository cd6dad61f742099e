import { type CloudAdapter, type ConversationReference, TeamsInfo } from 'botbuilder';
import type { Roster } from '../app/triage/ports';
import type { Member } from '../domain/settings';

export interface RosterOptions {
  /** Members per page (Teams allows 50 to 500). */
  pageSize?: number;
  /** Stops after this many pages, so a connector that keeps answering a token cannot loop forever. */
  maxPages?: number;
}

/**
 * The members of a team, read with the Bot Framework's paged members call (GET /v3/conversations/{team}/pagedmembers)
 * in a proactive turn on a stored reference of one of the team's channels. Accounts without an AAD object id
 * (there should be none in a team) are left out. Errors are botbuilder's own (a RestError with statusCode).
 */
export function createRoster(adapter: CloudAdapter, appId: string, options: RosterOptions = {}): Roster {
  const pageSize = options.pageSize ?? 500;
  const maxPages = options.maxPages ?? 200;
  return {
    async teamMembers(teamId, reference) {
      const members: Member[] = [];
      await adapter.continueConversationAsync(appId, { channelId: 'msteams', ...(reference as Partial<ConversationReference>) }, async (ctx) => {
        let token: string | undefined;
        for (let page = 0; page < maxPages; page++) {
          const result = await TeamsInfo.getPagedTeamMembers(ctx, teamId, pageSize, token);
          for (const m of result.members ?? []) {
            if (!m.aadObjectId) continue;
            members.push({
              id: m.id,
              aadObjectId: m.aadObjectId,
              name: m.name || m.userPrincipalName || m.email || m.id,
              ...(m.email && { email: m.email }),
              ...(m.userPrincipalName && { userPrincipalName: m.userPrincipalName }),
              ...(m.givenName && { givenName: m.givenName }),
            });
          }
          token = result.continuationToken || undefined;
          if (!token) return;
        }
        throw new Error(`the roster of ${teamId} did not end after ${maxPages} pages`);
      });
      return members;
    },
  };
}
