import { cardBytes } from '../../src/presenters/render';
import { DIGEST_BUDGET_BYTES, digestCard } from '../../src/presenters/digest';
import { buildDigest } from '../../src/domain/digest';
import { bigSource } from '../support/busy-digest';
import { cardProblems, ofType, visibleText } from './card-checks';

describe('digestCard', () => {
  it('stays well under 28 KB with every section full of the longest titles, and passes every card check', () => {
    const digest = buildDigest(bigSource());
    expect(digest.sections).toHaveLength(8);
    const card = digestCard(digest);
    expect(cardProblems(card)).toEqual([]);
    expect(cardBytes(card)).toBeLessThanOrEqual(DIGEST_BUDGET_BYTES);
    // Cut lists say how many more there are and how to see them all.
    expect(visibleText(card)).toMatch(/and \d+ more – type `pending`/);
    expect(visibleText(card)).toMatch(/and \d+ more – type `programme`/);
  });

  it('shows each chart with its numbers in words beside it, and opens each item with Action.Execute', () => {
    const card = digestCard(buildDigest({ ...bigSource(), meetings: ['2026-12-10'] }));
    const donut = ofType(card, 'Chart.Donut')[0];
    expect(donut.data).toEqual([
      { legend: 'Approved', value: 266 },
      { legend: 'In delivery', value: 134 },
    ]);
    expect(visibleText(card)).toContain('Approved: 266');
    expect(visibleText(card)).toContain('Realised in 2026/27: £');
    expect(visibleText(card)).toContain('Next DSG meeting: 10 Dec 2026.');
    const opens = ofType(card, 'Container').map((c) => c.selectAction as { verb?: string } | undefined).filter(Boolean);
    expect(new Set(opens.map((a) => a?.verb))).toEqual(new Set(['project.view', 'request.view']));
  });

  it("opens the agenda from the DSG's pre-meeting digest only", () => {
    const verbs = (card: unknown) => ofType(card, 'Action.Execute').map((a) => a.verb);
    const before = { ...bigSource(), kind: 'pre-meeting' as const, meeting: '2026-12-10', meetings: ['2026-12-10'] };
    expect(verbs(digestCard(buildDigest(before)))).toContain('agenda.show');
    expect(verbs(digestCard(buildDigest({ ...before, audience: 'channel' as const })))).not.toContain('agenda.show');
    expect(verbs(digestCard(buildDigest(bigSource())))).not.toContain('agenda.show');
  });

  it('says so plainly when there is nothing to report', () => {
    const card = digestCard(buildDigest({ ...bigSource(), programme: [], pending: [], newRequests: [], decisions: [], reminderStates: [], unreachable: [] }));
    expect(cardProblems(card)).toEqual([]);
    expect(visibleText(card)).toContain('Nothing new, nothing waiting and nothing late.');
    expect(ofType(card, 'Chart.Donut')).toEqual([]);
  });
});

describe('the card checks know charts', () => {
  const cardWith = (...body: object[]) => ({ type: 'AdaptiveCard', $schema: 'http://adaptivecards.io/schemas/adaptive-card.json', version: '1.5', body });
  const donut = { type: 'Chart.Donut', id: 'c', title: 'By status', data: [{ legend: 'Approved', value: 3 }], fallback: 'drop' };
  const words = { type: 'FactSet', id: 'c-text', facts: [{ title: 'Approved', value: '3' }] };

  it('accepts a chart with a text equivalent', () => expect(cardProblems(cardWith(donut, words))).toEqual([]));
  it('refuses a chart without one', () => expect(cardProblems(cardWith(donut))).toContain('$.body[0] Chart.Donut has no text equivalent (an element with id c-text)'));
  it('refuses a chart without a fallback, or with data Teams cannot draw', () => {
    expect(cardProblems(cardWith({ ...donut, fallback: undefined }, words)).join()).toMatch(/has no fallback/);
    expect(cardProblems(cardWith({ ...donut, data: [{ legend: 'Approved', value: '3' }] }, words)).join()).toMatch(/needs a legend and a numeric value/);
    expect(cardProblems(cardWith({ ...donut, type: 'Chart.Bubble' }, words)).join()).toMatch(/Unknown element type "Chart.Bubble"/);
  });
});
