import {
  type MessageLanguage,
  messageLanguageSchema,
  type NotificationChannel,
  type NotificationKind,
  notificationKindSchema,
} from '@shared/domain/notification.schema';

export const KIND_LABELS: Record<NotificationKind, string> = {
  booking_confirmation: 'Booking confirmed',
  booking_requested: 'Booking requested',
  booking_confirmed: 'Request confirmed by the clinic',
  booking_declined: 'Request declined by the clinic',
  reminder: 'Reminder',
  schedule_change: 'Appointment moved',
  cancellation: 'Cancelled by the clinic',
  prescription_ready: 'Prescription ready',
  payment_receipt: 'Payment receipt',
  refund_receipt: 'Refund receipt',
  waitlist_offer: 'Waiting-list offer',
  activation_code: 'App activation code',
  password_reset_code: 'Password reset code',
};

export const CHANNEL_LABELS: Record<NotificationChannel, string> = {
  email: 'E-mail',
  sms: 'SMS',
  in_app: 'In-app inbox',
};

export const LANGUAGE_LABELS: Record<MessageLanguage, string> = {
  en: 'English',
  hi: 'हिन्दी (Hindi)',
};

/** E-mail first: the longest text, and the one most admins change. */
export const CHANNELS_IN_ORDER = ['email', 'sms', 'in_app'] as const satisfies readonly NotificationChannel[];

export interface TextChoice {
  kind: NotificationKind;
  channel: NotificationChannel;
  language: MessageLanguage;
}

/** The text chosen in the URL (?kind=&channel=&language=), anything unknown falling back to the first. */
export function choiceFrom(params: URLSearchParams): TextChoice {
  const pick = <T extends string>(options: readonly T[], value: string | null): T =>
    options.find((o) => o === value) ?? options[0]!;
  return {
    kind: pick(notificationKindSchema.options, params.get('kind')),
    channel: pick(CHANNELS_IN_ORDER, params.get('channel')),
    language: pick(messageLanguageSchema.options, params.get('language')),
  };
}
