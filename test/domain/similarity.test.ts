import { SIMILARITY_THRESHOLD, similarity, termsOf } from '../../src/domain/similarity';

function score(a: [string, string], b: [string, string]): number {
  const ta = termsOf(...a);
  const tb = new Set(termsOf(...b));
  return similarity(ta.filter((t) => tb.has(t)).length, ta.length, tb.size);
}

describe('similarity', () => {
  it('matches the same idea worded differently', () => {
    const s = score(
      ['Online booking for bulky uplifts', 'Residents phone to book bulky waste uplifts'],
      ['Book bulky uplift online', 'Let residents book a bulky uplift without phoning'],
    );
    expect(s).toBeGreaterThanOrEqual(SIMILARITY_THRESHOLD);
  });

  it('keeps unrelated ideas apart', () => {
    const s = score(['Online booking for bulky uplifts', 'Residents phone to book uplifts'], ['Wi-Fi in every school', 'Pupils need reliable wireless in classrooms']);
    expect(s).toBeLessThan(SIMILARITY_THRESHOLD);
  });

  it('ignores stop words, case and plurals', () => {
    expect(termsOf('The Payments', 'for our payment')).toEqual(['t:payment', 'payment']);
  });

  it('is zero for empty text', () => {
    expect(similarity(0, 0, 5)).toBe(0);
    expect(termsOf('', '')).toEqual([]);
  });
});
