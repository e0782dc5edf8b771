import type { SmtpSettings, SmtpSettingsView } from '@shared/domain/notification.schema';
import type { Db } from '@server/db/database';

/** The stored mail server, password included: for the sender only, never for an answer or a log. */
export interface StoredSmtpSettings extends SmtpSettings {
  password: string | null;
  updatedAt: string | null;
}

const notConfigured: StoredSmtpSettings = {
  enabled: false,
  host: '',
  port: 587,
  security: 'starttls',
  username: '',
  password: null,
  fromAddress: null,
  fromName: '',
  updatedAt: null,
};

export function readSmtpSettings(db: Db): StoredSmtpSettings {
  const row = db.first(db.q.selectFrom('smtp_settings').selectAll().where('id', '=', 1));
  if (!row) return notConfigured;
  return {
    enabled: row.enabled === 1,
    host: row.host,
    port: row.port,
    security: row.security as SmtpSettings['security'],
    username: row.username,
    password: row.password,
    fromAddress: row.fromAddress,
    fromName: row.fromName,
    updatedAt: row.updatedAt,
  };
}

/** What an admin sees: whether a password is stored, never the password. */
export function smtpSettingsView(settings: StoredSmtpSettings): SmtpSettingsView {
  const { password, ...rest } = settings;
  return { ...rest, passwordSet: password !== null && password !== '' };
}

/** Saves the settings; `password` undefined keeps the stored one, null clears it. */
export function writeSmtpSettings(
  db: Db,
  settings: SmtpSettings & { password?: string | null | undefined },
  now: string,
): StoredSmtpSettings {
  const password = settings.password === undefined ? readSmtpSettings(db).password : settings.password;
  const row = {
    id: 1,
    enabled: settings.enabled ? 1 : 0,
    host: settings.host,
    port: settings.port,
    security: settings.security,
    username: settings.username,
    password,
    fromAddress: settings.fromAddress,
    fromName: settings.fromName,
    updatedAt: now,
  };
  db.run(
    db.q
      .insertInto('smtp_settings')
      .values(row)
      .onConflict((oc) => oc.column('id').doUpdateSet(row)),
  );
  return readSmtpSettings(db);
}
