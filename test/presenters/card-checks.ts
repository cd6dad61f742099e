/**
 * Checks every card must pass: the `adaptivecards` library's own parse and validation, plus the
 * rules it does not know about (see /work/shared/stack-notes.md) and this project's card rules.
 */

// `require('adaptivecards')` fails in Node (ESM without extensions); the bundled build loads without a DOM.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const AC = require('adaptivecards/dist/adaptivecards.js') as typeof import('adaptivecards');
import { VERBS as BOT_VERBS } from '../../src/teams/verbs';

export const MAX_CARD_BYTES = 28 * 1024;
const MAX_VERSION = '1.5';
const SCHEMA = 'http://adaptivecards.io/schemas/adaptive-card.json';

/** Every verb a card may use: exactly the verbs the bot answers, so a card cannot offer a button nobody handles. */
export const VERBS: readonly string[] = [...BOT_VERBS.keys()];

/**
 * Teams' chart elements (https://learn.microsoft.com/microsoftteams/platform/task-modules-and-cards/cards/charts-in-adaptive-cards)
 * and the shape of each one's data points. The `adaptivecards` library does not know them.
 */
const CHART_TYPES: Record<string, { label: string; value: string }> = {
  'Chart.Donut': { label: 'legend', value: 'value' },
  'Chart.Pie': { label: 'legend', value: 'value' },
  'Chart.VerticalBar': { label: 'x', value: 'y' },
  'Chart.HorizontalBar': { label: 'x', value: 'y' },
  // A line chart's data are series: each a legend and its points (below).
  'Chart.Line': { label: 'legend', value: 'values' },
};

/** Datasets Teams' people picker (`choices.data` of an Input.ChoiceSet) knows. */
const PEOPLE_DATASETS = ['graph.microsoft.com/users', 'graph.microsoft.com/users?scope=currentContext'];

type Json = Record<string, unknown>;
const isObject = (v: unknown): v is Json => v !== null && typeof v === 'object' && !Array.isArray(v);
const nonEmpty = (v: unknown): v is string => typeof v === 'string' && v.trim().length > 0;

/** Calls `visit` for every object in the card with its JSON path; `parent` is the key that holds it. */
export function walk(node: unknown, visit: (obj: Json, path: string, parentKey: string) => void, path = '$', parentKey = ''): void {
  if (Array.isArray(node)) {
    node.forEach((item, i) => walk(item, visit, `${path}[${i}]`, parentKey));
  } else if (isObject(node)) {
    visit(node, path, parentKey);
    for (const [key, value] of Object.entries(node)) walk(value, visit, `${path}.${key}`, key);
  }
}

/** Every string in the card with its path and the object and key that hold it. */
export function strings(node: unknown): { path: string; value: string; holder: Json; key: string }[] {
  const out: { path: string; value: string; holder: Json; key: string }[] = [];
  walk(node, (obj, path) => {
    for (const [key, value] of Object.entries(obj)) {
      if (typeof value === 'string') out.push({ path: `${path}.${key}`, value, holder: obj, key });
      if (Array.isArray(value)) {
        value.forEach((v, i) => {
          if (typeof v === 'string') out.push({ path: `${path}.${key}[${i}]`, value: v, holder: obj, key });
        });
      }
    }
  });
  return out;
}

/** What the `adaptivecards` library reports when it parses and validates the card. */
function libraryProblems(card: unknown): string[] {
  const problems: string[] = [];
  const parsed = new AC.AdaptiveCard();
  const context = new AC.SerializationContext();
  parsed.parse(card, context);
  for (let i = 0; i < context.eventCount; i++) {
    const e = context.getEventAt(i);
    // Charts are checked by ownProblems; the library only knows they are unknown to it.
    const chart = /^Unknown element type "(Chart\.[A-Za-z.]+)"/.exec(e.message);
    if (chart && chart[1] in CHART_TYPES) continue;
    problems.push(`parse: ${AC.ValidationEvent[e.event]}: ${e.message}`);
  }
  const results = parsed.validateProperties();
  for (const e of results.validationEvents) problems.push(`validate: ${AC.ValidationEvent[e.event]}: ${e.message}`);
  return problems;
}

