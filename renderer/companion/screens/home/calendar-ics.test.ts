import { describe, expect, it } from 'vitest';
import { appointmentIcs, escapeText, foldLine, utcStamp } from './calendar-ics';

const octets = (text: string) => new TextEncoder().encode(text).length;

describe('the appointment’s .ics file', () => {
  it('writes one event in UTC with CRLF line ends', () => {
    const ics = appointmentIcs({
      id: '01JE0000000000000000000000',
      startsAt: '2026-12-08T10:00:00+05:30',
      endsAt: '2026-12-08T04:45:00.000Z',
      summary: 'Visit: Dr. Singh',
      description: 'Appointment A-12',
      location: 'MG Road, Pune',
      now: '2026-12-07T18:00:00.000Z',
    });
    expect(ics.split('\r\n')).toEqual([
      'BEGIN:VCALENDAR',
      'VERSION:2.0',
      'PRODID:-//Clinic//Companion app//EN',
      'CALSCALE:GREGORIAN',
      'METHOD:PUBLISH',
      'BEGIN:VEVENT',
      'UID:01JE0000000000000000000000@clinic-companion',
      'DTSTAMP:20261207T180000Z',
      'DTSTART:20261208T043000Z',
      'DTEND:20261208T044500Z',
      'SUMMARY:Visit: Dr. Singh',
      'DESCRIPTION:Appointment A-12',
      'LOCATION:MG Road\\, Pune',
      'END:VEVENT',
      'END:VCALENDAR',
      '',
    ]);
    expect(ics.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);
  });

  it('escapes backslash, semicolon, comma and line breaks in text', () => {
    expect(escapeText('a\\b;c,d\ne\r\nf')).toBe('a\\\\b\\;c\\,d\\ne\\nf');
    expect(utcStamp('2026-01-02T03:04:05.678Z')).toBe('20260102T030405Z');
  });

  it('folds lines at 75 octets without splitting a Hindi letter, and unfolds to the same text', () => {
    const line = `LOCATION:${'क्लिनिक, एमजी रोड '.repeat(8)}`;
    const folded = foldLine(line);
    const parts = folded.split('\r\n');
    expect(parts.length).toBeGreaterThan(1);
    parts.forEach((part, i) => {
      expect(octets(part)).toBeLessThanOrEqual(75);
      if (i > 0) expect(part.startsWith(' ')).toBe(true);
    });
    expect(folded.replace(/\r\n /g, '')).toBe(line);
    expect(foldLine('SUMMARY:short')).toBe('SUMMARY:short');
    expect(foldLine(`X:${'a'.repeat(73)}`)).toBe(`X:${'a'.repeat(73)}`);
    expect(foldLine(`X:${'a'.repeat(74)}`)).toBe(`X:${'a'.repeat(73)}\r\n a`);
  });
});
