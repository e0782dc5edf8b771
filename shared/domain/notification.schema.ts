import { z } from 'zod';
import { idSchema, instantSchema, text } from './common.schema';

export const notificationKindSchema = z.enum([
  'booking_confirmation',
  'reminder',
  'schedule_change',
  'cancellation',
  'prescription_ready',
  'payment_receipt',
  'waitlist_offer',
  'activation_code',
]);
export type NotificationKind = z.infer<typeof notificationKindSchema>;

export const notificationChannelSchema = z.enum(['in_app', 'sms', 'email']);
export const deliveryStateSchema = z.enum(['pending', 'sent', 'failed', 'skipped']);

/** One message on one channel; a failed send is retried and never blocks its cause (SPEC §10). */
export const notificationSchema = z.strictObject({
  id: idSchema,
  patientId: idSchema.nullable(),
  kind: notificationKindSchema,
  channel: notificationChannelSchema,
  recipient: z.string().max(254),
  subject: text(200),
  body: text(4000),
  state: deliveryStateSchema,
  attempts: z.number().int().min(0),
  lastError: text(500).nullable(),
  createdAt: instantSchema,
  sentAt: instantSchema.nullable(),
  readAt: instantSchema.nullable(),
});
export type Notification = z.infer<typeof notificationSchema>;
