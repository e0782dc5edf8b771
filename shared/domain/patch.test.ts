import { describe, expect, it } from 'vitest';
import { doctorDetailsSchema } from './doctor.schema';
import { patchOf } from './common.schema';

describe('patchOf', () => {
  it('leaves out what was not sent instead of filling defaults', () => {
    const patch = patchOf(doctorDetailsSchema);
    expect(patch.parse({ fees: { newVisit: 60_000, followUp: 40_000 } })).toEqual({
      fees: { newVisit: 60_000, followUp: 40_000 },
    });
    expect(doctorDetailsSchema.partial().parse({})).toHaveProperty('active', true); // the zod 4 trap it avoids
  });

  it('still validates the fields that are sent and refuses unknown ones', () => {
    const patch = patchOf(doctorDetailsSchema);
    expect(patch.safeParse({ sessionMinutes: 12 }).success).toBe(false);
    expect(patch.safeParse({ nickname: 'x' }).success).toBe(false);
    expect(patch.parse({ active: false })).toEqual({ active: false });
  });
});
