import type { RoleContext } from '../domain/permissions';
import type { Clock, Roster, Store } from './ports';

/** What every use case is given: the ports, never a framework. */
export interface Deps {
  store: Store;
  clock: Clock;
  newId: () => string;
  roles: RoleContext;
  /** The Teams roster of the DSG's team. */
  roster: Roster;
  /** Tells the outbox sender there is something to send now (it also polls). */
  kickOutbox: () => void;
  log?: { warn(o: object, msg: string): void };
}
