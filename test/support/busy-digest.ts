import { healthRules } from './health-rules';
/** A digest's source for tests of the card's limits. */
import type { DigestSource } from '../../src/domain/digest';
import { LIMITS } from '../../src/domain/request-form';
import { STRANDS } from '../../src/domain/catalogue';
import type { ReminderState } from '../../src/domain/reminders';
import { sampleMilestone } from './sample-milestone';
import { sampleProject } from './sample-project';
import { sampleRequest } from './sample-request';

/** Titles as long as the form allows, in a script that takes more bytes than ASCII. */
const longTitle = (i: number) => `${i} Prosiect ailgylchu “gwastraff swmpus” – ${'ŵ'.repeat(LIMITS.title)}`.slice(0, LIMITS.title);

/** A large, busy programme: every section of the digest has far more than it can show. */
export function bigSource(): DigestSource {
  const programme = Array.from({ length: 400 }, (_, i) => {
    const request = sampleRequest({ title: longTitle(i), status: i % 3 === 0 ? 'in-delivery' : 'approved', strand: STRANDS[i % 7].id });
    const project = sampleProject(request.reference, {
      isPriority: true,
      projectLead: { aadObjectId: `aad-lead-${i}`, name: `Project Lead ${i} ${'with a long name '.repeat(3)}` },
      realisedBenefits: [{ financialYear: '2026/27', cashSaving: 1000 + i, note: null, measureId: null, recordedAt: '', recordedBy: '' }],
      milestones: [
        sampleMilestone({ title: longTitle(i), due: '2026-12-05' }),
        sampleMilestone({ title: longTitle(i), due: '2026-11-02' }),
        sampleMilestone({ title: longTitle(i), due: '2026-11-20', status: 'done', completedOn: '2026-11-28' }),
      ],
    });
    return { request, project };
  });
  const pending = Array.from({ length: 200 }, (_, i) => sampleRequest({ title: longTitle(i), createdAt: '2026-10-01T10:00:00.000Z' }));
  const states: ReminderState[] = programme.map(({ request }, i) => ({ key: `${request.reference}:business-case`, recipientId: `aad-lead-${i}`, count: 3, lastSentAt: null, fingerprint: 'f', snoozedUntil: null, snoozes: 0, escalatedAt: '2026-11-27T09:30:00.000Z' }));
  return {
    kind: 'weekly',
    audience: 'dsg',
    today: '2026-12-01',
    since: '2026-11-24T09:00:00.000Z',
    strands: null,
    meetings: [],
    programme,
    pending,
    newRequests: pending,
    decisions: programme.map(({ request }) => ({ reference: request.reference, title: request.title, strand: request.strand, action: 'approve', at: '2026-11-25T10:00:00.000Z' })),
    reminderStates: states,
    unreachable: programme.slice(0, 50).map((_, i) => ({ aadObjectId: `aad-lead-${i}`, name: `Project Lead ${i}` })),
    health: healthRules(),
  };
}

