import type {
  DeliveryState,
  MessageLanguage,
  Notification,
  NotificationChannel,
  NotificationKind,
} from '@shared/domain/notification.schema';
import {
  deliveryStateSchema,
  notificationChannelSchema,
  notificationKindSchema,
} from '@shared/domain/notification.schema';

/** What each kind of message is, in the words reception uses. */
export const KIND_LABELS: Record<NotificationKind, string> = {
  booking_confirmation: 'Booking confirmation',
  booking_requested: 'Booking requested',
  booking_confirmed: 'Request confirmed',
  booking_declined: 'Request declined',
  reminder: 'Reminder',
  schedule_change: 'Appointment moved',
  cancellation: 'Cancellation',
  prescription_ready: 'Prescription ready',
  payment_receipt: 'Payment receipt',
  refund_receipt: 'Refund receipt',
  waitlist_offer: 'Waiting-list offer',
  turn_near: 'Your turn is near',
  activation_code: 'Activation code',
  password_reset_code: 'Password reset code',
  sign_up_unmatched: 'App sign-up not matched',
};

export const CHANNEL_LABELS: Record<NotificationChannel, string> = {
  in_app: 'In-app',
  sms: 'SMS',
  email: 'E-mail',
};

export const STATE_LABELS: Record<DeliveryState, string> = {
  pending: 'Pending',
  sent: 'Sent',
  failed: 'Failed',
  skipped: 'Skipped',
};

export const STATE_PALETTES: Record<DeliveryState, string> = {
  pending: 'blue',
  sent: 'green',
  failed: 'red',
  skipped: 'gray',
};

export const LANGUAGE_LABELS: Record<MessageLanguage, string> = { en: 'English', hi: 'हिन्दी (Hindi)' };

export const KIND_OPTIONS = notificationKindSchema.options.map((value) => ({
  value,
  label: KIND_LABELS[value],
}));
export const CHANNEL_OPTIONS = notificationChannelSchema.options.map((value) => ({
  value,
  label: CHANNEL_LABELS[value],
}));
export const STATE_OPTIONS = deliveryStateSchema.options.map((value) => ({
  value,
  label: STATE_LABELS[value],
}));

export const isKind = (v: string | null): v is NotificationKind =>
  notificationKindSchema.safeParse(v).success;
export const isChannel = (v: string | null): v is NotificationChannel =>
  notificationChannelSchema.safeParse(v).success;
export const isState = (v: string | null): v is DeliveryState => deliveryStateSchema.safeParse(v).success;

/** "1 segment" / "3 segments": how many parts an SMS is sent in (what the gateway bills). */
export function segmentsLabel(message: Pick<Notification, 'channel' | 'segments'>): string | null {
  if (message.channel !== 'sms' || message.segments === null) return null;
  return message.segments === 1 ? '1 segment' : `${message.segments} segments`;
}
