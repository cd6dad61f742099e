import { sampleSolution } from '../support/sample-solution';
import type { ContractContext } from './contract';

/** The re-use catalogue: inside the Store contract. */
export function solutionsContract({ store: s }: ContractContext): void {
  describe('re-use catalogue', () => {
    it('stores an entry as given and refuses a second with the same name, case and spaces aside', async () => {
      const entry = sampleSolution({ id: 's1', sharedWithPartners: true, sharedWith: 'NHS “Board” & partners', link: null });
      expect(await s().solutions.insert(entry)).toBe(true);
      expect(await s().solutions.get('s1')).toEqual(entry);
      expect(await s().solutions.byName('  COMMUNITY hall and  room booking ')).toEqual(entry);
      expect(await s().solutions.insert(sampleSolution({ id: 's2', name: 'Community Hall and Room Booking' }))).toBe(false);
      expect(await s().solutions.get('s2')).toBeNull();
      expect(await s().solutions.get('none')).toBeNull();
    });

    it('updates only at the expected version', async () => {
      await s().solutions.insert(sampleSolution({ id: 's1' }));
      const renewed = { ...sampleSolution({ id: 's1' }), contractEnds: '2030-03-31', version: 2, updatedAt: '2026-12-04T10:00:00.000Z' };
      expect(await s().solutions.update(renewed, 1)).toBe(true);
      expect(await s().solutions.update({ ...renewed, retired: true }, 1)).toBe(false);
      expect(await s().solutions.get('s1')).toEqual(renewed);
    });

    it('lists every entry by name, and the contracts in use ending by a date, soonest first', async () => {
      await s().solutions.insert(sampleSolution({ id: 'c', name: 'Payroll', contractEnds: '2027-01-31' }));
      await s().solutions.insert(sampleSolution({ id: 'a', name: 'asset register', contractEnds: '2026-11-30' }));
      await s().solutions.insert(sampleSolution({ id: 'b', name: 'Booking', contractEnds: '2027-09-30' }));
      await s().solutions.insert(sampleSolution({ id: 'd', name: 'Door entry', contractEnds: '2026-12-31', retired: true }));
      await s().solutions.insert(sampleSolution({ id: 'e', name: 'E-forms', contractEnds: null }));
      expect((await s().solutions.list()).map((x) => x.id)).toEqual(['a', 'b', 'd', 'e', 'c']);
      expect((await s().solutions.contractsEndingBy('2027-06-04')).map((x) => x.id)).toEqual(['a', 'c']);
    });

    it('offers the entries in use for matching, and sees its own changes at once, inside a transaction too', async () => {
      await s().solutions.insert(sampleSolution({ id: 'b', name: 'Booking' }));
      await s().solutions.insert(sampleSolution({ id: 'r', name: 'Retired register', retired: true }));
      expect((await s().solutions.offered()).map((x) => x.id)).toEqual(['b']);
      await s().solutions.insert(sampleSolution({ id: 'a', name: 'Asset register' }));
      expect((await s().solutions.offered()).map((x) => x.id)).toEqual(['a', 'b']);
      await s().transaction(async (tx) => {
        const booking = (await tx.solutions.get('b'))!;
        await tx.solutions.update({ ...booking, retired: true, version: 2 }, 1);
      });
      expect((await s().solutions.offered()).map((x) => x.id)).toEqual(['a']);
      // A refused update (a stale version) changes nothing.
      const asset = (await s().solutions.get('a'))!;
      expect(await s().solutions.update({ ...asset, name: 'Asset list', version: 5 }, 4)).toBe(false);
      expect((await s().solutions.offered()).map((x) => x.name)).toEqual(['Asset register']);
    });
  });
}
