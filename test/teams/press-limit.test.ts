import { createLogger } from '../../src/log';
import { createPressLimiter } from '../../src/teams/press-limit';

const log = createLogger('silent');

function clock() {
  let ms = 1_000_000;
  return { now: () => ms, advance: (by: number) => (ms += by) };
}

describe('the press limiter', () => {
  it('lets a burst through, then one a second, and says how long to wait', () => {
    const c = clock();
    const presses = createPressLimiter({ burst: 10, perSecond: 1 }, c.now);
    for (let i = 0; i < 10; i++) expect(presses.check('ann', log)).toBeNull();
    expect(presses.check('ann', log)).toEqual({ text: 'Sorry, that is a lot of presses in a short time, so I have not done that one. Please wait a second and try again.' });
    c.advance(999);
    expect(presses.check('ann', log)).not.toBeNull();
    c.advance(1);
    expect(presses.check('ann', log)).toBeNull();
    expect(presses.check('ann', log)).not.toBeNull();
  });

  it('counts each person alone', () => {
    const presses = createPressLimiter({ burst: 2, perSecond: 1 }, clock().now);
    presses.check('ann', log);
    presses.check('ann', log);
    expect(presses.check('ann', log)).not.toBeNull();
    expect(presses.check('bob', log)).toBeNull();
  });

  it('gives presses back only with time: refused presses do not put the wait off', () => {
    const c = clock();
    const presses = createPressLimiter({ burst: 1, perSecond: 0.25 }, c.now);
    presses.check('ann', log);
    expect(presses.check('ann', log)).toEqual(expect.objectContaining({ text: expect.stringContaining('wait 4 seconds') }));
    for (let i = 0; i < 3; i++) {
      c.advance(1000);
      expect(presses.check('ann', log)).not.toBeNull();
    }
    c.advance(1000);
    expect(presses.check('ann', log)).toBeNull();
  });

  it('logs a run of refusals once, not once per press', () => {
    const lines: string[] = [];
    const presses = createPressLimiter({ burst: 1, perSecond: 1 }, clock().now);
    const recording = createLogger('info', { write: (l: string) => void lines.push(l) });
    for (let i = 0; i < 50; i++) presses.check('script', recording);
    expect(lines.filter((l) => l.includes('presses over the limit'))).toHaveLength(1);
  });

  it('forgets people once their bucket has filled again, so memory stays bounded', () => {
    const c = clock();
    const presses = createPressLimiter({ burst: 10, perSecond: 1 }, c.now);
    for (let i = 0; i < 1000; i++) {
      presses.check(`person-${i}`, log);
      c.advance(100);
    }
    // Only the people seen in the last 10 s (burst / perSecond) are remembered.
    expect(presses.size()).toBeLessThanOrEqual(101);
    c.advance(10_000);
    presses.check('late', log);
    expect(presses.size()).toBe(1);
  });

  it('never remembers more than its cap, forgetting the longest idle first', () => {
    const c = clock();
    const presses = createPressLimiter({ burst: 10, perSecond: 0.01 }, c.now, 100);
    presses.check('first', log);
    for (let i = 0; i < 10_000; i++) presses.check(`script-${i}`, log);
    expect(presses.size()).toBeLessThanOrEqual(101);
    for (let i = 0; i < 9; i++) presses.check('first', log);
    // 'first' was forgotten, so it has a full burst again: bounded memory over a perfect count for the idle.
    expect(presses.check('first', log)).toBeNull();
  });
});
