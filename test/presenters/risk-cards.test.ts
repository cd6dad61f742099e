import { projectCard } from '../../src/presenters/project';
import { riskFormCard, riskSection } from '../../src/presenters/risks';
import { orderedLog } from '../../src/domain/risks';
import { sampleProject } from '../support/sample-project';
import { sampleRequest } from '../support/sample-request';
import { sampleRisk } from '../support/sample-risk';
import { actionsOf, cardProblems, find, inputById, paragraphs } from './card-checks';

const TODAY = '2026-12-04';
const people = [{ aadObjectId: 'aad-lead', name: 'Lee Lead' }, { aadObjectId: 'aad-pm', name: 'Pat Manager' }];

describe('the risk form', () => {
  it('adds: a risk by default, no status to choose, Save sends risk.add with the reference and Cancel draws the project card', () => {
    const card = riskFormCard({ reference: 'DP-2026-0007', title: 'Online bookings', people, today: TODAY });
    expect(cardProblems(card)).toEqual([]);
    expect(inputById(card, 'riskKind')?.value).toBe('risk');
    expect(inputById(card, 'riskStatus')).toBeUndefined();
    expect(actionsOf(card).filter((a) => a.type === 'Action.Execute').map((a) => [a.title, a.verb, a.data])).toEqual([
      ['Save', 'risk.add', { reference: 'DP-2026-0007', riskId: '', version: '0' }],
      ['Cancel', 'project.view', { reference: 'DP-2026-0007', here: true }],
    ]);
  });

  it('edits: the entry’s values, its status, its version; what was typed wins, each problem under its input, and the owner stays listed', () => {
    const entry = sampleRisk({ owner: { aadObjectId: 'aad-someone', name: 'Someone Else' }, version: 4 });
    const card = riskFormCard({ reference: entry.reference, title: 'Online bookings', entry, people, today: TODAY, values: { riskLikelihood: '7' }, errors: { riskLikelihood: 'Likelihood is a whole number from 1 (rare) to 5 (almost certain).' } });
    expect(cardProblems(card)).toEqual([]);
    expect(inputById(card, 'riskLikelihood')?.value).toBe('7');
    expect(inputById(card, 'riskImpact')?.value).toBe('5');
    expect(inputById(card, 'riskStatus')?.value).toBe('open');
    expect((inputById(card, 'riskOwner')?.choices as { title: string; value: string }[]).map((c) => c.title)).toEqual(['Lee Lead', 'Pat Manager', 'Someone Else']);
    expect(paragraphs(card)).toEqual(expect.arrayContaining(['Not saved: please fix the problem marked below.']));
    expect(find(card, (o) => o.type === 'TextBlock' && o.text === 'Likelihood is a whole number from 1 (rare) to 5 (almost certain).')).toHaveLength(1);
    expect(actionsOf(card).find((a) => a.verb === 'risk.edit')?.data).toEqual({ reference: entry.reference, riskId: entry.id, version: '4' });
  });
});

describe('the log on the project card', () => {
  const log = orderedLog([
    sampleRisk({ id: 'low', likelihood: 1, impact: 2 }),
    sampleRisk({ id: 'high', reviewDate: '2026-12-01' }),
    sampleRisk({ id: 'closed', status: 'closed' }),
    sampleRisk({ id: 'issue', kind: 'issue', likelihood: null, impact: 2 }),
  ]);

  it('shows open entries first, highest score first, an overdue review and high score marked, Edit where the person may', () => {
    const { risks, risksNote, risksAttention } = riskSection(log, ['high'], TODAY, 3, 200);
    expect(risksAttention).toBe('Risks and issues: 1 scoring 15 or more, 1 past its review date. Show more lists them.');
    expect(risks.map((r) => [r.id, r.scoreText, r.scoreColour, r.reviewLine, r.canEdit])).toEqual([
      ['high', 'Score 20 (likelihood 4 × impact 5)', 'attention', 'Review was due 1 Dec 2026', true],
      ['issue', 'Score 10 (issue, impact 2)', 'warning', 'Review by 8 Jan 2027', false],
      ['low', 'Score 2 (likelihood 1 × impact 2)', 'default', 'Review by 8 Jan 2027', false],
    ]);
    expect(risksNote).toBe('and 1 more (1 closed): all of them are in the Programme tab');
    expect(riskSection([], [], TODAY, 3, 200)).toEqual({ risks: [], risksNote: 'No risks or issues recorded.' });
  });

  it('draws the section under Show more on the project card, with Add risk or issue for those who may, and the attention line on the first screen', () => {
    const request = sampleRequest({ status: 'in-delivery' });
    const card = projectCard({ request, project: sampleProject(request.reference), today: TODAY, canEdit: true, risks: log, editableRisks: ['high'], canAddRisk: true });
    expect(cardProblems(card)).toEqual([]);
    expect(paragraphs(card)).toEqual(expect.arrayContaining(['Risk · Score 20 (likelihood 4 × impact 5) · Open', 'The supplier may not deliver the booking module in time', 'Owner: Lee Lead · Review was due 1 Dec 2026']));
    const more = find(card, (o) => o.id === 'project-more')[0];
    expect(paragraphs(more)).toContain('The supplier may not deliver the booking module in time');
    expect(paragraphs(card)).toContain('Risks and issues: 1 scoring 15 or more, 1 past its review date. Show more lists them.');
    const riskButtons = actionsOf(card).filter((a) => a.verb === 'risk.form' && a.type === 'Action.Execute');
    expect(riskButtons.map((a) => [a.title, a.data])).toEqual([
      ['Edit risk', { reference: request.reference, riskId: 'high' }],
      ['Add risk or issue', { reference: request.reference }],
    ]);
  });
});
