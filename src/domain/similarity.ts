import type { RequestStatus } from './request';
/**
 * Plain-text similarity between requests, to catch duplicates before they are stored.
 * A request is reduced to its distinct content words (title words count twice as much),
 * and two requests are compared by the cosine of those word sets.
 */

const STOPWORDS = new Set(
  (
    'a about above after again all also am an and any are as at be because been before being below between both but by can ' +
    'could did do does doing down during each few for from further had has have having he her here hers him his how i if in ' +
    'into is it its itself just me more most my no nor not now of off on once only or other our ours out over own same she ' +
    'should so some such than that the their theirs them then there these they this those through to too under until up very ' +
    'was we were what when where which while who whom why will with would you your yours new need needs use using want ' +
    'council staff system project request idea'
  ).split(' '),
);

/** A light stemmer: enough to match "bookings" with "booking" and "payments" with "payment". */
function stem(word: string): string {
  if (word.length > 5 && word.endsWith('ing')) return word.slice(0, -3);
  if (word.length > 4 && word.endsWith('ies')) return `${word.slice(0, -3)}y`;
  if (word.length > 4 && word.endsWith('es') && /(ss|sh|ch|x)es$/.test(word)) return word.slice(0, -2);
  if (word.length > 3 && word.endsWith('s') && !word.endsWith('ss')) return word.slice(0, -1);
  return word;
}

const MAX_TERMS = 200;

function words(text: string): string[] {
  return (text.toLowerCase().normalize('NFKD').match(/[a-z0-9]+/g) ?? [])
    .filter((w) => w.length > 1 && !STOPWORDS.has(w))
    .map(stem);
}

/** The distinct terms of a request; title terms are marked so they weigh double. */
export function termsOf(title: string, problem: string): string[] {
  const inTitle = words(title);
  const titleTerms = [...new Set(inTitle)].map((w) => `t:${w}`);
  const bodyTerms = [...new Set([...inTitle, ...words(problem)])];
  return [...titleTerms, ...bodyTerms].slice(0, MAX_TERMS);
}

/**
 * A search typed in the compose box as the index holds it: its words' terms (stop words left out), the last one as
 * typed so far (a prefix, not stemmed: "book" finds "booking"s stem `book`, "bookin" does not).
 */
export function searchTermsOf(text: string): { terms: string[]; prefix: string | null } {
  const all = (text.toLowerCase().normalize('NFKD').match(/[a-z0-9]+/g) ?? []).filter((w) => w.length > 1);
  const last = all.length && /[a-z0-9]$/i.test(text.trim()) ? all[all.length - 1] : null;
  const terms = [...new Set((last ? all.slice(0, -1) : all).filter((w) => !STOPWORDS.has(w)).map(stem))].slice(0, 10);
  return { terms, prefix: last && !STOPWORDS.has(last) ? stem(last) : null };
}

/** Cosine similarity of two term sets given how many terms they share. */
export function similarity(shared: number, countA: number, countB: number): number {
  if (countA === 0 || countB === 0) return 0;
  return shared / Math.sqrt(countA * countB);
}

/** Above this, a request is shown to the submitter as possibly the same thing. */
export const SIMILARITY_THRESHOLD = 0.3;
export const MAX_SIMILAR_SHOWN = 5;

/** A candidate for matching: how many terms it shares with the query, and how many terms it has. */
export interface Scored<T> {
  item: T;
  shared: number;
  termCount: number;
}

/** The candidates similar enough to a query of `queryTermCount` terms, best first, as many as are shown. */
export function rankMatches<T>(queryTermCount: number, candidates: readonly Scored<T>[]): { item: T; score: number }[] {
  return candidates
    .map(({ item, shared, termCount }) => ({ item, score: similarity(shared, queryTermCount, termCount) }))
    .filter((m) => m.score >= SIMILARITY_THRESHOLD)
    .sort((a, b) => b.score - a.score)
    .slice(0, MAX_SIMILAR_SHOWN);
}

export interface SimilarRequest {
  reference: string;
  title: string;
  status: RequestStatus;
  strand: string;
  score: number;
}
