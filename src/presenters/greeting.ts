import type { Greeting } from '../domain/commands';
import { type AdaptiveCardJson, render } from './render';
import type { Button } from './types';

const button = (title: string, verb: string, data: Record<string, unknown> = {}): Button => ({ title, verb, data, fallbackData: { verb, ...data } });

/**
 * The answer to a greeting: staff are told what they can do; the DSG and admins what awaits a decision (they are
 * staff too, so they can still submit an idea from it).
 */
export function greetingCard(g: Greeting): AdaptiveCardJson {
  const waiting = g.pending === null ? null : g.pending === 0 ? 'No requests are waiting for a DSG decision.' : `${g.pending} request${g.pending === 1 ? ' is' : 's are'} waiting for a DSG decision.`;
  const lines = waiting
    ? [waiting, 'Type help to see everything you can ask me.']
    : ["I send your ideas for digital projects to the council's Digital Strategy Group (DSG), and show you where each of your requests is.", 'Type help to see everything you can ask me.'];
  const actions = g.dsg
    ? [...(g.pending ? [button('Pending', 'request.pending', { page: 1 })] : []), button('Programme', 'programme.show', { page: 1 }), button('Submit an idea', 'request.new'), button('Help', 'help.show')]
    : [button('Submit an idea', 'request.new'), button('My requests', 'request.list', { page: 1 }), button('Help', 'help.show')];
  return render('greeting', { salutation: g.said.kind === 'greeting' ? g.said.salutation : 'Hello', ...(g.givenName ? { firstName: g.givenName } : {}), lines: lines.map((text) => ({ text })), actions });
}

/** The answer to thanks: a short message, never a card. */
export const thanksText = (g: Greeting): string => `You're welcome${g.givenName ? `, ${g.givenName}` : ''}.`;
