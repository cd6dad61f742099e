import type { GateCondition, GateRequest } from '../../src/domain/stages';
import type { ContractContext } from './contract';

const lead = { aadObjectId: 'aad-lead', name: 'Project Lead' };
const member = { aadObjectId: 'aad-member', name: 'DSG Member' };

const gate = (overrides: Partial<GateRequest> = {}): GateRequest => ({
  id: 'g1',
  reference: 'DP-2026-0007',
  from: 'alpha',
  to: 'beta',
  evidence: { users: 'https://council.example/research', team: 'https://council.example/team' },
  note: 'Ready',
  requestedBy: lead,
  requestedAt: '2026-12-01T10:00:00.000Z',
  decision: null,
  conditions: [],
  version: 1,
  post: null,
  ...overrides,
});

const condition = (overrides: Partial<GateCondition> = {}): GateCondition => ({
  id: 'c1',
  gateId: 'g1',
  reference: 'DP-2026-0007',
  what: 'Publish the accessibility statement',
  owner: { aadObjectId: 'aad-owner', name: 'Service Designer' },
  due: '2027-01-15',
  doneAt: null,
  doneBy: null,
  ...overrides,
});

/** Stages, gate requests and conditions: inside the Store contract. */
export function gatesContract({ store: s, database }: ContractContext): void {
  describe('stages and gates', () => {
    it('records a stage, replaces it, and lists them', async () => {
      expect(await s().gates.stageOf('DP-2026-0007')).toBeNull();
      await s().gates.setStage({ reference: 'DP-2026-0007', stage: 'alpha', since: '2026-09-01' });
      await s().gates.setStage({ reference: 'DP-2026-0007', stage: 'beta', since: '2026-12-04' });
      await s().gates.setStage({ reference: 'DP-2026-0003', stage: 'discovery', since: null });
      expect(await s().gates.stageOf('DP-2026-0007')).toEqual({ reference: 'DP-2026-0007', stage: 'beta', since: '2026-12-04' });
      expect(await s().gates.stages()).toEqual([
        { reference: 'DP-2026-0003', stage: 'discovery', since: null },
        { reference: 'DP-2026-0007', stage: 'beta', since: '2026-12-04' },
      ]);
    });

    it('keeps a request as given, one waiting per project, and its decision and conditions once saved', async () => {
      expect(await s().gates.insertRequest(gate())).toBe(true);
      expect(await s().gates.insertRequest(gate({ id: 'g2' }))).toBe(false);
      expect(await s().gates.getRequest('g1')).toEqual(gate());
      expect((await s().gates.pending()).map((g) => g.id)).toEqual(['g1']);

      const decided = gate({ decision: { outcome: 'pass-with-conditions', note: null, by: member, at: '2026-12-04T10:00:00.000Z', meetingId: null }, conditions: [condition(), condition({ id: 'c2', what: 'Name a service owner', due: '2026-12-20' })], version: 2 });
      expect(await s().gates.updateRequest(decided, 2)).toBe(false);
      expect(await s().gates.updateRequest(decided, 1)).toBe(true);
      expect(await s().gates.getRequest('g1')).toEqual(decided);
      expect(await s().gates.pending()).toEqual([]);
      // Decided, another may be asked for.
      expect(await s().gates.insertRequest(gate({ id: 'g2', from: 'beta', to: 'live', requestedAt: '2026-12-05T10:00:00.000Z' }))).toBe(true);
      expect((await s().gates.requestsOf('DP-2026-0007')).map((g) => g.id)).toEqual(['g2', 'g1']);
      expect((await s().gates.all()).map((g) => [g.id, g.conditions.length])).toEqual([
        ['g1', 2],
        ['g2', 0],
      ]);
      expect((await s().gates.openConditions()).map((c) => c.id)).toEqual(['c2', 'c1']);
    });

    it('remembers where its card was posted, without changing its version', async () => {
      await s().gates.insertRequest(gate());
      await s().gates.setPost('g1', { conversationId: '19:dsg@thread.tacv2;messageid=7', activityId: '7' });
      expect(await s().gates.getRequest('g1')).toEqual(gate({ post: { conversationId: '19:dsg@thread.tacv2;messageid=7', activityId: '7' } }));
      const decided = gate({ decision: { outcome: 'pass', note: null, by: member, at: '2026-12-04T10:00:00.000Z', meetingId: null }, version: 2 });
      expect(await s().gates.updateRequest(decided, 1)).toBe(true);
      expect((await s().gates.getRequest('g1'))?.post).toEqual({ conversationId: '19:dsg@thread.tacv2;messageid=7', activityId: '7' });
    });

    it('marks a condition done once', async () => {
      await s().gates.insertRequest(gate());
      await s().gates.updateRequest(gate({ conditions: [condition()], version: 2 }), 1);
      const done = { ...condition(), doneAt: '2026-12-10T10:00:00.000Z', doneBy: 'Service Designer' };
      expect(await s().gates.completeCondition(done)).toBe(true);
      expect(await s().gates.completeCondition(done)).toBe(false);
      expect(await s().gates.getCondition('c1')).toEqual(done);
      expect(await s().gates.openConditions()).toEqual([]);
    });

    it('lets exactly one of two requests for a project made at once on two stores wait', async () => {
      const other = await database().open();
      try {
        for (let i = 0; i < 10; i++) {
          const reference = `DP-2026-01${String(i).padStart(2, '0')}`;
          const wins = await Promise.all([s().gates.insertRequest(gate({ id: `a${i}`, reference })), other.gates.insertRequest(gate({ id: `b${i}`, reference }))]);
          expect(wins.filter(Boolean)).toHaveLength(1);
        }
      } finally {
        await other.close();
      }
    });

    it('rolls a decision and its stage back with their transaction', async () => {
      await s().gates.insertRequest(gate());
      await expect(
        s().transaction(async (tx) => {
          await tx.gates.updateRequest(gate({ conditions: [condition()], version: 2 }), 1);
          await tx.gates.setStage({ reference: 'DP-2026-0007', stage: 'beta', since: '2026-12-04' });
          throw new Error('abort');
        }),
      ).rejects.toThrow('abort');
      expect(await s().gates.getRequest('g1')).toEqual(gate());
      expect(await s().gates.stageOf('DP-2026-0007')).toBeNull();
    });
  });
}
