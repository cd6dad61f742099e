/**
 * Too many presses: each person's typed commands and card presses go through a token bucket (a burst of `burst`,
 * then `perSecond` more each second), so one person mashing a button, or a script, cannot starve everyone else.
 * A press over the limit is not handled at all: the person is asked to slow down. Memory stays bounded: a bucket
 * that has filled up again is forgotten (it would behave as a new one), and at most `maxPeople` are kept.
 */
import type { Logger } from '../log';
import { text, type Reply } from './reply';

export interface PressLimit {
  /** Presses a person may make at once. */
  burst: number;
  /** Presses a person gets back each second. */
  perSecond: number;
}

interface Bucket {
  tokens: number;
  /** When `tokens` was counted (ms). */
  at: number;
  /** Whether the current run of refusals has been logged. */
  logged: boolean;
}

/** People remembered at most; past it, the longest idle is forgotten first. */
const MAX_PEOPLE = 50_000;

export interface PressLimiter {
  /** Null when `person` may go ahead (one press is counted), or the reply asking them to slow down. */
  check(person: string, log: Logger): Reply | null;
  /** How many people are remembered now. */
  size(): number;
}

export function createPressLimiter(limit: PressLimit, now: () => number, maxPeople = MAX_PEOPLE): PressLimiter {
  // A Map keeps insertion order; a bucket is moved to the end whenever it is counted, so the oldest come first.
  const buckets = new Map<string, Bucket>();
  const fullAfterMs = (limit.burst / limit.perSecond) * 1000;

  function forgetIdle(at: number): void {
    for (const [person, bucket] of buckets) {
      if (at - bucket.at < fullAfterMs && buckets.size <= maxPeople) return;
      buckets.delete(person);
    }
  }

  return {
    check(person, log) {
      const at = now();
      forgetIdle(at);
      const bucket = buckets.get(person);
      const tokens = bucket ? Math.min(limit.burst, bucket.tokens + (Math.max(0, at - bucket.at) / 1000) * limit.perSecond) : limit.burst;
      if (tokens >= 1) {
        buckets.delete(person);
        buckets.set(person, { tokens: tokens - 1, at, logged: false });
        return null;
      }
      // Refused: the bucket keeps counting from where it was, so waiting is what brings presses back.
      if (bucket && !bucket.logged) {
        bucket.logged = true;
        log.warn({ person, burst: limit.burst, perSecond: limit.perSecond }, 'presses over the limit refused until they slow down');
      }
      const seconds = Math.max(1, Math.ceil((1 - tokens) / limit.perSecond));
      return text(`Sorry, that is a lot of presses in a short time, so I have not done that one. Please wait ${seconds === 1 ? 'a second' : `${seconds} seconds`} and try again.`);
    },
    size: () => buckets.size,
  };
}
