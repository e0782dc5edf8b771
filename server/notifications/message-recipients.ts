import type {
  MessageLanguage,
  NotificationChannel,
  NotificationKind,
} from '@shared/domain/notification.schema';
import type { Db } from '@server/db/database';
import { type ParameterOf, preparedQuery } from '@server/db/prepared-query';

type ById = { id: string };
const patientChoices = preparedQuery((q, p: ParameterOf<ById>) =>
  q
    .selectFrom('patients')
    .select(['id', 'fullName', 'phone', 'email', 'preferredLanguage', 'messageOptOuts', 'emailAttachments'])
    .where('id', '=', p('id')),
);
const appAccount = preparedQuery((q, p: ParameterOf<ById>) =>
  q
    .selectFrom('users')
    .select('id')
    .where('patientId', '=', p('id'))
    .where('role', '=', 'patient')
    .where('disabled', '=', 0)
    .orderBy('createdAt')
    .limit(1),
);

/** Where one message goes on one channel, or why it does not (kept as a skipped row staff can read). */
export interface Recipient {
  channel: NotificationChannel;
  /** Phone, e-mail address or (in-app) the patient's user id; '' when there is none. */
  recipient: string;
  skipped: string | null;
  attachment: 'receipt' | 'prescription' | null;
}

export interface MessageAudience {
  patientId: string;
  patientName: string;
  language: MessageLanguage;
  recipients: Recipient[];
}

const ATTACHMENTS: Partial<Record<NotificationKind, 'receipt' | 'prescription'>> = {
  payment_receipt: 'receipt',
  refund_receipt: 'receipt',
  prescription_ready: 'prescription',
};

const channelName = { sms: 'SMS', email: 'e-mail' } as const;

/**
 * A patient's channels for a kind: in-app only with an enabled app account (no row otherwise);
 * SMS to the phone and e-mail to the address, each skipped with its reason when missing or opted
 * out, the other channels unaffected. The text is in the patient's preferred language. E-mails
 * of receipts and prescriptions carry the PDF only when the patient asked for attachments.
 * `channels` narrows the set (codes go by SMS and e-mail only). Null: no such patient.
 */
export function messageAudience(
  db: Db,
  patientId: string,
  kind: NotificationKind,
  channels: readonly NotificationChannel[] = ['in_app', 'sms', 'email'],
): MessageAudience | null {
  const patient = patientChoices.first(db, { id: patientId });
  if (!patient) return null;
  const optedOut = new Set(JSON.parse(patient.messageOptOuts) as string[]);
  const recipients: Recipient[] = [];
  for (const channel of channels) {
    if (channel === 'in_app') {
      const account = appAccount.first(db, { id: patientId });
      if (account) recipients.push({ channel, recipient: account.id, skipped: null, attachment: null });
      continue;
    }
    const address = (channel === 'sms' ? patient.phone : patient.email)?.trim() ?? '';
    const skipped = optedOut.has(channel)
      ? `the patient opted out of ${channelName[channel]}`
      : address === ''
        ? channel === 'sms'
          ? 'no phone number on the patient’s record'
          : 'no e-mail address on the patient’s record'
        : null;
    const attachment =
      channel === 'email' && patient.emailAttachments === 1 ? (ATTACHMENTS[kind] ?? null) : null;
    recipients.push({ channel, recipient: skipped ? '' : address, skipped, attachment });
  }
  return {
    patientId,
    patientName: patient.fullName,
    language: patient.preferredLanguage === 'hi' ? 'hi' : 'en',
    recipients,
  };
}
