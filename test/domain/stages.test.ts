import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { isDomainError } from '../../src/domain/errors';
import { draftAgenda, gateItemId, outcomeWords } from '../../src/domain/meetings';
import {
  completeCondition,
  conditionIdOf,
  conditionKey,
  conditionReminders,
  DEFAULT_SERVICE_STANDARD as S,
  decideGate,
  type GateCondition,
  type GateDecisionInput,
  gateCriteria,
  gateFrom,
  gateOutcomeLine,
  type GateRequest,
  requestGate,
  serviceStandardProblems,
} from '../../src/domain/stages';

const NOW = '2026-12-04T10:00:00.000Z';
const TODAY = '2026-12-04';
const lead = { aadObjectId: 'aad-lead', name: 'Project Lead' };
const member = { aadObjectId: 'aad-member', name: 'DSG Member' };
const owner = { aadObjectId: 'aad-owner', name: 'Service Designer' };
const atAlpha = { reference: 'DP-2026-0007', stage: 'alpha', since: '2026-09-01' };

/** A link for every required criterion of the alpha → beta gate. */
const requiredEvidence = (): Record<string, string> => Object.fromEntries(gateFrom(S, 'alpha')!.required.map((id) => [id, `https://council.example/evidence/${id}`]));

const caught = (work: () => unknown) => {
  try {
    work();
  } catch (error) {
    if (isDomainError(error)) return error;
    throw error;
  }
  throw new Error('expected a refusal');
};

const asked = (): GateRequest => requestGate(S, atAlpha, [], { from: 'alpha', evidence: requiredEvidence(), note: 'Ready for beta' }, lead, 'g1', NOW);

const decision = (overrides: Partial<GateDecisionInput> = {}): GateDecisionInput => ({ outcome: 'pass', note: null, conditions: [], version: 1, meetingId: null, ...overrides });

describe('the Service Standard in configuration', () => {
  it('ships discovery, alpha, beta, live and closed, with a gate from each to the next, and no problems', () => {
    expect(S.stages.map((s) => s.id)).toEqual(['discovery', 'alpha', 'beta', 'live', 'closed']);
    expect(S.gates.map((g) => `${g.from}>${g.to}`)).toEqual(['discovery>alpha', 'alpha>beta', 'beta>live', 'live>closed']);
    expect(serviceStandardProblems(S)).toEqual([]);
    expect(gateCriteria(S, gateFrom(S, 'beta')!).every((c) => c.required)).toBe(true);
    expect(gateFrom(S, 'closed')).toBeNull();
  });

  it('the shipped config/service-standard.json is the defaults', () => {
    expect(JSON.parse(readFileSync(join(__dirname, '../../config/service-standard.json'), 'utf8'))).toEqual(S);
  });

  it('names each problem of a hand-written standard', () => {
    const bad = { ...S, gates: [{ from: 'discovery', to: 'beta', required: ['users', 'nope'], optional: ['users'] }] };
    expect(serviceStandardProblems(bad)).toEqual([
      'has a gate from discovery to beta, but a gate goes from a stage to the next one',
      'the discovery to beta gate names the criterion nope, which is not in the criteria',
      'the discovery to beta gate names a criterion twice',
    ]);
  });
});

