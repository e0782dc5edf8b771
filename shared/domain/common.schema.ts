import { IANAZone } from 'luxon';
import { z } from 'zod';

/** Records are created wherever the user is (desktops create them offline), so ids are UUIDs. */
export const idSchema = z.uuid({ error: 'must be a UUID' });
export type Id = z.infer<typeof idSchema>;

/**
 * The years a date or instant may fall in: births of the oldest patients to bookings far ahead.
 * Anything outside is a typo, and years 0–99 are what JavaScript's Date.UTC misreads as 1900–1999.
 */
export const EARLIEST_YEAR = 1900;
export const LATEST_YEAR = 2200;
/**
 * Only a well-formed value is measured, so a malformed one has the format's message alone; the
 * format check does not abort, so the checks of the object around it (e.g. "an extra window needs
 * a start and end") still name their fields in the same answer.
 */
const inYearRange = (wellFormed: z.ZodString | z.ZodISODate | z.ZodISODateTime) => (value: string) => {
  if (!wellFormed.safeParse(value).success) return true;
  const year = Number(value.slice(0, 4));
  return year >= EARLIEST_YEAR && year <= LATEST_YEAR;
};
const isoDate = z.iso.date();
const isoDateTime = z.iso.datetime();

/** A calendar date in the clinic's zone, e.g. 2026-11-21. */
export const isoDateSchema = z.iso.date({ error: 'must be a date YYYY-MM-DD' }).refine(inYearRange(isoDate), {
  error: `must be a date from ${EARLIEST_YEAR}-01-01 to ${LATEST_YEAR}-12-31`,
});
export type IsoDate = z.infer<typeof isoDateSchema>;

/** An exact instant, always UTC with a Z suffix, e.g. 2026-11-21T03:30:00.000Z. */
export const instantSchema = z.iso
  .datetime({ error: 'must be a UTC timestamp like 2026-11-21T03:30:00Z' })
  .refine(inYearRange(isoDateTime), {
    error: `must be a time in the years ${EARLIEST_YEAR} to ${LATEST_YEAR}`,
  });
export type Instant = z.infer<typeof instantSchema>;

/** A wall-clock time in the clinic's zone, 24-hour HH:MM. */
export const wallTimeSchema = z
  .string({ error: 'must be a time HH:MM' })
  .regex(/^([01]\d|2[0-3]):[0-5]\d$/, { error: 'must be a time HH:MM (00:00–23:59)' });
export type WallTime = z.infer<typeof wallTimeSchema>;

export const timeZoneSchema = z
  .string({ error: 'must be an IANA time zone such as Asia/Kolkata' })
  .refine((zone) => IANAZone.isValidZone(zone), { error: 'must be an IANA time zone such as Asia/Kolkata' });

export const currencyCodeSchema = z
  .string()
  .regex(/^[A-Z]{3}$/, { error: 'must be an ISO 4217 currency code such as INR' });

/** Money in integer minor units (paise, cents): never floating point. */
export const minorUnitsSchema = z
  .number({ error: 'must be an amount in minor units (an integer)' })
  .int({ error: 'must be a whole number of minor units' })
  .min(-1_000_000_000_000)
  .max(1_000_000_000_000);
export const nonNegativeMinorUnitsSchema = minorUnitsSchema.min(0, { error: 'must not be negative' });
export const positiveMinorUnitsSchema = minorUnitsSchema.min(1, { error: 'must be more than zero' });

export const minutesSchema = z
  .number()
  .int({ error: 'must be a whole number of minutes' })
  .min(0)
  .max(24 * 60);

/** Free text a person typed: trimmed, bounded, no control characters other than newlines and tabs. */
export function text(max: number) {
  return (
    z
      .string({ error: 'must be text' })
      .trim()
      .max(max, { error: `must be at most ${max} characters` })
      // eslint-disable-next-line no-control-regex -- refusing control characters is the point
      .refine((value) => !/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/.test(value), {
        error: 'must not contain control characters',
      })
  );
}
export function requiredText(max: number) {
  return text(max).pipe(z.string().min(1, { error: 'is required' }));
}

export const personNameSchema = requiredText(120);
export const phoneSchema = z
  .string({ error: 'must be a phone number' })
  .trim()
  .regex(/^\+?[0-9][0-9 ()-]{5,19}$/, { error: 'must be a phone number (digits, optional leading +)' });
export const emailSchema = z.email({ error: 'must be an email address' }).max(254);

export const roleSchema = z.enum(['patient', 'receptionist', 'doctor', 'nurse', 'admin'], {
  error: 'must be one of patient, receptionist, doctor, nurse, admin',
});
export type Role = z.infer<typeof roleSchema>;
export const staffRoles = ['receptionist', 'doctor', 'nurse', 'admin'] as const satisfies readonly Role[];

/** A page request for list queries. */
export const pageSchema = z.strictObject({
  limit: z.number().int().min(1).max(500).default(100),
  offset: z.number().int().min(0).max(10_000_000).default(0),
});

/** Refuses a range whose toDate is before its fromDate, naming toDate. */
export function inDateOrder<T extends z.ZodType<{ fromDate: string; toDate: string }>>(schema: T) {
  return schema.refine((range) => range.fromDate <= range.toDate, {
    error: 'must not be before fromDate',
    path: ['toDate'],
  });
}

type WithoutDefault<S> = S extends z.ZodDefault<infer Inner> ? Inner : S;

/**
 * An update input: every field optional and, unlike `.partial()`, no defaults filled in — in
 * zod 4 a defaulted field left out of a partial still takes its default, which would silently
 * reset it on every update.
 */
export function patchOf<Shape extends z.ZodRawShape>(schema: z.ZodObject<Shape>) {
  const shape: Record<string, z.ZodType> = {};
  for (const [key, field] of Object.entries(schema.shape)) {
    const inner = field instanceof z.ZodDefault ? (field.unwrap() as z.ZodType) : (field as z.ZodType);
    shape[key] = inner.optional();
  }
  return z.strictObject(shape) as unknown as z.ZodObject<
    { [K in keyof Shape]: z.ZodOptional<WithoutDefault<Shape[K]>> },
    z.core.$strict
  >;
}
