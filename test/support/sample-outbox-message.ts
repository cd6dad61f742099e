import { randomUUID } from 'node:crypto';
import type { Outbox } from '../../src/app/outbox/ports';

export type NewOutboxMessage = Parameters<Outbox['enqueue']>[0];

/** A notice to a person, due at 09:00 on 1 December 2026, with a fresh id and key; override what the test cares about. */
export function sampleOutboxMessage(overrides: Partial<NewOutboxMessage> = {}): NewOutboxMessage {
  const id = randomUUID();
  return {
    id,
    key: `notice:${id}`,
    target: { kind: 'person', userId: 'aad-1', tenantId: 'tenant-1' },
    intent: { kind: 'text', text: 'The Digital Strategy Group approved your request.' },
    nextAttemptAt: '2026-12-01T09:00:00.000Z',
    createdAt: '2026-12-01T09:00:00.000Z',
    ...overrides,
  };
}
