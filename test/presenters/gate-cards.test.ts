import { DEFAULT_SERVICE_STANDARD as S, gateFrom, type GateRequest, type GateView } from '../../src/domain/stages';
import { GATE_ASKER_NOTE, GATE_READ_ONLY_NOTE, gateCard, gateRequestCard, projectStageData } from '../../src/presenters/gates';
import { cardBytes } from '../../src/presenters/render';
import { cardProblems, inputById, MAX_CARD_BYTES, visibleText } from './card-checks';

const TODAY = '2026-12-04';
const lead = { aadObjectId: 'aad-lead', name: 'Project Lead (Waste Services) 2' };
const stage = { reference: 'DP-2026-0012', stage: 'beta', since: '2026-12-01' };
const long = (n: number) => `https://council.sharepoint.example/sites/${'very-long-folder-name/'.repeat(n)}evidence.docx`;

const asked = (overrides: Partial<GateRequest> = {}): GateRequest => ({
  id: 'g-1',
  reference: 'DP-2026-0012',
  from: 'beta',
  to: 'live',
  evidence: Object.fromEntries(S.criteria.map((c) => [c.id, long(80)])),
  note: 'n'.repeat(2000),
  requestedBy: lead,
  requestedAt: '2026-12-02T10:00:00.000Z',
  decision: null,
  conditions: [],
  version: 1,
  ...overrides,
});

const view = (overrides: Partial<GateView> = {}): GateView => ({
  gate: asked(),
  standard: S,
  title: 'Online booking for bulky uplifts',
  people: Array.from({ length: 300 }, (_, i) => ({ aadObjectId: `aad-${i}`, name: `DSG Member ${i} of the Digital Strategy Group` })),
  today: TODAY,
  meeting: null,
  ...overrides,
});

describe('the gate request form', () => {
  it('asks for a link per criterion that applies, required ones required, keeping what was typed and the problem under it', () => {
    const card = gateRequestCard({
      reference: 'DP-2026-0012',
      title: 'Online booking for bulky uplifts',
      standard: S,
      stage: { ...stage, stage: 'alpha' },
      gate: gateFrom(S, 'alpha')!,
      form: { values: { evidence_users: 'http://typed', gateNote: 'Ready' }, errors: { evidence_users: 'Enter the evidence as a full https:// address.' } },
    });
    expect(cardProblems(card)).toEqual([]);
    expect(inputById(card, 'evidence_users')).toMatchObject({ value: 'http://typed', isRequired: true, errorMessage: expect.any(String) });
    expect(inputById(card, 'evidence_iterate')).toMatchObject({ isRequired: false });
    expect(inputById(card, 'gateNote')).toMatchObject({ value: 'Ready' });
    expect(visibleText(card)).toContain('Not sent. Fix the problem marked below.');
    expect(visibleText(card)).toContain('Enter the evidence as a full https:// address.');
  });
});

describe('the gate card', () => {
  it('fits Teams with every criterion, long links, a long note and a large DSG, with the decision form', () => {
    const card = gateCard(view());
    expect(cardProblems(card)).toEqual([]);
    expect(cardBytes(card)).toBeLessThan(MAX_CARD_BYTES);
    expect(inputById(card, 'outcome')).toMatchObject({ isRequired: true });
    expect(inputById(card, 'c3Due')).toMatchObject({ min: TODAY });
  });

  it('once decided, shows the decision and its conditions, with no form', () => {
    const decided = asked({
      decision: { outcome: 'pass-with-conditions', note: 'Well evidenced', by: { aadObjectId: 'aad-m', name: 'DSG Chair' }, at: '2026-12-03T10:00:00.000Z', meetingId: null },
      conditions: [{ id: 'c1', gateId: 'g-1', reference: 'DP-2026-0012', what: 'Publish the accessibility statement', owner: lead, due: '2026-12-01', doneAt: null, doneBy: null }],
    });
    const card = gateCard(view({ gate: decided }));
    const text = visibleText(card);
    expect(text).toContain('Decision: Pass with conditions (DSG Chair, 3 Dec 2026)');
    expect(text).toContain('Condition: Publish the accessibility statement: Project Lead (Waste Services) 2, was due 1 Dec 2026');
    expect(inputById(card, 'outcome')).toBeUndefined();
    // A decided gate is the same card for everyone: no refresh to anyone's own view.
    expect(gateCard(view({ gate: decided }), { readOnly: true, refreshFor: ['29:a'] }).refresh).toBeUndefined();
  });

  it("drawn read-only (posted with each DSG member's own view), says who decides and has no form; the asker is told another member decides", () => {
    const posted = gateCard(view(), { readOnly: true, refreshFor: ['29:a', '29:b'] });
    expect(cardProblems(posted)).toEqual([]);
    expect(inputById(posted, 'outcome')).toBeUndefined();
    expect(visibleText(posted)).toContain(GATE_READ_ONLY_NOTE);
    expect(posted.refresh).toEqual({ action: { type: 'Action.Execute', title: 'Show my view', verb: 'gate.refresh', data: { gateId: 'g-1' } }, userIds: ['29:a', '29:b'] });
    const asker = gateCard(view(), { askedForIt: true });
    expect(inputById(asker, 'outcome')).toBeUndefined();
    expect(visibleText(asker)).toContain(GATE_ASKER_NOTE);
    expect(visibleText(gateCard(view()))).not.toContain(GATE_READ_ONLY_NOTE);
  });
});

describe("the project card's stage and gates", () => {
  it('says the stage and since when, each gate newest first with its conditions, and offers the next gate to its lead', () => {
    const passed = asked({ from: 'alpha', to: 'beta', decision: { outcome: 'pass', note: null, by: { aadObjectId: 'aad-m', name: 'DSG Chair' }, at: '2026-12-01T10:00:00.000Z', meetingId: null } });
    const data = projectStageData({ standard: S, stage, history: [asked(), passed], next: gateFrom(S, 'beta'), canRequest: true }, TODAY, 6);
    expect(data).toEqual({
      stageLabel: 'Beta, since 1 Dec 2026',
      gates: [
        { line: 'Beta → Live: asked for on 2 Dec 2026, waiting for the DSG', conditions: [] },
        { line: 'Alpha → Beta: Pass (DSG Chair, 1 Dec 2026)', conditions: [] },
      ],
      requestGate: 'Request gate: Beta → Live',
    });
    expect(projectStageData({ standard: S, stage, history: [], next: gateFrom(S, 'beta'), canRequest: false }, TODAY, 6).requestGate).toBeUndefined();
  });
});
