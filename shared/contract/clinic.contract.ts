import { z } from 'zod';
import {
  idSchema,
  instantSchema,
  isoDateSchema,
  patchOf,
  requiredText,
  text,
} from '@shared/domain/common.schema';
import { appointmentSchema } from '@shared/domain/appointment.schema';
import {
  doctorDetailsSchema,
  doctorSchema,
  roomDetailsSchema,
  roomSchema,
} from '@shared/domain/doctor.schema';
import {
  scheduleExceptionSchema,
  timeWindowSchema,
  weeklyScheduleSchema,
  weeklyWindowSchema,
} from '@shared/domain/schedule.schema';
import { clinicSettingsSchema } from '@shared/domain/settings.schema';
import { deviceNameSchema, deviceSchema } from '@shared/domain/user.schema';
import { byIdSchema, dateRangeSchema, okSchema, reasonSchema } from './common';
import { command, query } from './define';

export const slotSchema = z.strictObject({
  start: instantSchema,
  end: instantSchema,
  /** Wall-clock time in the clinic's zone, e.g. 09:30. */
  localTime: z.string(),
  roomId: idSchema.nullable(),
});
export type Slot = z.infer<typeof slotSchema>;

/** How many doctors one `slots.list` may ask for (a board's columns). */
export const MAX_SLOT_DOCTORS = 50;

export const daySlotsSchema = z.strictObject({
  doctorId: idSchema,
  date: isoDateSchema,
  available: z.boolean(),
  /** e.g. "Doctor not available" when on leave or not working that day. */
  message: z.string().nullable(),
  slots: z.array(slotSchema),
});
export type DaySlots = z.infer<typeof daySlotsSchema>;

/** Appointments that a schedule change or leave would leave outside working time (docs/product.md §3). */
export const scheduleCollisionsSchema = z.strictObject({ collisions: z.array(appointmentSchema) });

const scheduleResultSchema = z.strictObject({
  schedule: weeklyScheduleSchema,
  exceptions: z.array(scheduleExceptionSchema),
});