describe('requestGate', () => {
  it('asks for the gate out of the stage, keeping the links given', () => {
    const g = asked();
    expect(g).toMatchObject({ reference: 'DP-2026-0007', from: 'alpha', to: 'beta', note: 'Ready for beta', requestedBy: lead, decision: null, version: 1 });
    expect(Object.keys(g.evidence)).toEqual(gateFrom(S, 'alpha')!.required);
  });

  it('refuses a required criterion without evidence, naming it, and a link that is not https', () => {
    const evidence = { ...requiredEvidence(), everyone: '', secure: 'http://council.example/dpia' };
    const e = caught(() => requestGate(S, atAlpha, [], { from: 'alpha', evidence, note: null }, lead, 'g1', NOW));
    expect(e.code).toBe('INVALID_FIELD');
    expect(e.message).toBe('The gate request was not sent: evidence is required for "5. Make sure everyone can use the service".');
    expect(e.details.errors).toEqual({
      evidence_everyone: 'Evidence for "5. Make sure everyone can use the service" is required at the Alpha → Beta gate: give a link to it.',
      evidence_secure: `Enter the evidence for "8. Create a secure service which protects users' privacy" as a full https:// address.`,
    });
  });

  it('takes an optional criterion without evidence', () => {
    expect(asked().evidence.iterate).toBeUndefined();
  });

  it('refuses a form drawn for another stage, saying where the project is now', () => {
    const e = caught(() => requestGate(S, { ...atAlpha, stage: 'beta', since: '2026-12-01' }, [], { from: 'alpha', evidence: requiredEvidence(), note: null }, lead, 'g1', NOW));
    expect(e.code).toBe('STALE_CARD');
    expect(e.message).toBe('DP-2026-0007 moved to Beta on 1 Dec 2026 since this form was drawn, so that gate request was not sent.');
  });

  it('refuses a second request while one waits, and any at the last stage', () => {
    expect(caught(() => requestGate(S, atAlpha, [asked()], { from: 'alpha', evidence: requiredEvidence(), note: null }, lead, 'g2', NOW)).message).toBe(
      'The Alpha → Beta gate of DP-2026-0007 has waited for the DSG since 4 Dec 2026: it decides that one first.',
    );
    expect(caught(() => requestGate(S, { ...atAlpha, stage: 'closed' }, [], { from: 'closed', evidence: {}, note: null }, lead, 'g2', NOW)).code).toBe('ILLEGAL_TRANSITION');
  });
});

describe('decideGate', () => {
  let n = 0;
  const newId = () => `c${++n}`;

  it('a pass moves the project to the next stage', () => {
    const { gate, stage } = decideGate(S, asked(), decision(), member, NOW, TODAY, newId);
    expect(gate.decision).toEqual({ outcome: 'pass', note: null, by: member, at: NOW, meetingId: null });
    expect(gate.version).toBe(2);
    expect(stage).toEqual({ reference: 'DP-2026-0007', stage: 'beta', since: TODAY });
  });

  it('a pass with conditions records each with its owner and due date, and moves the stage', () => {
    const { gate, stage } = decideGate(S, asked(), decision({ outcome: 'pass-with-conditions', conditions: [{ what: 'Publish the accessibility statement', owner, due: '2027-01-15' }, null] }), member, NOW, TODAY, newId);
    expect(gate.conditions).toEqual([{ id: expect.any(String), gateId: 'g1', reference: 'DP-2026-0007', what: 'Publish the accessibility statement', owner, due: '2027-01-15', doneAt: null, doneBy: null }]);
    expect(stage?.stage).toBe('beta');
  });

  it('not yet keeps the stage and needs a note', () => {
    expect(caught(() => decideGate(S, asked(), decision({ outcome: 'not-yet' }), member, NOW, TODAY, newId)).details.errors).toEqual({ decisionNote: expect.stringMatching(/^Say what the project needs/) });
    expect(decideGate(S, asked(), decision({ outcome: 'not-yet', note: 'More research with users' }), member, NOW, TODAY, newId).stage).toBeNull();
  });

  it('names each problem of the condition rows, and wants one for a pass with conditions', () => {
    const e = caught(() =>
      decideGate(S, asked(), decision({ outcome: 'pass-with-conditions', conditions: [{ what: '', owner: null, due: '2026-12-01' }, { what: 'x'.repeat(501), owner, due: '2027-01-01' }] }), member, NOW, TODAY, newId),
    );
    expect(e.details.errors).toEqual({
      c1What: 'Say what is to be done.',
      c1Owner: 'Choose who owns this condition (anyone in the council).',
      c1Due: 'The due date is in the past: choose 4 Dec 2026 or later.',
      c2What: 'Keep the condition to 500 characters or fewer.',
    });
    expect(caught(() => decideGate(S, asked(), decision({ outcome: 'pass-with-conditions' }), member, NOW, TODAY, newId)).details.errors).toEqual({ c1What: 'Give at least one condition (what, who and by when), or choose Pass.' });
    expect(caught(() => decideGate(S, asked(), decision({ conditions: [{ what: 'Tidy up', owner, due: '2027-01-01' }] }), member, NOW, TODAY, newId)).details.errors).toEqual({
      c1What: 'Conditions go with "Pass with conditions": choose it, or clear this condition.',
    });
  });

  it('refuses a request already decided, saying how, and a card older than the request', () => {
    const { gate } = decideGate(S, asked(), decision(), member, NOW, TODAY, newId);
    expect(caught(() => decideGate(S, gate, decision({ version: 2 }), member, NOW, TODAY, newId)).message).toBe('The Alpha → Beta gate of DP-2026-0007 was already decided: Pass, by DSG Member on 4 Dec 2026.');
    expect(caught(() => decideGate(S, { ...asked(), version: 3 }, decision(), member, NOW, TODAY, newId)).code).toBe('STALE_CARD');
  });

  it('words the outcome without people', () => {
    const { gate } = decideGate(S, asked(), decision({ outcome: 'not-yet', note: 'More research' }), member, NOW, TODAY, newId);
    expect(gateOutcomeLine(S, gate)).toBe('Alpha → Beta: Not yet, 4 Dec 2026');
    expect(gateOutcomeLine(S, asked())).toBe('Alpha → Beta: requested 4 Dec 2026, waiting for the DSG');
  });
});

