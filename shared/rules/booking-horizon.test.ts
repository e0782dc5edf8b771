import { describe, expect, it } from 'vitest';
import { beyondHorizon, bookingHorizon, horizonMessage } from './booking-horizon';

describe('booking horizon', () => {
  it('counts days from today’s clinic date, not from the UTC date', () => {
    // 2026-11-23 20:00 UTC is already 2026-11-24 in Kolkata.
    const horizon = bookingHorizon('2026-11-23T20:00:00.000Z', 'Asia/Kolkata', 60);
    expect(horizon).toEqual({ days: 60, lastDate: '2027-01-23' });
    expect(beyondHorizon(horizon, '2027-01-23')).toBe(false);
    expect(beyondHorizon(horizon, '2027-01-24')).toBe(true);
    expect(beyondHorizon(horizon, '2026-11-24')).toBe(false);
    expect(horizonMessage(horizon)).toBe(
      'Not open for booking yet: bookings open 60 days ahead (up to 2027-01-23).',
    );
  });
});
