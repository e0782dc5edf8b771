import type { NotificationKind } from '@shared/domain/notification.schema';

/**
 * Message texts are data the admin edits: `{placeholder}` names are filled when a message is
 * made. Each kind has its own set; a text naming any other is refused on save, naming it.
 */
const common = ['patientName', 'clinicName', 'clinicPhone', 'clinicAddress'] as const;
const visit = [...common, 'appointmentNumber', 'doctor', 'date', 'time'] as const;

export const placeholdersByKind = {
  booking_confirmation: visit,
  booking_requested: visit,
  booking_confirmed: visit,
  booking_declined: [...visit, 'reason'],
  reminder: visit,
  schedule_change: [...visit, 'previousDate', 'previousTime', 'reason'],
  cancellation: [...visit, 'reason'],
  prescription_ready: [...common, 'appointmentNumber', 'doctor', 'date'],
  payment_receipt: [...common, 'amount', 'receiptNumber', 'billNumber', 'date'],
  refund_receipt: [...common, 'amount', 'receiptNumber', 'billNumber', 'date'],
  waitlist_offer: [...common, 'doctor', 'date', 'time', 'holdUntil'],
  turn_near: [...common, 'doctor', 'token'],
  activation_code: [...common, 'code', 'validUntil'],
  password_reset_code: [...common, 'code', 'validUntil'],
  sign_up_unmatched: common,
} as const satisfies Record<NotificationKind, readonly string[]>;

export type Placeholder = (typeof placeholdersByKind)[NotificationKind][number];
export type MessageValues = Partial<Record<Placeholder, string>>;

/** What the preview fills in, so the admin sees a realistic message. */
export const sampleValues: Record<Placeholder, string> = {
  patientName: 'Asha Rao',
  clinicName: 'Sunrise Family Clinic',
  clinicPhone: '+91 80 4123 4567',
  clinicAddress: '12 MG Road, Bengaluru',
  appointmentNumber: 'A-2026-000123',
  doctor: 'Dr. Kavitha Iyer',
  date: 'Tue 8 Dec 2026',
  time: '10:30',
  previousDate: 'Mon 7 Dec 2026',
  previousTime: '16:00',
  reason: 'The doctor is on leave',
  amount: '₹500.00',
  receiptNumber: 'R-2026-000042',
  billNumber: 'B-2026-000040',
  holdUntil: '11:15',
  token: '14',
  code: '482913',
  validUntil: '11:45',
};

const PLACEHOLDER = /\{([^{}]*)\}/g;

/** The placeholder names a text uses, in order of appearance (repeats kept once). */
export function placeholdersIn(text: string): string[] {
  return [...new Set([...text.matchAll(PLACEHOLDER)].map((m) => m[1]!.trim()))];
}

export interface TemplateProblem {
  field: 'subject' | 'body';
  message: string;
}

/** Unknown placeholders and stray braces, each naming the field and the placeholder. */
export function templateProblems(
  kind: NotificationKind,
  text: { subject: string; body: string },
): TemplateProblem[] {
  const known: readonly string[] = placeholdersByKind[kind];
  const problems: TemplateProblem[] = [];
  for (const field of ['subject', 'body'] as const) {
    for (const name of placeholdersIn(text[field])) {
      if (!known.includes(name)) {
        problems.push({
          field,
          message: `{${name}} is not a placeholder of this message; use one of ${known.map((k) => `{${k}}`).join(', ')}`,
        });
      }
    }
    const stray = text[field].replace(PLACEHOLDER, '');
    if (/[{}]/.test(stray)) {
      problems.push({ field, message: 'has a { or } that does not enclose a placeholder name' });
    }
  }
  return problems;
}

/** Fills the placeholders; a value not given leaves an empty string (never the raw `{name}`). */
export function fillTemplate(text: string, values: MessageValues): string {
  return text.replace(PLACEHOLDER, (_match, name: string) => values[name.trim() as Placeholder] ?? '');
}