describe('conditions chased like meeting actions', () => {
  const condition = (overrides: Partial<GateCondition> = {}): GateCondition => ({ id: 'c1', gateId: 'g1', reference: 'DP-2026-0007', what: 'Publish the statement', owner, due: '2027-01-15', doneAt: null, doneBy: null, ...overrides });
  const titles = new Map([['DP-2026-0007', 'Online bookings']]);

  it('open, due soon, overdue; done and erased owners are not chased', () => {
    const items = conditionReminders(
      [condition(), condition({ id: 'c2', due: '2026-12-08' }), condition({ id: 'c3', due: '2026-11-30' }), condition({ id: 'c4', doneAt: NOW }), condition({ id: 'c5', owner: { aadObjectId: '', name: 'Erased' } })],
      titles,
      TODAY,
      7,
    );
    expect(items.map((i) => [i.key, i.kind, i.fingerprint])).toEqual([
      ['DP-2026-0007:condition:c1', 'action', 'action|2027-01-15'],
      ['DP-2026-0007:condition:c2', 'action-due-soon', 'action-due-soon|2026-12-08'],
      ['DP-2026-0007:condition:c3', 'action-overdue', 'action-overdue|2026-11-30'],
    ]);
    expect(items[2]).toMatchObject({ reference: 'DP-2026-0007', projectTitle: 'Online bookings', recipient: owner, what: 'Gate condition: Publish the statement (was due 30 Nov 2026)' });
  });

  it('keys name the condition, and are told apart from other keys', () => {
    expect(conditionIdOf(conditionKey(condition()))).toBe('c1');
    expect(conditionIdOf('DP-2026-0007:owners')).toBeNull();
    expect(conditionIdOf('DSG:action:a1')).toBeNull();
  });

  it('is done once', () => {
    const done = completeCondition(condition(), 'Service Designer', NOW);
    expect(done).toMatchObject({ doneAt: NOW, doneBy: 'Service Designer' });
    expect(caught(() => completeCondition(done, 'Someone', NOW)).message).toBe('"Publish the statement" was already marked done on 4 Dec 2026 by Service Designer.');
  });
});

describe('waiting gate requests on the agenda', () => {
  it('come after the requests awaiting a decision, one item per request, named by the gate', () => {
    const waiting = asked();
    const agenda = draftAgenda({
      waiting: [],
      programme: [],
      reminders: [],
      openActions: [],
      deferred: [],
      additions: [],
      gateRequests: [{ gate: waiting, title: 'Online bookings', words: 'Alpha → Beta gate, asked for by Project Lead on 4 Dec 2026' }],
      today: TODAY,
    });
    expect(agenda).toEqual([{ id: gateItemId('g1'), source: 'gate-request', reference: 'DP-2026-0007', title: 'Online bookings', detail: 'Alpha → Beta gate, asked for by Project Lead on 4 Dec 2026', addedBy: null }]);
    expect(outcomeWords({ kind: 'gate', outcome: 'pass-with-conditions', note: 'Two conditions', by: 'DSG Chair', at: NOW })).toBe('Gate: Pass with conditions (DSG Chair): Two conditions');
  });
});
