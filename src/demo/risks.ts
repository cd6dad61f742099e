import { addDays } from '../domain/calendar';
import type { RiskEntry, RiskKind, RiskStatus } from '../domain/risks';
import type { PersonRef } from '../domain/settings';
import { DEMO_PEOPLE, type Who } from './people';
import type { DemoProgramme } from './programme';

/**
 * The demo risks and issues logs: thirty entries spread over the projects being delivered (approved or in
 * delivery), in turn. Some score 15 or more (they are drafted onto the DSG agenda), some are past their review date
 * (their owners are reminded), a few are closed; most are owned by the project's lead or manager, some by a
 * colleague who is neither, as anyone in the council may own one. Dates are relative to the seeding day.
 */
type Owner = 'lead' | 'manager' | 'leader' | Who;
interface DemoRisk {
  kind: RiskKind;
  description: string;
  likelihood: number | null;
  impact: number;
  mitigation: string;
  /** Days from the seeding day to the review date (negative: past review). */
  review: number;
  owner: Owner;
  status?: RiskStatus;
}

const ENTRIES: readonly DemoRisk[] = [
  { kind: 'risk', description: 'The supplier may not deliver the integration before the go-live date', likelihood: 4, impact: 5, mitigation: 'Weekly delivery calls; contract milestone payments tied to the integration', review: -6, owner: 'lead' },
  { kind: 'risk', description: 'Staff in the service may not be released for training', likelihood: 3, impact: 3, mitigation: 'Training booked in the quiet months; recorded sessions for those who miss one', review: 21, owner: 'manager' },
  { kind: 'issue', description: 'The test environment has been unavailable for two weeks', likelihood: null, impact: 4, mitigation: 'ICT asked to restore it as a priority; testing moved to the supplier’s environment meanwhile', review: -3, owner: 'lead' },
  { kind: 'risk', description: 'Residents without internet access may be left behind', likelihood: 3, impact: 4, mitigation: 'Phone and face-to-face routes kept; libraries offer assisted digital help', review: 35, owner: 'manager' },
  { kind: 'risk', description: 'Data migration from the old system may lose historic records', likelihood: 2, impact: 5, mitigation: 'Trial migrations with record counts reconciled; old system kept read-only for a year', review: 14, owner: 'lead' },
  { kind: 'risk', description: 'The budget may not cover the second year’s licences', likelihood: 3, impact: 5, mitigation: 'Business case revisited with Finance; option to reduce licence numbers', review: -12, owner: 'leader' },
  { kind: 'risk', description: 'The data protection impact assessment may delay the pilot', likelihood: 2, impact: 3, mitigation: 'Information Governance involved from the start', review: 28, owner: 'recordsOfficer' },
  { kind: 'issue', description: 'The project manager is on long-term leave', likelihood: null, impact: 3, mitigation: 'Cover agreed from the strand’s other projects until a replacement starts', review: 10, owner: 'leader' },
  { kind: 'risk', description: 'The national platform may change its interface during the build', likelihood: 2, impact: 4, mitigation: 'Signed up to the platform’s change notices; interface kept behind one adapter', review: 42, owner: 'lead' },
  { kind: 'risk', description: 'Take-up may be lower than the business case assumes', likelihood: 3, impact: 3, mitigation: 'Campaign with Communications at launch; take-up measured monthly', review: 56, owner: 'manager' },
  { kind: 'risk', description: 'Key knowledge sits with one member of staff', likelihood: 4, impact: 4, mitigation: 'Procedures written down; a second person shadows the work', review: -1, owner: 'manager' },
  { kind: 'risk', description: 'Procurement may take longer than planned', likelihood: 3, impact: 3, mitigation: 'Framework agreement used; Procurement booked in the plan', review: 18, owner: 'lead' },
  { kind: 'issue', description: 'Two sites have no reliable network connection', likelihood: null, impact: 2, mitigation: 'Mobile routers ordered as a stop-gap', review: 7, owner: 'estatesOfficer' },
  { kind: 'risk', description: 'Cyber security testing may find problems late', likelihood: 2, impact: 5, mitigation: 'Penetration test booked before user testing, not after', review: 30, owner: 'lead' },
  { kind: 'risk', description: 'The service may not agree the new process in time', likelihood: 3, impact: 4, mitigation: 'Service manager sits on the project board', review: -20, owner: 'lead' },
  { kind: 'risk', description: 'Partners may not sign the data sharing agreement', likelihood: 2, impact: 4, mitigation: 'Draft agreement shared early, based on the national template', review: 25, owner: 'manager' },
  { kind: 'risk', description: 'Hardware prices may rise before the order is placed', likelihood: 3, impact: 2, mitigation: 'Quote held for 60 days; order placed within it', review: 12, owner: 'manager', status: 'closed' },
  { kind: 'issue', description: 'The supplier has missed the first milestone', likelihood: null, impact: 4, mitigation: 'Recovery plan requested; escalated to the supplier’s account manager', review: -8, owner: 'lead' },
  { kind: 'risk', description: 'Accessibility testing may show the forms are hard to use', likelihood: 2, impact: 3, mitigation: 'Built to the GOV.UK patterns; tested with users of assistive technology', review: 40, owner: 'manager' },
  { kind: 'risk', description: 'The old system’s contract may end before the new one is ready', likelihood: 4, impact: 5, mitigation: 'Extension of six months negotiated as a fallback', review: 9, owner: 'leader' },
  { kind: 'risk', description: 'Staff may keep using the old spreadsheets alongside the new system', likelihood: 4, impact: 2, mitigation: 'Spreadsheets archived read-only at go-live', review: 33, owner: 'manager' },
  { kind: 'risk', description: 'Schools may not have enough devices for the pilot', likelihood: 3, impact: 3, mitigation: 'Loan pool from Education ICT', review: -4, owner: 'schoolsOfficer' },
  { kind: 'risk', description: 'The benefits may be hard to measure', likelihood: 2, impact: 2, mitigation: 'Baseline figures taken before go-live', review: 60, owner: 'manager', status: 'closed' },
  { kind: 'risk', description: 'Winter pressures may take the service’s staff away from testing', likelihood: 3, impact: 4, mitigation: 'Testing planned around the winter peak', review: 16, owner: 'lead' },
  { kind: 'issue', description: 'Payments are failing for one card type', likelihood: null, impact: 5, mitigation: 'Supplier fixing; residents told to use another card meanwhile', review: 3, owner: 'revenuesOfficer' },
  { kind: 'risk', description: 'The national sign-in service may have an outage at launch', likelihood: 1, impact: 4, mitigation: 'Launch date checked against the national release calendar', review: 45, owner: 'lead' },
  { kind: 'risk', description: 'Legal advice on the new charges may be delayed', likelihood: 2, impact: 3, mitigation: 'Legal Services asked for a date; charges can go live later than the service', review: 20, owner: 'manager' },
  { kind: 'risk', description: 'The printing contract may not cover the new letters', likelihood: 2, impact: 2, mitigation: 'Letters moved to email where residents agree', review: 50, owner: 'manager', status: 'closed' },
  { kind: 'risk', description: 'The project board may not meet often enough to decide quickly', likelihood: 3, impact: 3, mitigation: 'Decisions by email between meetings, recorded in the log', review: 24, owner: 'leader' },
  { kind: 'risk', description: 'Records may be kept longer than the retention schedule allows', likelihood: 2, impact: 4, mitigation: 'Retention rules set in the system before go-live', review: 38, owner: 'recordsOfficer' },
];

