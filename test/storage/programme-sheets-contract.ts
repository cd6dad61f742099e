import { importProgramme, type ImportInput } from '../../src/app/programme-sheets/import-programme';
import type { Store } from '../../src/app/ports';
import type { SheetInput } from '../../src/domain/programme-workbook';
import { IMPORT_SHEET_NAMES } from '../../src/domain/programme-workbook';
import { projectRow, sheet } from '../support/programme-sheets';
import type { ContractContext } from './contract';

const NOW = new Date('2026-11-27T10:00:00.000Z');
const LEAD = { id: '29:lead', aadObjectId: 'aad-lead', name: 'Lee Lead', email: 'lee.lead@council.example', userPrincipalName: 'lee.lead@council.example' };

/** A small programme as a council would fill the template: two projects, their milestones and a realised saving. */
const WORKBOOK: SheetInput[] = [
  sheet('projects', [
    projectRow({ 'Project Lead': 'lee.lead@council.example', 'Project Manager': 'nobody@elsewhere.example', 'Planned annual cash saving (GBP)': 12000, 'Approved on': '2025-06-02' }),
    projectRow({ Reference: 'ICT-2', Title: 'Council tax e-billing', Strand: 'Digital Business Services', Status: 'In delivery', Route: 'Buy', DPIA: 'Completed' }),
  ]),
  sheet('milestones', [
    { Project: 'ICT-1', Title: 'Go live', Due: '2027-03-01' },
    { Project: 'ICT-2', Title: 'Supplier chosen', Due: '2026-09-01', Status: 'Done', 'Completed on': '2026-09-03' },
  ]),
  sheet('benefits', [{ Project: 'ICT-1', 'Financial year': '2025/26', 'Realised cash saving (GBP)': 4000, Note: 'Postage' }]),
];

let ids = 0;
const deps = (store: Store) => ({ store, clock: { now: () => NOW }, newId: () => `milestone-${++ids}` });
const input = (sheets: SheetInput[], apply = true): ImportInput => ({ fileName: 'programme.xlsx', sheets, requiredSheets: IMPORT_SHEET_NAMES, apply });

