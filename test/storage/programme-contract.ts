import type { Store } from '../../src/app/ports';
import type { Project } from '../../src/domain/project';
import { type DsgSettings, EMPTY_SETTINGS } from '../../src/domain/settings';
import { emptyTriage, type Triage } from '../../src/domain/triage';
import { sampleMilestone } from '../support/sample-milestone';
import { sampleProject } from '../support/sample-project';
import { sampleRequest } from '../support/sample-request';
import type { ContractContext } from './contract';

const settings = (overrides: Partial<DsgSettings> = {}): DsgSettings => ({
  channel: { conversationId: '19:dsg@thread.tacv2', teamId: '19:team@thread.tacv2', name: 'DSG', reference: { conversation: { id: '19:dsg@thread.tacv2' } } },
  chair: { aadObjectId: 'aad-chair', name: 'Chris Chair' },
  minuteTaker: null,
  leaders: { customers: { aadObjectId: 'aad-leader', name: 'Dana Leader' } },
  meetings: [{ date: '2026-12-10', startTime: '10:00', place: null }, { date: '2027-01-14', startTime: '10:00', place: null }],
  version: 0,
  updatedAt: '2026-12-01T09:00:00.000Z',
  ...overrides,
});

/** Stores a request (the parent row a triage record or project needs) and returns its reference. */
async function storedRequest(store: Store, overrides: Parameters<typeof sampleRequest>[0] = {}): Promise<string> {
  const request = sampleRequest({ status: 'approved', ...overrides });
  await store.requests.insert(request, []);
  return request.reference;
}

const foreignKey = { message: expect.stringMatching(/foreign key/i) };

