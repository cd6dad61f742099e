import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { Template } from 'adaptivecards-templating';
import type { CardDataMap, CardName } from './types';

/**
 * `<project root>/cards`. This file is `src/presenters/render.ts` under jest/tsx and `dist/cards/render.js`
 * after `tsc -p tsconfig.build.json` (rootDir src, outDir dist): two levels below the root either way.
 */
export const CARDS_DIR = resolve(__dirname, '..', '..', 'cards');

/** Teams refuses messages above about 28 KB; cards are built to stay below this many bytes of JSON. */
export const MAX_CARD_BYTES = 28 * 1024;

/** An expanded Adaptive Card, ready to put in an attachment or an invoke response. */
export interface AdaptiveCardJson {
  $schema?: string;
  type: 'AdaptiveCard';
  version: string;
  body?: unknown[];
  actions?: unknown[];
  [key: string]: unknown;
}

const templates = new Map<string, Template>();

function templateFor(name: string): Template {
  let template = templates.get(name);
  if (!template) {
    if (!/^[a-z0-9]+(-[a-z0-9]+)*$/.test(name)) throw new Error(`Not a card name: ${JSON.stringify(name)}`);
    const json: unknown = JSON.parse(readFileSync(resolve(CARDS_DIR, `${name}.json`), 'utf8'));
    template = new Template(json);
    templates.set(name, template);
  }
  return template;
}

/**
 * Expands `cards/<name>.json` with `data` (templates are read once, then cached).
 * Data values are inserted as they are: they are never expanded again, so a `${...}` a person typed stays text.
 * A field the template uses but `data` lacks is left as `${field}`: the typed card functions always fill every field.
 */
export function render<N extends CardName>(name: N, data: CardDataMap[N]): AdaptiveCardJson {
  const card = templateFor(name).expand({ $root: data }) as AdaptiveCardJson;
  if (card === null || typeof card !== 'object' || card.type !== 'AdaptiveCard') {
    throw new Error(`Card template ${name} did not expand to an AdaptiveCard`);
  }
  return card;
}

/** Size of the card as Teams receives it: UTF-8 bytes of its JSON. */
export const cardBytes = (card: unknown): number => Buffer.byteLength(JSON.stringify(card), 'utf8');

