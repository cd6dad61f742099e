/**
 * The triage card in the DSG channel always ends showing the latest decision: an update Teams throttled (429
 * with Retry-After) is drawn again when it is retried, so it can never put an older decision back over a newer one.
 */
import { MOCK_USERS } from '../../src/playground/mock-tenant';
import { action, attachedCard, answerCard, invokeCard } from './support/card-reading';
import { allSent, eventually, press, submitRequest, triageCardOf, useDsgBot } from './support/dsg';
import type { CannedResponse, RecordedActivity } from './support/fake-connector';
import { ENGINES } from './support/test-bot';

const { councilOfficer, dsgChair, projectLeadLearning2, projectManagerLearning2 } = MOCK_USERS;
const THROTTLED: CannedResponse = { status: 429, headers: { 'Retry-After': '1' }, body: { error: { code: 'Throttled', message: 'Too many requests' } } };

/** The request version a triage card was drawn from: its Save owners button carries it. */
const versionOn = (card: unknown) => Number(action(card, 'request.assign').data.version);

describe.each(ENGINES)('triage card updates after a 429 (%s)', (engine) => {
  const dsg = useDsgBot(engine);

  /** A new request's triage card, posted in the channel: the request's reference, the card's activity id and version. */
  async function posted(title: string): Promise<{ reference: string; postId: string; version: number }> {
    const reference = await submitRequest(dsg.t, councilOfficer, title);
    const post = await dsg.t.connector.waitFor((a) => a.kind === 'new' && triageCardOf(reference)(a), 8000);
    return { reference, postId: post.id, version: Number(action(attachedCard(post.activity), 'request.approve').data.version) };
  }

  /** Decision A: approve. Returns the version of the request after it. */
  async function approve(reference: string, version: number): Promise<number> {
    return versionOn(invokeCard(await press(dsg.t, 'request.approve', { reference, version, priority: 'high' }, dsgChair, true)));
  }

  /** Decision B: assign the Project Lead and Project Manager. Returns the version of the request after it. */
  async function assignOwners(reference: string): Promise<number> {
    const { data } = action(answerCard(await press(dsg.t, 'request.triage', { reference }, dsgChair, true), dsg.t), 'request.assign');
    const card = invokeCard(await press(dsg.t, 'request.assign', { ...data, projectLead: projectLeadLearning2.aadObjectId, projectManager: projectManagerLearning2.aadObjectId }, dsgChair, true));
    return versionOn(card);
  }

  /** Every update of the posted card that Teams accepted, in order. */
  const updatesOf = (postId: string): RecordedActivity[] => dsg.t.connector.activities().filter((a) => a.kind === 'update' && a.id === postId);
  const throttledBodies = (postId: string) => dsg.t.connector.requests.filter((r) => r.method === 'PUT' && r.path.endsWith(`/activities/${postId}`) && r.status === 429).map((r) => r.body as RecordedActivity['activity']);

  /** Waits for both updates to be sent (A's after its retry), then checks what the channel saw. */
  async function expectChannelEndsShowing(reference: string, postId: string, a: number, b: number): Promise<void> {
    await eventually(allSent(dsg.db, [`triage-update:${reference}:v${a}`, `triage-update:${reference}:v${b}`]), 'both card updates to be sent', 15_000);
    // A's update was throttled while it showed A (the test did what it says)...
    expect(throttledBodies(postId).map((body) => versionOn(attachedCard(body)))).toEqual([a]);
    // ...and every update Teams accepted since shows B, the last one included.
    const shown = updatesOf(postId).map((u) => versionOn(attachedCard(u.activity)));
    expect(shown.length).toBeGreaterThanOrEqual(1);
    expect(shown.filter((v) => v !== b)).toEqual([]);
  }

  it('throttled before the next decision: the retried update shows the newer decision', async () => {
    const { reference, postId, version } = await posted('Throttled update before the next decision');
    dsg.t.connector.failNext({ method: 'PUT', path: new RegExp(`/activities/${postId}$`) }, [THROTTLED]);

    const a = await approve(reference, version);
    await eventually(() => throttledBodies(postId).length === 1, "Teams's 429 for A's update");
    const b = await assignOwners(reference);
    expect(b).toBeGreaterThan(a);

    await expectChannelEndsShowing(reference, postId, a, b);
  });

  it('in flight while the next decision is made, then throttled: the retried update shows the newer decision', async () => {
    const { reference, postId, version } = await posted('Update in flight during the next decision');
    const held = dsg.t.connector.hold({ method: 'PUT', path: new RegExp(`/activities/${postId}$`) });

    const a = await approve(reference, version);
    await held.arrived;
    // A's card is on its way to Teams when B is decided; Teams then throttles it.
    const b = await assignOwners(reference);
    held.release(THROTTLED);

    await expectChannelEndsShowing(reference, postId, a, b);
  });
});
