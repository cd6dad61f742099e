import { contractCalledFor, contractKey, contractNoticeBy, contractReminders, reminderSubject, renewalError, replacementValues, solutionIdOfKey } from '../../src/domain/procurement';
import { DEFAULT_THRESHOLDS, referenceOfKey, type ReminderState, selectReminders, stateKey } from '../../src/domain/reminders';
import { validateRequestForm } from '../../src/domain/request-form';
import { EMPTY_SETTINGS } from '../../src/domain/settings';
import { sampleSolution } from '../support/sample-solution';

const TODAY = '2026-12-04';
const customers = { aadObjectId: 'aad-dl-customers', name: 'Digital Leader (Customers)' };
const estates = { aadObjectId: 'aad-dl-estates', name: 'Digital Leader (Estates)' };
const chair = { aadObjectId: 'aad-chair', name: 'DSG Chair' };
const settings = { ...EMPTY_SETTINGS, chair, leaders: { customers, estates } };

describe('contractReminders: a licence or contract ending within 6 months', () => {
  const halls = sampleSolution({ id: 'sol-halls', contractEnds: '2027-03-31' });

  it("reminds the Digital Leader of each of the entry's strands, keyed by the entry under the catalogue's group", () => {
    const items = contractReminders([halls], settings, TODAY);
    expect(items.map((i) => i.recipient)).toEqual([customers, estates]);
    expect(items[0]).toMatchObject({
      key: 'Catalogue:contract-ending:sol-halls',
      reference: 'Catalogue',
      kind: 'contract-ending',
      milestoneId: null,
      fingerprint: '2027-03-31',
      what: 'The licence or contract for Community hall and room booking (Customer Services) ends on 31 Mar 2027.',
    });
    expect(items[0].why).toMatch(/join up any future procurement/);
  });

  it('flags an end date on the last day 6 months ahead, not the day after, and one that has ended', () => {
    expect(contractNoticeBy(TODAY)).toBe('2027-06-04');
    expect(contractReminders([{ ...halls, contractEnds: '2027-06-04' }], settings, TODAY)).toHaveLength(2);
    expect(contractReminders([{ ...halls, contractEnds: '2027-06-05' }], settings, TODAY)).toEqual([]);
    expect(contractReminders([{ ...halls, contractEnds: '2026-11-30' }], settings, TODAY)[0].what).toBe(
      'The licence or contract for Community hall and room booking (Customer Services) ended on 30 Nov 2026.',
    );
  });

  it('leaves out retired entries and entries with no end date', () => {
    expect(contractReminders([{ ...halls, retired: true }, { ...halls, contractEnds: null }], settings, TODAY)).toEqual([]);
    expect([halls, { ...halls, retired: true }, { ...halls, contractEnds: null }, { ...halls, contractEnds: '2028-01-31' }].map((s) => contractCalledFor(s, TODAY))).toEqual([true, false, false, false]);
  });

  it('reminds one person once when they lead both strands, and the chair when no strand has a Digital Leader', () => {
    expect(contractReminders([halls], { ...settings, leaders: { customers, estates: customers } }, TODAY).map((i) => i.recipient)).toEqual([customers]);
    expect(contractReminders([halls], { ...settings, leaders: { learning: estates } }, TODAY).map((i) => i.recipient)).toEqual([chair]);
    expect(contractReminders([halls], { ...settings, leaders: {}, chair: null }, TODAY)).toEqual([]);
  });

  it('follows the same rhythm, no-repeat and escalation rules as other reminders; a renewal to another near date is a new item', () => {
    const days = (iso: string) => Math.floor((Date.parse(TODAY) - Date.parse(iso)) / 86_400_000);
    const [item] = contractReminders([{ ...halls, strands: ['customers'] }], settings, TODAY);
    const first = selectReminders([item], new Map(), `${TODAY}T09:00:00.000Z`, days);
    expect(first.send.get(customers.aadObjectId)).toEqual([item]);
    const known = (s: ReminderState) => new Map([[stateKey(s.key, s.recipientId), s]]);
    // Sent yesterday: not again until the rhythm allows.
    const sent: ReminderState = { ...first.states[0], lastSentAt: '2026-12-03T09:00:00.000Z' };
    expect(selectReminders([item], known(sent), `${TODAY}T09:00:00.000Z`, days).send.size).toBe(0);
    // Chased three times with no change: the next reminder is escalated, once.
    const often: ReminderState = { ...sent, count: DEFAULT_THRESHOLDS.escalateAfter, lastSentAt: '2026-11-20T09:00:00.000Z' };
    expect(selectReminders([item], known(often), `${TODAY}T09:00:00.000Z`, days).escalate).toEqual([item]);
    // Snoozed: nothing until the snooze is over.
    expect(selectReminders([item], known({ ...often, snoozedUntil: '2026-12-10T00:00:00.000Z' }), `${TODAY}T09:00:00.000Z`, days).send.size).toBe(0);
    // Renewed to a date still within 6 months: counted afresh.
    const [renewed] = contractReminders([{ ...halls, strands: ['customers'], contractEnds: '2027-05-31' }], settings, TODAY);
    const after = selectReminders([renewed], known(often), `${TODAY}T09:00:00.000Z`, days);
    expect(after.escalate).toEqual([]);
    expect(after.states[0]).toMatchObject({ count: 1, fingerprint: '2027-05-31' });
  });
});

