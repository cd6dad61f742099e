import type { Store } from '../../src/app/ports';
import { sampleMeasure } from '../support/sample-measure';
import { sampleProject } from '../support/sample-project';
import { sampleRequest } from '../support/sample-request';
import type { ContractContext } from './contract';

const figure = (period: string, value: number, recordedBy = 'Pat Manager') => ({ period, value, recordedAt: '2026-12-01T09:00:00.000Z', recordedBy });

async function storedProject(store: Store, overrides: Parameters<typeof sampleProject>[1] = {}): Promise<string> {
  const request = sampleRequest({ status: 'approved' });
  await store.requests.insert(request, []);
  await store.projects.insert(sampleProject(request.reference, overrides));
  return request.reference;
}

/** Outcome measures and their figures, stored with their project: registered inside the Store contract. */
export function measuresContract({ store: s }: ContractContext): void {
  describe('measures', () => {
    it('stores a project’s measures with their figures, and reads them back in the order added, figures by period', async () => {
      const cost = sampleMeasure({ id: 'm-cost', name: 'Cost per booking', kind: 'cost-per-transaction', unit: '£', baseline: { value: 8.25, date: '2026-04-01' }, target: { value: 3.5, date: '2027-03-31' }, direction: 'lower', frequency: 'monthly' });
      const takeUp = sampleMeasure({ id: 'm-take-up', figures: [figure('2026-Q2', 55.5), figure('2026-Q1', 47)] });
      const reference = await storedProject(s(), { measures: [takeUp, cost] });

      const stored = await s().projects.get(reference);
      expect(stored!.measures).toEqual([{ ...takeUp, figures: [figure('2026-Q1', 47), figure('2026-Q2', 55.5)] }, cost]);
      expect((await s().projects.listWithRequests()).find((p) => p.project.reference === reference)!.project.measures).toEqual(stored!.measures);
    });

    it('adds a measure after the others, edits one in its place keeping its figures, and replaces a figure for the same period', async () => {
      const first = sampleMeasure({ id: 'm-1', figures: [figure('2026-Q1', 45)] });
      const reference = await storedProject(s(), { measures: [first] });
      const second = sampleMeasure({ id: 'm-2', name: 'Calls to the contact centre', kind: 'other', unit: 'calls', baseline: { value: 900, date: '2026-04-01' }, target: { value: 600, date: '2027-03-31' }, direction: 'lower', frequency: 'monthly' });
      await s().projects.saveMeasure(reference, second);
      await s().projects.saveMeasure(reference, { ...first, name: 'Online bookings (all halls)', target: { value: 85, date: '2027-06-30' }, figures: [] });
      await s().projects.saveMeasureFigure('m-1', figure('2026-Q1', 46, 'Lee Lead'));
      await s().projects.saveMeasureFigure('m-1', figure('2026-Q2', 52));
      await s().projects.saveMeasureFigure('m-2', figure('2026-11', 870));

      expect((await s().projects.get(reference))!.measures).toEqual([
        { ...first, name: 'Online bookings (all halls)', target: { value: 85, date: '2027-06-30' }, figures: [figure('2026-Q1', 46, 'Lee Lead'), figure('2026-Q2', 52)] },
        { ...second, figures: [figure('2026-11', 870)] },
      ]);
    });

    it('keeps each project’s measures to itself', async () => {
      const a = await storedProject(s(), { measures: [sampleMeasure({ id: 'm-a', figures: [figure('2026-Q1', 41)] })] });
      const b = await storedProject(s());
      expect((await s().projects.get(b))!.measures).toEqual([]);
      expect((await s().projects.get(a))!.measures.map((m) => m.id)).toEqual(['m-a']);
    });

    it('refuses a figure for a measure that does not exist', async () => {
      await expect(s().projects.saveMeasureFigure('no-such-measure', figure('2026-Q1', 1))).rejects.toMatchObject({ message: expect.stringMatching(/foreign key/i) });
    });
  });
}
