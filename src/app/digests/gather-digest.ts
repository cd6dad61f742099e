import type { StrandId } from '../../domain/catalogue';
import { buildDigest, type Digest, type DigestDecision, type DigestKind } from '../../domain/digest';
import type { Deps } from '../deps';
import { candidateReminders } from '../../domain/reminders';
import type { Repositories } from '../ports';
import { OPEN_STATUSES } from '../triage/open-statuses';

const DECISIONS: Record<string, DigestDecision['action']> = { 'request.approve': 'approve', 'request.decline': 'decline', 'request.merge': 'merge' };
const WEEK_MS = 7 * 86_400_000;

export interface DigestRequest {
  kind: DigestKind;
  strands: readonly StrandId[] | null;
  /** The previous digest to this channel; null for a week ago. */
  since: string | null;
  meeting?: string;
}

/** Reads what a digest needs from the store and builds it with the domain's rules. */
export async function gatherDigest(deps: Deps, repos: Repositories, want: DigestRequest): Promise<Digest> {
  const now = deps.clock.now();
  const since = want.since ?? new Date(now.getTime() - WEEK_MS).toISOString();
  const until = now.toISOString();
  const settings = await repos.settings.get();
  const programme = await repos.projects.listWithRequests();
  const pending = await repos.requests.listByStatus(OPEN_STATUSES, 0, 100_000);
  const byReference = new Map([...programme.map(({ request }) => request), ...pending.items].map((r) => [r.reference, r]));
  const lookUp = async (reference: string) => byReference.get(reference) ?? (await repos.requests.getByReference(reference));

  const newRequests = [];
  for (const e of await repos.audit.done(['request.submit'], since, until)) {
    const request = await lookUp(e.subjectId);
    if (request) newRequests.push(request);
  }
  const decisions: DigestDecision[] = [];
  for (const e of await repos.audit.done(Object.keys(DECISIONS), since, until)) {
    const request = await lookUp(e.subjectId);
    if (request) decisions.push({ reference: request.reference, title: request.title, strand: request.strand, action: DECISIONS[e.action], at: e.at });
  }
  const today = deps.calendar.londonDate(now);
  // An escalation stands while its item is still called for, unchanged: one answered since is not listed.
  const live = new Set(
    candidateReminders(programme, [], today, (iso) => deps.calendar.workingDaysBetween(iso, today), deps.reminders).map((c) => `${c.key}|${c.fingerprint}`),
  );
  const escalated = (await repos.reminders.all()).filter((s) => s.escalatedAt !== null && live.has(`${s.key}|${s.fingerprint}`));
  return buildDigest({
    kind: want.kind,
    today,
    since,
    strands: want.strands,
    meetings: settings.meetings,
    meeting: want.meeting,
    programme,
    pending: pending.items,
    newRequests,
    decisions,
    reminderStates: escalated,
    unreachable: (await repos.people.unreachable()).flatMap((p) => (p.aadObjectId ? [{ aadObjectId: p.aadObjectId, name: p.name }] : [])),
  });
}
