import { addDays } from '../domain/calendar';
import type { PersonRef } from '../domain/settings';
import { DEFAULT_SERVICE_STANDARD as S, type GateCondition, type GateOutcome, type GateRequest, type ProjectStage } from '../domain/stages';
import { personRef } from './people';
import type { DemoProgramme } from './programme';

/**
 * The demo's stages and gates, after the Digital Scotland Service Standard: projects at every stage, each gate passed
 * to get there on record (some passed with conditions, one of them overdue), one gate request waiting for the DSG
 * (on the agenda), one "not yet", and a project of Project Lead (Learning) 2 at alpha with nothing waiting, for the
 * walk (the lead asks for alpha → beta).
 */
export interface DemoGates {
  stages: ProjectStage[];
  /** Oldest first; decided ones with their conditions. */
  requests: GateRequest[];
}

type Plan = { stage: string; last: 'passed' | 'conditions' | 'waiting' | 'not-yet' };

/** In-delivery projects take these in turn; approved ones are in discovery, completed ones live. */
const DELIVERY_PLANS: Plan[] = [
  { stage: 'beta', last: 'conditions' },
  { stage: 'alpha', last: 'waiting' },
  { stage: 'live', last: 'passed' },
  { stage: 'alpha', last: 'not-yet' },
  { stage: 'beta', last: 'passed' },
  { stage: 'alpha', last: 'passed' },
];

const evidence = (reference: string, ids: readonly string[]): Record<string, string> =>
  Object.fromEntries(ids.map((id) => [id, `https://council.sharepoint.example/sites/${reference.toLowerCase()}/assurance/${id}`]));

export function demoGates(programme: DemoProgramme, today: string, newId: () => string): DemoGates {
  const stages: ProjectStage[] = [];
  const requests: GateRequest[] = [];
  let turn = 0;
  let walkProject = false;
  for (const { request, project } of programme.records) {
    if (!project || !['approved', 'in-delivery', 'completed'].includes(request.status)) continue;
    const lead: PersonRef = project.projectLead ?? personRef('dsgChair');
    let plan: Plan;
    if (request.status === 'approved') plan = { stage: 'discovery', last: 'passed' };
    else if (request.status === 'completed') plan = { stage: 'live', last: 'passed' };
    else if (!walkProject && lead.aadObjectId === personRef('leadLearning2').aadObjectId) {
      walkProject = true;
      plan = { stage: 'alpha', last: 'passed' };
    } else plan = DELIVERY_PLANS[turn++ % DELIVERY_PLANS.length];

    const passed = S.stages.findIndex((s) => s.id === plan.stage);
    const gates = S.gates.slice(0, passed);
    // A waiting or "not yet" request is for the gate after the stage the project is at.
    const asked = plan.last === 'waiting' || plan.last === 'not-yet' ? [...gates, S.gates[passed]] : gates;
    asked.forEach((gate, i) => {
      const isLast = i === asked.length - 1;
      const requestedOn = addDays(today, -20 - 70 * (asked.length - 1 - i) - 7);
      const decidedOn = addDays(requestedOn, 7);
      const id = newId();
      const outcome: GateOutcome | null = !isLast ? 'pass' : plan.last === 'waiting' ? null : plan.last === 'not-yet' ? 'not-yet' : plan.last === 'conditions' ? 'pass-with-conditions' : 'pass';
      const by = personRef(i % 2 === 0 ? 'dsgChair' : 'leaderCustomers');
      const condition = (what: string, owner: PersonRef, due: string, done: boolean): GateCondition => ({
        id: newId(),
        gateId: id,
        reference: request.reference,
        what,
        owner,
        due,
        doneAt: done ? `${addDays(due, -2)}T11:00:00.000Z` : null,
        doneBy: done ? owner.name : null,
      });
      const manager = project.projectManager ?? lead;
      const conditions =
        outcome === 'pass-with-conditions'
          ? [
              condition('Publish the accessibility statement before the public beta', manager, addDays(today, -5), false),
              condition('Name the service owner for live running', lead, addDays(today, 21), false),
            ]
          : outcome === 'pass' && gate.to === 'live'
            ? [condition('Agree the support model with the service desk', manager, addDays(decidedOn, 14), true)]
            : [];
      requests.push({
        id,
        reference: request.reference,
        from: gate.from,
        to: gate.to,
        evidence: evidence(request.reference, gate.required),
        note: isLast && plan.last === 'waiting' ? 'Alpha prototypes tested with residents; ready for a private beta.' : null,
        requestedBy: lead,
        requestedAt: `${requestedOn}T10:00:00.000Z`,
        decision: outcome
          ? {
              outcome,
              note: outcome === 'not-yet' ? 'Come back with research with people who use assisted digital support.' : null,
              by,
              at: `${decidedOn}T11:00:00.000Z`,
              meetingId: null,
            }
          : null,
        conditions,
        version: outcome ? 2 : 1,
      });
    });
    stages.push({ reference: request.reference, stage: plan.stage, since: gates.length ? addDays(today, -20 - 70 * (asked.length - gates.length)) : null });
  }
  return { stages, requests: requests.sort((a, b) => a.requestedAt.localeCompare(b.requestedAt)) };
}
