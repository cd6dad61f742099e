import { completeConfirmation, withConfirmation, withdrawConfirmation } from '../../src/presenters/confirm';
import { projectCard } from '../../src/presenters/project';
import { requestDetailCard } from '../../src/presenters/request-detail';
import { sampleMilestone } from '../support/sample-milestone';
import { sampleProject } from '../support/sample-project';
import { sampleRequest } from '../support/sample-request';
import { cardProblems, find, inputById, ofType, paragraphs } from './card-checks';

const TODAY = '2026-12-04';
const request = sampleRequest({ reference: 'DP-2026-0011', status: 'in-delivery', title: 'Bin sensors' });
const project = sampleProject('DP-2026-0011', {
  version: 4,
  milestones: [sampleMilestone({ title: 'Discovery', due: '2026-11-30' }), sampleMilestone({ title: 'Pilot', due: '2027-01-31' }), sampleMilestone({ title: 'Go live', due: '2027-06-30' })],
});
const host = projectCard({ request, project, today: TODAY, canEdit: true, canRecordBenefit: true });

describe('withConfirmation', () => {
  const card = withConfirmation(host, completeConfirmation(request, project, TODAY));

  it('puts the confirmation on top of the same card, valid, with only Confirm and Cancel to press', () => {
    expect(cardProblems(card)).toEqual([]);
    expect(paragraphs(card).slice(0, 2)).toEqual([
      'Mark DP-2026-0011 completed?',
      '"Bin sensors" leaves delivery and shows as completed in the programme, the digest and the tab. The requester is told.',
    ]);
    expect(paragraphs(card)).toContain('Bin sensors');
    expect(card.actions).toBeUndefined();
    const buttons = find(card, (o) => typeof o.type === 'string' && o.type.startsWith('Action.') && o.type !== 'Action.Submit');
    expect(buttons.map((b) => [b.title, b.verb, b.data, b.style ?? null])).toEqual([
      ['Mark project completed', 'project.status', { reference: 'DP-2026-0011', version: 4, status: 'completed', step: 'confirm' }, 'destructive'],
      ['Cancel', 'project.status', { reference: 'DP-2026-0011', version: 4, status: 'completed', step: 'cancel' }, null],
    ]);
    expect(find(card, (o) => o.type === 'Action.Submit').map((b) => b.data)).toEqual([
      { verb: 'project.status', reference: 'DP-2026-0011', version: 4, status: 'completed', step: 'confirm' },
      { verb: 'project.status', reference: 'DP-2026-0011', version: 4, status: 'completed', step: 'cancel' },
    ]);
    // Cancel sends no inputs, so the required question does not stop it.
    expect(find(card, (o) => o.title === 'Cancel').every((b) => b.associatedInputs === 'none')).toBe(true);
  });

  it('lists what is still open and asks what becomes of it; the only inputs are its own', () => {
    expect(paragraphs(card)).toEqual(
      expect.arrayContaining(['• 1 late and 2 planned milestones', "• Late: 'Discovery', due 30 Nov 2026", "• Planned: 'Pilot', due 31 Jan 2027"]),
    );
    expect(find(card, (o) => typeof o.type === 'string' && o.type.startsWith('Input.')).map((i) => i.id)).toEqual(['fate', 'dropReason']);
    expect(inputById(card, 'fate')).toMatchObject({ isRequired: true, label: 'What becomes of the 1 late and 2 planned milestones?' });
  });

  it('keeps what was typed and says what is wrong when sent back', () => {
    const again = withConfirmation(host, completeConfirmation(request, project, TODAY, { errors: { dropReason: 'Give the reason.' }, values: { fate: 'dropped', dropReason: 'x'.repeat(600) } }));
    expect(inputById(again, 'fate')?.value).toBe('dropped');
    expect(String(inputById(again, 'dropReason')?.value)).toHaveLength(500);
    expect(paragraphs(again)).toEqual(expect.arrayContaining(['Not completed yet: answer the question below.', 'Give the reason.']));
  });

  it('asks no question when nothing is open', () => {
    const closed = { ...project, milestones: [] };
    const none = withConfirmation(projectCard({ request, project: closed, today: TODAY, canEdit: true }), completeConfirmation(request, closed, TODAY));
    expect(cardProblems(none)).toEqual([]);
    expect(ofType(none, 'Input.ChoiceSet')).toEqual([]);
    expect(paragraphs(none)).toContain('No milestones are still open.');
  });

  it('keeps the card whole on a request with long texts, or its heading when it would be too big', () => {
    const long = sampleRequest({ problem: 'p'.repeat(4000), outcome: 'o'.repeat(4000), principlesHow: 'h'.repeat(4000), reuseChecked: 'r'.repeat(4000) });
    const asked = withConfirmation(requestDetailCard(long, [], true), withdrawConfirmation(long, null));
    expect(cardProblems(asked)).toEqual([]);
    expect(paragraphs(asked)[0]).toBe(`Withdraw ${long.reference}?`);
  });
});
