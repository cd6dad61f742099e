import { arrangeAgenda, changeAgenda, EMPTY_AGENDA_PLAN } from '../../src/domain/agenda-plan';
import type { AgendaItem } from '../../src/domain/meetings';

const NOW = '2026-12-04T10:00:00.000Z';
const item = (id: string): AgendaItem => ({ id, source: 'awaiting-decision', reference: null, title: `Item ${id}`, detail: '', addedBy: null });
const draft = [item('a'), item('b'), item('c')];
const ids = (items: AgendaItem[]) => items.map((i) => i.id);

describe('arranging the agenda', () => {
  it('keeps the draft as it is until someone arranges it', () => {
    expect(arrangeAgenda(draft, EMPTY_AGENDA_PLAN)).toEqual({ items: draft, removed: [] });
  });

  it('moves items up and down, and the arrangement holds when the agenda is drafted again with new items (after the arranged ones)', () => {
    const up = changeAgenda(EMPTY_AGENDA_PLAN, draft, 'c', 'up', 'DSG Chair', NOW);
    expect(ids(arrangeAgenda(draft, up).items)).toEqual(['a', 'c', 'b']);
    expect(up.version).toBe(1);
    expect(up.lastChange).toEqual({ what: 'moved "Item c" up to number 2', by: 'DSG Chair', at: NOW });
    const down = changeAgenda(up, draft, 'a', 'down', 'Minute Taker', NOW);
    expect(ids(arrangeAgenda(draft, down).items)).toEqual(['c', 'a', 'b']);
    // Redrafted later: "b" was decided (gone) and "d" is new.
    expect(ids(arrangeAgenda([item('d'), item('a'), item('c')], down).items)).toEqual(['c', 'a', 'd']);
  });

  it('takes an item off this agenda and puts it back', () => {
    const removed = changeAgenda(EMPTY_AGENDA_PLAN, draft, 'b', 'remove', 'DSG Chair', NOW);
    expect(arrangeAgenda(draft, removed)).toEqual({ items: [item('a'), item('c')], removed: [item('b')] });
    const back = changeAgenda(removed, draft, 'b', 'restore', 'DSG Chair', NOW);
    expect(arrangeAgenda(draft, back)).toEqual({ items: [item('a'), item('c'), item('b')], removed: [] });
  });

  it('says when an item is gone, or already first or last', () => {
    expect(() => changeAgenda(EMPTY_AGENDA_PLAN, draft, 'x', 'up', 'A', NOW)).toThrow(/no longer on the drafted agenda/);
    expect(() => changeAgenda(EMPTY_AGENDA_PLAN, draft, 'a', 'up', 'A', NOW)).toThrow(/already first/);
    expect(() => changeAgenda(EMPTY_AGENDA_PLAN, draft, 'c', 'down', 'A', NOW)).toThrow(/already last/);
    expect(() => changeAgenda(EMPTY_AGENDA_PLAN, draft, 'a', 'restore', 'A', NOW)).toThrow(/not among the items taken off/);
  });
});
