import { z } from 'zod';
import { emailSchema, idSchema, instantSchema, isoDateSchema, requiredText, text } from './common.schema';

/**
 * What the clinic tells a patient (docs/product.md, notifications). Health details never go into
 * SMS or e-mail text: "your prescription is ready", not what it says.
 */
export const notificationKindSchema = z.enum([
  /** A booking was made and is confirmed. */
  'booking_confirmation',
  /** A booking was requested: the clinic will confirm it. */
  'booking_requested',
  /** The clinic confirmed a requested booking. */
  'booking_confirmed',
  /** A doctor or the clinic declined a requested booking. */
  'booking_declined',
  'reminder',
  /** The clinic moved the appointment (staff reschedule, a doctor's leave). */
  'schedule_change',
  /** The clinic cancelled the appointment (staff, a doctor's leave). */
  'cancellation',
  'prescription_ready',
  'payment_receipt',
  'refund_receipt',
  'waitlist_offer',
  /** On the day: the patient is next but one in the doctor's queue (in-app and Web Push only). */
  'turn_near',
  'activation_code',
  'password_reset_code',
  /** An app sign-up whose details resemble a record the hub cannot tell apart: call the clinic. */
  'sign_up_unmatched',
]);
export type NotificationKind = z.infer<typeof notificationKindSchema>;

export const notificationChannelSchema = z.enum(['in_app', 'sms', 'email']);
export type NotificationChannel = z.infer<typeof notificationChannelSchema>;
/** Channels a patient may opt out of (the in-app inbox is the account itself). */
export const optOutChannelSchema = z.enum(['sms', 'email']);
export const deliveryStateSchema = z.enum(['pending', 'sent', 'failed', 'skipped']);
export type DeliveryState = z.infer<typeof deliveryStateSchema>;

/** Languages the shipped templates are written in; a patient's preferred one is used. */
export const messageLanguageSchema = z.enum(['en', 'hi']);
export type MessageLanguage = z.infer<typeof messageLanguageSchema>;

/** The record a message is about (its cause), for the staff list and the patient profile. */
export const messageAboutSchema = z.strictObject({
  entity: z.enum(['appointments', 'consultations', 'payments', 'waitlist_entries', 'users']),
  id: idSchema,
});

/** One message on one channel; a failed send is retried and never blocks its cause. */
export const notificationSchema = z.strictObject({
  id: idSchema,
  patientId: idSchema.nullable(),
  kind: notificationKindSchema,
  channel: notificationChannelSchema,
  language: messageLanguageSchema,
  /** Phone number, e-mail address, or (in-app) the patient's user id; '' when there is none. */
  recipient: z.string().max(254),
  about: messageAboutSchema.nullable(),
  subject: text(200),
  body: text(4000),
  /** SMS only: how many segments the text takes (GSM-7 or UCS-2). */
  segments: z.number().int().min(1).nullable(),
  /** E-mail only: a PDF goes with it (the patient opted in to attachments). */
  attachment: z.enum(['receipt', 'prescription']).nullable(),
  state: deliveryStateSchema,
  /** Why it was skipped, or the last delivery error. */
  reason: text(500).nullable(),
  attempts: z.number().int().min(0),
  /** When it is (or was) due: reminders ahead of time, everything else at once. */
  dueAt: instantSchema,
  /** Pending only: the next attempt after a temporary failure. */
  nextAttemptAt: instantSchema.nullable(),
  createdAt: instantSchema,
  sentAt: instantSchema.nullable(),
  readAt: instantSchema.nullable(),
});
export type Notification = z.infer<typeof notificationSchema>;

export const outboxFilterSchema = z.strictObject({
  kind: notificationKindSchema.optional(),
  channel: notificationChannelSchema.optional(),
  state: deliveryStateSchema.optional(),
  patientId: idSchema.optional(),
  /** Clinic dates, inclusive, of when the message was made. */
  fromDate: isoDateSchema.optional(),
  toDate: isoDateSchema.optional(),
});

/** A message text per kind, channel and language; `{placeholders}` are filled when it is sent. */
export const messageTemplateSchema = z.strictObject({
  kind: notificationKindSchema,
  channel: notificationChannelSchema,
  language: messageLanguageSchema,
  /** E-mail and in-app only; SMS has no subject (''). */
  subject: text(200),
  body: requiredText(2000),
});
export type MessageTemplate = z.infer<typeof messageTemplateSchema>;

export const messageTemplateEntrySchema = z.strictObject({
  ...messageTemplateSchema.shape,
  /** false: the shipped default is in use. */
  customized: z.boolean(),
  updatedAt: instantSchema.nullable(),
});

export const smtpSecuritySchema = z.enum(['starttls', 'tls', 'none'], {
  error: 'must be starttls, tls or none',
});

/** The clinic's outgoing mail server; the password never leaves the hub (only `passwordSet`). */
export const smtpSettingsSchema = z.strictObject({
  enabled: z.boolean(),
  host: text(253),
  port: z.number().int().min(1).max(65_535),
  security: smtpSecuritySchema,
  username: text(254),
  fromAddress: emailSchema.nullable(),
  fromName: text(120),
});
export type SmtpSettings = z.infer<typeof smtpSettingsSchema>;

export const smtpSettingsViewSchema = z.strictObject({
  ...smtpSettingsSchema.shape,
  passwordSet: z.boolean(),
  updatedAt: instantSchema.nullable(),
});
export type SmtpSettingsView = z.infer<typeof smtpSettingsViewSchema>;