/** Importing the programme workbook, against a real database: registered inside the Store contract. */
export function programmeSheetsContract({ store: s }: ContractContext): void {
  describe('programme import', () => {
    beforeEach(async () => {
      await s().roster.put('19:team', [LEAD], NOW.toISOString());
    });

    it('saves nothing on a dry run, then imports everything with --apply, audited as imported from the file', async () => {
      const dry = await importProgramme(deps(s()), input(WORKBOOK, false));
      expect(dry.kind === 'checked' && dry.applied).toBe(false);
      expect(await s().projects.listWithRequests()).toEqual([]);

      const result = await importProgramme(deps(s()), input(WORKBOOK));
      expect(result.kind === 'checked' && result.applied).toBe(true);
      expect(result.kind === 'checked' && result.added).toEqual([
        { given: 'ICT-1', reference: 'DP-2025-0001' },
        { given: 'ICT-2', reference: 'DP-2026-0001' },
      ]);
      const programme = await s().projects.listWithRequests();
      expect(programme.map((r) => [r.request.reference, r.request.title, r.request.status, r.project.milestones.length, r.project.realisedBenefits.length])).toEqual([
        ['DP-2025-0001', 'Online library renewals', 'approved', 1, 1],
        ['DP-2026-0001', 'Council tax e-billing', 'in-delivery', 1, 0],
      ]);
      const [first, second] = programme;
      expect(first.project.projectLead).toEqual({ aadObjectId: 'aad-lead', name: 'Lee Lead' });
      expect(first.project.projectManager).toBeNull();
      expect(first.project.plannedBenefits.annualCash).toBe(12000);
      expect(second.project.dpia).toBe('completed');
      expect(second.request.personalData).toBe(true);
      expect(await s().audit.listFor('request', 'DP-2025-0001')).toEqual([
        expect.objectContaining({ action: 'programme.import', actorName: 'Programme import (npm run import)', detail: 'imported from programme.xlsx', outcome: 'done' }),
      ]);
      expect(await s().programmeSheets.importKeys()).toEqual(new Map([['ICT-1', 'DP-2025-0001'], ['ICT-2', 'DP-2026-0001']]));
    });

    it('updates rather than duplicates when the same file is imported again, and applies what changed', async () => {
      await importProgramme(deps(s()), input(WORKBOOK));
      // A benefit that is not cash, recorded on the card: the workbook holds cash savings only and leaves it be.
      const nonCash = { financialYear: '2025/26', cashSaving: null, note: 'Renewals at any hour', measureId: null, recordedAt: NOW.toISOString(), recordedBy: 'Lee Lead' };
      await s().projects.addRealisedBenefit('DP-2025-0001', nonCash);
      const again = await importProgramme(deps(s()), input(WORKBOOK));
      expect(again.kind === 'checked' && again.plan.counts).toEqual({
        projects: { added: 0, updated: 0, unchanged: 2 },
        milestones: { added: 0, updated: 0, unchanged: 2 },
        benefits: { added: 0, updated: 0, unchanged: 1 },
      });
      expect(await s().projects.listWithRequests()).toHaveLength(2);

      const changed = [
        sheet('projects', [projectRow({ Status: 'Completed', 'Project Lead': 'lee.lead@council.example' }), projectRow({ Reference: 'ICT-2', Title: 'Council tax e-billing', Strand: 'Digital Business Services', Status: 'In delivery', Route: 'Buy', DPIA: 'Completed' })]),
        sheet('milestones', [{ Project: 'ICT-1', Title: 'Go live', Due: '2027-04-01' }]),
        sheet('benefits', [{ Project: 'ICT-1', 'Financial year': '2025/26', 'Realised cash saving (GBP)': 4500, Note: 'Postage and print' }]),
      ];
      const result = await importProgramme(deps(s()), input(changed));
      expect(result.kind === 'checked' && result.plan.counts.projects).toEqual({ added: 0, updated: 1, unchanged: 1 });
      const project = await s().projects.get('DP-2025-0001');
      const request = await s().requests.getByReference('DP-2025-0001');
      expect(request?.status).toBe('completed');
      expect(project?.milestones.map((m) => [m.title, m.due, m.revisions.length])).toEqual([['Go live', '2027-04-01', 1]]);
      expect(project?.realisedBenefits.map((b) => [b.financialYear, b.cashSaving, b.note])).toEqual([
        ['2025/26', null, 'Renewals at any hour'],
        ['2025/26', 4500, 'Postage and print'],
      ]);
      // The completion is recorded as a status change, as the annual report reads it.
      expect((await s().audit.listFor('request', 'DP-2025-0001')).map((e) => e.action)).toEqual(['programme.import', 'programme.import', 'project.status']);
    });

    it('imports nothing when any row has a problem', async () => {
      const bad = [WORKBOOK[0], sheet('milestones', [{ Project: 'ICT-1', Title: 'Go live', Due: 'soon' }]), WORKBOOK[2]];
      const result = await importProgramme(deps(s()), input(bad));
      expect(result.kind === 'checked' && [result.applied, result.plan.problems.length]).toEqual([false, 1]);
      expect(await s().projects.listWithRequests()).toEqual([]);
      expect(await s().programmeSheets.importKeys()).toEqual(new Map());
    });

    it('imports all or nothing: a failure half way leaves the database as it was', async () => {
      const store = s();
      let inserted = 0;
      const failing: Store = {
        ...store,
        transaction: (work) =>
          store.transaction((tx) =>
            work({
              ...tx,
              projects: {
                ...tx.projects,
                insert: async (project) => {
                  if (++inserted === 2) throw new Error('disk full');
                  await tx.projects.insert(project);
                },
              },
            }),
          ),
      };
      await expect(importProgramme(deps(failing), input(WORKBOOK))).rejects.toThrow('disk full');
      expect(await store.projects.listWithRequests()).toEqual([]);
      expect((await store.requests.listByStatus(['approved', 'in-delivery'], 0, 10)).total).toBe(0);
      expect(await store.audit.done(['programme.import'], '', '9999')).toEqual([]);
    });

    it('reads the people of every cached roster, with their email and UPN', async () => {
      expect(await s().programmeSheets.directory()).toEqual([{ aadObjectId: 'aad-lead', name: 'Lee Lead', email: 'lee.lead@council.example', userPrincipalName: 'lee.lead@council.example' }]);
    });

    it('lists the audit log between two instants, oldest first', async () => {
      const at = (t: string) => ({ at: t, actorId: null, actorName: 'x', action: 'a', subjectType: 'settings' as const, subjectId: 's', outcome: 'done' as const, before: null, after: { n: t }, detail: null });
      for (const t of ['2026-04-01T00:00:00.000Z', '2026-03-31T23:00:00.000Z', '2027-04-01T00:00:00.000Z', '2026-12-01T00:00:00.000Z']) await s().audit.record(at(t));
      const events = await s().programmeSheets.auditBetween('2026-04-01T00:00:00.000Z', '2027-04-01T00:00:00.000Z');
      expect(events.map((e) => e.at)).toEqual(['2026-04-01T00:00:00.000Z', '2026-12-01T00:00:00.000Z']);
    });
  });
}
