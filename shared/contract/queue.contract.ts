import { z } from 'zod';
import { idSchema, instantSchema, isoDateSchema, text } from '@shared/domain/common.schema';
import { patientDetailsSchema } from '@shared/domain/patient.schema';
import { appointmentSchema } from '@shared/domain/appointment.schema';
import { queueEntrySchema, queueMoveSchema, queuePrioritySchema } from '@shared/domain/queue.schema';
import { byIdSchema } from './common';
import { command, query } from './define';

export const queueViewEntrySchema = z.strictObject({
  entry: queueEntrySchema,
  waitingMinutes: z.number().int().min(0),
  patientsAhead: z.number().int().min(0),
  estimatedWaitMinutes: z.number().int().min(0),
  estimatedCallAt: instantSchema,
  /** Minutes the check-in came before the appointment's start, when more than 2 h (flagged); else null. */
  earlyCheckInMinutes: z.number().int().min(0).nullable(),
});

export const doctorQueueSchema = z.strictObject({
  doctorId: idSchema,
  clinicDate: isoDateSchema,
  averageConsultationMinutes: z.number().int().min(1),
  current: queueEntrySchema.nullable(),
  waiting: z.array(queueViewEntrySchema),
  done: z.array(queueEntrySchema),
});

export const queueContract = {
  'queue.checkIn': command(
    'Check a patient in: CHECKED_IN, a token per doctor per day (e.g. K-012), queued by check-in time.',
    z.strictObject({ appointmentId: idSchema, priority: queuePrioritySchema.default('normal') }),
    queueEntrySchema,
    'queue',
  ),
  'queue.walkIn': command(
    'Walk-in: register or use a patient; take the next free slot today, or queue between scheduled ' +
      'patients without delaying those who arrived on time.',
    z
      .strictObject({
        appointmentId: idSchema,
        doctorId: idSchema,
        patientId: idSchema.optional(),
        newPatient: z.strictObject({ id: idSchema, details: patientDetailsSchema }).optional(),
        placement: z.enum(['next_free_slot', 'queue']).default('next_free_slot'),
        priority: queuePrioritySchema.default('normal'),
      })
      .refine((w) => (w.patientId === undefined) !== (w.newPatient === undefined), {
        error: 'give either patientId or newPatient',
        path: ['patientId'],
      }),
    z.strictObject({ appointment: appointmentSchema, entry: queueEntrySchema }),
    'queue',
    {
      table: 'appointments',
      id: 'appointmentId',
      result: 'appointment',
      set: { provisional: true, number: null },
    },
  ),
  'queue.list': query(
    'One doctor’s queue for a clinic day with waiting times and estimates.',
    z.strictObject({ doctorId: idSchema, date: isoDateSchema }),
    doctorQueueSchema,
    'replica',
  ),
  'queue.move': command(
    'Move an entry to a position among the waiting (0 = first); recorded.',
    z.strictObject({ entryId: idSchema, toIndex: z.number().int().min(0), reason: text(300).default('') }),
    queueMoveSchema,
    'queue',
  ),
  'queue.setPriority': command(
    'Mark an entry urgent (goes first) or normal; recorded.',
    z.strictObject({ entryId: idSchema, priority: queuePrioritySchema, reason: text(300).default('') }),
    queueMoveSchema,
    'queue',
  ),
  'queue.callNext': command(
    'Call the next waiting patient of a doctor; the display announces the token.',
    z.strictObject({ doctorId: idSchema }),
    queueEntrySchema.nullable(),
    'queue',
  ),
  'queue.recall': command('Announce the called token again.', byIdSchema, queueEntrySchema, 'queue'),
  'queue.startConsultation': command(
    'The called patient enters: consultation starts (its length teaches the wait estimate).',
    byIdSchema,
    queueEntrySchema,
    'queue',
  ),
  'queue.myPosition': query(
    'The signed-in patient’s live queue position and estimated wait today.',
    z.strictObject({ appointmentId: idSchema }),
    z.strictObject({
      token: z.string(),
      patientsAhead: z.number().int().min(0),
      estimatedWaitMinutes: z.number().int().min(0),
      estimatedCallAt: instantSchema,
      state: queueEntrySchema.shape.state,
    }),
    'replica',
  ),
} as const;
