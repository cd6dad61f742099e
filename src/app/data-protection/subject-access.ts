import { DomainError } from '../../domain/errors';
import type { Actor } from '../../domain/people';
import { isAllowed, rolesFor } from '../../domain/permissions';
import type { Deps } from '../deps';
import { refuse } from '../refuse';
import type { ReportLink } from '../reports/report-links';
import { checkQuery, findPerson } from './find-person';
import type { PersonalData, SubjectAccessExport } from '../../domain/data-protection';
import type { PersonQuery } from './ports';

/** How long a subject access link works: it carries one person's data, so not long. */
export const SUBJECT_ACCESS_LINK_HOURS = 1;

export async function subjectAccessExport(deps: Pick<Deps, 'store' | 'clock' | 'roles'>, query: PersonQuery): Promise<SubjectAccessExport> {
  const who = await findPerson(deps, query);
  const data = await deps.store.dataProtection.personalData(who);
  const administrator = who.aadObjectIds.some((id) => deps.roles.adminAadIds.includes(id));
  return {
    generatedAt: deps.clock.now().toISOString(),
    searchedFor: 'email' in query ? query.email.trim().toLowerCase() : query.aadObjectId,
    person: { ...who, administrator },
    ...data,
    roles: [...(administrator ? [{ role: 'Administrator', where: 'DSG_ADMIN_AAD_IDS' }] : []), ...data.roles],
  };
}

/** Records in the audit trail that an export was made, and by whom (the audit names the person by id, never email). */
export async function auditExport(deps: Pick<Deps, 'store' | 'clock'>, data: SubjectAccessExport, by: string, detail: string): Promise<void> {
  const subjectId = data.person.aadObjectIds[0] ?? data.person.teamsIds[0] ?? 'unknown';
  await deps.store.audit.record({ at: deps.clock.now().toISOString(), actorId: null, actorName: by, action: 'person.export', subjectType: 'person', subjectId, outcome: 'done', before: null, after: null, detail });
}

/** How many records of each kind the export holds, for a summary line. */
export function exportCounts(data: PersonalData): Record<string, number> {
  const kinds = ['roles', 'people', 'conversations', 'requests', 'drafts', 'triage', 'projectRecords', 'meetings', 'reminders', 'messages', 'auditEntries'] as const;
  return Object.fromEntries(kinds.map((k) => [k, data[k].length]));
}

/** The key a signed link names the person by: an AAD object id (or Teams id), never their email. */
const pathFor = (key: string, format: 'json' | 'html') => `/subject-access/${encodeURIComponent(key)}.${format}`;
const LINK_WORDS = { what: 'subject access link', hours: SUBJECT_ACCESS_LINK_HOURS, again: 'Ask the bot for a new one: type "subject access <email>" in a personal chat.' };

/** `subject access person@council.example`, for admins: signed links to the export, valid for an hour; audited. */
export async function subjectAccessLinks(deps: Deps, actor: Actor, email: string): Promise<{ html: ReportLink; json: ReportLink; names: string[] }> {
  const now = deps.clock.now();
  if (!isAllowed('person.export', rolesFor(actor, {}, deps.roles))) {
    await refuse(deps, actor, 'person.export', { subjectType: 'person', subjectId: 'subject-access' }, 'Only admins can export what dsg-bot holds about a person.');
  }
  const who = await findPerson(deps, checkQuery({ email }));
  const key = who.aadObjectIds[0] ?? who.teamsIds[0];
  await deps.store.audit.record({ at: now.toISOString(), actorId: actor.id, actorName: actor.name, action: 'person.export', subjectType: 'person', subjectId: key, outcome: 'done', before: null, after: null, detail: 'subject access link issued' });
  return { html: deps.reportLinks.signPath(pathFor(key, 'html'), now, SUBJECT_ACCESS_LINK_HOURS), json: deps.reportLinks.signPath(pathFor(key, 'json'), now, SUBJECT_ACCESS_LINK_HOURS), names: who.names };
}

export type SubjectAccessDownload = { ok: true; format: 'json' | 'html'; data: SubjectAccessExport } | { ok: false; status: 403 | 404; error: string };

/** GET /subject-access/<key>.html|json?expires=…&token=…: the export, fresh, when the signed link is good. */
export async function downloadSubjectAccess(deps: Pick<Deps, 'store' | 'clock' | 'roles' | 'reportLinks'>, file: string, expires: string | undefined, token: string | undefined): Promise<SubjectAccessDownload> {
  const m = /^(.{1,200})\.(json|html)$/.exec(file);
  if (!m) return { ok: false, status: 404, error: 'There is no such export. Subject access links look like /subject-access/<id>.html?expires=…&token=…' };
  const [, key, format] = m as unknown as [string, string, 'json' | 'html'];
  const refusal = deps.reportLinks.pathRefusal(pathFor(key, format), expires, token, deps.clock.now(), LINK_WORDS);
  if (refusal) return { ok: false, status: 403, error: refusal };
  try {
    return { ok: true, format, data: await subjectAccessExport(deps, { aadObjectId: key }) };
  } catch (error) {
    if (error instanceof DomainError && error.code === 'NOT_FOUND') return { ok: false, status: 404, error: 'dsg-bot holds nothing about this person any more (they may have been erased).' };
    throw error;
  }
}
