import type { RoleContext } from '../domain/permissions';
import type { Clock, Store } from './ports';

/** What every use case is given: the ports, never a framework. */
export interface Deps {
  store: Store;
  clock: Clock;
  newId: () => string;
  roles: RoleContext;
}
