import type { Kysely } from 'kysely';
import { FORMER, withoutNames } from '../domain/data-protection';
import type { PersonRef } from '../domain/settings';
import type { GateCondition, GateRequest } from '../domain/stages';
import { gateRepository } from './gate-repository';
import type { Database } from './schema';

/**
 * People in stage gates, for data protection: who asked for a gate (its lead), who decided it (a DSG member), and each
 * condition's owner and who marked it done. Found for one person's subject access and erasure, and for every record
 * the retention run closes; a person who goes becomes their role, and their names go from the notes and conditions.
 */

type Db = Kysely<Database>;

export interface GateHoldings {
  requests: GateRequest[];
  conditions: GateCondition[];
}

/** The gates and conditions of these projects (retention: everyone on them goes). */
export async function gatesOf(db: Db, references: readonly string[]): Promise<GateHoldings> {
  const repo = gateRepository(db);
  const requests = (await Promise.all(references.map((r) => repo.requestsOf(r)))).flat();
  return { requests, conditions: requests.flatMap((g) => g.conditions) };
}

/** The gates one person asked for or decided, and the conditions they own or marked done. */
export async function gatesOfPerson(db: Db, ids: readonly string[], theirs: (name: string | null | undefined) => boolean): Promise<GateHoldings> {
  const all = await gateRepository(db).all();
  const is = (p: PersonRef | null | undefined) => !!p && ids.includes(p.aadObjectId);
  return {
    requests: all.filter((g) => is(g.requestedBy) || is(g.decision?.by)),
    conditions: all.flatMap((g) => g.conditions).filter((c) => is(c.owner) || theirs(c.doneBy)),
  };
}

/** Rewrites the people out of gate requests and conditions; `person` says who goes. Returns the rows changed. */
export async function gatesWithoutPeople(db: Db, h: GateHoldings, person: (p: PersonRef) => boolean, names: ReadonlyMap<string, string>): Promise<{ gates: number; gateConditions: number }> {
  const counts = { gates: 0, gateConditions: 0 };
  const role = (p: PersonRef, as: string): PersonRef => (person(p) ? { aadObjectId: '', name: as } : p);
  for (const g of h.requests) {
    const record = {
      evidence: g.evidence,
      note: g.note && withoutNames(g.note, names),
      requestedBy: role(g.requestedBy, FORMER.projectLead),
      decision: g.decision && { ...g.decision, by: role(g.decision.by, FORMER.dsgMember), note: g.decision.note && withoutNames(g.decision.note, names) },
    };
    if (JSON.stringify(record) === JSON.stringify({ evidence: g.evidence, note: g.note, requestedBy: g.requestedBy, decision: g.decision })) continue;
    await db.updateTable('gate_requests').set({ record: JSON.stringify(record) }).where('id', '=', g.id).execute();
    counts.gates += 1;
  }
  for (const c of h.conditions) {
    const owner = role(c.owner, FORMER.actionOwner);
    const next = { owner_aad_object_id: owner.aadObjectId, owner_name: owner.name, what: withoutNames(c.what, names), done_by: c.doneBy && names.has(c.doneBy) ? FORMER.actionOwner : c.doneBy };
    if (next.owner_name === c.owner.name && next.owner_aad_object_id === c.owner.aadObjectId && next.what === c.what && next.done_by === c.doneBy) continue;
    await db.updateTable('gate_conditions').set(next).where('id', '=', c.id).execute();
    counts.gateConditions += 1;
  }
  return counts;
}

/** What subject access shows of a person's part in gates. */
export function gateRecords(h: GateHoldings, ids: readonly string[]): Record<string, unknown>[] {
  const is = (p: PersonRef | null | undefined) => !!p && ids.includes(p.aadObjectId);
  const gate = (g: GateRequest) => ({ reference: g.reference, gate: `${g.from} to ${g.to}` });
  return [
    ...h.requests.filter((g) => is(g.requestedBy)).map((g) => ({ kind: 'stage gate asked for', ...gate(g), requestedAt: g.requestedAt, note: g.note })),
    ...h.requests.filter((g) => is(g.decision?.by)).map((g) => ({ kind: 'stage gate decided', ...gate(g), outcome: g.decision!.outcome, at: g.decision!.at, note: g.decision!.note })),
    ...h.conditions.map((c) => ({ kind: is(c.owner) ? 'gate condition owned' : 'gate condition marked done', reference: c.reference, what: c.what, due: c.due, doneAt: c.doneAt })),
  ];
}
