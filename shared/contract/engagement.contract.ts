import { z } from 'zod';
import { idSchema } from '@shared/domain/common.schema';
import { appointmentSchema } from '@shared/domain/appointment.schema';
import { attachmentMimeTypes, attachmentSchema } from '@shared/domain/attachment.schema';
import { notificationSchema } from '@shared/domain/notification.schema';
import { waitlistEntrySchema, waitlistRequestSchema } from '@shared/domain/waitlist.schema';
import { byIdSchema, okSchema } from './common';
import { command, query } from './define';

/** Waiting list, notifications and telemedicine attachments (SPEC §10, §11). */
export const engagementContract = {
  'waitlist.join': command(
    'Ask for a doctor in a date range; a cancellation offers the first matching entry a held slot.',
    waitlistRequestSchema,
    waitlistEntrySchema,
  ),
  'waitlist.list': query(
    'Waiting-list entries (staff: filter by doctor; a patient: their own).',
    z.strictObject({ doctorId: idSchema.optional(), patientId: idSchema.optional() }),
    z.array(waitlistEntrySchema),
  ),
  'waitlist.cancel': command('Leave the waiting list.', byIdSchema, waitlistEntrySchema),
  'waitlist.accept': command(
    'Accept a held offer before it expires: the slot is booked.',
    z.strictObject({ id: idSchema, appointmentId: idSchema }),
    appointmentSchema,
  ),
  'waitlist.decline': command(
    'Decline an offer; it passes to the next entry.',
    byIdSchema,
    waitlistEntrySchema,
  ),

  'notifications.inbox': query(
    'The signed-in patient’s in-app messages, newest first.',
    z.strictObject({ unreadOnly: z.boolean().default(false) }),
    z.array(notificationSchema),
  ),
  'notifications.markRead': command(
    'Mark in-app messages read.',
    z.strictObject({ ids: z.array(idSchema).max(200) }),
    okSchema,
  ),
  'notifications.outbox': query(
    'Outgoing SMS/email with delivery state (the simulated SMS outbox staff can read).',
    z.strictObject({
      channel: z.enum(['sms', 'email']).optional(),
      state: z.enum(['pending', 'sent', 'failed', 'skipped']).optional(),
      limit: z.number().int().min(1).max(500).default(100),
    }),
    z.array(notificationSchema),
  ),
  'notifications.retry': command('Retry a failed send now.', byIdSchema, notificationSchema),

  'attachments.list': query(
    'Files attached to an appointment (same access rules as the appointment).',
    z.strictObject({ appointmentId: idSchema }),
    z.array(attachmentSchema),
  ),
  'attachments.upload': command(
    'Attach a report or image (PDF, JPEG, PNG, WebP; at most 10 MB) to an appointment.',
    z.strictObject({
      id: idSchema,
      appointmentId: idSchema,
      fileName: attachmentSchema.shape.fileName,
      mimeType: z.enum(attachmentMimeTypes),
      base64: z
        .string()
        .max(Math.ceil((10 * 1024 * 1024 * 4) / 3) + 4, { error: 'must be at most 10 MB' })
        .regex(/^[A-Za-z0-9+/]*={0,2}$/, { error: 'must be base64' }),
    }),
    attachmentSchema,
  ),
  'attachments.download': query(
    'One attached file’s content.',
    byIdSchema,
    z.strictObject({ attachment: attachmentSchema, base64: z.string() }),
  ),
} as const;
