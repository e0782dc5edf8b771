import { describe, expect, it } from 'vitest';
import { auditQuery, detailText, NO_FILTERS } from './audit-filters';

describe('audit filters', () => {
  it('turns clinic dates into the day bounds in the clinic zone, the to-date inclusive', () => {
    const q = auditQuery(
      { ...NO_FILTERS, fromDate: '2026-11-23', toDate: '2026-11-24', userId: 'u1' },
      'Asia/Kolkata',
      { limit: 50, offset: 0 },
    );
    expect(q).toEqual({
      from: '2026-11-22T18:30:00.000Z',
      to: '2026-11-24T18:30:00.000Z',
      userId: 'u1',
      limit: 50,
      offset: 0,
    });
  });
  it('leaves out what is not filtered', () => {
    expect(auditQuery(NO_FILTERS, 'Asia/Kolkata', { limit: 10, offset: 20 })).toEqual({
      limit: 10,
      offset: 20,
    });
  });
  it('writes details as one line in words, without JSON or internal ids', () => {
    expect(detailText({ status: 'CONFIRMED', moved: { to: 1 } })).toBe('status: CONFIRMED, moved: to 1');
    expect(
      detailText({
        rows: ['appointments:0b7c6a1e-1111-4222-8333-944455556666'],
        doctorId: 'x',
        appointment: '0b7c6a1e-1111-4222-8333-944455556666',
        newStart: '10:30',
      }),
    ).toBe('new start: 10:30');
  });
});
