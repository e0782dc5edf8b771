import type {
  MessageLanguage,
  NotificationChannel,
  NotificationKind,
} from '@shared/domain/notification.schema';

/**
 * The shipped texts, used until the admin changes one (`message_templates`). E-mail and the in-app
 * inbox share a subject and body; SMS has its own short text. None carries health details.
 */
interface KindTexts {
  subject: string;
  body: string;
  sms: string;
}

const footer = '\n\n{clinicName}\n{clinicAddress}\n{clinicPhone}';

const english: Record<NotificationKind, KindTexts> = {
  booking_confirmation: {
    subject: 'Appointment confirmed: {date} at {time}',
    body: `Dear {patientName},\n\nYour appointment {appointmentNumber} with {doctor} is confirmed for {date} at {time}.${footer}`,
    sms: '{clinicName}: appointment {appointmentNumber} with {doctor} confirmed for {date} {time}.',
  },
  booking_requested: {
    subject: 'Appointment requested: {date} at {time}',
    body: `Dear {patientName},\n\nWe have your request {appointmentNumber} for {doctor} on {date} at {time}. The clinic will confirm it.${footer}`,
    sms: '{clinicName}: request {appointmentNumber} for {doctor} on {date} {time} received; the clinic will confirm it.',
  },
  booking_confirmed: {
    subject: 'Appointment confirmed: {date} at {time}',
    body: `Dear {patientName},\n\nThe clinic has confirmed your appointment {appointmentNumber} with {doctor} on {date} at {time}.${footer}`,
    sms: '{clinicName}: appointment {appointmentNumber} with {doctor} on {date} {time} is confirmed.',
  },
  booking_declined: {
    subject: 'Appointment request declined',
    body: `Dear {patientName},\n\nYour request {appointmentNumber} for {doctor} on {date} at {time} could not be accepted: {reason}\nPlease call us to find another time.${footer}`,
    sms: '{clinicName}: request {appointmentNumber} for {date} {time} declined: {reason}. Call {clinicPhone}.',
  },
  reminder: {
    subject: 'Reminder: {doctor} on {date} at {time}',
    body: `Dear {patientName},\n\nThis is a reminder of your appointment {appointmentNumber} with {doctor} on {date} at {time}.${footer}`,
    sms: '{clinicName}: reminder, {doctor} on {date} at {time} ({appointmentNumber}).',
  },
  schedule_change: {
    subject: 'Appointment moved to {date} at {time}',
    body: `Dear {patientName},\n\nYour appointment {appointmentNumber} with {doctor} has moved from {previousDate} {previousTime} to {date} at {time}. Reason: {reason}${footer}`,
    sms: '{clinicName}: appointment {appointmentNumber} moved to {date} {time} with {doctor}.',
  },
  cancellation: {
    subject: 'Appointment cancelled',
    body: `Dear {patientName},\n\nYour appointment {appointmentNumber} with {doctor} on {date} at {time} has been cancelled by the clinic. Reason: {reason}\nPlease call us to book another time.${footer}`,
    sms: '{clinicName}: appointment {appointmentNumber} on {date} {time} cancelled: {reason}. Call {clinicPhone}.',
  },
  prescription_ready: {
    subject: 'Your prescription is ready',
    body: `Dear {patientName},\n\nYour prescription from {doctor} ({date}) is ready. You can see it in the clinic's app or collect a copy at the clinic.${footer}`,
    sms: '{clinicName}: your prescription from {doctor} is ready in the app.',
  },
  payment_receipt: {
    subject: 'Receipt {receiptNumber}',
    body: `Dear {patientName},\n\nWe received {amount} on {date} (receipt {receiptNumber}, bill {billNumber}). Thank you.${footer}`,
    sms: '{clinicName}: received {amount}, receipt {receiptNumber}. Thank you.',
  },
  refund_receipt: {
    subject: 'Refund {receiptNumber}',
    body: `Dear {patientName},\n\nWe refunded {amount} on {date} (receipt {receiptNumber}, bill {billNumber}).${footer}`,
    sms: '{clinicName}: refunded {amount}, receipt {receiptNumber}.',
  },
  waitlist_offer: {
    subject: 'A time with {doctor} is free: {date} at {time}',
    body: `Dear {patientName},\n\nA time with {doctor} on {date} at {time} is held for you until {holdUntil}. Accept it in the clinic's app or call us.${footer}`,
    sms: '{clinicName}: {doctor} {date} {time} is held for you until {holdUntil}. Accept in the app or call {clinicPhone}.',
  },
  activation_code: {
    subject: 'Your activation code',
    body: `Dear {patientName},\n\nYour code to activate the clinic's app is {code}. It is valid until {validUntil}. Never share it.${footer}`,
    sms: '{clinicName}: your activation code is {code} (valid until {validUntil}). Never share it.',
  },
  password_reset_code: {
    subject: 'Your password reset code',
    body: `Dear {patientName},\n\nYour code to reset your password is {code}. It is valid until {validUntil}. If you did not ask for it, ignore this message.${footer}`,
    sms: '{clinicName}: your password reset code is {code} (valid until {validUntil}).',
  },
};

export const defaultTexts: Record<MessageLanguage, Record<NotificationKind, KindTexts>> = {
  en: english,
  hi: english,
};

export function defaultTemplate(
  kind: NotificationKind,
  channel: NotificationChannel,
  language: MessageLanguage,
): { subject: string; body: string } {
  const texts = defaultTexts[language][kind];
  return channel === 'sms' ? { subject: '', body: texts.sms } : { subject: texts.subject, body: texts.body };
}
