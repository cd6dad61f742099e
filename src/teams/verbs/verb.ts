import { z } from 'zod';
import type { Deps } from '../../app/deps';
import type { GroupChat } from '../../domain/follows';
import type { Actor, Where } from '../../domain/people';
import type { DsgChannel } from '../../domain/settings';
import type { Logger } from '../../log';
import { withBack } from '../../presenters/back';
import type { AdaptiveCardJson } from '../../presenters/render';
import { below, card, type Reply } from '../reply';
import { place } from './schemas';

export interface VerbContext {
  deps: Deps;
  actor: Actor;
  log: Logger;
  /** The Teams channel the action came from (for `setup dsg`), or null outside channels. */
  channel: DsgChannel | null;
  /** The group chat the action came from (for `follow`), or null outside group chats. */
  chat: GroupChat | null;
  /** Where the action came from (the agenda and the meeting check it). */
  where: Where;
  /** Others see the card this verb answers with (a channel or group chat) and Teams can show each person their own view of it (USER_SPECIFIC_VIEWS). */
  viewsPerPerson: boolean;
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

/**
 * A navigation verb (My requests, Open, Open project, History, Pending, the programme): `draw` makes the view, and
 * the press's `place` data says where it goes. By default it is a new message below, so the pressed card (a
 * confirmation, a digest, a reminder, a notice) stays in the chat; paging and Back replace the card the person
 * opened; a detail opened from a list replaces it, with Back to the page it came from.
 */
export const view = <S extends z.ZodRawShape>(name: string, shape: S, draw: (ctx: VerbContext, data: z.output<z.ZodObject<S>>) => Promise<AdaptiveCardJson>): Verb =>
  verb(name, z.object({ ...shape, ...place }).loose(), async (ctx, d) => {
    const drawn = await draw(ctx, d as z.output<z.ZodObject<S>>);
    const { here, back } = d as z.output<z.ZodObject<typeof place>>;
    if (back) return card(withBack(drawn, back));
    return here ? card(drawn) : below(drawn);
  });
