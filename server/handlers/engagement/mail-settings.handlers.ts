import { failure } from '@shared/contract/errors';
import type { SmtpSettings } from '@shared/domain/notification.schema';
import { type HandlerMap, handler } from '@server/core/handler';
import {
  readSmtpSettings,
  smtpSettingsView,
  writeSmtpSettings,
} from '@server/notifications/mail-settings.repository';

/** Sending needs a server and a sender; settings kept switched off may be incomplete. */
function checkMailSettings(settings: SmtpSettings): void {
  if (!settings.enabled) return;
  const fields: { field: string; message: string }[] = [];
  if (settings.host.trim() === '') fields.push({ field: 'host', message: 'is needed to send e-mail' });
  if (settings.fromAddress === null) {
    fields.push({ field: 'fromAddress', message: 'is needed to send e-mail' });
  }
  if (fields.length > 0) {
    throw failure('VALIDATION', `Please correct: ${fields.map((f) => f.field).join(', ')}`, { fields });
  }
}

/**
 * The outgoing mail server (hub only). The password is write-only: answers carry `passwordSet`,
 * the audit entry says only whether it was kept, set or cleared.
 */
export const mailSettingsHandlers: HandlerMap = {
  'messages.mailSettings': handler('messages.mailSettings', {
    run: (_input, ctx) => smtpSettingsView(readSmtpSettings(ctx.db)),
  }),

  'messages.saveMailSettings': handler('messages.saveMailSettings', {
    run: (input, ctx) => {
      const { password: given, ...settings } = input;
      const normalized = { ...settings, host: settings.host.trim(), username: settings.username.trim() };
      checkMailSettings(normalized);
      // A blank password keeps the stored one, as leaving it out does; null clears it.
      const password = given === '' ? undefined : given;
      const before = readSmtpSettings(ctx.db);
      const saved = writeSmtpSettings(ctx.db, { ...normalized, password }, ctx.now);
      const changed = (Object.keys(normalized) as (keyof SmtpSettings)[]).filter(
        (key) => normalized[key] !== before[key],
      );
      ctx.audit({
        kind: 'change',
        action: 'messages.saveMailSettings',
        entity: 'smtp_settings',
        entityId: '1',
        patientId: null,
        details: {
          fields: changed,
          password: password === undefined ? 'kept' : password === null ? 'cleared' : 'set',
        },
      });
      // E-mails waiting for a server may go now.
      ctx.afterCommit(() => ctx.hub.outbox.wake());
      return smtpSettingsView(saved);
    },
  }),
};
