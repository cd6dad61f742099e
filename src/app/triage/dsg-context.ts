import type { DsgSettings, Member } from '../../domain/settings';
import type { Deps } from '../deps';

/** How long the DSG team's roster is trusted before it is read from Teams again. */
export const ROSTER_TTL_MS = 10 * 60 * 1000;

export interface DsgContext {
  settings: DsgSettings;
  /** The DSG members: the members of the DSG channel's team (empty before `setup dsg`). */
  members: Member[];
}

/**
 * The DSG's settings and members. Members come from the Teams roster, cached for ten minutes;
 * when Teams cannot be asked, the last known list is used (and the failure logged).
 */
export async function dsgContext(deps: Deps): Promise<DsgContext> {
  const settings = await deps.store.settings.get();
  if (!settings.channel) return { settings, members: [] };
  const { teamId, reference } = settings.channel;
  const cached = await deps.store.roster.get(teamId);
  const now = deps.clock.now();
  if (cached && now.getTime() - Date.parse(cached.fetchedAt) < ROSTER_TTL_MS) return { settings, members: cached.members };
  try {
    const members = await deps.roster.teamMembers(teamId, reference);
    await deps.store.roster.put(teamId, members, now.toISOString());
    return { settings, members };
  } catch (error) {
    deps.log?.warn({ err: error, teamId }, 'could not read the DSG roster; using the last known members');
    return { settings, members: cached?.members ?? [] };
  }
}
