import type { Store } from '../../src/app/ports';
import type { HealthUpdate } from '../../src/domain/health';
import { sampleProject } from '../support/sample-project';
import { sampleRequest } from '../support/sample-request';
import type { ContractContext } from './contract';

const update = (version: number, overrides: Partial<HealthUpdate> = {}): HealthUpdate => ({
  version,
  ratings: {
    overall: { rag: 'amber', reason: 'Supplier late — “two weeks”' },
    time: { rag: 'red', reason: 'Go-live moved' },
    cost: { rag: 'green', reason: null },
    scope: { rag: 'green', reason: 'As agreed' },
  },
  setAt: `2026-1${version}-01T09:00:00.000Z`,
  setBy: 'Pat Manager',
  confirmed: false,
  ...overrides,
});

async function storedProject(store: Store): Promise<string> {
  const request = sampleRequest({ status: 'in-delivery' });
  await store.requests.insert(request, []);
  await store.projects.insert(sampleProject(request.reference));
  return request.reference;
}

/** Health (RAG) settings, kept with their project: registered inside the Store contract. */
export function healthContract({ store: s, database }: ContractContext): void {
  describe('health statuses', () => {
    it('keeps every setting, newest first, and reads the latest with the project, alone or in the programme', async () => {
      const reference = await storedProject(s());
      const other = await storedProject(s());
      expect((await s().projects.get(reference))!.health).toBeUndefined();
      expect(await s().projects.healthHistory(reference)).toEqual([]);

      expect(await s().projects.recordHealth(reference, update(1))).toBe(true);
      expect(await s().projects.recordHealth(reference, update(2, { confirmed: true }))).toBe(true);
      expect(await s().projects.recordHealth(other, update(1, { setBy: 'Lee Lead' }))).toBe(true);

      expect(await s().projects.healthHistory(reference)).toEqual([update(2, { confirmed: true }), update(1)]);
      expect((await s().projects.get(reference))!.health).toEqual(update(2, { confirmed: true }));
      const programme = await s().projects.listWithRequests();
      expect(programme.find((p) => p.project.reference === reference)!.project.health).toEqual(update(2, { confirmed: true }));
      expect(programme.find((p) => p.project.reference === other)!.project.health).toEqual(update(1, { setBy: 'Lee Lead' }));
    });

    it('reads where each project stood before an instant: its latest setting made before it, and none before its first', async () => {
      const reference = await storedProject(s());
      const other = await storedProject(s());
      await s().projects.recordHealth(reference, update(1));
      await s().projects.recordHealth(reference, update(2));
      await s().projects.recordHealth(other, update(2));
      const atStartOfDecember = await s().projects.healthBefore('2026-12-01T00:00:00.000Z');
      expect(atStartOfDecember.get(reference)).toEqual(update(1));
      expect(atStartOfDecember.has(other)).toBe(false);
      expect((await s().projects.healthBefore('2027-01-01T00:00:00.000Z')).get(other)).toEqual(update(2));
    });

    it('refuses a second setting with the same version: of two stores at once, exactly one wins', async () => {
      const reference = await storedProject(s());
      const again = await database().open();
      try {
        const wins = await Promise.all([s().projects.recordHealth(reference, update(1)), again.projects.recordHealth(reference, update(1, { setBy: 'Lee Lead' }))]);
        expect(wins.filter(Boolean)).toHaveLength(1);
        expect(await s().projects.healthHistory(reference)).toHaveLength(1);
      } finally {
        await again.close();
      }
    });

    it('rolls a setting back with its transaction, and refuses one for a project that is not there', async () => {
      const reference = await storedProject(s());
      await expect(
        s().transaction(async (tx) => {
          await tx.projects.recordHealth(reference, update(1));
          throw new Error('abort');
        }),
      ).rejects.toThrow('abort');
      expect(await s().projects.healthHistory(reference)).toEqual([]);
      await expect(s().projects.recordHealth('DP-2026-9999', update(1))).rejects.toMatchObject({ message: expect.stringMatching(/foreign key/i) });
    });
  });
}
