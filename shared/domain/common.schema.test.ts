import { describe, expect, it } from 'vitest';
import { parseInput } from '@shared/validation/format-error';
import { z } from 'zod';
import { instantSchema, isoDateSchema } from './common.schema';
import { patientDetailsSchema } from './patient.schema';

const errorsOf = (schema: z.ZodType, input: unknown) => {
  const result = parseInput(schema, input);
  return result.ok ? [] : result.errors;
};

describe('dates and instants are bounded to the years 1900–2200', () => {
  const input = z.strictObject({ date: isoDateSchema, at: instantSchema });

  it('accepts the edges and everyday values', () => {
    for (const [date, at] of [
      ['1900-01-01', '1900-01-01T00:00:00.000Z'],
      ['2026-11-23', '2026-11-23T03:30:00Z'],
      ['2200-12-31', '2200-12-31T23:59:59.999Z'],
    ]) {
      expect(errorsOf(input, { date, at })).toEqual([]);
    }
  });

  it('refuses years outside, naming the field, with one message each', () => {
    for (const [date, at] of [
      ['0001-01-01', '0001-01-01T00:00:00.000Z'],
      ['0099-12-31', '0099-12-31T23:59:00Z'],
      ['1899-12-31', '1899-12-31T23:59:59Z'],
      ['2201-01-01', '2201-01-01T00:00:00Z'],
    ]) {
      expect(errorsOf(input, { date, at })).toEqual([
        { field: 'date', message: 'must be a date from 1900-01-01 to 2200-12-31' },
        { field: 'at', message: 'must be a time in the years 1900 to 2200' },
      ]);
    }
  });

  it('still refuses a malformed value with only the format message', () => {
    expect(errorsOf(input, { date: '2026-02-30', at: '0001-01-01T00:00:00' })).toEqual([
      { field: 'date', message: 'must be a date YYYY-MM-DD' },
      { field: 'at', message: 'must be a UTC timestamp like 2026-11-21T03:30:00Z' },
    ]);
  });

  it('takes the dates of birth of the oldest patients', () => {
    expect(errorsOf(patientDetailsSchema, { fullName: 'Kamala Devi', dateOfBirth: '1908-03-01' })).toEqual(
      [],
    );
  });
});