const versionNumber = (v: string): number => {
  const m = /^(\d+)\.(\d+)$/.exec(v);
  return m ? Number(m[1]) * 1000 + Number(m[2]) : Number.NaN;
};

const deepEqual = (a: unknown, b: unknown): boolean => JSON.stringify(sortKeys(a)) === JSON.stringify(sortKeys(b));
function sortKeys(v: unknown): unknown {
  if (Array.isArray(v)) return v.map(sortKeys);
  if (isObject(v)) return Object.fromEntries(Object.keys(v).sort().map((k) => [k, sortKeys(v[k])]));
  return v;
}

export interface CheckOptions {
  /** The injection test puts a literal `${title}` in user text on purpose. */
  allowDollarBrace?: boolean;
}

/** The rules the library misses, and this project's own. */
function ownProblems(card: unknown, options: CheckOptions = {}): string[] {
  const problems: string[] = [];
  if (!isObject(card)) return ['the card is not an object'];
  if (card.type !== 'AdaptiveCard') problems.push(`root type is ${String(card.type)}, not AdaptiveCard`);
  if (card.$schema !== SCHEMA) problems.push(`root $schema is ${String(card.$schema)}`);
  if (typeof card.version !== 'string' || !(versionNumber(card.version) <= versionNumber(MAX_VERSION))) {
    problems.push(`root version ${String(card.version)} is not a version up to ${MAX_VERSION} (Teams renders up to 1.5)`);
  }
  if (!Array.isArray(card.body) || card.body.length === 0) problems.push('the card has no body');

  walk(card, (obj, path, parentKey) => {
    const type = typeof obj.type === 'string' ? obj.type : '';
    for (const key of ['$data', '$when', '$root', '$index']) {
      if (key in obj) problems.push(`${path} still has template key ${key}`);
    }
    if (type === 'TextBlock') {
      if (!nonEmpty(obj.text)) problems.push(`${path} TextBlock has no text`);
      if (obj.wrap !== true) problems.push(`${path} TextBlock does not wrap`);
    }
    if (type === 'RichTextBlock') {
      if (!Array.isArray(obj.inlines) || obj.inlines.length === 0) problems.push(`${path} RichTextBlock has no inlines`);
    }
    if (type === 'TextRun' && !nonEmpty(obj.text)) problems.push(`${path} TextRun has no text`);
    if (type === 'Image') {
      if (!nonEmpty(obj.url)) problems.push(`${path} Image has no url`);
      if (!nonEmpty(obj.altText)) problems.push(`${path} Image has no altText`);
    }
    if (type === 'Input.ChoiceSet' && 'choices.data' in obj) {
      const query = obj['choices.data'];
      if (!isObject(query) || query.type !== 'Data.Query' || !PEOPLE_DATASETS.includes(String(query.dataset))) {
        problems.push(`${path} choices.data is not a Data.Query on a people dataset: ${JSON.stringify(query)}`);
      }
    }
    if (type.startsWith('Input.')) {
      if (!nonEmpty(obj.id)) problems.push(`${path} ${type} has no id`);
      if (!nonEmpty(obj.label)) problems.push(`${path} ${type} (${String(obj.id)}) has no label`);
      if (obj.isRequired === true && !nonEmpty(obj.errorMessage)) {
        problems.push(`${path} ${type} (${String(obj.id)}) is required but has no errorMessage`);
      }
    }
    if (type === 'ColumnSet' && Array.isArray(obj.columns) && obj.columns.length > 2) {
      problems.push(`${path} ColumnSet has ${obj.columns.length} columns (too wide for a phone)`);
    }
    if (type.startsWith('Chart.')) {
      const shape = CHART_TYPES[type];
      if (!shape) problems.push(`${path} ${type} is not a chart type Teams renders`);
      if (!nonEmpty(obj.title)) problems.push(`${path} ${type} has no title`);
      if (obj.fallback !== 'drop' && !isObject(obj.fallback)) problems.push(`${path} ${type} has no fallback (clients without charts must drop it)`);
      if (!Array.isArray(obj.data) || obj.data.length === 0) problems.push(`${path} ${type} has no data`);
      else if (shape) {
        for (const point of obj.data) {
          if (type === 'Chart.Line') {
            const values = isObject(point) ? point.values : null;
            if (!isObject(point) || !nonEmpty(point.legend) || !Array.isArray(values) || values.length === 0 || values.some((v) => !isObject(v) || !nonEmpty(v.x) || typeof v.y !== 'number')) {
              problems.push(`${path} ${type} series ${JSON.stringify(point)} needs a legend and points, each an x and a numeric y`);
            }
            continue;
          }
          if (!isObject(point) || !nonEmpty(point[shape.label]) || typeof point[shape.value] !== 'number') {
            problems.push(`${path} ${type} data point ${JSON.stringify(point)} needs a ${shape.label} and a numeric ${shape.value}`);
          }
        }
      }
      // The same numbers in words, for screen readers and clients without charts: an element with id `<chart id>-text`.
      const textId = `${String(obj.id)}-text`;
      if (!nonEmpty(obj.id) || find(card, (o) => o.id === textId && o !== obj).length === 0) problems.push(`${path} ${type} has no text equivalent (an element with id ${textId})`);
    }
    if (type === 'FactSet' && (!Array.isArray(obj.facts) || obj.facts.length === 0)) problems.push(`${path} FactSet has no facts`);
    if (type.startsWith('Action.')) {
      if (parentKey === 'fallback') {
        if (type !== 'Action.Submit') problems.push(`${path} fallback is ${type}, not Action.Submit`);
        return;
      }
      if (type === 'Action.ShowCard') {
        // An inline sub-form: its own actions are checked like any other (Execute with a Submit fallback).
        if (!nonEmpty(obj.title)) problems.push(`${path} Action.ShowCard has no title`);
        const inner = obj.card;
        if (!isObject(inner) || inner.type !== 'AdaptiveCard') problems.push(`${path} Action.ShowCard has no AdaptiveCard`);
        else {
          if (!Array.isArray(inner.body) || inner.body.length === 0) problems.push(`${path} Action.ShowCard card has no body`);
          if (!Array.isArray(inner.actions) || inner.actions.length === 0) problems.push(`${path} Action.ShowCard card has no actions`);
          if (path.includes('.card.')) problems.push(`${path} Action.ShowCard inside another ShowCard`);
        }
        return;
      }
      if (type === 'Action.OpenUrl') {
        // Only to open a document the person linked; never a stand-in for a verb.
        if (!nonEmpty(obj.title)) problems.push(`${path} Action.OpenUrl has no title`);
        if (typeof obj.url !== 'string' || !/^https:\/\/\S+$/i.test(obj.url)) problems.push(`${path} Action.OpenUrl url is not an https address`);
        return;
      }
      if (type === 'Action.ToggleVisibility') {
        // "Show more": shows or hides parts of this card, asking the bot nothing; every target must be on the card.
        if (!nonEmpty(obj.title)) problems.push(`${path} Action.ToggleVisibility has no title`);
        const targets = Array.isArray(obj.targetElements) ? obj.targetElements.map((t) => (isObject(t) ? t.elementId : t)) : [];
        if (targets.length === 0) problems.push(`${path} Action.ToggleVisibility has no targetElements`);
        for (const id of targets) if (!nonEmpty(id) || find(card, (o) => o.id === id).length === 0) problems.push(`${path} Action.ToggleVisibility targets ${String(id)}, which is not on the card`);
        return;
      }
      if (type !== 'Action.Execute') {
        problems.push(`${path} is ${type}: every action must be Action.Execute (or ShowCard, ToggleVisibility, or OpenUrl for https) with an Action.Submit fallback`);
        return;
      }
      const verb = obj.verb;
      if (!nonEmpty(verb)) problems.push(`${path} Action.Execute has no verb`);
      else if (!VERBS.includes(verb)) problems.push(`${path} verb ${verb} is not a known verb`);
      if (!nonEmpty(obj.title)) problems.push(`${path} action has no title`);
      if (!isObject(obj.data)) problems.push(`${path} Action.Execute has no data object`);
      const fallback = obj.fallback;
      // A card's refresh is Universal Actions' own: a client without them ignores it, so it needs no fallback.
      if (path === '$.refresh.action') {
        if (fallback !== undefined) problems.push(`${path} a refresh needs no fallback`);
      } else if (!isObject(fallback) || fallback.type !== 'Action.Submit') {
        problems.push(`${path} Action.Execute has no Action.Submit fallback`);
      } else {
        if (fallback.title !== obj.title) problems.push(`${path} fallback title ${String(fallback.title)} differs from ${String(obj.title)}`);
        const fbData = fallback.data;
        if (!isObject(fbData) || fbData.verb !== verb) problems.push(`${path} fallback data.verb is not ${String(verb)}`);
        else if (isObject(obj.data) && !deepEqual(fbData, { verb, ...obj.data })) {
          problems.push(`${path} fallback data ${JSON.stringify(fbData)} is not { verb, ...data }`);
        }
      }
    }
  });

  if (!options.allowDollarBrace) {
    for (const s of strings(card)) if (s.value.includes('${')) problems.push(`${s.path} is not expanded: ${s.value}`);
  }
  const bytes = Buffer.byteLength(JSON.stringify(card), 'utf8');
  if (bytes >= MAX_CARD_BYTES) problems.push(`the card is ${bytes} bytes, not under ${MAX_CARD_BYTES}`);
  return problems;
}

