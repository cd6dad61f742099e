import type { Kysely } from 'kysely';
import type { RosterCache } from '../app/triage/ports';
import type { Member } from '../domain/settings';
import { readList, upsert, writeJson } from './columns';
import type { Database } from './schema';

export function rosterCache(db: Kysely<Database>): RosterCache {
  return {
    async get(teamId) {
      const row = await db.selectFrom('roster_cache').selectAll().where('team_id', '=', teamId).executeTakeFirst();
      return row ? { members: readList<Member>(row.members), fetchedAt: row.fetched_at } : null;
    },
    put: (teamId, members, fetchedAt) => upsert(db, 'roster_cache', 'team_id', { team_id: teamId, members: writeJson(members), fetched_at: fetchedAt }),
  };
}
