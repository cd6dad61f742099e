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

/** An action whose data its verb's schema refused: what was wrong, for the person and the log. */
interface Malformed {
  malformed: string[];
}

/**
 * One card action or typed command, as Bolt's `app.action(id, fn)`: its name, the schema of its data, and `run`,
 * which checks the data with that schema before the handler sees it. The table of verbs holds every verb alike,
 * while each handler is typed by its own schema.
 */
export interface Verb {
  readonly name: string;
  readonly data: z.ZodType;
  run(ctx: VerbContext, raw: unknown): Promise<Reply | Malformed>;
}

export const verb = <S extends z.ZodType>(name: string, data: S, handle: (ctx: VerbContext, data: z.output<S>) => Promise<Reply>): Verb => ({
  name,
  data,
  async run(ctx, raw) {
    const parsed = data.safeParse(raw);
    return parsed.success ? handle(ctx, parsed.data) : { malformed: parsed.error.issues.map((i) => i.message) };
  },
});
