import type { Repositories } from '../../src/app/ports';
import { DEFAULT_RETENTION, FORMER, retentionCutoffs } from '../../src/domain/data-protection';
import { emptyTriage } from '../../src/domain/triage';
import { actionReminders, type AgendaItem, draftMinutes, endMeeting, recordOutcome, setAttendance, startMeeting } from '../../src/domain/meetings';
import { EMPTY_SETTINGS } from '../../src/domain/settings';
import { sampleMeasure } from '../support/sample-measure';
import { sampleMilestone } from '../support/sample-milestone';
import { sampleOutboxMessage } from '../support/sample-outbox-message';
import { sampleProject } from '../support/sample-project';
import { sampleRequest } from '../support/sample-request';
import { sampleRisk } from '../support/sample-risk';
import type { ContractContext } from './contract';

const NOW = new Date('2026-06-01T12:00:00.000Z');
const OLD = '2023-03-01T10:00:00.000Z';
const RECENT = '2026-05-01T10:00:00.000Z';
/** Past the six years completed projects are kept. */
const LONG_AGO = '2019-05-01T10:00:00.000Z';
const CUTOFFS = retentionCutoffs(NOW, DEFAULT_RETENTION);

const chair = { id: '29:chair', aadObjectId: 'aad-chair', name: 'Dana Chair' };
const ann = { id: '29:ann', aadObjectId: 'aad-ann', name: 'Ann Example' };
const lead = { aadObjectId: 'aad-lead', name: 'Lee Lead' };

const audit = (s: Repositories, actor: { id: string; name: string }, action: string, subjectId: string, detail: string | null = null, after: unknown = null) =>
  s.audit.record({ at: OLD, actorId: actor.id, actorName: actor.name, action, subjectType: 'request', subjectId, outcome: 'done', before: null, after, detail });

