import { z } from 'zod';
import { idSchema, instantSchema, isoDateSchema, text, wallTimeSchema } from './common.schema';
import { minutesOfDay } from './schedule.schema';

export const leaveRequestStatusSchema = z.enum(['pending', 'approved', 'declined', 'withdrawn']);
export type LeaveRequestStatus = z.infer<typeof leaveRequestStatusSchema>;

/** Part of a day off, in wall-clock time (no room: leave frees the doctor, not a room). */
export const leavePartSchema = z
  .strictObject({ start: wallTimeSchema, end: wallTimeSchema })
  .refine((w) => minutesOfDay(w.start) < minutesOfDay(w.end), {
    error: 'must end after it starts',
    path: ['end'],
  });

/** The longest leave one request may ask for; longer leave is two requests (or the front desk). */
export const LEAVE_REQUEST_MAX_DAYS = 31;

/**
 * What a doctor asks for (setting `doctorLeave: 'doctorsRequest'`): whole days from `fromDate`
 * to `toDate`, or part of one date (`window`). The reason is read by the doctor, reception and
 * admin only (the schedule exception an approval adds says just "Leave").
 */
export const leaveRequestDetailsSchema = z
  .strictObject({
    fromDate: isoDateSchema,
    toDate: isoDateSchema,
    window: leavePartSchema.nullable().default(null),
    reason: text(500).default(''),
  })
  .refine((r) => r.fromDate <= r.toDate, { error: 'must not be before the first day', path: ['toDate'] })
  .refine(
    (r) =>
      Date.parse(r.toDate) - Date.parse(r.fromDate) < LEAVE_REQUEST_MAX_DAYS * 86_400_000 ||
      r.toDate < r.fromDate,
    { error: `must be at most ${LEAVE_REQUEST_MAX_DAYS} days after the first day`, path: ['toDate'] },
  )
  .refine((r) => r.window === null || r.fromDate === r.toDate, {
    error: 'part of a day is for one date only: make the first and last day the same',
    path: ['window'],
  });
export type LeaveRequestDetails = z.infer<typeof leaveRequestDetailsSchema>;

export const leaveRequestSchema = z.strictObject({
  id: idSchema,
  doctorId: idSchema,
  doctorName: z.string(),
  fromDate: isoDateSchema,
  toDate: isoDateSchema,
  window: z.strictObject({ start: wallTimeSchema, end: wallTimeSchema }).nullable(),
  reason: z.string(),
  status: leaveRequestStatusSchema,
  createdAt: instantSchema,
  decidedBy: idSchema.nullable(),
  /** Who approved or declined it (display name and role), or withdrew it. */
  deciderName: z.string().nullable(),
  decidedAt: instantSchema.nullable(),
  /** Why it was declined (required then), or the approver's note. */
  decisionNote: z.string(),
});
export type LeaveRequest = z.infer<typeof leaveRequestSchema>;

/** Every date of an inclusive range, in order. */
export function leaveDates(fromDate: string, toDate: string): string[] {
  const dates: string[] = [];
  for (
    let ms = Date.parse(`${fromDate}T00:00:00Z`);
    ms <= Date.parse(`${toDate}T00:00:00Z`);
    ms += 86_400_000
  ) {
    dates.push(new Date(ms).toISOString().slice(0, 10));
    if (dates.length > LEAVE_REQUEST_MAX_DAYS) break;
  }
  return dates;
}
