import type {
  MessageLanguage,
  NotificationChannel,
  NotificationKind,
} from '@shared/domain/notification.schema';
import { fillTemplate, type MessageValues } from '@shared/rules/message-template';
import { smsSize } from '@shared/rules/sms-segments';
import type { Db } from '@server/db/database';
import { type ParameterOf, preparedQuery } from '@server/db/prepared-query';
import { defaultTemplate } from './default-templates';

export interface RenderedMessage {
  subject: string;
  body: string;
  /** SMS only: segments the text takes (GSM-7 or UCS-2). */
  segments: number | null;
}

/** Limits of the notification schema: a long value never makes a row the API cannot return. */
const SUBJECT_MAX = 200;
const BODY_MAX = 4000;

const ownTemplate = preparedQuery((q, p: ParameterOf<{ kind: string; channel: string; language: string }>) =>
  q
    .selectFrom('message_templates')
    .select(['subject', 'body'])
    .where('kind', '=', p('kind'))
    .where('channel', '=', p('channel'))
    .where('language', '=', p('language')),
);

/** The admin's text for this kind, channel and language, or the shipped default. */
export function messageTemplateFor(
  db: Db,
  kind: NotificationKind,
  channel: NotificationChannel,
  language: MessageLanguage,
): { subject: string; body: string } {
  return ownTemplate.first(db, { kind, channel, language }) ?? defaultTemplate(kind, channel, language);
}

/** The text a patient gets: the template filled with the values; SMS counted in segments. */
export function renderMessage(
  db: Db,
  kind: NotificationKind,
  channel: NotificationChannel,
  language: MessageLanguage,
  values: MessageValues,
): RenderedMessage {
  const template = messageTemplateFor(db, kind, channel, language);
  const subject = channel === 'sms' ? '' : fillTemplate(template.subject, values).slice(0, SUBJECT_MAX);
  const body = fillTemplate(template.body, values).slice(0, BODY_MAX);
  return { subject, body, segments: channel === 'sms' ? smsSize(body).segments : null };
}
