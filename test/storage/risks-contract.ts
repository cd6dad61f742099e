import type { Store } from '../../src/app/ports';
import { sampleProject } from '../support/sample-project';
import { sampleRequest } from '../support/sample-request';
import { sampleRisk } from '../support/sample-risk';
import type { ContractContext } from './contract';

async function storedProject(store: Store): Promise<string> {
  const request = sampleRequest({ status: 'in-delivery' });
  await store.requests.insert(request, []);
  await store.projects.insert(sampleProject(request.reference));
  return request.reference;
}

/** Projects' risks and issues logs: registered inside the Store contract. */
export function risksContract({ store: s, database }: ContractContext): void {
  describe('risks and issues', () => {
    it('stores entries as given and reads a project’s log oldest first', async () => {
      const reference = await storedProject(s());
      const risk = sampleRisk({ id: 'r-b', reference, createdAt: '2026-12-02T10:00:00.000Z' });
      const issue = sampleRisk({ id: 'r-a', reference, kind: 'issue', likelihood: null, impact: 3, mitigation: '', lastChange: null, description: 'Ünïcode “quotes” & <tags>' });
      await s().risks.insert(risk);
      await s().risks.insert(issue);
      expect(await s().risks.get('r-b')).toEqual(risk);
      expect(await s().risks.get('missing')).toBeNull();
      expect(await s().risks.forProject(reference)).toEqual([issue, risk]);
      expect(await s().risks.forProject('DP-2026-9999')).toEqual([]);
    });

    it('updates at the version the card was drawn with, and refuses an older one', async () => {
      const reference = await storedProject(s());
      const risk = sampleRisk({ reference });
      await s().risks.insert(risk);
      const changed = { ...risk, likelihood: 2, status: 'closed' as const, version: 2, updatedAt: '2026-12-03T10:00:00.000Z', lastChange: { what: 'likelihood 4 → 2, closed', by: 'Pat', at: '2026-12-03T10:00:00.000Z' } };
      expect(await s().risks.update(changed, 1)).toBe(true);
      expect(await s().risks.update({ ...changed, version: 3, description: 'lost' }, 1)).toBe(false);
      expect(await s().risks.get(risk.id)).toEqual(changed);
    });

    it('finds open entries past their review date, and open entries scoring 15 or more by score, across projects', async () => {
      const one = await storedProject(s());
      const two = await storedProject(s());
      await s().risks.insert(sampleRisk({ id: 'due-20', reference: one, reviewDate: '2026-12-01' }));
      await s().risks.insert(sampleRisk({ id: 'due-closed', reference: one, reviewDate: '2026-11-01', status: 'closed' }));
      await s().risks.insert(sampleRisk({ id: 'today-12', reference: two, reviewDate: '2026-12-04', likelihood: 3, impact: 4 }));
      await s().risks.insert(sampleRisk({ id: 'issue-15', reference: two, reviewDate: '2026-11-20', kind: 'issue', likelihood: null, impact: 3 }));
      await s().risks.insert(sampleRisk({ id: 'risk-25', reference: two, likelihood: 5, impact: 5 }));

      expect((await s().risks.dueForReview('2026-12-04')).map((e) => e.id)).toEqual(['issue-15', 'due-20']);
      expect((await s().risks.openScoringAtLeast(15)).map((e) => e.id)).toEqual(['risk-25', 'due-20', 'issue-15']);
      expect((await s().risks.openScoringAtLeast(21)).map((e) => e.id)).toEqual(['risk-25']);
    });

    it('keeps the score column to the domain’s definition when an entry changes', async () => {
      const reference = await storedProject(s());
      const risk = sampleRisk({ reference, likelihood: 2, impact: 5 });
      await s().risks.insert(risk);
      expect(await s().risks.openScoringAtLeast(15)).toEqual([]);
      await s().risks.update({ ...risk, kind: 'issue', likelihood: null, version: 2 }, 1);
      expect((await s().risks.openScoringAtLeast(15)).map((e) => e.id)).toEqual([risk.id]);
      expect(await database().exec(`select score from risks where id = '${risk.id}'`)).toEqual([{ score: 25 }]);
    });

    it('rolls an entry back with its transaction, and refuses one for a project not in the programme', async () => {
      const reference = await storedProject(s());
      await expect(
        s().transaction(async (tx) => {
          await tx.risks.insert(sampleRisk({ reference }));
          throw new Error('abort');
        }),
      ).rejects.toThrow('abort');
      expect(await s().risks.forProject(reference)).toEqual([]);
      await expect(s().risks.insert(sampleRisk({ id: 'orphan', reference: 'DP-2026-9999' }))).rejects.toBeDefined();
    });
  });
}
