import {
  type MessageLanguage,
  messageLanguageSchema,
  type NotificationChannel,
  type NotificationKind,
  notificationKindSchema,
} from '@shared/domain/notification.schema';

// One wording of kinds, channels and languages for reception's log and the admin's texts.
export {
  CHANNEL_LABELS,
  KIND_LABELS,
  LANGUAGE_LABELS,
} from '@renderer/screens/shared/messages/message-labels';

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
