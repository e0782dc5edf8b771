import { describe, expect, it } from 'vitest';
import { companionFormat } from './format';

describe('the companion’s formats', () => {
  it('shows whole rupees without paise, and keeps paise when there are some', () => {
    const en = companionFormat('en', 'Asia/Kolkata', 'INR');
    expect(en.money(60_000)).toBe('₹600');
    expect(en.money(25_050)).toBe('₹250.50');
    expect(en.money(12_345_600)).toBe('₹1,23,456');
  });

  it('reads times in the clinic’s zone whatever the phone’s, and days as calendar days', () => {
    const hi = companionFormat('hi', 'Asia/Kolkata', 'INR');
    // 03:30 UTC is 09:00 in Kolkata.
    expect(hi.time('2026-12-10T03:30:00.000Z')).toMatch(/^9:00/);
    const en = companionFormat('en', 'Asia/Kolkata', 'INR');
    expect(en.day('2026-12-10')).toBe('Thu, 10 Dec');
    // Late evening UTC is already the next day in the clinic.
    expect(en.day('2026-12-09T20:00:00.000Z')).toBe('Thu, 10 Dec');
  });
});
