/**
 * Which queued messages set Teams' activity-feed alert: personal messages of the kinds that alert (reminders,
 * decisions and news on the person's own request, the DSG's questions, an action or owner role given to them),
 * while the configuration has that kind on; never a digest, a channel post, a thread reply or an update.
 */
import { alertKindOf, raisesAlert } from '../../src/app/outbox/alerts';
import type { OutboxIntent, OutboxTarget } from '../../src/app/outbox/ports';
import { ALERT_KINDS, assignmentNotices, leaderNotices, type Notice, projectReopened, requesterNotices } from '../../src/domain/notices';
import type { ReminderItem } from '../../src/domain/reminders';
import type { ProjectRequest } from '../../src/domain/request';

const request = { reference: 'DP-2026-0042', title: 'Online bulky uplift booking', status: 'approved' } as ProjectRequest;
const item = { key: 'DP-2026-0042:business-case', reference: 'DP-2026-0042', projectTitle: request.title, recipient: { aadObjectId: 'aad-lead', name: 'Project Lead' }, what: 'Add the business case.', why: 'Approved a month ago.' } as ReminderItem;
const chatRef = { serviceUrl: 'https://smba.example/', conversation: { id: 'a:1:1-chat' } };

const personalChat: OutboxTarget = { kind: 'conversation', reference: chatRef, newThread: false, personId: '29:lead' };
const newChat: OutboxTarget = { kind: 'person', userId: 'aad-lead', tenantId: 'tenant' };
const channelThread: OutboxTarget = { kind: 'conversation', reference: { serviceUrl: 'https://smba.example/', conversation: { id: '19:dsg@thread.tacv2' } }, newThread: true };
const threadReply: OutboxTarget = { kind: 'conversation', reference: { serviceUrl: 'https://smba.example/', conversation: { id: '19:dsg@thread.tacv2;messageid=1' } }, newThread: false };
const update: OutboxTarget = { kind: 'update', reference: chatRef, activityId: 'act-1' };

const notice = (n: Notice): OutboxIntent => ({ kind: 'notice', notice: n });
const reminder: OutboxIntent = { kind: 'reminder', recipientName: 'Project Lead', items: [item] };
const question: OutboxIntent = { kind: 'question', reference: request.reference };
const approved = notice(requesterNotices.approved(request, { priority: 'high', isPriority: false, note: null }));
const ownerRole = notice(assignmentNotices.ownerRole(request, 'Project Lead', 'DSG Chair'));
const action = notice(assignmentNotices.action({ what: 'Draft the business case', due: '2027-01-14', reference: request.reference }, '2026-12-08', 'DSG Chair'));
const digest: OutboxIntent = { kind: 'digest', digest: { kind: 'weekly', audience: 'channel', strands: null, since: null } as never };

describe('which intents alert', () => {
  it('names the alert of reminders, questions, decisions on the requester’s request, and actions and roles given', () => {
    expect(alertKindOf(reminder)).toBe('reminders');
    expect(alertKindOf(question)).toBe('questions');
    for (const news of [
      requesterNotices.approved(request, { priority: 'high', isPriority: true, note: 'Fits' }),
      requesterNotices.declined(request, 'Out of scope'),
      requesterNotices.reused(request, { name: 'Booking system', owningService: 'Waste', link: null }, null),
      requesterNotices.merged(request, request),
      requesterNotices.priorityChanged(request, { priority: 'low', isPriority: false }),
      requesterNotices.ownersAssigned(request, ['Project Lead: A colleague']),
      requesterNotices.statusChanged(request, 'completed'),
    ]) {
      expect(alertKindOf(notice(news))).toBe('decisions');
    }
    expect(alertKindOf(ownerRole)).toBe('assignments');
    expect(alertKindOf(action)).toBe('assignments');
  });

  it('raises none for digests, minutes, triage cards, thread lines, previews and the other notices', () => {
    for (const intent of [
      digest,
      { kind: 'minutes', meetingId: 'm1' },
      { kind: 'triage-card', reference: request.reference },
      { kind: 'text', text: 'Approved by DSG Chair' },
      { kind: 'reminders-preview' },
      notice(leaderNotices.escalated(item, 3)),
      notice(projectReopened(request, 'DSG Chair')),
    ] as OutboxIntent[]) {
      expect(alertKindOf(intent)).toBeNull();
    }
  });
});

describe('whether a queued message alerts', () => {
  it('alerts in a personal chat, known or new, for each kind while it is on', () => {
    for (const intent of [reminder, question, approved, ownerRole, action]) {
      expect(raisesAlert({ target: personalChat, intent }, ALERT_KINDS)).toBe(true);
      expect(raisesAlert({ target: newChat, intent }, ALERT_KINDS)).toBe(true);
    }
  });

  it('never alerts in a channel, a thread, or when a posted card is updated', () => {
    for (const target of [channelThread, threadReply, update]) {
      for (const intent of [reminder, question, approved, ownerRole, digest]) expect(raisesAlert({ target, intent }, ALERT_KINDS)).toBe(false);
    }
  });

  it('never alerts for a digest, even one sent to a person', () => {
    expect(raisesAlert({ target: personalChat, intent: digest }, ALERT_KINDS)).toBe(false);
  });

  it('does not alert for a kind the configuration switched off, and still does for the others', () => {
    const on = ALERT_KINDS.filter((k) => k !== 'decisions');
    expect(raisesAlert({ target: personalChat, intent: approved }, on)).toBe(false);
    expect(raisesAlert({ target: personalChat, intent: reminder }, on)).toBe(true);
    expect(raisesAlert({ target: personalChat, intent: ownerRole }, ['reminders'])).toBe(false);
    for (const intent of [reminder, question, approved, ownerRole, action]) expect(raisesAlert({ target: personalChat, intent }, [])).toBe(false);
  });

  it('does not alert for a notice queued before notices named their alert', () => {
    const { alert: _, ...older } = requesterNotices.declined(request, 'Out of scope');
    expect(raisesAlert({ target: personalChat, intent: { kind: 'notice', notice: older } }, ALERT_KINDS)).toBe(false);
  });
});
