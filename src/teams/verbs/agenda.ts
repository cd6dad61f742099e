import { z } from 'zod';
import { arrangeAgenda } from '../../app/meetings/arrange-agenda';
import { viewAgenda } from '../../app/meetings/view-agenda';
import type { AgendaChange } from '../../domain/agenda-plan';
import { isDomainError } from '../../domain/errors';
import { agendaCard } from '../../presenters/agenda';
import { card, type Reply } from '../reply';
import { verb, type VerbContext } from './verb';

/** The chair, the Minute Taker or an admin arranges the next agenda on its card: Move up, Move down, Remove, Put back. */

const arranged = {
  itemId: z.string({ error: 'the item id is missing' }).trim().min(1).max(200),
  // The version is 0 before the agenda was ever arranged.
  version: z.coerce.number({ error: 'the card version is missing' }).int().min(0),
};

/** The change, or the agenda as it now stands saying why it was not made (stale card, item gone, meeting started). */
async function arrange(ctx: VerbContext, d: { itemId: string; version: number }, change: AgendaChange): Promise<Reply> {
  try {
    return card(agendaCard(await arrangeAgenda(ctx.deps, ctx.actor, ctx.where, d.version, d.itemId, change)));
  } catch (error) {
    if (isDomainError(error) && (error.code === 'STALE_CARD' || error.code === 'ILLEGAL_TRANSITION')) {
      const stale = error.code === 'STALE_CARD' && !error.message.startsWith('The agenda was changed') ? 'This card is out of date. ' : '';
      return card(agendaCard(await viewAgenda(ctx.deps, ctx.actor, ctx.where, `${stale}${error.message}`)));
    }
    throw error;
  }
}

export const agendaMove = verb('agenda.move', z.object({ ...arranged, direction: z.enum(['up', 'down'], { error: 'choose up or down' }) }).loose(), (ctx, d) => arrange(ctx, d, d.direction));
export const agendaRemove = verb('agenda.remove', z.object(arranged).loose(), (ctx, d) => arrange(ctx, d, 'remove'));
export const agendaRestore = verb('agenda.restore', z.object(arranged).loose(), (ctx, d) => arrange(ctx, d, 'restore'));

export const AGENDA_VERBS = [agendaMove, agendaRemove, agendaRestore];
