import { PRINCIPLE_IDS, ROUTES_NEEDING_JUSTIFICATION, STRAND_IDS } from '../../src/domain/catalogue';
import { lastClosedPeriod, measureStatus } from '../../src/domain/measures';
import { BUSINESS_CASE_STATUSES, isOverdue, whatIsMissing } from '../../src/domain/project';
import { REFERENCE_PATTERN, REQUEST_STATUSES, type RequestStatus } from '../../src/domain/request';
import { validateRequestForm, formValuesOf } from '../../src/domain/request-form';
import { dayFrom, type DemoProgramme, demoProgramme, nextMeetings, summarise } from '../../src/demo/programme';
import { DEMO_PEOPLE } from '../../src/demo/people';
import { MOCK_USERS } from '../../src/playground/mock-tenant';

const TODAY = '2026-11-27';
const programme = demoProgramme(TODAY);
const { records } = programme;
const byKey = (key: string) => {
  const record = records.find((r) => r.key === key);
  if (!record) throw new Error(`no demo record ${key}`);
  return record;
};

/** Everyone the demo names must be named by role: no real names. */
const ROLE_NAME = /^(DSG Chair|DSG Admin|Council Officer|Digital Leader \(.+\)|Project (Lead|Manager) \(.+\)( \d+)?|[A-Z][a-z]+ Officer( \d+)?)$/;

/** Every person's name anywhere in the programme. */
function namesIn(p: DemoProgramme): string[] {
  const names: string[] = [...p.people.map((x) => x.name)];
  if (p.settings.chair) names.push(p.settings.chair.name);
  names.push(...Object.values(p.settings.leaders).map((l) => l!.name));
  for (const r of p.records) {
    names.push(r.request.requesterName);
    for (const e of r.events) names.push(e.actorName);
    if (r.triage?.lastDecision) names.push(r.triage.lastDecision.by);
    for (const q of r.triage?.questions ?? []) names.push(q.askedBy);
    const project = r.project;
    if (project) {
      for (const owner of [project.digitalLeader, project.projectLead, project.projectManager]) if (owner) names.push(owner.name);
      for (const m of project.milestones) names.push(...m.revisions.map((v) => v.by));
      names.push(...project.realisedBenefits.map((b) => b.recordedBy));
      for (const m of project.measures) names.push(...m.figures.map((f) => f.recordedBy));
    }
  }
  return names;
}

