/**
 * The demo's health (RAG) histories: each project in delivery has its statuses set about monthly since delivery
 * started, by its Project Lead or Project Manager, every setting in the audit trail. Some end red, some amber,
 * some are stale (not updated for over two months), the rest green; a few are due to be asked again today.
 */
import type { AuditEvent } from '../domain/audit';
import { type HealthRatings, type HealthUpdate, ratingsInWords } from '../domain/health';
import type { Person } from '../domain/people';
import type { DemoProgramme } from './programme';

const DAY_MS = 86_400_000;
const green = { rag: 'green' as const, reason: null };
const ALL_GREEN: HealthRatings = { overall: green, time: green, cost: green, scope: green };
const SLIPPING: HealthRatings = {
  overall: { rag: 'amber', reason: 'The supplier is two weeks behind on the integration; a recovery plan is agreed.' },
  time: { rag: 'amber', reason: 'Go-live moves by two weeks unless the supplier recovers.' },
  cost: green,
  scope: green,
};
const RED: HealthRatings = {
  overall: { rag: 'red', reason: 'The supplier has withdrawn from the contract: the work must be re-procured.' },
  time: { rag: 'red', reason: 'Go-live cannot happen this financial year.' },
  cost: { rag: 'amber', reason: 'Re-procurement costs are not yet known.' },
  scope: green,
};

/**
 * How each project's history goes, by its place among the projects in delivery: the statuses oldest first, and
 * how many days ago the latest was set (32: due to be asked again, not yet stale; 70: stale).
 */
const PATTERNS: readonly { ratings: HealthRatings[]; lastDaysAgo: number }[] = [
  { ratings: [ALL_GREEN, ALL_GREEN, SLIPPING, RED], lastDaysAgo: 4 },
  { ratings: [ALL_GREEN, ALL_GREEN, SLIPPING], lastDaysAgo: 32 },
  { ratings: [ALL_GREEN, SLIPPING], lastDaysAgo: 70 },
  { ratings: [ALL_GREEN, ALL_GREEN, ALL_GREEN], lastDaysAgo: 32 },
  { ratings: [SLIPPING, ALL_GREEN, ALL_GREEN], lastDaysAgo: 12 },
];

export interface DemoHealth {
  reference: string;
  /** Oldest first. */
  updates: HealthUpdate[];
  events: AuditEvent[];
}

/** Each project in delivery's settings, about a month apart and none before its delivery started, with their audit events. */
export function demoHealth(programme: DemoProgramme, now: string): DemoHealth[] {
  const byAad = new Map(programme.people.map((p): [string, Person] => [p.aadObjectId ?? '', p]));
  const inDelivery = programme.records.filter((r) => r.project && r.request.status === 'in-delivery');
  return inDelivery.map(({ request, project, events }, i) => {
    const pattern = PATTERNS[i % PATTERNS.length];
    const started = events.find((e) => e.action === 'request.start-delivery')?.at ?? request.updatedAt;
    const setters = [project?.projectLead, project?.projectManager].filter((p) => !!p);
    const updates: HealthUpdate[] = [];
    const trail: AuditEvent[] = [];
    pattern.ratings.forEach((ratings, n) => {
      const daysAgo = pattern.lastDaysAgo + (pattern.ratings.length - 1 - n) * 30;
      const setAt = new Date(Date.parse(now) - daysAgo * DAY_MS).toISOString();
      if (setAt < started) return;
      const who = setters[n % setters.length];
      const before = updates[updates.length - 1] ?? null;
      const confirmed = before !== null && before.ratings === ratings;
      updates.push({ version: updates.length + 1, ratings, setAt, setBy: who?.name ?? 'Project Lead', confirmed });
      trail.push({
        at: setAt,
        actorId: (who && byAad.get(who.aadObjectId)?.id) ?? null,
        actorName: who?.name ?? 'Project Lead',
        action: 'health.set',
        subjectType: 'request',
        subjectId: request.reference,
        outcome: 'done',
        before: before && { health: ratingsInWords(before.ratings) },
        after: { health: ratingsInWords(ratings) },
        detail: confirmed ? 'confirmed unchanged' : null,
      });
    });
    return { reference: request.reference, updates, events: trail };
  });
}
