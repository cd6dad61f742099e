import type { Kysely, Migration, MigrationProvider } from 'kysely';
import type { Engine } from '../schema';
import * as m0001 from './0001-initial';
import * as m0002 from './0002-programme';
import * as m0003 from './0003-reminders';
import * as m0004 from './0004-digests';
import * as m0005 from './0005-outbox-intents';
import * as m0006 from './0006-programme-sheets';
import * as m0007 from './0007-data-protection';
import * as m0008 from './0008-milestone-drop-reason';
import * as m0010 from './0010-meetings';
import * as m0011 from './0011-agenda-plan';
import * as m0013 from './0013-measures';
import * as m0014 from './0014-solutions';
import * as m0015 from './0015-reuse-choice-non-cash-benefits';
import * as m0016 from './0016-project-follows';
import * as m0017 from './0017-project-health';
import * as m0018 from './0018-risks';
import * as m0019 from './0019-stages-gates';

export interface StoreMigration {
  up(db: Kysely<any>, engine: Engine): Promise<void>;
}

/** Every migration, in order. Append new versions; never edit or reorder applied ones. */
export const MIGRATIONS: readonly (readonly [name: string, migration: StoreMigration])[] = [
  ['0001-initial', m0001],
  ['0002-programme', m0002],
  ['0003-reminders', m0003],
  ['0004-digests', m0004],
  ['0005-outbox-intents', m0005],
  ['0006-programme-sheets', m0006],
  ['0007-data-protection', m0007],
  ['0008-milestone-drop-reason', m0008],
  ['0010-meetings', m0010],
  ['0011-agenda-plan', m0011],
  ['0013-measures', m0013],
  ['0014-solutions', m0014],
  ['0015-reuse-choice-non-cash-benefits', m0015],
  ['0016-project-follows', m0016],
  ['0017-project-health', m0017],
  ['0018-risks', m0018],
  ['0019-stages-gates', m0019],
];

/** Hands Kysely's Migrator the static list above (no filesystem scanning). */
export function migrationProvider(engine: Engine): MigrationProvider {
  return {
    async getMigrations(): Promise<Record<string, Migration>> {
      const entries = MIGRATIONS.map(([name, m]): [string, Migration] => [name, { up: (db) => m.up(db, engine) }]);
      return Object.fromEntries(entries);
    },
  };
}
