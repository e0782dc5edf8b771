import { describe, expect, it } from 'vitest';
import { addDays, clinicDay, joinProblems, knownFields, offerLive } from './waitlist-form';

const ok = { doctorId: 'doc-1', fromDate: '2026-12-08', toDate: '2026-12-15', note: '' };

describe('joinProblems', () => {
  it('accepts a doctor and a date range from today on', () => {
    expect(joinProblems(ok, '2026-12-08')).toEqual([]);
    expect(joinProblems({ ...ok, toDate: ok.fromDate }, '2026-12-08')).toEqual([]);
  });

  it('names each field to fix', () => {
    expect(joinProblems({ ...ok, doctorId: '' }, '2026-12-08')).toEqual(['doctorId']);
    expect(joinProblems({ ...ok, fromDate: '2026-12-07' }, '2026-12-08')).toEqual(['fromDate']);
    expect(joinProblems({ ...ok, toDate: '2026-12-07' }, '2026-12-08')).toEqual(['toDate']);
    expect(joinProblems({ ...ok, fromDate: '', toDate: '' }, '2026-12-08')).toEqual(['fromDate', 'toDate']);
    expect(joinProblems({ ...ok, note: 'x'.repeat(301) }, '2026-12-08')).toEqual(['note']);
  });
});

describe('dates', () => {
  it('reads the clinic day in its own zone, not the phone’s', () => {
    // 20:00 UTC on 7 Dec is already 8 Dec in India.
    expect(clinicDay(new Date('2026-12-07T20:00:00Z'), 'Asia/Kolkata')).toBe('2026-12-08');
    expect(clinicDay(new Date('2026-12-07T20:00:00Z'), 'UTC')).toBe('2026-12-07');
  });

  it('adds days across months', () => {
    expect(addDays('2026-12-28', 7)).toBe('2027-01-04');
  });
});

describe('knownFields', () => {
  it('keeps the form’s fields the hub named, once each', () => {
    expect(knownFields([{ field: 'toDate' }, { field: 'toDate' }, { field: 'patientId' }])).toEqual([
      'toDate',
    ]);
    expect(knownFields(undefined)).toEqual([]);
  });
});

describe('offerLive', () => {
  it('is live until the hold ends', () => {
    const offer = { expiresAt: '2026-12-08T05:30:00.000Z' };
    expect(offerLive(offer, new Date('2026-12-08T05:29:59Z'))).toBe(true);
    expect(offerLive(offer, new Date('2026-12-08T05:30:00Z'))).toBe(false);
    expect(offerLive(null, new Date('2026-12-08T05:00:00Z'))).toBe(false);
  });
});
