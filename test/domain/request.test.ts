import { DomainError } from '../../src/domain/errors';
import { assertTransition, canTransition, formatReference, normaliseReference, REQUEST_STATUSES, waitingForRequesterSince, waitingTooLong } from '../../src/domain/request';
import { sampleRequest } from '../support/sample-request';

describe('request lifecycle', () => {
  it('lets a requester withdraw until approval, and never after', () => {
    for (const from of ['submitted', 'under-review', 'more-info-requested'] as const) expect(canTransition(from, 'withdrawn')).toBe(true);
    for (const from of ['approved', 'in-delivery', 'completed', 'declined', 'merged', 'withdrawn'] as const) expect(canTransition(from, 'withdrawn')).toBe(false);
  });

  it('has no way out of a final state, but the DSG may mark a withdrawn request as a duplicate', () => {
    for (const from of ['completed', 'declined', 'withdrawn', 'merged'] as const) {
      for (const to of REQUEST_STATUSES) expect(canTransition(from, to)).toBe(from === 'withdrawn' && to === 'merged');
    }
  });

  it('refuses an illegal transition with a coded error', () => {
    expect(() => assertTransition('DP-2026-0001', 'declined', 'approved')).toThrow(DomainError);
    try {
      assertTransition('DP-2026-0001', 'declined', 'approved');
    } catch (e) {
      expect((e as DomainError).code).toBe('ILLEGAL_TRANSITION');
      expect((e as DomainError).message).toBe('DP-2026-0001 is declined, so it cannot become approved.');
    }
  });
});

describe('references', () => {
  it('are DP-year-sequence with at least four digits', () => {
    expect(formatReference(2026, 7)).toBe('DP-2026-0007');
    expect(formatReference(2026, 12345)).toBe('DP-2026-12345');
  });

  it('are recognised however they are typed', () => {
    expect(normaliseReference('dp-2026-7')).toBe('DP-2026-0007');
    expect(normaliseReference('DP 2026 0012')).toBe('DP-2026-0012');
    expect(normaliseReference('project DP-2026-0003 please')).toBe('DP-2026-0003');
    expect(normaliseReference('nothing here')).toBeNull();
  });
});

describe('overdue for a decision', () => {
  const today = '2026-12-20';
  const submitted = '2026-12-01T09:00:00.000Z';

  it('is a request the DSG still has to decide, waiting more than 14 days', () => {
    expect(waitingTooLong(sampleRequest({ status: 'submitted', createdAt: submitted }), today)).toBe(true);
    expect(waitingTooLong(sampleRequest({ status: 'under-review', createdAt: submitted }), today)).toBe(true);
    expect(waitingTooLong(sampleRequest({ status: 'submitted', createdAt: '2026-12-06T09:00:00.000Z' }), today)).toBe(false);
    expect(waitingTooLong(sampleRequest({ status: 'approved', createdAt: submitted }), today)).toBe(false);
  });

  it('never while the clock is with the requester, who says since when', () => {
    const asked = sampleRequest({ status: 'more-info-requested', createdAt: submitted, updatedAt: '2026-12-03T10:00:00.000Z' });
    expect(waitingTooLong(asked, today)).toBe(false);
    expect(waitingForRequesterSince(asked)).toBe('2026-12-03T10:00:00.000Z');
    expect(waitingForRequesterSince(sampleRequest({ status: 'under-review' }))).toBeNull();
  });
});
