/**
 * The SQL statements one request's submit path runs, as the bot runs it for a person it already knows: the contact
 * recorded (nothing changed), then `request.submit` (the form checked, similar requests looked for, the request
 * stored with its terms, the draft removed, the audit event and the DSG's triage card queued in one transaction).
 * Transaction BEGIN and COMMIT are not counted, nor what is done once: the person's first contact, and reading the
 * re-use catalogue, which the store holds in memory for a minute. Prints the count and each statement.
 */
import { randomUUID } from 'node:crypto';
import type { Deps } from '../src/app/deps';
import { recordContact } from '../src/app/record-contact';
import { submitRequest } from '../src/app/requests/submit-request';
import { WorkingCalendar } from '../src/domain/calendar';
import { EMPTY_SETTINGS } from '../src/domain/settings';
import { runBench, withBenchStore } from './support';

const TARGET = 8;

async function main(): Promise<void> {
  const statements: string[] = [];
  let counting = false;
  await withBenchStore('statements', async (store) => {
    await store.settings.save({ ...EMPTY_SETTINGS, channel: { conversationId: '19:dsg', teamId: 'team', name: 'DSG', reference: { conversation: { id: '19:dsg' } } } }, 0);
    const deps = {
      store,
      clock: { now: () => new Date() },
      calendar: new WorkingCalendar([]),
      newId: randomUUID,
      roles: { adminAadIds: [] },
      kickOutbox: () => undefined,
    } as unknown as Deps;
    const actor = { id: '29:officer', aadObjectId: 'aad-officer', name: 'Council Officer', tenantId: 't' };
    const contact = { actor, conversation: { id: 'a:officer', kind: 'personal' as const, tenantId: 't', teamId: null, name: null, reference: { conversation: { id: 'a:officer' } } } };
    const form = (title: string, problem: string) => ({
      title,
      problem,
      outcome: 'Book online at any time.',
      beneficiaries: 'citizens',
      strand: 'customers',
      principles: 'customer-focused',
      principlesHow: 'Self-service.',
      reuseChecked: 'The national booking service.',
      route: 'reuse',
      personalData: 'false',
    });
    // The person's first message and a first request: what is only done once (the catalogue is read here).
    await recordContact(deps, contact);
    await submitRequest(deps, actor, { formId: randomUUID(), form: form('Online booking for community halls', 'Halls are booked by phone only.'), anyway: false });
    counting = true;
    await recordContact(deps, contact);
    await submitRequest(deps, actor, { formId: randomUUID(), form: form('Skip permits', 'Builders queue at the roads office for a skip permit.'), anyway: false });
    counting = false;
    const counted = statements.filter((sql) => !/^(begin|commit|rollback)\b/i.test(sql.trim()));
    console.log(`request.submit path: ${counted.length} SQL statements (target <= ${TARGET}), BEGIN and COMMIT not counted`);
    for (const sql of counted) console.log(`  ${sql.replace(/\s+/g, ' ').slice(0, 140)}`);
  }, { onQuery: (sql) => counting && statements.push(sql) });
}

runBench(main);
