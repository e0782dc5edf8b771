import { describe, expect, it } from 'vitest';
import { reminderDueMs } from './reminder-time';

const ms = (iso: string) => Date.parse(iso);
const iso = (at: number) => new Date(at).toISOString();

describe('reminderDueMs: day before at a clinic time', () => {
  const sixPm = { rule: 'dayBefore', at: '18:00' } as const;

  it('is 18:00 clinic time on the previous clinic date (Kolkata, no DST)', () => {
    // Tue 8 Dec 2026 10:30 IST = 05:00Z → Mon 7 Dec 18:00 IST = 12:30Z.
    expect(iso(reminderDueMs(sixPm, ms('2026-12-08T05:00:00Z'), 'Asia/Kolkata'))).toBe(
      '2026-12-07T12:30:00.000Z',
    );
  });

  it('uses the clinic date of the start, not the UTC date', () => {
    // 00:30 IST on 9 Dec is still 8 Dec in UTC: the day before is 8 Dec (clinic), 18:00 IST.
    expect(iso(reminderDueMs(sixPm, ms('2026-12-08T19:00:00Z'), 'Asia/Kolkata'))).toBe(
      '2026-12-08T12:30:00.000Z',
    );
  });

  it('London, spring forward between the reminder and the visit: 18:00 GMT the evening before', () => {
    // Sunday 29 Mar 2026 clocks go 01:00 GMT → 02:00 BST. Visit Sun 10:00 BST = 09:00Z.
    expect(iso(reminderDueMs(sixPm, ms('2026-03-29T09:00:00Z'), 'Europe/London'))).toBe(
      '2026-03-28T18:00:00.000Z',
    );
    // Visit Mon 30 Mar 10:00 BST: reminder Sun 18:00 BST = 17:00Z.
    expect(iso(reminderDueMs(sixPm, ms('2026-03-30T09:00:00Z'), 'Europe/London'))).toBe(
      '2026-03-29T17:00:00.000Z',
    );
  });

  it('London, fall back: 18:00 GMT on the Sunday, 18:00 BST on the Saturday', () => {
    // Sunday 25 Oct 2026 clocks go 02:00 BST → 01:00 GMT.
    expect(iso(reminderDueMs(sixPm, ms('2026-10-26T10:00:00Z'), 'Europe/London'))).toBe(
      '2026-10-25T18:00:00.000Z',
    );
    expect(iso(reminderDueMs(sixPm, ms('2026-10-25T10:00:00Z'), 'Europe/London'))).toBe(
      '2026-10-24T17:00:00.000Z',
    );
  });

  it('a time the clocks skip resolves to the instant they jump (London 01:30 on 29 Mar)', () => {
    const rule = { rule: 'dayBefore', at: '01:30' } as const;
    // 01:00 GMT = 01:00Z is when the wall clock jumps to 02:00 BST.
    expect(iso(reminderDueMs(rule, ms('2026-03-30T09:00:00Z'), 'Europe/London'))).toBe(
      '2026-03-29T01:00:00.000Z',
    );
  });

  it('New York: a skipped 02:30 resolves to the jump, a repeated 01:30 to its first occurrence', () => {
    // Sun 8 Mar 2026 02:00 EST → 03:00 EDT (07:00Z); Sun 1 Nov 2026 02:00 EDT → 01:00 EST.
    const skipped = { rule: 'dayBefore', at: '02:30' } as const;
    expect(iso(reminderDueMs(skipped, ms('2026-03-09T14:00:00Z'), 'America/New_York'))).toBe(
      '2026-03-08T07:00:00.000Z',
    );
    const repeated = { rule: 'dayBefore', at: '01:30' } as const;
    // 01:30 EDT (05:30Z) comes first; 01:30 EST (06:30Z) an hour later.
    expect(iso(reminderDueMs(repeated, ms('2026-11-02T14:00:00Z'), 'America/New_York'))).toBe(
      '2026-11-01T05:30:00.000Z',
    );
  });
});

describe('reminderDueMs: hours before', () => {
  it('is real elapsed hours, across a DST change too', () => {
    const rule = { rule: 'hoursBefore', hours: 24 } as const;
    // Visit Mon 9 Mar 2026 10:00 EDT (14:00Z); 24 h before is Sun 8 Mar 14:00Z = 10:00 EDT.
    expect(iso(reminderDueMs(rule, ms('2026-03-09T14:00:00Z'), 'America/New_York'))).toBe(
      '2026-03-08T14:00:00.000Z',
    );
    // Visit Sun 8 Mar 12:00 EDT (16:00Z): 24 h earlier is Sat 16:00Z = 11:00 EST on the wall.
    expect(iso(reminderDueMs(rule, ms('2026-03-08T16:00:00Z'), 'America/New_York'))).toBe(
      '2026-03-07T16:00:00.000Z',
    );
    // Fall back in London: visit Sun 25 Oct 12:00 GMT; 3 h before is 09:00Z = 09:00 GMT.
    expect(
      iso(reminderDueMs({ rule: 'hoursBefore', hours: 3 }, ms('2026-10-25T12:00:00Z'), 'Europe/London')),
    ).toBe('2026-10-25T09:00:00.000Z');
  });
});