/** The demo's risks and issues, each on a live project in turn, created a month before the seeding day. */
export function demoRisks(programme: DemoProgramme, now: string, newId: () => string): RiskEntry[] {
  const today = now.slice(0, 10);
  const live = programme.records.flatMap((r) => (r.project && (r.request.status === 'approved' || r.request.status === 'in-delivery') ? [r.project] : []));
  if (live.length === 0) return [];
  const created = `${addDays(today, -30)}T09:00:00.000Z`;
  return ENTRIES.map((e, i) => {
    const project = live[i % live.length];
    const person = (who: Owner): PersonRef | null =>
      who === 'lead' ? project.projectLead : who === 'manager' ? project.projectManager : who === 'leader' ? project.digitalLeader : { aadObjectId: DEMO_PEOPLE[who].aadObjectId, name: DEMO_PEOPLE[who].name };
    const owner = person(e.owner) ?? project.projectLead ?? project.digitalLeader ?? { aadObjectId: DEMO_PEOPLE.dsgChair.aadObjectId, name: DEMO_PEOPLE.dsgChair.name };
    const by = project.projectLead?.name ?? 'seed-demo';
    return {
      id: newId(),
      reference: project.reference,
      kind: e.kind,
      description: e.description,
      likelihood: e.kind === 'issue' ? null : e.likelihood,
      impact: e.impact,
      owner,
      mitigation: e.mitigation,
      reviewDate: addDays(today, e.review),
      status: e.status ?? 'open',
      version: 1,
      createdAt: created,
      createdBy: by,
      updatedAt: created,
      lastChange: { what: 'added', by, at: created },
    };
  });
}
