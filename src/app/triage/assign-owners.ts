import { assignmentNotices, type OwnerRole, requesterNotices } from '../../domain/notices';
import { DomainError } from '../../domain/errors';
import type { Actor } from '../../domain/people';
import type { PersonRef } from '../../domain/settings';
import { type Assignment, assign, type TriageView } from '../../domain/triage';
import type { Deps } from '../deps';
import { chosenPerson } from '../people';
import { type AlsoRecord, runTriageDecision } from './triage-decision';

/** Assigns the Digital Leader, Project Lead and Project Manager of an approved request's project. */
export interface OwnerIds {
  /** AAD object ids; null or absent leaves that owner as it is. */
  digitalLeader?: string | null;
  projectLead?: string | null;
  projectManager?: string | null;
}

export function assignOwners(deps: Deps, actor: Actor, reference: string, cardVersion: number, ids: OwnerIds, also?: AlsoRecord): Promise<TriageView> {
  return runTriageDecision(deps, actor, reference, cardVersion, 'request.assign', async ({ request, triage, project, settings, members, repos, now }) => {
    if (!project) throw new DomainError('ILLEGAL_TRANSITION', `${reference} is not in the Digital Programme yet: approve it first, then assign its owners.`, { reference });
    // Anyone in the tenant can lead or manage: names come from the DSG roster, the record, or the people the bot knows.
    const known: PersonRef[] = [...members, ...Object.values(settings.leaders), settings.chair, project.digitalLeader, project.projectLead, project.projectManager].filter(
      (p): p is PersonRef => !!p,
    );
    const person = async (id: string | null | undefined): Promise<PersonRef | undefined> => (id ? chosenPerson(repos, members, known, id) : undefined);
    const assignment: Assignment = {
      digitalLeader: await person(ids.digitalLeader),
      projectLead: await person(ids.projectLead),
      projectManager: await person(ids.projectManager),
    };
    const updated = assign(project, assignment, now);
    const names = [
      updated.digitalLeader && `Digital Leader: ${updated.digitalLeader.name}`,
      updated.projectLead && `Project Lead: ${updated.projectLead.name}`,
      updated.projectManager && `Project Manager: ${updated.projectManager.name}`,
    ].filter(Boolean) as string[];
    // Each person given a role they did not have is told, unless they gave it to themselves.
    const newly = (after: PersonRef | null | undefined, before: PersonRef | null | undefined) =>
      after && after.aadObjectId !== before?.aadObjectId && after.aadObjectId !== actor.aadObjectId ? after : null;
    const given: Array<[OwnerRole, PersonRef | null]> = [
      ['Digital Leader', newly(updated.digitalLeader, project.digitalLeader)],
      ['Project Lead', newly(updated.projectLead, project.projectLead)],
      ['Project Manager', newly(updated.projectManager, project.projectManager)],
    ];
    const personalNews = given
      .filter((entry): entry is [OwnerRole, PersonRef] => entry[1] !== null)
      .map(([role, owner]) => ({
        to: owner.aadObjectId,
        key: `owner:${reference}:${role}:${owner.aadObjectId}:v${request.version + 1}`,
        intent: { kind: 'notice' as const, notice: assignmentNotices.ownerRole(request, role, actor.name) },
      }));
    const decision = { action: 'assign' as const, by: actor.name, at: now, note: names.join('; ') || null };
    return {
      request,
      project: { value: updated, isNew: false },
      triage: { ...triage, lastDecision: decision },
      decision,
      requesterNews: { kind: 'notice', notice: requesterNotices.ownersAssigned(request, names) },
      personalNews,
    };
  }, also);
}