describe('the demo Digital Programme', () => {
  it('has measures with a year of figures, some off track, and a quarter just closed still to record', () => {
    const measures = records.flatMap((r) => r.project?.measures ?? []);
    const statuses = measures.map((m) => measureStatus(m).status);
    expect(statuses).toContain('off-track');
    expect(statuses).toContain('on-track');
    const monthly = measures.find((m) => m.frequency === 'monthly')!;
    expect(monthly.figures.map((f) => f.period)).toEqual(['2025-11', '2025-12', '2026-01', '2026-02', '2026-03', '2026-04', '2026-05', '2026-06', '2026-07', '2026-08', '2026-09', '2026-10']);
    const wifi = byKey('school-wifi').project!.measures[0];
    expect(wifi.figures.map((f) => f.period)).not.toContain(lastClosedPeriod('quarterly', TODAY));
    for (const m of measures) for (const f of m.figures) expect(f.recordedAt < `${TODAY}T00:00:00.000Z`).toBe(true);
  });

  it('holds about forty requests across all seven strands, several in each', () => {
    expect(records.length).toBeGreaterThanOrEqual(35);
    expect(records.length).toBeLessThanOrEqual(45);
    for (const strand of STRAND_IDS) expect(records.filter((r) => r.request.strand === strand).length).toBeGreaterThanOrEqual(3);
  });

  it('has requests in every lifecycle state', () => {
    const statuses = new Set(records.map((r) => r.request.status));
    expect([...statuses].sort()).toEqual([...REQUEST_STATUSES].sort());
    expect(summarise(programme).byStatus).toEqual(
      Object.fromEntries(REQUEST_STATUSES.map((s) => [s, records.filter((r) => r.request.status === s).length])),
    );
  });

  it('names nobody except by role', () => {
    const names = namesIn(programme);
    expect(names.length).toBeGreaterThan(100);
    expect(names.filter((n) => !ROLE_NAME.test(n))).toEqual([]);
  });

  it("uses the Playground's mock users, and stable invented GUIDs for everyone else", () => {
    expect(programme.settings.chair).toEqual({ aadObjectId: MOCK_USERS.dsgChair.aadObjectId, name: 'DSG Chair' });
    expect(programme.settings.leaders.customers?.aadObjectId).toBe(MOCK_USERS.digitalLeaderCustomers.aadObjectId);
    expect(programme.settings.leaders.learning?.aadObjectId).toBe(MOCK_USERS.digitalLeaderLearning.aadObjectId);
    const ledByLearning2 = records.filter((r) => r.project?.projectLead?.aadObjectId === MOCK_USERS.projectLeadLearning2.aadObjectId);
    expect(ledByLearning2.length).toBeGreaterThanOrEqual(3);

    const people = Object.values(DEMO_PEOPLE);
    expect(new Set(people.map((p) => p.aadObjectId)).size).toBe(people.length);
    expect(new Set(people.map((p) => p.id)).size).toBe(people.length);
    for (const p of people) {
      expect(p.aadObjectId).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
      expect(p.id).toMatch(/^29:/);
    }
    expect(programme.people.every((p) => p.conversationRef === null && p.reachable)).toBe(true);
    // Everyone the records point at is one of the people (so the bot can find them by AAD object id).
    const known = new Set(programme.people.map((p) => p.aadObjectId));
    for (const r of records) {
      for (const owner of [r.project?.digitalLeader, r.project?.projectLead, r.project?.projectManager]) if (owner) expect(known).toContain(owner.aadObjectId);
    }
  });

  it("gives most requests to Council Officer, the Playground's default user, and some to other staff", () => {
    const mine = records.filter((r) => r.request.requesterId === MOCK_USERS.councilOfficer.id);
    expect(mine.length).toBeGreaterThan(records.length / 2);
    expect(new Set(mine.map((r) => r.request.status)).size).toBeGreaterThanOrEqual(6);
    expect(mine.some((r) => r.request.status === 'more-info-requested')).toBe(true);
    expect(new Set(records.map((r) => r.request.requesterName)).size).toBeGreaterThanOrEqual(6);
  });

  it('gives a project to every approved-or-later request, and to no other', () => {
    const later: RequestStatus[] = ['approved', 'in-delivery', 'completed'];
    for (const r of records) {
      expect(r.project !== null).toBe(later.includes(r.request.status));
      if (r.project) expect(r.project.reference).toBe(r.request.reference);
    }
    expect(records.filter((r) => r.project?.isPriority).length).toBeGreaterThanOrEqual(5);
    expect(new Set(records.flatMap((r) => (r.project ? [r.project.priority] : [])))).toEqual(new Set(['high', 'medium', 'low']));
  });

  it('keeps open questions, reasons and duplicates on the triage record', () => {
    for (const r of records) {
      const open = r.triage?.questions.filter((q) => q.answer === null) ?? [];
      expect(open.length).toBe(r.request.status === 'more-info-requested' ? 1 : 0);
      if (r.request.status === 'under-review') expect(r.triage?.questions.some((q) => q.answer)).toBe(true);
      if (r.request.status === 'declined') {
        expect(r.triage?.lastDecision).toMatchObject({ action: 'decline', by: 'DSG Chair' });
        expect(r.triage?.lastDecision?.note?.length).toBeGreaterThan(20);
      }
      if (r.request.status === 'merged') {
        const into = records.find((x) => x.request.reference === r.triage?.duplicateOf);
        expect(into).toBeDefined();
        expect(['withdrawn', 'declined', 'merged']).not.toContain(into!.request.status);
        expect(r.triage?.lastDecision?.note).toBe(`Duplicate of ${into!.request.reference}`);
      } else {
        expect(r.triage?.duplicateOf ?? null).toBeNull();
      }
      if (r.request.status === 'submitted') expect(r.triage).toBeNull();
      expect(r.triage?.post ?? null).toBeNull();
    }
  });

  it('has valid request forms: whole pounds, re-use mostly, justification for buy and build', () => {
    for (const r of records) {
      const result = validateRequestForm(formValuesOf(r.request), r.request.createdAt.slice(0, 10));
      expect(result).toMatchObject({ ok: true });
      for (const amount of [r.request.oneOffCost, r.request.annualBenefit]) if (amount !== null) expect(Number.isInteger(amount)).toBe(true);
      if (ROUTES_NEEDING_JUSTIFICATION.includes(r.request.route)) expect(r.request.routeJustification).toBeTruthy();
      else expect(r.request.routeJustification).toBeNull();
      expect(r.request.principles.every((p) => PRINCIPLE_IDS.includes(p))).toBe(true);
    }
    const shared = records.filter((r) => r.request.route === 'reuse' || r.request.route === 'share').length;
    expect(shared).toBeGreaterThan(records.length * 0.6);
    expect(records.some((r) => r.request.route === 'buy')).toBe(true);
    expect(records.some((r) => r.request.route === 'build')).toBe(true);
    expect(records.some((r) => r.request.personalData)).toBe(true);
    expect(records.some((r) => !r.request.personalData)).toBe(true);
  });

  it('gives projects business cases in every status with https links, plans, resourcing and DPIAs', () => {
    const projects = records.flatMap((r) => (r.project ? [{ request: r.request, project: r.project }] : []));
    expect(new Set(projects.map((p) => p.project.businessCase.status))).toEqual(new Set(BUSINESS_CASE_STATUSES));
    for (const { request, project } of projects) {
      const { link, status, date } = project.businessCase;
      if (status === 'not-started') expect(link).toBeNull();
      else expect(link).toMatch(/^https:\/\/council\.sharepoint\.com\/sites\/dsg\//);
      if (status === 'approved') expect(date).toMatch(/^\d{4}-\d{2}-\d{2}$/);
      if (project.planLink) expect(project.planLink).toMatch(/^https:\/\/council\.sharepoint\.com\/sites\/dsg\//);
      expect(project.dpia === null).toBe(!request.personalData);
      expect(project.plannedBenefits.annualCash).toBe(request.annualBenefit);
    }
    expect(projects.some((p) => p.project.planLink)).toBe(true);
    expect(projects.some((p) => !p.project.planLink)).toBe(true);
    expect(projects.some((p) => p.project.resourcing.confirmed)).toBe(true);
    expect(projects.some((p) => p.project.isPriority && !p.project.resourcing.confirmed)).toBe(true);
    expect(new Set(projects.map((p) => p.project.dpia))).toEqual(new Set([null, 'not-started', 'in-progress', 'completed']));
    // Some projects have nothing missing, others show the DSG what to chase.
    expect(projects.some((p) => whatIsMissing(p.project, TODAY).length === 0)).toBe(true);
    expect(projects.some((p) => whatIsMissing(p.project, TODAY).includes('project-lead'))).toBe(true);
  });

  it('has milestones done, missed, overdue, due within 7 days and in the future, some revised', () => {
    const milestones = records.flatMap((r) => r.project?.milestones ?? []);
    const weekOn = dayFrom(TODAY, 7);
    expect(milestones.filter((m) => m.status === 'done').length).toBeGreaterThanOrEqual(5);
    expect(milestones.filter((m) => m.status === 'missed').length).toBeGreaterThanOrEqual(2);
    expect(milestones.filter((m) => isOverdue(m, TODAY)).length).toBeGreaterThanOrEqual(3);
    expect(milestones.filter((m) => m.status === 'planned' && m.due >= TODAY && m.due <= weekOn).length).toBeGreaterThanOrEqual(3);
    expect(milestones.filter((m) => m.status === 'planned' && m.due > weekOn).length).toBeGreaterThanOrEqual(5);
    expect(milestones.filter((m) => m.revisions.length > 0).length).toBeGreaterThanOrEqual(3);
    expect(milestones.some((m) => m.revisions.length > 1)).toBe(true);
    for (const m of milestones) {
      if (m.status === 'done') expect(m.completedOn! < TODAY).toBe(true);
      else expect(m.completedOn).toBeNull();
      if (m.status === 'missed') expect(m.due < TODAY).toBe(true);
      m.revisions.forEach((v, i) => expect(v.to).toBe(m.revisions[i + 1]?.from ?? m.due));
    }
    // A completed project finished every milestone.
    for (const r of records.filter((x) => x.request.status === 'completed')) expect(r.project!.milestones.every((m) => m.status === 'done')).toBe(true);
  });

  it('records realised benefits for the last financial year and this one', () => {
    const years = new Set(records.flatMap((r) => r.project?.realisedBenefits.map((b) => b.financialYear) ?? []));
    expect([...years].sort()).toEqual(['2025/26', '2026/27']);
    for (const b of records.flatMap((r) => r.project?.realisedBenefits ?? [])) expect(b.cashSaving === null ? !!b.note : Number.isInteger(b.cashSaving) && b.cashSaving > 0).toBe(true);
    // One benefit that is not cash, shown by one of its project's measures.
    const nonCash = records.flatMap((r) => (r.project?.realisedBenefits ?? []).filter((b) => b.cashSaving === null).map((b) => r.project!.measures.find((m) => m.id === b.measureId)?.name));
    expect(nonCash).toEqual(['Lessons disrupted by Wi-Fi faults each week']);
  });

  it('tells each story in the audit trail: who, what and when, in order, all in the past', () => {
    for (const r of records) {
      const { events, request } = r;
      expect(events[0]).toMatchObject({ action: 'request.submit', at: request.createdAt, actorName: request.requesterName, outcome: 'done' });
      expect(events.every((e) => e.subjectType === 'request' && e.subjectId === request.reference)).toBe(true);
      expect(events.map((e) => e.at)).toEqual([...events.map((e) => e.at)].sort());
      expect(events.every((e) => e.at < `${TODAY}T00:00:00.000Z`)).toBe(true);
      // The last status an event moved to is the request's status.
      const statuses = events.map((e) => (e.after as { status?: string } | null)?.status).filter(Boolean);
      expect(statuses[statuses.length - 1]).toBe(request.status);
      expect(request.updatedAt >= request.createdAt).toBe(true);
      if (r.triage?.lastDecision) expect(events.some((e) => e.at === r.triage!.lastDecision!.at)).toBe(true);
      if (r.project) {
        const approve = events.find((e) => e.action === 'request.approve');
        expect(approve).toMatchObject({ at: r.project.approvedAt, actorName: 'DSG Chair' });
        // Milestones are added no earlier than they could be (a new milestone cannot be due in the past).
        const firstAdded = events.find((e) => e.action === 'milestone.add');
        for (const m of r.project.milestones) {
          const firstDue = m.revisions[0]?.from ?? m.due;
          expect(firstDue >= firstAdded!.at.slice(0, 10)).toBe(true);
        }
      }
    }
  });

  it('keeps some requests waiting for a decision for more than 14 days', () => {
    expect(summarise(programme).waitingOverTwoWeeks).toBeGreaterThanOrEqual(3);
    const recent = records.filter((r) => r.request.status === 'submitted' && r.request.createdAt.slice(0, 10) >= dayFrom(TODAY, -14));
    expect(recent.length).toBeGreaterThanOrEqual(2);
  });

  it('sets up the DSG with a chair, a Digital Leader for each strand and two meetings in the next two months', () => {
    expect(Object.keys(programme.settings.leaders).sort()).toEqual([...STRAND_IDS].sort());
    expect(programme.settings.meetings).toHaveLength(2);
    for (const { date: m, startTime } of programme.settings.meetings) {
      expect(m > TODAY && m <= dayFrom(TODAY, 61)).toBe(true);
      expect(new Date(`${m}T00:00:00Z`).getUTCDay()).toBe(2); // Tuesdays
      expect(startTime).toBe('10:00');
    }
    expect(nextMeetings('2026-12-29')[0]).toBe('2027-01-05');
    expect(programme.settings).not.toHaveProperty('channel');
  });

  it('moves with today, so the demo always looks current', () => {
    const later = demoProgramme('2027-03-10');
    const shift = (iso: string) => dayFrom(iso.slice(0, 10), 103);
    for (const [i, r] of records.entries()) {
      const l = later.records[i];
      expect(l.key).toBe(r.key);
      expect(l.request.createdAt.slice(0, 10)).toBe(shift(r.request.createdAt));
      expect(l.project?.milestones.map((m) => m.due)).toEqual(r.project?.milestones.map((m) => shift(m.due)));
    }
    expect(summarise(later)).toEqual(summarise(programme));
  });

  it('is pure: the same today gives the same records; references and ids can be supplied', () => {
    expect(demoProgramme(TODAY)).toEqual(programme);
    expect(records.every((r) => REFERENCE_PATTERN.test(r.request.reference))).toBe(true);
    expect(new Set(records.map((r) => r.request.reference)).size).toBe(records.length);

    let n = 0;
    const custom = demoProgramme(TODAY, { reference: (key) => `DP-2031-${String(100 + records.findIndex((r) => r.key === key)).padStart(4, '0')}`, newId: () => `id-${++n}` });
    const merged = custom.records.find((r) => r.key === 'special-uplift-booking')!;
    const into = custom.records.find((r) => r.key === 'bulky-uplifts')!;
    expect(merged.triage?.duplicateOf).toBe(into.request.reference);
    expect(into.request.reference).toMatch(/^DP-2031-01\d\d$/);
    expect(into.events.every((e) => e.subjectId === into.request.reference)).toBe(true);
    expect(into.project?.reference).toBe(into.request.reference);
    expect(into.project?.milestones.every((m) => m.id.startsWith('id-'))).toBe(true);
  });

  it('refuses a today that is not an ISO date', () => {
    expect(() => demoProgramme('27/11/2026')).toThrow(/ISO date/);
    expect(() => demoProgramme('2026-02-30')).toThrow(/ISO date/);
  });

  it('includes the titles the DSG expects to see', () => {
    const titles = records.map((r) => r.request.title);
    for (const t of [
      'Online booking for bulky uplifts',
      'School Wi-Fi refresh',
      'Digital library cards',
      'Council tax e-billing',
      'Planning portal integration with the national ePlanning service',
      'Microsoft 365 training for frontline staff',
      'Records retention automation for GDPR',
    ]) {
      expect(titles).toContain(t);
    }
    expect(byKey('bulky-uplifts').request.status).toBe('in-delivery');
  });
});
