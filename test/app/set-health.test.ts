import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Deps } from '../../src/app/deps';
import type { OutboxIntent } from '../../src/app/outbox/ports';
import type { Store } from '../../src/app/ports';
import { setHealth } from '../../src/app/projects/set-health';
import { EMPTY_SETTINGS } from '../../src/domain/settings';
import { openStore } from '../../src/storage/open-store';
import { sampleProject } from '../support/sample-project';
import { sampleRequest } from '../support/sample-request';
import { appDeps } from './support/app-deps';

/** Setting a project's health through the use case, on SQLite: who may, what is kept, and the red alert through the outbox. */
describe('setHealth', () => {
  let dir: string;
  let store: Store;
  let deps: Deps;
  let now = new Date('2026-12-04T10:00:00.000Z');
  const lead = { id: '29:lead', aadObjectId: 'aad-lead', name: 'Project Lead (Learning) 2', tenantId: 't' };
  const manager = { id: '29:pm', aadObjectId: 'aad-pm', name: 'Project Manager (Learning) 2', tenantId: 't' };
  const leader = { id: '29:dl', aadObjectId: 'aad-dl', name: 'Digital Leader (Learning)', tenantId: 't' };
  const reference = 'DP-2026-0001';
  const form = (overall: string, reason = '') => ({ ragOverall: overall, ragOverallReason: reason, ragTime: 'green', ragCost: 'green', ragScope: 'green' });

  beforeEach(async () => {
    dir = mkdtempSync(path.join(tmpdir(), 'dsg-health-'));
    store = await openStore({ sqlitePath: path.join(dir, 'db.sqlite') });
    now = new Date('2026-12-04T10:00:00.000Z');
    deps = appDeps(store, () => now);
    await store.requests.insert(sampleRequest({ reference, title: 'Schools app', status: 'in-delivery', strand: 'learning' }), []);
    await store.projects.insert(sampleProject(reference, { digitalLeader: null, projectLead: { aadObjectId: lead.aadObjectId, name: lead.name }, projectManager: { aadObjectId: manager.aadObjectId, name: manager.name } }));
    await store.settings.save({ ...EMPTY_SETTINGS, leaders: { learning: { aadObjectId: leader.aadObjectId, name: leader.name } } }, 0);
  });
  afterEach(async () => {
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('keeps every setting; a change to red tells the strand’s Digital Leader once, under a key of its own', async () => {
    await setHealth(deps, lead, reference, 0, { kind: 'set', values: form('amber', 'Supplier late') });
    now = new Date('2026-12-04T11:00:00.000Z');
    const red = await setHealth(deps, manager, reference, 1, { kind: 'set', values: form('red', 'Supplier gone') });
    expect(red.notice).toBe('Health status saved: Overall red (Supplier gone), time green, cost green, scope green.');
    expect(red.health).toMatchObject({ shown: 'red', label: 'Red' });
    now = new Date('2026-12-04T12:00:00.000Z');
    await setHealth(deps, lead, reference, 2, { kind: 'confirm' });

    expect((await store.projects.healthHistory(reference)).map((u) => [u.version, u.ratings.overall.rag, u.setBy, u.confirmed])).toEqual([
      [3, 'red', lead.name, true],
      [2, 'red', manager.name, false],
      [1, 'amber', lead.name, false],
    ]);
    const alert = await store.outbox.get(`health-red:${reference}:v2`);
    expect(alert?.target).toEqual({ kind: 'person', userId: leader.aadObjectId, tenantId: null });
    expect((alert?.intent as Extract<OutboxIntent, { kind: 'notice' }>).notice).toMatchObject({ title: `Red: ${reference}`, lines: [`${manager.name} set the health status of "Schools app" to red (overall).`, 'Overall: Supplier gone'], alert: 'health' });
    // Confirmed still red: no second alert.
    expect(await store.outbox.get(`health-red:${reference}:v3`)).toBeNull();
    expect((await store.audit.listFor('request', reference)).filter((e) => e.action === 'health.set').map((e) => e.detail)).toEqual([null, null, 'confirmed unchanged']);
  });

  it('refuses anyone but the lead and manager, audited; an older card saying what changed; a project not in delivery', async () => {
    await expect(setHealth(deps, leader, reference, 0, { kind: 'set', values: form('green') })).rejects.toMatchObject({ code: 'NOT_ALLOWED', message: `Only the Project Lead and the Project Manager of ${reference} can set its health status.` });
    expect((await store.audit.listFor('request', reference)).map((e) => [e.action, e.outcome, e.actorName])).toEqual([['health.set', 'refused', leader.name]]);

    await setHealth(deps, lead, reference, 0, { kind: 'set', values: form('green') });
    await expect(setHealth(deps, manager, reference, 0, { kind: 'set', values: form('amber', 'Late') })).rejects.toMatchObject({
      code: 'STALE_CARD',
      message: `The health status of ${reference} changed since this card was sent. ${lead.name} set the status on 4 Dec 2026: Overall green, time green, cost green, scope green. Your press changed nothing.`,
    });
    await expect(setHealth(deps, manager, reference, 1, { kind: 'set', values: form('amber') })).rejects.toMatchObject({ code: 'INVALID_FIELD', details: { errors: { ragOverallReason: 'Say why the overall status is amber: a reason is required for amber and red.' } } });

    const request = (await store.requests.getByReference(reference))!;
    await store.requests.update({ ...request, status: 'completed', version: request.version + 1 }, request.version);
    await expect(setHealth(deps, lead, reference, 1, { kind: 'confirm' })).rejects.toMatchObject({ message: `${reference} is not in delivery, so it has no health status to set.` });
    expect(await store.projects.healthHistory(reference)).toHaveLength(1);
  });
});
