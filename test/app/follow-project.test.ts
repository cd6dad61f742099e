import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Deps } from '../../src/app/deps';
import { followProject } from '../../src/app/follows/follow-project';
import { followedChangeNotice } from '../../src/app/follows/tell-followers';
import { DeliveryError, type OutboxIntent } from '../../src/app/outbox/ports';
import type { Store } from '../../src/app/ports';
import { moveMilestone } from '../../src/app/projects/move-milestone';
import { openStore } from '../../src/storage/open-store';
import { sampleMilestone } from '../support/sample-milestone';
import { sampleProject } from '../support/sample-project';
import { sampleRequest } from '../support/sample-request';
import { appDeps } from './support/app-deps';

/** A milestone moved (only from a reminder in the product) reaches the chats following its project, as an intent drawn when it is sent. */
describe('a followed project’s milestone moved', () => {
  let dir: string;
  let store: Store;
  let deps: Deps;
  const now = new Date('2026-12-04T10:00:00.000Z');
  const lead = { id: '29:lead', aadObjectId: 'aad-lead', name: 'Project Lead (Learning) 2', tenantId: 't' };
  const chat = { conversationId: '19:project-chat@thread.v2', reference: { conversation: { id: '19:project-chat@thread.v2' }, serviceUrl: 'https://smba.example/' } };
  const reference = 'DP-2026-0001';
  const milestone = sampleMilestone({ title: 'Go live', due: '2027-01-10' });

  beforeEach(async () => {
    dir = mkdtempSync(path.join(tmpdir(), 'dsg-follow-'));
    store = await openStore({ sqlitePath: path.join(dir, 'db.sqlite') });
    deps = appDeps(store, () => now);
    await store.requests.insert(sampleRequest({ reference, title: 'Schools app', status: 'in-delivery' }), []);
    await store.projects.insert(sampleProject(reference, { projectLead: { aadObjectId: 'aad-lead', name: lead.name }, milestones: [milestone] }));
  });
  afterEach(async () => {
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('queues one notice per following chat with the dates and the reason, drawn while the chat still follows', async () => {
    expect(await followProject(deps, lead, chat, reference)).toMatch(/^This chat now follows DP-2026-0001 "Schools app"/);
    const version = (await store.projects.get(reference))!.version;
    await moveMilestone(deps, lead, reference, version, milestone.id, '2027-02-01', 'Supplier late');

    const queued = await store.outbox.get(`followed:${chat.conversationId}:${reference}:milestone.move:${now.toISOString()}`);
    expect(queued?.target).toEqual({ kind: 'conversation', reference: chat.reference, newThread: false });
    const intent = queued?.intent as Extract<OutboxIntent, { kind: 'followed-change' }>;
    expect(await followedChangeNotice(deps, intent)).toEqual({
      title: "DP-2026-0001: Milestone 'Go live' moved",
      lines: ["\"Schools app\": milestone 'Go live' moved by Project Lead (Learning) 2.", 'From 2027-01-10 to 2027-02-01: Supplier late'],
      open: { opens: 'project', reference, title: 'Open project' },
    });

    // Unfollowed before it was sent: nothing is drawn, for good.
    await store.follows.unfollow(chat.conversationId, reference);
    await expect(followedChangeNotice(deps, intent)).rejects.toEqual(new DeliveryError('fatal', `the chat no longer follows ${reference}`));
  });
});
