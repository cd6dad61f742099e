import { z } from 'zod';
import { greet } from '../../app/conversation/greet';
import { helpFor } from '../../app/conversation/help-for';
import { SALUTATIONS } from '../../domain/commands';
import { greetingCard, thanksText } from '../../presenters/greeting';
import { helpCard } from '../../presenters/help';
import { card, text } from '../reply';
import { verb } from './verb';

/** `help` (with `typed` when it answers words the bot did not understand), and answers to "hi" and "thanks". */
export const helpShow = verb('help.show', z.object({ typed: z.string().max(500).optional() }).loose(), async ({ deps, actor }, d) =>
  card(helpCard(await helpFor(deps, actor, d.typed))),
);

export const chatGreet = verb('chat.greet', z.object({ salutation: z.enum(SALUTATIONS).catch('Hello') }).loose(), async ({ deps, actor }, d) =>
  card(greetingCard(await greet(deps, actor, { kind: 'greeting', salutation: d.salutation }))),
);

export const chatThanks = verb('chat.thanks', z.object({}).loose(), async ({ deps, actor }) => text(thanksText(await greet(deps, actor, { kind: 'thanks' }))));