/** Retention, and one person's identity, export and erasure: inside the Store contract. */
export function dataProtectionContract({ store: s }: ContractContext): void {
  describe('data protection', () => {
    it('pseudonymises the people in records past retention, keeps what was decided, deletes old drafts and delivery logs, once', async () => {
      const declined = sampleRequest({ status: 'declined', requesterId: '29:alex', requesterName: 'Alex Requester', createdAt: OLD, updatedAt: OLD });
      const recent = sampleRequest({ status: 'declined', requesterId: '29:alex', requesterName: 'Alex Requester', createdAt: RECENT, updatedAt: RECENT });
      const completed = sampleRequest({ status: 'completed', requesterName: 'Alex Requester', createdAt: LONG_AGO, updatedAt: LONG_AGO });
      for (const r of [declined, recent, completed]) await s().requests.insert(r, ['booking']);
      await s().triage.save({
        ...emptyTriage(declined.reference),
        lastDecision: { action: 'decline', by: 'Dana Chair', at: OLD, note: 'Dana Chair: Alex Requester should re-use the library system' },
        questions: [{ question: 'Alex Requester, which system?', askedBy: 'Dana Chair', askedAt: OLD, answer: 'The old one', answeredAt: OLD }],
      });
      await audit(s(), { id: '29:alex', name: 'Alex Requester' }, 'request.submit', declined.reference, null, { title: declined.title });
      await audit(s(), chair, 'request.decline', declined.reference, 'Declined by Dana Chair');
      await audit(s(), chair, 'request.decline', recent.reference);
      const milestone = sampleMilestone({ revisions: [{ from: '2023-01-01', to: '2023-02-01', reason: 'Lee Lead was on leave', at: OLD, by: 'Lee Lead' }] });
      const measure = sampleMeasure({ figures: [{ period: '2026-Q1', value: 50, recordedAt: OLD, recordedBy: 'Lee Lead' }] });
      await s().projects.insert(sampleProject(completed.reference, { projectLead: lead, updatedAt: LONG_AGO, milestones: [milestone], measures: [measure] }));
      await s().projects.saveMilestone(completed.reference, milestone);
      await s().projects.addRealisedBenefit(completed.reference, { financialYear: '2022/23', cashSaving: 1000, note: null, measureId: null, recordedAt: OLD, recordedBy: 'Lee Lead' });
      const red = { rag: 'red' as const, reason: 'Lee Lead is off sick' };
      await s().projects.recordHealth(completed.reference, { version: 1, ratings: { overall: red, time: red, cost: { rag: 'green', reason: null }, scope: { rag: 'green', reason: null } }, setAt: OLD, setBy: 'Lee Lead', confirmed: false });
      await s().reminders.save([{ key: `${completed.reference}:business-case`, recipientId: 'aad-lead', count: 1, lastSentAt: OLD, fingerprint: 'f', snoozedUntil: null, snoozes: 0, escalatedAt: null }]);
      await s().drafts.save({ formId: 'old-draft', personId: '29:alex', values: {}, createdAt: OLD, updatedAt: OLD });
      await s().drafts.save({ formId: 'new-draft', personId: '29:alex', values: {}, createdAt: RECENT, updatedAt: RECENT });
      const sent = sampleOutboxMessage({ createdAt: OLD });
      const pending = sampleOutboxMessage({ createdAt: OLD });
      await s().outbox.enqueue(sent);
      await s().outbox.enqueue(pending);
      await s().outbox.markSent(sent.id, OLD, 'a1');

      const plan = await s().dataProtection.retentionPlan(CUTOFFS);
      expect(plan).toEqual({ closedRequests: [declined.reference], completedProjects: [completed.reference], drafts: 1, deliveryLogs: 1, meetings: [] });
      const counts = await s().dataProtection.applyRetention(plan, CUTOFFS, NOW.toISOString());
      expect(counts).toMatchObject({ requests: 2, projects: 1, triage: 1, milestones: 1, benefits: 1, measureFigures: 1, healthUpdates: 1, auditEntries: 2, reminders: 1, drafts: 1, deliveryLogs: 1 });

      // Who set a health status, and the names in its reasons, are gone; the statuses stay.
      expect((await s().projects.healthHistory(completed.reference))[0]).toMatchObject({ setBy: FORMER.projectTeam, ratings: { overall: { rag: 'red', reason: `${FORMER.projectLead} is off sick` } } });
      const kept = await s().requests.getByReference(declined.reference);
      expect(kept).toMatchObject({ status: 'declined', requesterId: '', requesterName: FORMER.requester, title: declined.title });
      expect(await s().triage.get(declined.reference)).toMatchObject({
        lastDecision: { action: 'decline', by: FORMER.dsgMember, note: `${FORMER.dsgMember}: ${FORMER.requester} should re-use the library system` },
        questions: [{ question: `${FORMER.requester}, which system?`, askedBy: FORMER.dsgMember, answer: 'The old one' }],
      });
      const trail = await s().audit.listFor('request', declined.reference);
      expect(trail.map((e) => [e.action, e.actorId, e.actorName, e.detail])).toEqual([
        ['request.submit', null, FORMER.requester, null],
        ['request.decline', null, FORMER.dsgMember, `Declined by ${FORMER.dsgMember}`],
      ]);
      const project = await s().projects.get(completed.reference);
      expect(project).toMatchObject({ projectLead: { aadObjectId: '', name: FORMER.projectLead }, digitalLeader: { aadObjectId: '', name: FORMER.digitalLeader }, projectManager: null });
      expect(project?.milestones[0].revisions[0]).toMatchObject({ by: FORMER.projectTeam, reason: `${FORMER.projectLead} was on leave` });
      expect(project?.realisedBenefits[0]).toMatchObject({ recordedBy: FORMER.projectTeam, cashSaving: 1000 });
      expect(project?.measures[0].figures[0]).toMatchObject({ recordedBy: FORMER.projectTeam, value: 50 });
      expect(await s().reminders.all()).toEqual([]);
      // The recent one is untouched; drafts and messages still needed stay.
      expect(await s().requests.getByReference(recent.reference)).toMatchObject({ requesterName: 'Alex Requester' });
      expect((await s().audit.listFor('request', recent.reference))[0]).toMatchObject({ actorName: 'Dana Chair' });
      expect(await s().drafts.get('new-draft')).not.toBeNull();
      expect(await s().drafts.get('old-draft')).toBeNull();
      expect(await s().outbox.get(pending.key)).not.toBeNull();
      expect(await s().outbox.get(sent.key)).toBeNull();

      expect(await s().dataProtection.retentionPlan(CUTOFFS)).toEqual({ closedRequests: [], completedProjects: [], drafts: 0, deliveryLogs: 0, meetings: [] });
    });

    it('finds a person by email or UPN (people or the DSG roster), exports what is held about them, erases it, and finds nothing after', async () => {
      await s().people.upsert({ ...ann, tenantId: 't', conversationRef: { user: { id: ann.id } }, reachable: true, updatedAt: RECENT });
      await s().dataProtection.rememberAddress(ann.id, 'Ann.Example@Council.Example', 'ann@council.example');
      await s().roster.put('team-1', [{ id: '29:bob', aadObjectId: 'aad-bob', name: 'Bob Member', email: 'Bob@Council.Example', userPrincipalName: 'bob@council.example' }, { ...ann }], RECENT);
      await s().conversations.upsert({ id: 'a:ann-chat', kind: 'personal', tenantId: 't', teamId: null, name: null, reference: { user: { id: ann.id }, conversation: { id: 'a:ann-chat' } }, installed: true, updatedAt: RECENT });
      const mine = sampleRequest({ requesterId: ann.id, requesterName: ann.name });
      const decided = sampleRequest({ status: 'approved' });
      const done = sampleRequest({ status: 'completed' });
      for (const r of [mine, decided, done]) await s().requests.insert(r, ['x']);
      await s().triage.save({ ...emptyTriage(decided.reference), lastDecision: { action: 'approve', by: ann.name, at: RECENT, note: null } });
      const figure = { period: '2026-Q1', value: 50, recordedAt: RECENT, recordedBy: ann.name };
      await s().projects.insert(sampleProject(decided.reference, { projectManager: { aadObjectId: ann.aadObjectId, name: ann.name }, measures: [sampleMeasure({ id: 'ann-measure', figures: [figure, { ...figure, period: '2026-Q2', value: 60, recordedBy: 'Lee Lead' }] })] }));
      await s().projects.insert(sampleProject(done.reference, { digitalLeader: { aadObjectId: ann.aadObjectId, name: ann.name } }));
      const green = { rag: 'green' as const, reason: null };
      await s().projects.recordHealth(decided.reference, { version: 1, ratings: { overall: green, time: green, cost: green, scope: green }, setAt: RECENT, setBy: ann.name, confirmed: false });
      await s().settings.save({ ...EMPTY_SETTINGS, chair: { aadObjectId: ann.aadObjectId, name: ann.name }, leaders: { customers: { aadObjectId: ann.aadObjectId, name: ann.name }, estates: lead } }, 0);
      await s().drafts.save({ formId: 'ann-draft', personId: ann.id, values: {}, createdAt: RECENT, updatedAt: RECENT });
      await audit(s(), ann, 'request.approve', decided.reference);
      await s().reminders.save([{ key: `${decided.reference}:plan`, recipientId: ann.id, count: 2, lastSentAt: RECENT, fingerprint: 'f', snoozedUntil: '2026-06-08', snoozes: 1, escalatedAt: null }]);
      await s().outbox.enqueue(sampleOutboxMessage({ target: { kind: 'conversation', reference: { user: { id: ann.id } }, newThread: false, personId: ann.id } }));

      expect(await s().dataProtection.findIdentity({ email: 'nobody@council.example' })).toBeNull();
      expect(await s().dataProtection.findIdentity({ email: 'bob@council.example' })).toMatchObject({ teamsIds: ['29:bob'], aadObjectIds: ['aad-bob'], names: ['Bob Member'] });
      const who = await s().dataProtection.findIdentity({ email: 'ann.example@council.example' });
      expect(who).toMatchObject({ teamsIds: [ann.id], aadObjectIds: [ann.aadObjectId], names: [ann.name], emails: ['ann.example@council.example'], upns: ['ann@council.example'] });
      expect(await s().dataProtection.findIdentity({ email: 'ANN@council.example' })).toEqual(who);
      expect(await s().dataProtection.findIdentity({ aadObjectId: ann.aadObjectId })).toEqual(who);

      const held = await s().dataProtection.personalData(who!);
      expect(held.people).toHaveLength(1);
      expect(held.conversations).toHaveLength(1);
      expect(held.requests.map((r) => r.reference)).toEqual([mine.reference]);
      expect(held.drafts).toHaveLength(1);
      expect(held.triage).toEqual([{ reference: decided.reference, decisions: [expect.objectContaining({ action: 'approve', by: ann.name })], questions: [] }]);
      expect(held.roles).toEqual(
        expect.arrayContaining([
          { role: 'DSG chair', where: 'DSG settings' },
          { role: 'Digital Leader', where: 'strand customers' },
          { role: 'Project Manager', where: `project ${decided.reference}` },
          { role: 'Digital Leader', where: `project ${done.reference}` },
          { role: 'DSG member (member of the DSG team)', where: 'team team-1' },
        ]),
      );
      expect(held.reminders).toEqual([expect.objectContaining({ recipient_id: ann.id, snoozes: 1 })]);
      expect(held.messages).toHaveLength(1);
      expect(held.auditEntries.map((e) => e.action)).toEqual(['request.approve']);
      // What they recorded in measures: each figure, with its measure and project; nothing of others' figures.
      expect(held.projectRecords.filter((r) => r.kind === 'measure figure recorded')).toEqual([
        expect.objectContaining({ reference: decided.reference, measure: sampleMeasure().name, period: '2026-Q1', value: 50, recorded_by: ann.name }),
      ]);

      expect(held.projectRecords.filter((r) => r.kind === 'health status set')).toEqual([expect.objectContaining({ reference: decided.reference, version: 1, overall: 'green', set_by: ann.name })]);

      const counts = await s().dataProtection.erase(who!, NOW.toISOString());
      expect((await s().projects.get(decided.reference))?.health).toMatchObject({ setBy: FORMER.projectTeam });
      expect(counts).toMatchObject({ people: 1, conversations: 1, requests: 1, drafts: 1, triage: 1, projects: 2, settings: 1, measureFigures: 1, healthUpdates: 1, auditEntries: 1, reminders: 1, messages: 1, rosters: 1 });
      expect((await s().projects.get(decided.reference))?.measures[0].figures[0]).toMatchObject({ recordedBy: FORMER.projectTeam, value: 50 });
      expect(await s().dataProtection.findIdentity({ email: 'ann.example@council.example' })).toBeNull();
      expect(await s().requests.getByReference(mine.reference)).toMatchObject({ requesterId: '', requesterName: FORMER.requester });
      expect((await s().triage.get(decided.reference))?.lastDecision).toMatchObject({ action: 'approve', by: FORMER.dsgMember });
      expect((await s().projects.get(decided.reference))?.projectManager).toBeNull();
      expect((await s().projects.get(done.reference))?.digitalLeader).toEqual({ aadObjectId: '', name: FORMER.digitalLeader });
      expect(await s().settings.get()).toMatchObject({ chair: null, leaders: { estates: lead } });
      expect((await s().audit.listFor('request', decided.reference))[0]).toMatchObject({ actorId: null, actorName: FORMER.dsgMember });
      expect((await s().roster.get('team-1'))?.members.map((m) => m.name)).toEqual(['Bob Member']);
      expect(await s().dataProtection.erase(who!, NOW.toISOString())).toEqual({});
    });

    describe('stage gates', () => {
      const gate = (reference: string, requestedBy: { aadObjectId: string; name: string }, decidedBy: { aadObjectId: string; name: string }, owner: { aadObjectId: string; name: string }) => ({
        id: `g-${reference}`,
        reference,
        from: 'alpha',
        to: 'beta',
        evidence: { users: 'https://council.example/research' },
        note: `${requestedBy.name} tested it with residents`,
        requestedBy,
        requestedAt: OLD,
        decision: { outcome: 'pass-with-conditions' as const, note: `Thanks, ${requestedBy.name}`, by: decidedBy, at: OLD, meetingId: null },
        conditions: [{ id: `c-${reference}`, gateId: `g-${reference}`, reference, what: `${owner.name} publishes the statement`, owner, due: '2026-07-01', doneAt: OLD, doneBy: owner.name }],
        version: 2,
      });
      const record = async (g: ReturnType<typeof gate>) => {
        await s().gates.insertRequest({ ...g, decision: null, conditions: [], version: 1 });
        await s().gates.updateRequest(g, 1);
      };

      it("exports the gates a person asked for and decided and the conditions they own; erasure leaves each role", async () => {
        await s().people.upsert({ ...ann, tenantId: 't', conversationRef: null, reachable: true, updatedAt: RECENT });
        await record(gate('DP-2026-0001', { aadObjectId: ann.aadObjectId, name: ann.name }, { aadObjectId: chair.aadObjectId, name: chair.name }, lead));
        await record(gate('DP-2026-0002', lead, { aadObjectId: ann.aadObjectId, name: ann.name }, { aadObjectId: ann.aadObjectId, name: ann.name }));
        const who = (await s().dataProtection.findIdentity({ aadObjectId: ann.aadObjectId }))!;
        const held = await s().dataProtection.personalData(who);
        expect(held.projectRecords.filter((r) => String(r.kind).includes('gate')).map((r) => [r.kind, r.reference])).toEqual([
          ['stage gate asked for', 'DP-2026-0001'],
          ['stage gate decided', 'DP-2026-0002'],
          ['gate condition owned', 'DP-2026-0002'],
        ]);

        expect(await s().dataProtection.erase(who, NOW.toISOString())).toMatchObject({ gates: 2, gateConditions: 1 });
        const [asked, decided] = [await s().gates.getRequest('g-DP-2026-0001'), await s().gates.getRequest('g-DP-2026-0002')];
        expect(asked).toMatchObject({ requestedBy: { aadObjectId: '', name: FORMER.projectLead }, note: `${FORMER.colleague} tested it with residents`, decision: { by: { name: chair.name } } });
        expect(asked!.conditions[0]).toMatchObject({ owner: lead, what: `${lead.name} publishes the statement` });
        expect(decided).toMatchObject({ requestedBy: lead, decision: { by: { aadObjectId: '', name: FORMER.dsgMember } } });
        expect(decided!.conditions[0]).toMatchObject({ owner: { aadObjectId: '', name: FORMER.actionOwner }, what: `${FORMER.colleague} publishes the statement`, doneBy: FORMER.actionOwner });
      });

      it('retention takes everyone out of the gates of a project past retention', async () => {
        const completed = sampleRequest({ status: 'completed', requesterName: 'Alex Requester', createdAt: LONG_AGO, updatedAt: LONG_AGO });
        await s().requests.insert(completed, ['booking']);
        await s().projects.insert(sampleProject(completed.reference, { projectLead: lead, updatedAt: LONG_AGO }));
        await record(gate(completed.reference, lead, { aadObjectId: chair.aadObjectId, name: chair.name }, lead));
        const plan = await s().dataProtection.retentionPlan(CUTOFFS);
        expect(await s().dataProtection.applyRetention(plan, CUTOFFS, NOW.toISOString())).toMatchObject({ gates: 1, gateConditions: 1 });
        const g = await s().gates.getRequest(`g-${completed.reference}`);
        expect(JSON.stringify(g)).not.toMatch(/Lee Lead|Dana Chair|aad-lead|aad-chair/);
        expect(g).toMatchObject({ requestedBy: { name: FORMER.projectLead }, decision: { outcome: 'pass-with-conditions', by: { name: FORMER.dsgMember } } });
        expect(g!.conditions[0]).toMatchObject({ owner: { aadObjectId: '', name: FORMER.actionOwner }, what: `${FORMER.projectLead} publishes the statement` });
      });
    });

    it('exports the risks and issues a person owns or added, erases them to roles at a new version, and retention does the same for a completed project', async () => {
      await s().people.upsert({ ...ann, tenantId: 't', conversationRef: null, reachable: true, updatedAt: RECENT });
      const live = sampleRequest({ status: 'in-delivery' });
      const completed = sampleRequest({ status: 'completed', createdAt: LONG_AGO, updatedAt: LONG_AGO });
      for (const r of [live, completed]) await s().requests.insert(r, ['x']);
      await s().projects.insert(sampleProject(live.reference));
      await s().projects.insert(sampleProject(completed.reference, { projectLead: lead, updatedAt: LONG_AGO }));
      const owned = sampleRisk({ id: 'owned', reference: live.reference, owner: { aadObjectId: ann.aadObjectId, name: ann.name }, mitigation: `${ann.name} calls the supplier weekly` });
      const added = sampleRisk({ id: 'added', reference: live.reference, createdBy: ann.name, lastChange: { what: 'added', by: ann.name, at: RECENT } });
      const others = sampleRisk({ id: 'others', reference: live.reference });
      const old = sampleRisk({ id: 'old', reference: completed.reference, owner: lead, createdBy: 'Lee Lead', description: 'Lee Lead may leave', lastChange: { what: 'added', by: 'Lee Lead', at: OLD } });
      for (const r of [owned, added, others, old]) await s().risks.insert(r);

      const who = (await s().dataProtection.findIdentity({ aadObjectId: ann.aadObjectId }))!;
      const held = await s().dataProtection.personalData(who);
      expect(held.projectRecords.filter((r) => String(r.kind).startsWith('risk')).map((r) => [r.kind, r.id])).toEqual([
        ['risk or issue owned', 'owned'],
        ['risk or issue added or changed', 'added'],
      ]);

      expect(await s().dataProtection.erase(who, NOW.toISOString())).toMatchObject({ risks: 2 });
      expect(await s().risks.get('owned')).toMatchObject({ owner: { aadObjectId: '', name: FORMER.riskOwner }, mitigation: `${FORMER.colleague} calls the supplier weekly`, version: 2 });
      expect(await s().risks.get('added')).toMatchObject({ createdBy: FORMER.projectTeam, lastChange: { by: FORMER.projectTeam }, version: 2 });
      expect(await s().risks.get('others')).toEqual(others);

      const plan = await s().dataProtection.retentionPlan(CUTOFFS);
      expect(plan.completedProjects).toEqual([completed.reference]);
      expect(await s().dataProtection.applyRetention(plan, CUTOFFS, NOW.toISOString())).toMatchObject({ risks: 1 });
      expect(await s().risks.get('old')).toMatchObject({ owner: { aadObjectId: '', name: FORMER.riskOwner }, createdBy: FORMER.projectTeam, description: `${FORMER.projectLead} may leave`, lastChange: { by: FORMER.projectTeam } });
    });

    describe('DSG meetings', () => {
      const agenda: AgendaItem[] = [
        { id: 'added:a1', source: 'added', reference: null, title: 'Ann Example: the website', detail: 'Added by Ann Example', addedBy: 'Ann Example' },
        { id: 'awaiting-decision:DP-2026-0001', source: 'awaiting-decision', reference: 'DP-2026-0001', title: 'Booking', detail: 'Submitted', addedBy: null },
      ];
      /** A meeting Ann attended, where she recorded a note, owns an action and had added an item; Dana chaired. */
      async function heldMeeting(id: string, date: string, at: string) {
        let m = startMeeting(id, date, '10:00', agenda, 'Dana Chair', at);
        m = setAttendance(m, [{ aadObjectId: chair.aadObjectId, name: chair.name }, { aadObjectId: ann.aadObjectId, name: ann.name }], [{ aadObjectId: 'aad-bob', name: 'Bob Member' }], at);
        m = recordOutcome(m, 'added:a1', { kind: 'noted', note: 'Ann Example to report back', by: ann.name, at }, at);
        m = endMeeting({ ...m, notes: 'Dana Chair thanked Ann Example.' }, at);
        await s().meetings.insert(m);
        await s().meetings.addAddition({ id: `add-${id}`, reference: null, text: 'Ann Example: the website', addedById: ann.id, addedByName: ann.name, addedAt: at, meetingId: null });
        await s().meetings.takeAdditions([`add-${id}`], id);
        await s().meetings.addAction({ id: `act-${id}`, meetingId: id, itemId: 'added:a1', reference: null, what: 'Ann Example to draft the brief', owner: { aadObjectId: ann.aadObjectId, name: ann.name }, due: date, createdAt: at, createdBy: chair.name, doneAt: null, doneBy: null });
        await s().audit.record({ at, actorId: chair.id, actorName: chair.name, action: 'meeting.start', subjectType: 'meeting', subjectId: date, outcome: 'done', before: null, after: null, detail: null });
        return m;
      }

      it('exports a person\'s attendance, what they recorded, actions they own and items they added; erasure leaves a role in the minutes', async () => {
        await s().people.upsert({ ...ann, tenantId: 't', conversationRef: { user: { id: ann.id } }, reachable: true, updatedAt: RECENT });
        await s().dataProtection.rememberAddress(ann.id, 'ann@council.example', null);
        const m = await heldMeeting('m1', '2026-05-14', RECENT);
        await s().meetings.saveAgendaPlan({ order: ['added:a1'], removed: [], version: 0, lastChange: { what: 'moved "Ann Example: the website" up to number 1', by: ann.name, at: RECENT } }, 0);
        const who = (await s().dataProtection.findIdentity({ email: 'ann@council.example' }))!;
        const held = await s().dataProtection.personalData(who);
        expect(held.meetings.map((r) => r.kind)).toEqual(['attended', 'outcome recorded', 'named in the minutes notes', 'action owned', 'agenda item added', 'arranged the next agenda']);
        expect(held.meetings[3]).toMatchObject({ meeting: '2026-05-14', what: 'Ann Example to draft the brief' });

        const counts = await s().dataProtection.erase(who, NOW.toISOString());
        expect(counts).toMatchObject({ meetings: 1, meetingActions: 1, agendaAdditions: 1, agendaPlan: 1 });
        expect((await s().meetings.agendaPlan()).lastChange).toEqual({ what: `moved "${FORMER.colleague}: the website" up to number 1`, by: FORMER.dsgMember, at: RECENT });
        const after = (await s().meetings.get('m1'))!;
        expect(after.attendees).toEqual([{ aadObjectId: chair.aadObjectId, name: chair.name }, { aadObjectId: '', name: FORMER.dsgMember }]);
        expect(after.notes).toBe(`Dana Chair thanked ${FORMER.colleague}.`);
        expect(after.version).toBe(m.version + 1);
        const minutes = draftMinutes(after, await s().meetings.actionsOf('m1'));
        expect(minutes.items[0].outcome).toBe(`Noted (${FORMER.dsgMember}): ${FORMER.colleague} to report back`);
        expect(minutes.actions).toEqual([{ what: `${FORMER.colleague} to draft the brief`, owner: FORMER.actionOwner, due: '2026-05-14', done: false }]);
        expect(JSON.stringify([after, minutes, await s().meetings.openActions()])).not.toContain('Ann');
        // No one to remind about the action any more; the agenda still lists it.
        expect(actionReminders(await s().meetings.openActions(), '2026-05-01', 7)).toEqual([]);
        expect(await s().dataProtection.erase(who, NOW.toISOString())).toEqual({});
      });

      it('retention takes everyone out of meetings held before the cutoff, once, and leaves later meetings alone', async () => {
        await heldMeeting('old', '2019-05-01', LONG_AGO);
        await heldMeeting('new', '2026-05-14', RECENT);
        const plan = await s().dataProtection.retentionPlan(CUTOFFS);
        expect(plan.meetings).toEqual(['2019-05-01']);
        const counts = await s().dataProtection.applyRetention(plan, CUTOFFS, NOW.toISOString());
        expect(counts).toMatchObject({ meetings: 1, meetingActions: 1, agendaAdditions: 1, meetingAuditEntries: 1 });
        const old = (await s().meetings.get('old'))!;
        expect(old.attendees.concat(old.apologies).map((p) => p.name)).toEqual([FORMER.dsgMember, FORMER.dsgMember, FORMER.dsgMember]);
        expect(old.notes).toBe(`${FORMER.dsgMember} thanked ${FORMER.dsgMember}.`);
        expect((await s().meetings.actionsOf('old'))[0]).toMatchObject({ owner: { aadObjectId: '', name: FORMER.actionOwner }, createdBy: FORMER.dsgMember });
        expect((await s().audit.listFor('meeting', '2019-05-01'))[0]).toMatchObject({ actorId: null, actorName: FORMER.dsgMember });
        expect(draftMinutes(old, []).items[0].outcome).toMatch(/^Noted/);
        expect((await s().meetings.get('new'))!.attendees.map((p) => p.name)).toEqual([chair.name, ann.name]);
        expect((await s().meetings.actionsOf('new'))[0].owner.name).toBe(ann.name);
        expect((await s().dataProtection.retentionPlan(CUTOFFS)).meetings).toEqual([]);
      });
    });
  });
}
