import { z } from 'zod';
import { idSchema, isoDateSchema, minutesSchema, requiredText, text, wallTimeSchema } from './common.schema';

/** ISO weekday: 1 = Monday … 7 = Sunday. */
export const weekdaySchema = z
  .number()
  .int()
  .min(1, { error: 'must be 1 (Monday) to 7 (Sunday)' })
  .max(7, { error: 'must be 1 (Monday) to 7 (Sunday)' });
export type Weekday = z.infer<typeof weekdaySchema>;

export function minutesOfDay(time: string): number {
  const [hours, minutes] = time.split(':').map(Number);
  return (hours ?? 0) * 60 + (minutes ?? 0);
}

const startBeforeEnd = { error: 'must end after it starts', path: ['end'] };

/** A working window in wall-clock time, e.g. 09:00–13:00; the room is optional. */
export const timeWindowSchema = z
  .strictObject({
    start: wallTimeSchema,
    end: wallTimeSchema,
    roomId: idSchema.nullable().default(null),
  })
  .refine((w) => minutesOfDay(w.start) < minutesOfDay(w.end), startBeforeEnd);
export type TimeWindow = z.infer<typeof timeWindowSchema>;

export const weeklyWindowSchema = z
  .strictObject({
    weekday: weekdaySchema,
    start: wallTimeSchema,
    end: wallTimeSchema,
    roomId: idSchema.nullable().default(null),
  })
  .refine((w) => minutesOfDay(w.start) < minutesOfDay(w.end), startBeforeEnd);
export type WeeklyWindow = z.infer<typeof weeklyWindowSchema>;

function overlappingWindowIndex(windows: readonly { weekday: number; start: string; end: string }[]) {
  const sorted = windows
    .map((w, index) => ({ ...w, index }))
    .sort((a, b) => a.weekday - b.weekday || minutesOfDay(a.start) - minutesOfDay(b.start));
  for (let i = 1; i < sorted.length; i++) {
    const previous = sorted[i - 1]!;
    const current = sorted[i]!;
    if (previous.weekday === current.weekday && minutesOfDay(current.start) < minutesOfDay(previous.end)) {
      return current.index;
    }
  }
  return -1;
}

/** A doctor's weekly schedule: any number of windows per weekday; gaps between them are breaks. */
export const weeklyScheduleSchema = z
  .strictObject({
    doctorId: idSchema,
    windows: z.array(weeklyWindowSchema).max(100),
  })
  .superRefine((schedule, ctx) => {
    const index = overlappingWindowIndex(schedule.windows);
    if (index >= 0) {
      ctx.addIssue({ code: 'custom', path: ['windows', index], message: 'overlaps another window that day' });
    }
  });
export type WeeklySchedule = z.infer<typeof weeklyScheduleSchema>;

/**
 * A date exception overrides the weekly schedule for that date:
 * - leave with no window: the whole day off;
 * - leave with a window: that part of the day off;
 * - extra: a one-off additional working window.
 */
export const scheduleExceptionSchema = z
  .strictObject({
    id: idSchema,
    doctorId: idSchema,
    date: isoDateSchema,
    kind: z.enum(['leave', 'extra'], { error: 'must be leave or extra' }),
    window: timeWindowSchema.nullable(),
    reason: text(500).default(''),
  })
  .refine((e) => e.kind === 'leave' || e.window !== null, {
    error: 'an extra working window needs a start and end',
    path: ['window'],
  });
export type ScheduleException = z.infer<typeof scheduleExceptionSchema>;

/**
 * Buffer minutes before and after each appointment (docs/product.md §3). Multiples of 5, like sessions:
 * the hub enforces overlap with 5-minute claims in the database.
 */
const bufferMinutesSchema = minutesSchema
  .max(120)
  .multipleOf(5, { error: 'must be a multiple of 5 minutes' });
export const buffersSchema = z.strictObject({ before: bufferMinutesSchema, after: bufferMinutesSchema });
export type Buffers = z.infer<typeof buffersSchema>;

/** Session length: 15, 30, or any multiple of 5 minutes up to 4 hours. */
export const sessionMinutesSchema = z
  .number()
  .int({ error: 'must be a whole number of minutes' })
  .min(5, { error: 'must be at least 5 minutes' })
  .max(240, { error: 'must be at most 240 minutes' })
  .multipleOf(5, { error: 'must be a multiple of 5 minutes' });

export const roomNameSchema = requiredText(80);