/** Settings, roster cache, triage records and projects: registered inside the Store contract. */
export function programmeContract({ store: s, database }: ContractContext): void {
  describe('settings', () => {
    it('reads EMPTY_SETTINGS before the first save', async () => {
      expect(await s().settings.get()).toEqual(EMPTY_SETTINGS);
    });

    it('saves with the next version only while the stored version is the expected one', async () => {
      expect(await s().settings.save(settings(), 0)).toBe(true);
      expect(await s().settings.get()).toEqual(settings({ version: 1 }));

      expect(await s().settings.save(settings({ chair: null }), 0)).toBe(false); // a second "first" save
      const second = settings({ channel: null, chair: null, leaders: {}, meetings: [], updatedAt: '2026-12-02T09:00:00.000Z' });
      expect(await s().settings.save(second, 1)).toBe(true);
      expect(await s().settings.get()).toEqual({ ...second, version: 2 });

      expect(await s().settings.save(settings(), 1)).toBe(false); // stale
      expect(await s().settings.save(settings(), 5)).toBe(false); // from the future
      expect(await s().settings.get()).toEqual({ ...second, version: 2 });
    });

    it('lets exactly one of two concurrent first saves (from two stores) win', async () => {
      const other = await database().open();
      try {
        const a = settings({ meetings: [{ date: '2026-12-10', startTime: '10:00', place: null }] });
        const b = settings({ meetings: [{ date: '2026-12-17', startTime: '10:00', place: null }] });
        const results = await Promise.all([s().settings.save(a, 0), other.settings.save(b, 0)]);
        expect([...results].sort()).toEqual([false, true]);
        const winner = results[0] ? a : b;
        expect(await s().settings.get()).toEqual({ ...winner, version: 1 });
        expect(await other.settings.get()).toEqual({ ...winner, version: 1 });
      } finally {
        await other.close();
      }
    });
  });

  describe('roster cache', () => {
    it('stores, replaces and reads back a team’s members; an unknown team is null', async () => {
      const members = [
        { id: '29:a', aadObjectId: 'aad-a', name: 'Ann' },
        { id: '29:b', aadObjectId: 'aad-b', name: 'Bo ünïcode' },
      ];
      expect(await s().roster.get('19:team')).toBeNull();
      await s().roster.put('19:team', members, '2026-12-01T09:00:00.000Z');
      expect(await s().roster.get('19:team')).toEqual({ members, fetchedAt: '2026-12-01T09:00:00.000Z' });
      await s().roster.put('19:team', [], '2026-12-01T10:00:00.000Z');
      expect(await s().roster.get('19:team')).toEqual({ members: [], fetchedAt: '2026-12-01T10:00:00.000Z' });
    });
  });

  describe('triage', () => {
    it('saves, replaces and reads back a request’s triage record; an unknown reference is null', async () => {
      const reference = await storedRequest(s());
      expect(await s().triage.get(reference)).toBeNull();
      await s().triage.save(emptyTriage(reference));
      expect(await s().triage.get(reference)).toEqual(emptyTriage(reference));

      const full: Triage = {
        reference,
        post: { conversationId: '19:dsg@thread.tacv2;messageid=1700', activityId: '1700' },
        lastDecision: { action: 'ask', by: 'Chris Chair', at: '2026-12-02T10:00:00.000Z', note: 'Which venues?' },
        duplicateOf: 'DP-2026-0001',
        questions: [
          { question: 'Which venues?', askedBy: 'Chris Chair', askedAt: '2026-12-02T10:00:00.000Z', answer: 'All six', answeredAt: '2026-12-03T08:00:00.000Z' },
          { question: 'Who pays — “quotes”?', askedBy: 'Chris Chair', askedAt: '2026-12-03T10:00:00.000Z', answer: null, answeredAt: null },
        ],
      };
      await s().triage.save(full);
      expect(await s().triage.get(reference)).toEqual({ ...full, post: null });
      await s().triage.setPost(reference, full.post!);
      expect(await s().triage.get(reference)).toEqual(full);
    });

    it('keeps the post and the decisions apart, so neither write loses the other', async () => {
      const reference = await storedRequest(s());
      const post = { conversationId: '19:dsg@thread.tacv2;messageid=9', activityId: '9' };
      await s().triage.setPost(reference, post);
      await s().triage.save({ ...emptyTriage(reference), duplicateOf: 'DP-2026-0001' });
      expect(await s().triage.get(reference)).toMatchObject({ post, duplicateOf: 'DP-2026-0001' });
      await s().triage.setPost(reference, { ...post, activityId: '10' });
      expect(await s().triage.get(reference)).toMatchObject({ post: { activityId: '10' }, duplicateOf: 'DP-2026-0001' });
    });

    it('refuses a triage record for a request that does not exist', async () => {
      await expect(s().triage.save(emptyTriage('DP-2026-9999'))).rejects.toMatchObject(foreignKey);
    });
  });

  describe('projects', () => {
    const revision = { from: '2027-01-31', to: '2027-02-28', reason: 'Supplier delay', at: '2026-12-20T09:00:00.000Z', by: 'Pat Manager' };

    it('stores a project with its milestones, revisions and realised benefits, and reads them back in order', async () => {
      const reference = await storedRequest(s());
      const late = sampleMilestone({ title: 'Go live', due: '2027-03-31' });
      const early = sampleMilestone({ title: 'Supplier chosen', due: '2027-01-15', status: 'done', completedOn: '2027-01-10' });
      const revised = sampleMilestone({ title: 'Pilot', due: '2027-02-28', revisions: [revision] });
      const sameDayB = sampleMilestone({ title: 'B training', due: '2027-02-28', status: 'missed' });
      const project = sampleProject(reference, {
        projectLead: { aadObjectId: 'aad-lead', name: 'Lee Lead' },
        projectManager: { aadObjectId: 'aad-pm', name: 'Pat Manager' },
        businessCase: { status: 'approved', link: 'https://council.sharepoint.example/bc.docx', date: '2026-12-15' },
        planLink: 'https://council.sharepoint.example/plan.xlsx',
        resourcing: { confirmed: true, note: null },
        dpia: null,
        plannedBenefits: { annualCash: null, nonCash: null },
        milestones: [late, revised, early, sameDayB],
      });
      await s().projects.insert(project);

      const benefits = [
        { financialYear: '2027/28', cashSaving: 4000, note: null, measureId: null, recordedAt: '2028-04-02T09:00:00.000Z', recordedBy: 'Pat Manager' },
        { financialYear: '2026/27', cashSaving: 1500, note: 'First quarter — ünïcode', measureId: null, recordedAt: '2027-04-01T09:00:00.000Z', recordedBy: 'Pat Manager' },
        { financialYear: '2026/27', cashSaving: 0, note: 'Correction', measureId: null, recordedAt: '2027-04-03T09:00:00.000Z', recordedBy: 'Dana Leader' },
        // Not cash (no saving, not a saving of £0), shown by a measure.
        { financialYear: '2026/27', cashSaving: null, note: 'Crews get their lists the same day', measureId: 'measure-1', recordedAt: '2027-04-04T09:00:00.000Z', recordedBy: 'Dana Leader' },
      ];
      for (const b of benefits) await s().projects.addRealisedBenefit(reference, b);

      expect(await s().projects.get(reference)).toEqual({
        ...project,
        milestones: [early, sameDayB, revised, late], // due date, then title
        realisedBenefits: [benefits[1], benefits[2], benefits[3], benefits[0]], // financial year, then recording order
      });
      expect(await s().projects.get('DP-2026-9999')).toBeNull();
    });

    it('refuses a project for a request that does not exist, and a second project for the same request', async () => {
      await expect(s().projects.insert(sampleProject('DP-2026-9999'))).rejects.toMatchObject(foreignKey);
      const reference = await storedRequest(s());
      await s().projects.insert(sampleProject(reference));
      await expect(s().projects.insert(sampleProject(reference))).rejects.toMatchObject({ message: expect.stringMatching(/unique|duplicate/i) });
    });

    it('updates the project’s own fields when the version matches, leaves milestones alone, and refuses a stale version', async () => {
      const reference = await storedRequest(s());
      const milestone = sampleMilestone();
      const original = sampleProject(reference, { milestones: [milestone] });
      await s().projects.insert(original);

      const changed: Project = {
        ...original,
        priority: 'low',
        isPriority: false,
        digitalLeader: null,
        projectLead: { aadObjectId: 'aad-lead', name: 'Lee Lead' },
        businessCase: { status: 'submitted', link: null, date: '2027-01-05' },
        planLink: 'https://council.sharepoint.example/plan.xlsx',
        resourcing: { confirmed: true, note: null },
        dpia: 'completed',
        plannedBenefits: { annualCash: 0, nonCash: 'Happier residents' },
        milestones: [], // not the project's own field: ignored by update
        version: 2,
        updatedAt: '2026-12-05T10:00:00.000Z',
      };
      expect(await s().projects.update(changed, 1)).toBe(true);
      expect(await s().projects.get(reference)).toEqual({ ...changed, milestones: [milestone] });

      expect(await s().projects.update({ ...original, version: 2, priority: 'medium' }, 1)).toBe(false);
      expect(await s().projects.get(reference)).toEqual({ ...changed, milestones: [milestone] });
      expect(await s().projects.update(sampleProject('DP-2026-9999', { version: 2 }), 1)).toBe(false);
    });

    it('adds a milestone, and replaces one by id keeping its place among equals', async () => {
      const reference = await storedRequest(s());
      const first = sampleMilestone({ title: 'Same', due: '2027-02-01' });
      await s().projects.insert(sampleProject(reference, { milestones: [first] }));

      const second = sampleMilestone({ title: 'Same', due: '2027-02-01' });
      const earlier = sampleMilestone({ title: 'Kick-off', due: '2027-01-01' });
      await s().projects.saveMilestone(reference, second);
      await s().projects.saveMilestone(reference, earlier);
      expect((await s().projects.get(reference))?.milestones).toEqual([earlier, first, second]);

      const done = { ...first, status: 'done' as const, completedOn: '2027-01-30', revisions: [revision] };
      await s().projects.saveMilestone(reference, done);
      expect((await s().projects.get(reference))?.milestones).toEqual([earlier, done, second]);

      const moved = { ...earlier, due: '2027-06-01', revisions: [{ ...revision, from: '2027-01-01', to: '2027-06-01' }] };
      await s().projects.saveMilestone(reference, moved);
      expect((await s().projects.get(reference))?.milestones).toEqual([done, second, moved]);

      const dropped = { ...second, status: 'dropped' as const, dropReason: 'Budget moved to the new depot' };
      await s().projects.saveMilestone(reference, dropped);
      expect((await s().projects.get(reference))?.milestones).toEqual([done, dropped, moved]);

      await expect(s().projects.saveMilestone('DP-2026-9999', sampleMilestone())).rejects.toMatchObject(foreignKey);
    });

    it('lists every project with its request, milestones and benefits, and nothing else', async () => {
      expect(await s().projects.listWithRequests()).toEqual([]);

      const requests = [
        sampleRequest({ status: 'approved', title: 'First' }),
        sampleRequest({ status: 'in-delivery', title: 'Second', personalData: false, oneOffCost: null }),
        sampleRequest({ status: 'completed', title: 'Third' }),
      ];
      const notAProject = sampleRequest({ title: 'Still under review', status: 'under-review' });
      for (const r of [...requests, notAProject]) await s().requests.insert(r, []);

      const projects = requests.map((r, i) =>
        sampleProject(r.reference, {
          priority: (['high', 'medium', 'low'] as const)[i],
          milestones: Array.from({ length: i + 1 }, (_, m) => sampleMilestone({ title: `M${m}`, due: `2027-0${m + 1}-01` })),
        }),
      );
      for (const p of projects) await s().projects.insert(p);
      const benefit = { financialYear: '2026/27', cashSaving: 500, note: null, measureId: null, recordedAt: '2027-04-01T09:00:00.000Z', recordedBy: 'Pat Manager' };
      await s().projects.addRealisedBenefit(requests[1].reference, benefit);

      const listed = await s().projects.listWithRequests();
      const byReference = new Map(listed.map((l) => [l.project.reference, l]));
      expect(listed).toHaveLength(3);
      expect(byReference.get(requests[0].reference)).toEqual({ project: projects[0], request: requests[0] });
      expect(byReference.get(requests[1].reference)).toEqual({ project: { ...projects[1], realisedBenefits: [benefit] }, request: requests[1] });
      expect(byReference.get(requests[2].reference)).toEqual({ project: projects[2], request: requests[2] });

      // The same projects named by their requests' headlines, and nothing more of the request.
      const headlines = await s().projects.listWithHeadlines();
      expect(headlines).toEqual(
        [...listed]
          .sort((a, b) => (a.project.reference < b.project.reference ? -1 : 1))
          .map(({ project, request }) => ({ project, request: { reference: request.reference, title: request.title, status: request.status, strand: request.strand } })),
      );
    });

    it('lists hundreds of projects, each with only its own milestones', async () => {
      const count = 300;
      await s().transaction(async (tx) => {
        for (let i = 0; i < count; i++) {
          const request = sampleRequest({ status: 'approved', title: `Project ${i}` });
          await tx.requests.insert(request, []);
          const milestones = Array.from({ length: 5 }, (_, m) => sampleMilestone({ title: `${request.reference} step ${m}`, due: `2027-0${m + 1}-01` }));
          await tx.projects.insert(sampleProject(request.reference, { milestones }));
        }
      });
      const listed = await s().projects.listWithRequests();
      expect(listed).toHaveLength(count);
      for (const { project, request } of listed) {
        expect(request.reference).toBe(project.reference);
        expect(project.milestones.map((m) => m.title)).toEqual([0, 1, 2, 3, 4].map((m) => `${project.reference} step ${m}`));
      }
    });
  });
}