export const clinicContract = {
  'settings.get': query('Clinic settings and policies.', z.strictObject({}), clinicSettingsSchema, 'replica'),
  'settings.update': command(
    'Change clinic settings and policies.',
    clinicSettingsSchema,
    clinicSettingsSchema,
    'online-only',
  ),

  'doctors.list': query(
    'Doctors with specialization and fees (active ones unless includeInactive).',
    z.strictObject({ includeInactive: z.boolean().default(false), specialization: text(80).optional() }),
    z.array(doctorSchema),
    'replica',
  ),
  'doctors.get': query('One doctor.', byIdSchema, doctorSchema, 'replica'),
  'doctors.create': command(
    'Add a doctor profile.',
    z.strictObject({ id: idSchema, details: doctorDetailsSchema }),
    doctorSchema,
    'online-only',
  ),
  'doctors.update': command(
    'Change a doctor profile.',
    z.strictObject({ id: idSchema, details: patchOf(doctorDetailsSchema) }),
    doctorSchema,
    'online-only',
  ),

  'rooms.list': query('Rooms and their status.', z.strictObject({}), z.array(roomSchema), 'replica'),
  'rooms.create': command(
    'Add a room.',
    z.strictObject({ id: idSchema, details: roomDetailsSchema }),
    roomSchema,
    'online-only',
  ),
  'rooms.update': command(
    'Change a room (e.g. out of service).',
    z.strictObject({ id: idSchema, details: patchOf(roomDetailsSchema) }),
    roomSchema,
    'online-only',
  ),

  'schedules.get': query(
    'A doctor’s weekly windows and date exceptions within a range.',
    z.strictObject({ doctorId: idSchema, fromDate: isoDateSchema, toDate: isoDateSchema }),
    scheduleResultSchema,
    'replica',
  ),
  'schedules.previewWeekly': query(
    'Booked appointments that a new weekly schedule would leave outside working time.',
    z.strictObject({ doctorId: idSchema, windows: z.array(weeklyWindowSchema).max(100) }),
    scheduleCollisionsSchema,
    'replica',
  ),
  'schedules.setWeekly': command(
    'Replace a doctor’s weekly windows. Refused with CONFLICT listing collisions unless acknowledged; ' +
      'collided appointments are never dropped.',
    z.strictObject({
      doctorId: idSchema,
      windows: z.array(weeklyWindowSchema).max(100),
      acknowledgeCollisions: z.boolean().default(false),
    }),
    scheduleCollisionsSchema,
    'online-only',
  ),
  'schedules.previewException': query(
    'The booked appointments a date exception (leave) would leave outside working time; nothing changes.',
    z.strictObject({ exception: scheduleExceptionSchema }),
    scheduleCollisionsSchema,
    'replica',
  ),
  'schedules.addException': command(
    'Leave (whole day or a window) or an extra working window on a date; lists colliding bookings.',
    z.strictObject({
      exception: scheduleExceptionSchema,
      acknowledgeCollisions: z.boolean().default(false),
    }),
    scheduleCollisionsSchema,
    'online-only',
  ),
  'schedules.removeException': command('Remove a date exception.', byIdSchema, okSchema, 'online-only'),
  'schedules.bulkReschedule': command(
    'Move collided appointments to new times (each atomically, with history) and notify patients.',
    z.strictObject({
      moves: z
        .array(
          z.strictObject({
            appointmentId: idSchema,
            newStartsAt: instantSchema,
            doctorId: idSchema.optional(),
          }),
        )
        .min(1)
        .max(200),
      reason: reasonSchema,
      notifyPatients: z.boolean().default(true),
    }),
    z.strictObject({
      moved: z.array(appointmentSchema),
      failed: z.array(z.strictObject({ appointmentId: idSchema, message: z.string() })),
    }),
    'online-only',
  ),

  'slots.list': query(
    'Free slots for a doctor on each date in a range (at most 31 days); dates beyond the booking ' +
      'horizon are unavailable, with a message saying so. `doctorIds` instead of `doctorId`: ' +
      'several doctors in one call (a board), each doctor’s days in the order asked.',
    z
      .strictObject({
        doctorId: idSchema.optional(),
        doctorIds: z.array(idSchema).min(1).max(MAX_SLOT_DOCTORS).optional(),
      })
      .and(dateRangeSchema)
      .refine((r) => (r.doctorId === undefined) !== (r.doctorIds === undefined), {
        error: 'give either doctorId or doctorIds',
        path: ['doctorId'],
      })
      .refine((r) => Date.parse(r.toDate) - Date.parse(r.fromDate) <= 30 * 86_400_000, {
        error: 'must be at most 31 days after fromDate',
        path: ['toDate'],
      }),
    z.array(daySlotsSchema),
    'replica',
  ),
  'slots.nextFree': query(
    'The next free slots for a doctor from a moment on (for walk-ins and "slot just taken").',
    z.strictObject({
      doctorId: idSchema,
      from: instantSchema,
      limit: z.number().int().min(1).max(20).default(5),
    }),
    z.array(slotSchema),
    'replica',
  ),

  'devices.list': query(
    'Desktops and browsers known to the hub.',
    z.strictObject({}),
    z.array(deviceSchema),
    'online-only',
  ),
  'devices.names': query(
    'The name of every device known to the hub, for screens that say where something was done.',
    z.strictObject({}),
    z.array(deviceNameSchema),
    'online-only',
  ),
  'devices.rename': command(
    'Name a device (null: back to the name it gives itself).',
    z.strictObject({ deviceId: z.string().min(1).max(100), name: requiredText(60).nullable() }),
    okSchema,
    'online-only',
  ),
  'rooms.availability': query(
    'Which doctors use which room on a date (a room cannot host two doctors at once).',
    z.strictObject({ date: isoDateSchema }),
    z.array(
      z.strictObject({ roomId: idSchema, doctorId: idSchema, start: instantSchema, end: instantSchema }),
    ),
    'replica',
  ),
  'schedules.windowsOn': query(
    'A doctor’s working windows on one date after exceptions.',
    z.strictObject({ doctorId: idSchema, date: isoDateSchema }),
    z.array(timeWindowSchema),
    'replica',
  ),
} as const;
