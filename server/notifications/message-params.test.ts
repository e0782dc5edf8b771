import { describe, expect, it } from 'vitest';
import { clinicSettingsSchema } from '@shared/domain/settings.schema';
import { doctorDisplayName, messageDate, messageTime } from './message-params';

const clinic = (timeZone: string, locale: string) =>
  clinicSettingsSchema.parse({ clinicName: 'Sunrise', timeZone, locale });

describe('how messages write dates, times and doctors', () => {
  it('reads like Tue 8 Dec 2026 / 10:30, in the clinic’s zone, across a DST change', () => {
    const kolkata = clinic('Asia/Kolkata', 'en-IN');
    expect(messageDate(Date.parse('2026-12-08T05:00:00Z'), kolkata)).toBe('Tue 8 Dec 2026');
    expect(messageTime(Date.parse('2026-12-08T05:00:00Z'), kolkata)).toBe('10:30');
    // 23:30 UTC on Monday is already Tuesday in Kolkata.
    expect(messageDate(Date.parse('2026-12-07T19:00:00Z'), kolkata)).toBe('Tue 8 Dec 2026');
    const london = clinic('Europe/London', 'en-GB');
    expect(messageTime(Date.parse('2026-03-28T09:00:00Z'), london)).toBe('09:00');
    expect(messageTime(Date.parse('2026-03-30T09:00:00Z'), london)).toBe('10:00');
    expect(messageDate(Date.parse('2026-03-29T23:30:00Z'), london)).toBe('Mon 30 Mar 2026');
  });

  it('names the doctor with one Dr', () => {
    expect(doctorDisplayName('Kavitha Iyer')).toBe('Dr Kavitha Iyer');
    expect(doctorDisplayName('Dr. Kavitha Iyer')).toBe('Dr. Kavitha Iyer');
  });
});