export const cardProblems = (card: unknown, options: CheckOptions = {}): string[] => [
  ...libraryProblems(card),
  ...ownProblems(card, options),
];

// ---------------------------------------------------------------------------------------------
// Helpers to find things in a rendered card

export function find(card: unknown, predicate: (obj: Json) => boolean): Json[] {
  const out: Json[] = [];
  walk(card, (obj) => {
    if (predicate(obj)) out.push(obj);
  });
  return out;
}

export const ofType = (card: unknown, type: string): Json[] => find(card, (o) => o.type === type);

/** Top-level and ActionSet actions (not fallbacks), in order. */
export const actionsOf = (card: unknown): Json[] =>
  find(card, (o) => o.type === 'Action.Execute');

export const inputById = (card: unknown, id: string): Json | undefined =>
  find(card, (o) => typeof o.type === 'string' && o.type.startsWith('Input.') && o.id === id)[0];

/** All visible text of the card, TextBlocks, TextRuns and facts, in document order, one per line. */
export function visibleText(card: unknown): string {
  const out: string[] = [];
  walk(card, (o) => {
    if (o.type === 'TextBlock' || o.type === 'TextRun') out.push(String(o.text));
    if (typeof o.title === 'string' && typeof o.value === 'string' && !('type' in o)) out.push(`${o.title}: ${o.value}`);
  });
  return out.join('\n');
}

/** Each RichTextBlock's runs joined, as a person reads the paragraph. */
export const paragraphs = (card: unknown): string[] =>
  ofType(card, 'RichTextBlock').map((b) =>
    (b.inlines as unknown[]).map((i) => (isObject(i) ? String(i.text) : String(i))).join(''),
  );

export const factsOf = (card: unknown): Record<string, string> => {
  const facts: Record<string, string> = {};
  for (const set of ofType(card, 'FactSet')) {
    for (const f of set.facts as { title: string; value: string }[]) facts[f.title] = f.value;
  }
  return facts;
};
