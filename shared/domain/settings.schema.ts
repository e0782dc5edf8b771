import { z } from 'zod';
import {
  currencyCodeSchema,
  emailSchema,
  minutesSchema,
  phoneSchema,
  requiredText,
  text,
  timeZoneSchema,
  wallTimeSchema,
} from './common.schema';
import { buffersSchema } from './schedule.schema';

export const reminderRuleSchema = z.discriminatedUnion('rule', [
  z.strictObject({ rule: z.literal('dayBefore'), at: wallTimeSchema }),
  z.strictObject({ rule: z.literal('hoursBefore'), hours: z.number().int().min(1).max(72) }),
]);
export type ReminderRule = z.infer<typeof reminderRuleSchema>;

export const clinicSettingsSchema = z.strictObject({
  clinicName: requiredText(120),
  address: text(500).default(''),
  phone: phoneSchema.nullable().default(null),
  email: emailSchema.nullable().default(null),
  timeZone: timeZoneSchema,
  currency: currencyCodeSchema.default('INR'),
  /** BCP 47 locale for dates and money, e.g. en-IN. */
  locale: z
    .string()
    .regex(/^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$/, { error: 'must be a locale such as en-IN' })
    .default('en-IN'),
  /** How temperatures are entered and shown; they are always stored in °C. */
  temperatureUnit: z.enum(['C', 'F'], { error: 'must be C or F' }).default('C'),
  /** true: bookings start REQUESTED and staff confirm them; false: confirmed at once (docs/product.md §4). */
  bookingNeedsConfirmation: z.boolean().default(false),
  /** Patients may cancel up to this many minutes before the start (docs/product.md §5). */
  cancellationWindowMinutes: minutesSchema.default(120),
  minBookingNoticeMinutes: minutesSchema.default(0),
  bookingHorizonDays: z.number().int().min(1).max(365).default(60),
  defaultBuffers: buffersSchema.default({ before: 5, after: 5 }),
  /** Whether patients may move their own appointment directly, or only request it. */
  patientDirectReschedule: z.boolean().default(false),
  /**
   * Who puts a doctor's leave in the schedule: 'doctors' — each doctor marks their own (and moves
   * the bookings it strands); 'doctorsRequest' — a doctor requests leave and reception or admin
   * approves (moving the bookings it strands) or declines it; 'frontDesk' — only reception and
   * admin, doctors ask them.
   */
  doctorLeave: z.enum(['doctors', 'doctorsRequest', 'frontDesk']).default('doctors'),
  refundPolicy: z
    .strictObject({
      /** Share of the paid amount refunded when a patient cancels after the window (0–10000). */
      patientLatePercentBasisPoints: z.number().int().min(0).max(10_000).default(0),
    })
    .default({ patientLatePercentBasisPoints: 0 }),
  waitlistHoldMinutes: z
    .number()
    .int()
    .min(5)
    .max(24 * 60)
    .default(30),
  /**
   * When an appointment's reminder is due: at a clinic time on the day before, or a number of
   * hours before the start. A booking made after that moment gets none.
   */
  reminder: reminderRuleSchema.default({ rule: 'dayBefore', at: '18:00' }),
  /** Desktop screens lock after this much inactivity. */
  screenLockMinutes: z.number().int().min(1).max(240).default(10),
  sessionIdleMinutes: z
    .number()
    .int()
    .min(5)
    .max(24 * 60)
    .default(60),
  /**
   * The companion app's link (patients book and follow their token on their phone); waiting-room
   * displays with "Show QR code" on show it as a QR code. Null: none.
   */
  companionAppUrl: z
    .url({ protocol: /^https?$/, error: 'must be an http:// or https:// link' })
    .max(500)
    .nullable()
    .default(null),
  sessionAbsoluteHours: z
    .number()
    .int()
    .min(1)
    .max(24 * 30)
    .default(12),
});
export type ClinicSettings = z.infer<typeof clinicSettingsSchema>;
