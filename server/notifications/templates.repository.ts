import type {
  MessageLanguage,
  MessageTemplate,
  NotificationChannel,
  NotificationKind,
} from '@shared/domain/notification.schema';
import type { Db } from '@server/db/database';
import { defaultTemplate } from './default-templates';

/** One text as the admin sees it: the clinic's own (`customized`) or the shipped default. */
export interface TemplateEntry extends MessageTemplate {
  customized: boolean;
  updatedAt: string | null;
}

type Key = Pick<MessageTemplate, 'kind' | 'channel' | 'language'>;

interface OverrideRow {
  kind: string;
  channel: string;
  language: string;
  subject: string;
  body: string;
  updatedAt: string;
}

function entryOf(key: Key, row: OverrideRow | undefined): TemplateEntry {
  if (!row)
    return {
      ...key,
      ...defaultTemplate(key.kind, key.channel, key.language),
      customized: false,
      updatedAt: null,
    };
  return { ...key, subject: row.subject, body: row.body, customized: true, updatedAt: row.updatedAt };
}

const selectOverrides = (db: Db) =>
  db.q
    .selectFrom('message_templates')
    .select(['kind', 'channel', 'language', 'subject', 'body', 'updatedAt']);

/** The text in use for one kind, channel and language. */
export function templateEntry(db: Db, key: Key): TemplateEntry {
  const row = db.first(
    selectOverrides(db)
      .where('kind', '=', key.kind)
      .where('channel', '=', key.channel)
      .where('language', '=', key.language),
  );
  return entryOf(key, row);
}

/** Every kind × channel × language, in the contract's order. */
export function allTemplateEntries(
  db: Db,
  kinds: readonly NotificationKind[],
  channels: readonly NotificationChannel[],
  languages: readonly MessageLanguage[],
): TemplateEntry[] {
  const rows = new Map(db.all(selectOverrides(db)).map((r) => [`${r.kind}:${r.channel}:${r.language}`, r]));
  return kinds.flatMap((kind) =>
    channels.flatMap((channel) =>
      languages.map((language) =>
        entryOf({ kind, channel, language }, rows.get(`${kind}:${channel}:${language}`)),
      ),
    ),
  );
}

export function saveTemplateOverride(db: Db, template: MessageTemplate, by: string, now: string): void {
  const row = { ...template, updatedAt: now, updatedBy: by };
  db.run(
    db.q
      .insertInto('message_templates')
      .values(row)
      .onConflict((oc) => oc.columns(['kind', 'channel', 'language']).doUpdateSet(row)),
  );
}

/** Deletes the clinic's own text; true when there was one. */
export function deleteTemplateOverride(db: Db, key: Key): boolean {
  const result = db.run(
    db.q
      .deleteFrom('message_templates')
      .where('kind', '=', key.kind)
      .where('channel', '=', key.channel)
      .where('language', '=', key.language),
  );
  return result.changes > 0;
}
