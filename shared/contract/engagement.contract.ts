import { z } from 'zod';
import { emailSchema, idSchema, pageSchema } from '@shared/domain/common.schema';
import { appointmentSchema } from '@shared/domain/appointment.schema';
import { attachmentMimeTypes, attachmentSchema } from '@shared/domain/attachment.schema';
import {
  messageTemplateEntrySchema,
  messageTemplateSchema,
  notificationSchema,
  outboxFilterSchema,
  smtpSettingsSchema,
  smtpSettingsViewSchema,
} from '@shared/domain/notification.schema';
import { waitlistEntrySchema, waitlistRequestSchema } from '@shared/domain/waitlist.schema';
import { byIdSchema, okSchema, pageOf } from './common';
import { command, query } from './define';

/** Waiting list, notifications and telemedicine attachments (docs/product.md §10, §11). */
export const engagementContract = {
  'waitlist.join': command(
    'Ask for a doctor in a date range; a cancellation offers the first matching entry a held slot.',
    waitlistRequestSchema,
    waitlistEntrySchema,
    'online-only',
  ),
  'waitlist.list': query(
    'Waiting-list entries (staff: filter by doctor; a patient: their own).',
    z.strictObject({ doctorId: idSchema.optional(), patientId: idSchema.optional() }),
    z.array(waitlistEntrySchema),
    'replica',
  ),
  'waitlist.cancel': command('Leave the waiting list.', byIdSchema, waitlistEntrySchema, 'online-only'),
  'waitlist.accept': command(
    'Accept a held offer before it expires: the slot is booked.',
    z.strictObject({ id: idSchema, appointmentId: idSchema }),
    appointmentSchema,
    'online-only',
  ),
  'waitlist.decline': command(
    'Decline an offer; it passes to the next entry.',
    byIdSchema,
    waitlistEntrySchema,
    'online-only',
  ),

  'notifications.inbox': query(
    'The signed-in patient’s in-app messages, newest first.',
    z.strictObject({ unreadOnly: z.boolean().default(false) }),
    z.array(notificationSchema),
    'online-only',
  ),
  'notifications.markRead': command(
    'Mark in-app messages read.',
    z.strictObject({ ids: z.array(idSchema).max(200) }),
    okSchema,
    'online-only',
  ),
  'notifications.outbox': query(
    'Messages the clinic made, newest first, with their delivery state (the SMS outbox is here).',
    z.strictObject({ ...outboxFilterSchema.shape, ...pageSchema.shape }),
    pageOf(notificationSchema),
    'online-only',
  ),
  'notifications.retry': command(
    'Send a failed message again now (it is pending until the next attempt).',
    byIdSchema,
    notificationSchema,
    'online-only',
  ),

  'messages.templates': query(
    'Every kind’s text per channel and language: the clinic’s own, or the shipped default.',
    z.strictObject({}),
    z.array(messageTemplateEntrySchema),
    'online-only',
  ),
  'messages.saveTemplate': command(
    'Change one text; an unknown {placeholder} is refused, naming it.',
    messageTemplateSchema,
    messageTemplateEntrySchema,
    'online-only',
  ),
  'messages.resetTemplate': command(
    'Go back to the shipped text.',
    messageTemplateSchema.pick({ kind: true, channel: true, language: true }),
    messageTemplateEntrySchema,
    'online-only',
  ),
  'messages.preview': query(
    'A text filled with sample values, as a patient would get it (SMS: with its segment count).',
    messageTemplateSchema,
    z.strictObject({
      subject: z.string(),
      body: z.string(),
      segments: z.number().int().min(1).nullable(),
    }),
    'online-only',
  ),
  'messages.mailSettings': query(
    'The outgoing mail (SMTP) server; the password is never returned.',
    z.strictObject({}),
    smtpSettingsViewSchema,
    'online-only',
  ),
  'messages.saveMailSettings': command(
    'Set the outgoing mail server. Leave the password out to keep the stored one; null clears it.',
    z.strictObject({
      ...smtpSettingsSchema.shape,
      password: z.string().max(512).nullable().optional(),
    }),
    smtpSettingsViewSchema,
    'online-only',
  ),
  'messages.sendTestEmail': command(
    'Send a test e-mail through the configured server now and say what the server answered.',
    z.strictObject({ to: emailSchema }),
    z.strictObject({ accepted: z.boolean(), response: z.string() }),
    'online-only',
  ),

  'attachments.list': query(
    'Files attached to an appointment (same access rules as the appointment).',
    z.strictObject({ appointmentId: idSchema }),
    z.array(attachmentSchema),
    'online-only',
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
    'online-only',
  ),
  'attachments.download': query(
    'One attached file’s content.',
    byIdSchema,
    z.strictObject({ attachment: attachmentSchema, base64: z.string() }),
    'online-only',
  ),
} as const;
