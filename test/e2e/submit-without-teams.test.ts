/**
 * Submitting a request never waits on Teams: the submit asks the Bot Connector nothing (not even the DSG's
 * roster, here made to hang), and the triage card is drawn and posted afterwards by the outbox.
 */
import form from '../fixtures/request-form.json';
import { MOCK_TENANT, MOCK_USERS } from '../../src/playground/mock-tenant';
import { action, invokeCard, wordsOf } from './support/card-reading';
import { eventually, press, submitRequest, triageCardOf, useDsgBot } from './support/dsg';
import type { RecordedRequest } from './support/fake-connector';
import { ENGINES } from './support/test-bot';

const { councilOfficer } = MOCK_USERS;
/** Long enough for the submit under test to finish well inside it. */
const RETRY_AFTER_S = 8;

describe.each(ENGINES)('request.submit and Teams (%s)', (engine) => {
  const dsg = useDsgBot(engine);

  it('calls no Teams API during the submit, and the triage card is posted afterwards although the roster never answers', async () => {
    const { t, db } = dsg;
    // Teams throttles the DSG channel for a while: the outbox sends nothing there meanwhile, so whatever the
    // Bot Connector sees during the submit below, the submit itself asked for.
    t.connector.failNext({ method: 'POST', path: '/v3/conversations' }, [{ status: 429, headers: { 'Retry-After': String(RETRY_AFTER_S) }, body: { error: { code: 'Throttled' } } }]);
    const earlier = await submitRequest(t, councilOfficer, 'Request posted before the throttling');
    await eventually(() => t.connector.requests.some((r) => r.method === 'POST' && r.path === '/v3/conversations' && r.status === 429), "Teams's 429");

    // The DSG's roster is out of date and Teams never answers for it: anything that asked would wait.
    await db.read((store) => store.roster.put(MOCK_TENANT.team.id, [...MOCK_TENANT.users], new Date(Date.now() - 3_600_000).toISOString()));
    const roster = t.connector.hold({ method: 'GET' });

    const { formId } = action(invokeCard(await press(t, 'request.new', { fresh: true }, councilOfficer)), 'request.next').data;
    const from = t.connector.requests.length;
    let card = invokeCard(await press(t, 'request.submit', { formId, ...form, title: 'Submitted while Teams hangs', problem: `Roster hangs: ${form.problem}` }, councilOfficer));
    if (!wordsOf(card).includes('Submitted as')) card = invokeCard(await press(t, 'request.confirm', { formId }, councilOfficer));
    const duringSubmit: RecordedRequest[] = t.connector.requests.slice(from);

    expect(duringSubmit.map((r) => `${r.method} ${r.path}`)).toEqual([]);
    const reference = /DP-\d{4}-\d{4}/.exec(wordsOf(card))![0];

    // Afterwards the outbox draws the card: it asks Teams for the roster, waits at most 2 s, and posts with the last known members.
    const asked = await roster.arrived;
    expect(asked.path).toBe(`/v3/conversations/${MOCK_TENANT.team.id}/pagedmembers`);
    await t.connector.waitFor((a) => a.kind === 'new' && triageCardOf(reference)(a), (RETRY_AFTER_S + 10) * 1000);
    await t.connector.waitFor((a) => a.kind === 'new' && triageCardOf(earlier)(a), 5000);
    expect(t.connector.activities().filter((a) => a.kind === 'new' && triageCardOf(reference)(a))).toHaveLength(1);

    // When Teams answers at last, the roster read that went on in the background refreshes the DSG's members.
    const stale = Date.now() - 60_000;
    roster.release();
    await eventually(async () => Date.parse((await db.read((store) => store.roster.get(MOCK_TENANT.team.id)))?.fetchedAt ?? '') > stale, 'the roster to be refreshed');
  }, 40_000);
});