describe('contract item keys', () => {
  it('name the entry, and the group as their reference, apart from project keys', () => {
    expect(contractKey('sol-1')).toBe('Catalogue:contract-ending:sol-1');
    expect(solutionIdOfKey('Catalogue:contract-ending:sol-1')).toBe('sol-1');
    expect(solutionIdOfKey('DP-2026-0012:plan')).toBeNull();
    expect(solutionIdOfKey('DSG:action:a-1')).toBeNull();
    expect(referenceOfKey(contractKey('sol-1'))).toBe('Catalogue');
  });

  it('audit an answer against the entry, and a project item against its request', () => {
    expect(reminderSubject({ key: contractKey('sol-1'), reference: 'Catalogue' })).toEqual({ subjectType: 'solution', subjectId: 'sol-1' });
    expect(reminderSubject({ key: 'DP-2026-0012:plan', reference: 'DP-2026-0012' })).toEqual({ subjectType: 'request', subjectId: 'DP-2026-0012' });
  });
});

describe('renewalError', () => {
  it('asks for a date after today', () => {
    expect(renewalError('', TODAY)).toBe('Enter the new licence or contract end date, like 2028-03-31.');
    expect(renewalError('31/03/2028', TODAY)).toBe('Enter the new licence or contract end date, like 2028-03-31.');
    expect(renewalError(TODAY, TODAY)).toBe('The new end date must be in the future: after 4 Dec 2026.');
    expect(renewalError('2026-01-01', TODAY)).toBe('The new end date must be in the future: after 4 Dec 2026.');
    expect(renewalError('2026-12-05', TODAY)).toBe('');
  });
});

describe('replacementValues', () => {
  it('pre-fills a request from the entry, leaving the choices the requester must make', () => {
    const values = replacementValues(sampleSolution());
    expect(values).toEqual({
      title: 'Replace Community hall and room booking',
      problem:
        'The licence or contract for Community hall and room booking, owned by Customer Services, ends on 31 Mar 2027. What it does: Residents and groups book council halls, rooms and pitches online and pay when they book.',
      outcome: 'A replacement for Community hall and room booking in place before it ends, joined up with the Digital Strategy, so the people who use it are not left without it.',
      strand: 'customers',
      reuseChecked: "Community hall and room booking, the council's current solution (owned by Customer Services).",
    });
    const check = validateRequestForm(values, TODAY);
    expect(check.ok).toBe(false);
    // What is pre-filled passes the form's checks; beneficiaries, principles, the route and the rest are left to them.
    if (!check.ok) for (const field of ['title', 'problem', 'outcome', 'strand', 'reuseChecked'] as const) expect(check.errors[field]).toBeUndefined();
    if (!check.ok) expect(check.errors.beneficiaries).toBeDefined();
  });

  it('keeps the title within the form’s limit', () => {
    expect(Array.from(replacementValues(sampleSolution({ name: 'x'.repeat(120) })).title ?? '')).toHaveLength(120);
  });
});
