import { cardBytes } from '../../src/presenters/render';
import { BENEFIT_COLOURS, DIGEST_BUDGET_BYTES, digestCard, SHORT_STRANDS, STATUS_COLOURS } from '../../src/presenters/digest';
import { buildDigest, type DigestSource } from '../../src/domain/digest';
import { LIMITS } from '../../src/domain/request-form';
import { STRANDS } from '../../src/domain/catalogue';
import type { ReminderState } from '../../src/domain/reminders';
import { sampleMilestone } from '../support/sample-milestone';
import { sampleProject } from '../support/sample-project';
import { sampleRequest } from '../support/sample-request';
import { bigSource } from '../support/busy-digest';
import { cardProblems, find, ofType, visibleText } from './card-checks';

describe('digestCard', () => {
  it('stays well under 28 KB with every section full of the longest titles, and passes every card check', () => {
    const digest = buildDigest(bigSource());
    expect(digest.sections).toHaveLength(8);
    const card = digestCard(digest);
    expect(cardProblems(card)).toEqual([]);
    expect(cardBytes(card)).toBeLessThanOrEqual(DIGEST_BUDGET_BYTES);
    // Cut lists say how many more there are and how to see them all.
    expect(visibleText(card)).toMatch(/\band \d+ more\n/);
    const showAll = ofType(card, 'Action.Execute').filter((a) => String(a.title).startsWith('Show all'));
    expect(new Set(showAll.map((a) => a.verb))).toEqual(new Set(['request.pending', 'programme.show', 'milestone.list']));
    expect(showAll.filter((a) => a.verb === 'milestone.list').map((a) => (a.data as { which: string }).which)).toEqual(['due-soon', 'overdue', 'completed']);
  });

  it('shows each chart with its numbers in words beside it, and opens each item with Action.Execute', () => {
    const card = digestCard(buildDigest({ ...bigSource(), meetings: [{ date: '2026-12-10', startTime: '10:00', place: null }] }));
    const donut = ofType(card, 'Chart.Donut')[0];
    expect(donut.data).toEqual([
      { legend: 'Approved', value: 266, color: STATUS_COLOURS.approved },
      { legend: 'In delivery', value: 134, color: STATUS_COLOURS['in-delivery'] },
    ]);
    expect(visibleText(card)).toContain('Approved: 266');
    expect(visibleText(card)).toMatch(/Realised in 2026\/27: £[\d,]+ · savings recorded for April 2026–March 2027, all projects/);
    expect(visibleText(card)).toContain('By status: projects approved by 31 March 2027, by their status now.');
    // Short strand names under the bars; the full names, with the short ones, in the FactSet.
    const bars = ofType(card, 'Chart.VerticalBar').find((c) => c.id === 'chart-strand')?.data as { x: string }[];
    expect(bars.map((b) => b.x)).toEqual(Object.values(SHORT_STRANDS));
    expect(Math.max(...bars.map((b) => b.x.length))).toBeLessThanOrEqual(5);
    for (const s of STRANDS) expect(visibleText(card)).toMatch(new RegExp(`${s.name} \\(${SHORT_STRANDS[s.id]}\\): \\d+`));
    expect(visibleText(card)).toContain('Next DSG meeting: 10 Dec 2026 at 10:00.');
    const opens = ofType(card, 'Container').map((c) => c.selectAction as { verb?: string } | undefined).filter(Boolean);
    expect(new Set(opens.map((a) => a?.verb))).toEqual(new Set(['project.view', 'request.view']));
  });

  it("opens the agenda from the DSG's pre-meeting digest only", () => {
    const verbs = (card: unknown) => ofType(card, 'Action.Execute').map((a) => a.verb);
    const before = { ...bigSource(), kind: 'pre-meeting' as const, meeting: '2026-12-10', meetings: [{ date: '2026-12-10', startTime: '10:00', place: null }] };
    expect(verbs(digestCard(buildDigest(before)))).toContain('agenda.show');
    expect(verbs(digestCard(buildDigest({ ...before, audience: 'channel' as const })))).not.toContain('agenda.show');
    expect(verbs(digestCard(buildDigest(bigSource())))).not.toContain('agenda.show');
  });

  it("draws neighbouring series at least three steps apart on Teams' light-to-dark sequential ramp", () => {
    // Teams does not publish its chart colours' values, so lightness is set by the ramp's steps:
    // approved light, in delivery middle, completed dark; planned and realised savings likewise.
    const step = (colour: string) => Number(/^sequential([1-8])$/.exec(colour)?.[1]);
    const statuses = [STATUS_COLOURS.approved, STATUS_COLOURS['in-delivery'], STATUS_COLOURS.completed].map(step);
    expect(statuses[1] - statuses[0]).toBeGreaterThanOrEqual(3);
    expect(statuses[2] - statuses[1]).toBeGreaterThanOrEqual(3);
    expect(step(BENEFIT_COLOURS.realised) - step(BENEFIT_COLOURS.planned)).toBeGreaterThanOrEqual(3);
    const card = digestCard(buildDigest(bigSource()));
    const benefits = ofType(card, 'Chart.VerticalBar').find((c) => c.id === 'chart-benefits')?.data as { color: string }[];
    expect(benefits.map((b) => b.color)).toEqual([BENEFIT_COLOURS.planned, BENEFIT_COLOURS.realised]);
  });

  it("first shows each section's heading with its count and the four items that most need attention; Show more shows the rest and the charts", () => {
    const digest = buildDigest(bigSource());
    const card = digestCard(digest);
    const headings = ofType(card, 'TextBlock').filter((t) => t.style === 'heading').map((t) => t.text);
    expect(headings).toEqual(expect.arrayContaining(digest.sections.map((s) => `${s.title} (${s.items.length + s.more})`)));
    const items = ofType(card, 'Container').filter((c) => c.selectAction);
    const first = items.filter((c) => c.isVisible !== false);
    expect(first).toHaveLength(4);
    // Sections whose first item needs attention come first; each shows one item before any shows two.
    const highlighted = digest.sections.filter((s) => s.items[0].highlight).slice(0, 4).map((s) => s.items[0].reference);
    expect(first.map((c) => (c.selectAction as { data: { reference: string } }).data.reference)).toEqual(highlighted);
    const toggle = find(card, (o) => o.type === 'Action.ToggleVisibility' && o.title === 'Show more')[0];
    expect(toggle.targetElements).toEqual(expect.arrayContaining([...items.filter((c) => c.isVisible === false).map((c) => c.id), 'digest-programme', 'digest-benefits']));
    expect(find(card, (o) => o.id === 'digest-programme')[0].isVisible).toBe(false);
  });

  it('shows every item of a short digest at once, with no Show more', () => {
    const source = bigSource();
    const card = digestCard(buildDigest({ ...source, programme: [], pending: source.pending.slice(0, 2), newRequests: source.pending.slice(0, 2), decisions: [], reminderStates: [], unreachable: [] }));
    expect(cardProblems(card)).toEqual([]);
    expect(ofType(card, 'Container').filter((c) => c.selectAction && c.isVisible === false)).toEqual([]);
    expect(find(card, (o) => o.type === 'Action.ToggleVisibility')).toEqual([]);
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
