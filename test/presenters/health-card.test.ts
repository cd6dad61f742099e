import { healthRules } from '../support/health-rules';
import { healthOf, type HealthUpdate } from '../../src/domain/health';
import { programmeCard } from '../../src/presenters/programme';
import { projectCard } from '../../src/presenters/project';
import { sampleProject } from '../support/sample-project';
import { sampleRequest } from '../support/sample-request';
import { actionsOf, cardProblems, find, inputById, paragraphs } from './card-checks';

const TODAY = '2026-12-03';
const rules = healthRules();
const request = sampleRequest({ status: 'in-delivery', title: 'Online booking for bulky uplifts' });
const update: HealthUpdate = {
  version: 3,
  ratings: { overall: { rag: 'amber', reason: 'Supplier late' }, time: { rag: 'red', reason: 'Go-live moved to March' }, cost: { rag: 'green', reason: null }, scope: { rag: 'green', reason: null } },
  setAt: '2026-11-20T10:00:00.000Z',
  setBy: 'Project Lead (Waste Services) 2',
  confirmed: false,
};
const project = sampleProject(request.reference, { health: update });
const cardFor = (overrides: Partial<Parameters<typeof projectCard>[0]> = {}) =>
  projectCard({ request, project, today: TODAY, canEdit: true, health: healthOf('in-delivery', update, TODAY, rules), ...overrides });

describe('health on the project card', () => {
  it('shows the overall status in its colour, each aspect with its reason, and who set it when', () => {
    const card = cardFor();
    expect(cardProblems(card)).toEqual([]);
    expect(find(card, (o) => o.type === 'TextRun' && o.text === 'Amber')[0]).toMatchObject({ color: 'warning', weight: 'Bolder' });
    expect(paragraphs(card)).toEqual(expect.arrayContaining(['Time: Red: Go-live moved to March', 'Cost: Green', 'Set by Project Lead (Waste Services) 2 on 20 Nov 2026']));
  });

  it('offers Still amber? and Update health to the lead and manager only, the form filled with the statuses as they are', () => {
    const theirs = cardFor({ canSetHealth: true });
    const confirm = actionsOf(theirs).find((a) => a.verb === 'health.confirm')!;
    expect(confirm).toMatchObject({ title: 'Still amber?', data: { reference: request.reference, version: 3 } });
    expect(actionsOf(theirs).find((a) => a.verb === 'health.set')!.data).toEqual({ reference: request.reference, version: 3 });
    expect(inputById(theirs, 'ragTime')).toMatchObject({ type: 'Input.ChoiceSet', value: 'red', isRequired: true });
    expect(inputById(theirs, 'ragTimeReason')).toMatchObject({ value: 'Go-live moved to March' });
    const others = cardFor({ canSetHealth: false });
    expect(actionsOf(others).filter((a) => String(a.verb).startsWith('health.'))).toEqual([]);
    expect(inputById(others, 'ragTime')).toBeUndefined();
  });

  it('keeps what was typed with the problem under its input', () => {
    const card = cardFor({ canSetHealth: true, values: { ragOverall: 'red', ragOverallReason: '' }, errors: { ragOverallReason: 'Say why the overall status is red: a reason is required for amber and red.' } });
    expect(inputById(card, 'ragOverall')).toMatchObject({ value: 'red' });
    expect(paragraphs(card)).toContain('Not saved. Open Update health to fix the problem marked.');
    expect(find(card, (o) => o.type === 'TextBlock' && o.text === 'Say why the overall status is red: a reason is required for amber and red.')).toHaveLength(1);
  });

  it('shows grey, "not updated since", once stale; nothing for a project not in delivery', () => {
    const stale = cardFor({ health: healthOf('in-delivery', update, '2027-01-05', rules) });
    expect(find(stale, (o) => o.type === 'TextRun' && o.text === 'Not updated since 20 Nov 2026')[0]).toMatchObject({ color: 'default' });
    const approved = projectCard({ request: { ...request, status: 'approved' }, project, today: TODAY, canEdit: true, health: null });
    expect(find(approved, (o) => o.type === 'TextBlock' && o.text === 'Health')).toEqual([]);
  });
});

describe('health in the programme list', () => {
  it('shows each project in delivery with its status in its colour, grey once stale, and nothing for one only approved', () => {
    const approved = sampleRequest({ status: 'approved', title: 'Garden waste permits online' });
    const card = programmeCard(
      [
        { request, project, health: healthOf('in-delivery', update, '2027-01-05', rules) },
        { request: approved, project: sampleProject(approved.reference), health: null },
      ],
      1,
      10,
      2,
      TODAY,
    );
    expect(cardProblems(card)).toEqual([]);
    expect(find(card, (o) => o.type === 'TextRun' && o.text === 'Health: Not updated since 20 Nov 2026')[0]).toMatchObject({ color: 'default' });
    expect(find(card, (o) => o.type === 'TextRun' && String(o.text).startsWith('Health:'))).toHaveLength(1);
    const red = programmeCard([{ request, project, health: healthOf('in-delivery', { ...update, ratings: { ...update.ratings, overall: { rag: 'red', reason: 'No supplier' } } }, TODAY, rules) }], 1, 10, 1, TODAY);
    expect(find(red, (o) => o.type === 'TextRun' && o.text === 'Health: Red')[0]).toMatchObject({ color: 'attention' });
  });
});
