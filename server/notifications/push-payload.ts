import type { NotificationKind } from '@shared/domain/notification.schema';
import type { Db } from '@server/db/database';

/** What the service worker shows (renderer/companion/sw-push.ts): title, body, where a tap opens. */
export interface PushPayload {
  title: string;
  body: string;
  url: string;
}

/** The companion app's screen for each kind (renderer/companion/shell/routes.ts). */
const URL_OF_KIND: Partial<Record<NotificationKind, string>> = {
  reminder: '/appointments',
  turn_near: '/',
  waitlist_offer: '/waitlist',
};

/** Longest body sent: the inbox has the whole text; push services cap payloads at ~4 kB. */
const MAX_BODY = 500;

export interface PushMessage {
  id: string;
  patientId: string;
  payload: PushPayload;
}

/**
 * The in-app rows as pushes: the subject is the title and the body the text, both already in the
 * patient's language (rendered when the message was written). The body's first paragraph (the
 * greeting) and the clinic's footer are left out: a phone shows a few lines.
 */
export function pushMessages(db: Db, ids: readonly string[]): PushMessage[] {
  if (ids.length === 0) return [];
  const rows = db.all(
    db.q
      .selectFrom('notifications')
      .select(['id', 'patientId', 'kind', 'subject', 'body'])
      .where('id', 'in', [...ids])
      .where('channel', '=', 'in_app')
      .where('state', '=', 'sent'),
  );
  return rows.flatMap((row) =>
    row.patientId
      ? [
          {
            id: row.id,
            patientId: row.patientId,
            payload: {
              title: row.subject,
              body: mainParagraph(row.body).slice(0, MAX_BODY),
              url: URL_OF_KIND[row.kind as NotificationKind] ?? '/inbox',
            },
          },
        ]
      : [],
  );
}

function mainParagraph(body: string): string {
  const paragraphs = body
    .split(/\n\s*\n/)
    .map((p) => p.trim())
    .filter(Boolean);
  return paragraphs[1] ?? paragraphs[0] ?? '';
}
