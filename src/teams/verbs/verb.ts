import type { z } from 'zod';
import type { Deps } from '../../app/deps';
import type { Actor } from '../../domain/people';
import type { DsgChannel } from '../../domain/settings';
import type { Logger } from '../../log';
import type { Reply } from '../reply';

export interface VerbContext {
  deps: Deps;
  actor: Actor;
  log: Logger;
  /** The Teams channel the action came from (for `setup dsg`), or null outside channels. */
  channel: DsgChannel | null;
}

/** One card action or typed command: its data schema and a small handler (as Bolt's `app.action(id, fn)`). */
export interface Verb<S extends z.ZodType = z.ZodType> {
  name: string;
  data: S;
  handle(ctx: VerbContext, data: z.output<S>): Promise<Reply>;
}

export const verb = <S extends z.ZodType>(name: string, data: S, handle: Verb<S>['handle']): Verb<S> => ({ name, data, handle });
