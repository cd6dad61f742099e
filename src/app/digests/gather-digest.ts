import { buildDigest, type Digest, type DigestDecision, type DigestRequest, type DigestSource } from '../../domain/digest';
import { candidateReminders, referenceOfKey } from '../../domain/reminders';
import { HIGH_RISK_SCORE } from '../../domain/risks';
import type { DsgSettings } from '../../domain/settings';
import { DECISION_ACTIONS } from '../../domain/triage';
import type { Deps } from '../deps';
import { healthRules } from '../projects/view-project';
import type { Repositories } from '../ports';
import { DECIDABLE_STATUSES, type ProjectRequest } from '../../domain/request';

const WEEK_MS = 7 * 86_400_000;

/** What every digest of one run shares: read once, then each channel's digest is built from it. */
interface DigestData {
  now: Date;
  today: string;
  settings: DsgSettings;
  programme: DigestSource['programme'];
  pending: ProjectRequest[];
  escalated: DigestSource['reminderStates'];
  unreachable: DigestSource['unreachable'];
  health: DigestSource['health'];
  highRisks: NonNullable<DigestSource['highRisks']>;
}

/** Reads the programme, waiting requests, standing escalations and unreachable people, once. */
async function loadDigestData(deps: Deps, repos: Repositories): Promise<DigestData> {
  const now = deps.clock.now();
  const today = deps.calendar.londonDate(now);
  const programme = await repos.projects.listWithRequests();
  // An escalation stands while its item is still called for, unchanged: one answered since is not listed. The
  // rules are run over the projects with an escalation only (usually none).
  const escalations = (await repos.reminders.all()).filter((s) => s.escalatedAt !== null);
  const concerned = new Set(escalations.map((s) => referenceOfKey(s.key)));
  const live = new Set(
    candidateReminders(
      programme.filter(({ project }) => concerned.has(project.reference)),
      [],
      today,
      (iso) => deps.calendar.workingDaysBetween(iso, today),
      deps.reminders,
    ).map((c) => `${c.key}|${c.fingerprint}`),
  );
  return {
    now,
    today,
    settings: await repos.settings.get(),
    programme,
    pending: (await repos.requests.listByStatus(DECIDABLE_STATUSES, 0, 100_000)).items,
    escalated: escalations.filter((s) => live.has(`${s.key}|${s.fingerprint}`)),
    unreachable: (await repos.people.unreachable()).flatMap((p) => (p.aadObjectId ? [{ aadObjectId: p.aadObjectId, name: p.name }] : [])),
    health: healthRules(deps),
    highRisks: await repos.risks.openScoringAtLeast(HIGH_RISK_SCORE),
  };
}

/** One channel's digest from the shared data, with what happened since its previous digest (from the audit trail). */
async function digestFrom(repos: Repositories, data: DigestData, want: DigestRequest): Promise<Digest> {
  const since = want.since ?? new Date(data.now.getTime() - WEEK_MS).toISOString();
  const until = data.now.toISOString();
  const byReference = new Map([...data.programme.map(({ request }) => request), ...data.pending].map((r) => [r.reference, r]));
  const lookUp = async (reference: string) => byReference.get(reference) ?? (await repos.requests.getByReference(reference));

  const newRequests = [];
  for (const e of await repos.audit.done(['request.submit'], since, until)) {
    const request = await lookUp(e.subjectId);
    if (request) newRequests.push(request);
  }
  const decisions: DigestDecision[] = [];
  for (const e of await repos.audit.done(Object.keys(DECISION_ACTIONS), since, until)) {
    const request = await lookUp(e.subjectId);
    if (request) decisions.push({ reference: request.reference, title: request.title, strand: request.strand, action: DECISION_ACTIONS[e.action], at: e.at });
  }
  return buildDigest({
    kind: want.kind,
    audience: want.audience,
    today: data.today,
    since,
    strands: want.strands,
    meetings: data.settings.meetings,
    meeting: want.meeting,
    programme: data.programme,
    pending: data.pending,
    newRequests,
    decisions,
    reminderStates: data.escalated,
    unreachable: data.unreachable,
    health: data.health,
    highRisks: data.highRisks,
  });
}

/** Reads what one digest needs and builds it (digest preview). */
export async function gatherDigest(deps: Deps, repos: Repositories, want: DigestRequest): Promise<Digest> {
  return digestFrom(repos, await loadDigestData(deps, repos), want);
}
