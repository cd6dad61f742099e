import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Store } from '../../src/app/ports';
import { assuranceGates } from '../../src/app/gates/project-gates';
import type { GateRequest } from '../../src/domain/stages';
import { openStore } from '../../src/storage/open-store';
import { sampleRequest } from '../support/sample-request';

const member = { aadObjectId: 'aad-m', name: 'DSG Member' };
const lead = { aadObjectId: 'aad-lead', name: 'Project Lead' };
const decided = (id: string, reference: string, outcome: 'pass' | 'pass-with-conditions' | 'not-yet', at: string, due = '2026-11-30'): GateRequest => ({
  id,
  reference,
  from: 'alpha',
  to: 'beta',
  evidence: {},
  note: null,
  requestedBy: lead,
  requestedAt: '2026-07-01T10:00:00.000Z',
  decision: { outcome, note: null, by: member, at, meetingId: null },
  conditions: outcome === 'pass-with-conditions' ? [{ id: `c-${id}`, gateId: id, reference, what: 'Publish the statement', owner: lead, due, doneAt: null, doneBy: null }] : [],
  version: 2,
});

let dir: string;
let store: Store;
beforeEach(async () => {
  dir = mkdtempSync(join(tmpdir(), 'dsg-assurance-'));
  store = await openStore({ sqlitePath: join(dir, 'dsg.sqlite') });
});
afterEach(async () => {
  await store.close();
  rmSync(dir, { recursive: true, force: true });
});

it("gives the assurance report each project's stage, the gates passed in the quarter and the overdue conditions", async () => {
  const a = sampleRequest({ reference: 'DP-2026-0001', title: 'Bookings', status: 'in-delivery' });
  const b = sampleRequest({ reference: 'DP-2026-0002', title: 'Payments', status: 'in-delivery' });
  await store.gates.setStage({ reference: 'DP-2026-0001', stage: 'beta', since: '2026-10-02' });
  for (const g of [decided('g1', 'DP-2026-0001', 'pass-with-conditions', '2026-10-01T23:30:00.000Z'), decided('g2', 'DP-2026-0002', 'not-yet', '2026-11-01T10:00:00.000Z'), decided('g3', 'DP-2026-0002', 'pass', '2026-06-30T10:00:00.000Z')]) {
    await store.gates.insertRequest({ ...g, id: g.id, decision: null, conditions: [], version: 1, requestedAt: g.decision!.at });
    await store.gates.updateRequest(g, 1);
  }
  const extras = await assuranceGates({}, store, [{ request: a }, { request: b }], '2026-10-01', '2027-01-01', '2026-12-04');
  expect([...extras.stages!]).toEqual([
    ['DP-2026-0001', 'Beta'],
    ['DP-2026-0002', 'Discovery'],
  ]);
  // Decided at 00:30 London on 2 October: in the quarter; "not yet" is not a gate passed; June is before it.
  expect(extras.gatesPassed).toEqual([{ reference: 'DP-2026-0001', title: 'Bookings', gate: 'Alpha → Beta', outcome: 'Pass with conditions', on: '2026-10-02' }]);
  expect(extras.overdueConditions).toEqual([{ reference: 'DP-2026-0001', what: 'Publish the statement', owner: 'Project Lead', due: '2026-11-30' }]);
});
