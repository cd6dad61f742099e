import type { DsgSettings, Member } from '../../domain/settings';
import type { Deps } from '../deps';
import type { Roster } from './ports';

/** How long the DSG team's roster is trusted before it is read from Teams again. */
export const ROSTER_TTL_MS = 10 * 60 * 1000;
/** The longest a person waits for Teams to list the DSG's members; after that the last known list is used. */
export const ROSTER_WAIT_MS = 2_000;

export interface DsgContext {
  settings: DsgSettings;
  /** The DSG members: the members of the DSG channel's team (empty before `setup dsg`). */
  members: Member[];
}

/** One read of each team's roster at a time: a second caller waits for the read already going on. */
const reading = new WeakMap<Roster, Map<string, Promise<Member[]>>>();

/**
 * Reads the roster from Teams and stores it. Runs to the end even when the caller stopped waiting, so the next
 * caller finds the list fresh.
 */
function readRoster(deps: Deps, teamId: string, reference: unknown): Promise<Member[]> {
  let byTeam = reading.get(deps.roster);
  if (!byTeam) reading.set(deps.roster, (byTeam = new Map()));
  const running = byTeam.get(teamId);
  if (running) return running;
  const read = (async () => {
    try {
      const members = await deps.roster.teamMembers(teamId, reference);
      await deps.store.roster.put(teamId, members, deps.clock.now().toISOString());
      return members;
    } finally {
      byTeam.delete(teamId);
    }
  })();
  byTeam.set(teamId, read);
  return read;
}

const LATE = Symbol('late');

/** What `work` gives, or LATE if it takes longer than `ms` (the work goes on). */
function within<T>(work: Promise<T>, ms: number): Promise<T | typeof LATE> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<typeof LATE>((resolve) => {
    timer = setTimeout(() => resolve(LATE), ms);
  });
  return Promise.race([work, late]).finally(() => clearTimeout(timer));
}

/**
 * The DSG's settings and members. Members come from the Teams roster, cached for ten minutes; when Teams cannot
 * be asked, or does not answer within ROSTER_WAIT_MS, the last known list is used (and that is logged).
 */
export async function dsgContext(deps: Deps): Promise<DsgContext> {
  const settings = await deps.store.settings.get();
  if (!settings.channel) return { settings, members: [] };
  const { teamId, reference } = settings.channel;
  const cached = await deps.store.roster.get(teamId);
  if (cached && deps.clock.now().getTime() - Date.parse(cached.fetchedAt) < ROSTER_TTL_MS) return { settings, members: cached.members };
  const read = readRoster(deps, teamId, reference).catch((error: unknown) => {
    deps.log?.warn({ err: error, teamId }, 'could not read the DSG roster; using the last known members');
    return null;
  });
  const members = await within(read, ROSTER_WAIT_MS);
  if (members === LATE) deps.log?.warn({ teamId, waitedMs: ROSTER_WAIT_MS }, 'Teams is slow to list the DSG; using the last known members meanwhile');
  return { settings, members: members === LATE || members === null ? (cached?.members ?? []) : members };
}
