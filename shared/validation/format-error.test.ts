import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { idSchema, phoneSchema, requiredText, wallTimeSchema } from '@shared/domain/common.schema';
import { describeFieldErrors, parseInput } from './format-error';

const sample = z.strictObject({
  name: requiredText(20),
  phone: phoneSchema,
  items: z.array(z.strictObject({ at: wallTimeSchema })),
  ref: idSchema.optional(),
});

describe('parseInput', () => {
  it('accepts valid input and returns the parsed value', () => {
    const result = parseInput(sample, { name: ' Asha ', phone: '+91 98450 12345', items: [{ at: '09:30' }] });
    expect(result).toEqual({
      ok: true,
      value: { name: 'Asha', phone: '+91 98450 12345', items: [{ at: '09:30' }] },
    });
  });

  it('names every bad field, nested ones by their path', () => {
    const result = parseInput(sample, { name: '', phone: 'call me', items: [{ at: '25:00' }], ref: 'x' });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.errors.map((e) => e.field).sort()).toEqual(['items.0.at', 'name', 'phone', 'ref']);
    expect(describeFieldErrors(result.errors)).toContain('items.0.at: must be a time HH:MM');
  });

  it('refuses unknown fields by name, at any depth', () => {
    const result = parseInput(sample, {
      name: 'A',
      phone: '12345678',
      items: [{ at: '09:00', sneaky: 1 }],
      isAdmin: true,
    });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.errors).toEqual(
      expect.arrayContaining([
        { field: 'isAdmin', message: 'is not a known field' },
        { field: 'items.0.sneaky', message: 'is not a known field' },
      ]),
    );
  });

  it('refuses control characters and over-long text', () => {
    const result = parseInput(sample, { name: 'a\u0000b', phone: '12345678', items: [] });
    expect(result.ok).toBe(false);
    const long = parseInput(sample, { name: 'x'.repeat(21), phone: '12345678', items: [] });
    expect(long.ok || long.errors[0]?.message).toBe('must be at most 20 characters');
  });

  it('names the whole input when it is not an object at all', () => {
    const result = parseInput(sample, 'DROP TABLE patients');
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.errors[0]?.field).toBe('(input)');
  });
});
