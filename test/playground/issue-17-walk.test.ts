/**
 * Issue 17's first "Done means" (project health), walked in the Microsoft 365 Agents Playground's own web UI
 * (headless Chromium) on the seeded demo: a Project Lead sets a project to red with a reason from their reminder
 * card, the strand's Digital Leader is alerted through the outbox, and the project card shows it red.
 * Screenshots land in test-artifacts/walks/issue-17-health/. (The issue's other walks, risks, gates and the
 * assurance report, belong beside it.)
 */
import { MOCK_TENANT, MOCK_USERS } from '../../src/playground/mock-tenant';
import { sentReminderItem, useDemoProcessWalk } from './support/walk-bot';

jest.setTimeout(180_000);
const { projectLeadLearning2 } = MOCK_USERS;
const REASON = 'The supplier has withdrawn from the contract';

const w = useDemoProcessWalk('issue-17-health');

const pause = () => new Promise((r) => setTimeout(r, 300));

it('sets a project red with a reason from the reminder card, alerts its Digital Leader, and shows it red on the project card', () => w.ui.walk(async () => {
  // 1. The reminder engine asks the lead for the status of a project whose month has come round (the demo has some).
  const { key, items, index } = await sentReminderItem(w, projectLeadLearning2, (i) => i.kind === 'health' && i.health?.current?.overall.rag !== 'red');
  const asked = items[index];

  // 2. The lead opens Update status on it, sets overall red with the reason, and saves (the invoke Teams sends).
  const typed = { ragOverall: 'red', ragOverallReason: REASON, ragTime: 'red', ragTimeReason: 'Go-live cannot happen this year', ragCost: 'amber', ragCostReason: 'Re-procurement costs', ragScope: 'green', ragScopeReason: '' };
  await w.ui.pressAs(projectLeadLearning2, MOCK_TENANT.personalChat.id, 'reminder.health', {
    messageId: key,
    itemKey: asked.key,
    reference: asked.reference,
    version: asked.health!.version,
    item: index,
    ...Object.fromEntries(Object.entries(typed).map(([f, v]) => [`i${index}_${f}`, v])),
  });
  const latest = async () => (await w.read((store) => store.projects.get(asked.reference)))!.health;
  for (let i = 0; i < 30 && (await latest())?.ratings.overall.rag !== 'red'; i++) await pause();
  expect(await latest()).toMatchObject({ version: asked.health!.version + 1, setBy: projectLeadLearning2.name, ratings: { overall: { rag: 'red', reason: REASON } } });

  // 3. The strand's Digital Leader is alerted at once, through the outbox.
  const alertKey = `health-red:${asked.reference}:v${asked.health!.version + 1}`;
  const alert = async () => w.read((store) => store.outbox.get(alertKey));
  for (let i = 0; i < 60 && (await alert())?.status !== 'sent'; i++) await pause();
  const sent = await alert();
  expect({ status: sent?.status, lastError: sent?.lastError }).toEqual({ status: 'sent', lastError: null });
  expect(sent?.intent).toMatchObject({ kind: 'notice', notice: { title: `Red: ${asked.reference}`, alert: 'health' } });

  // 4. Anyone opening the project sees it red, with the reason.
  await w.ui.say(`project ${asked.reference}`);
  const card = await w.ui.waitForText(new RegExp(REASON));
  expect(await card.innerText()).toMatch(/Health[\s\S]*Red/);
  await w.ui.shot('01-project-card-red', card);
}, 'failed'));
