import { randomUUID } from 'node:crypto';
import { type HandlerMap, handler } from '@server/core/handler';
import { readSmtpSettings } from '@server/notifications/mail-settings.repository';
import { SmtpSender } from '@server/notifications/smtp-sender';

/**
 * The admin's "send test e-mail" (docs/architecture.md, "Messages"): sent at once through the
 * stored mail server — even one not enabled yet, so that it can be tried before it is switched on
 * — in `prepare`, outside any transaction. The answer is the server's own (e.g. "250 2.0.0 OK" or
 * "535 Authentication failed"); the password is in neither the answer nor the audit entry.
 */
export const deliveryHandlers: HandlerMap = {
  'messages.sendTestEmail': handler('messages.sendTestEmail', {
    prepare: async (input, ctx) => {
      const stored = readSmtpSettings(ctx.db);
      if (stored.host.trim() === '') {
        return { accepted: false, response: 'No mail server is set: save the mail server settings first.' };
      }
      const sender = new SmtpSender(() => ({ ...stored, enabled: true }), { maxConnections: 1 });
      try {
        const clinicName = ctx.settings().clinicName;
        const outcome = await sender.send({
          id: `test-${randomUUID()}`,
          channel: 'email',
          recipient: input.to,
          subject: `Test e-mail from ${clinicName}`,
          body: `This is a test e-mail from ${clinicName}'s clinic system, sent ${ctx.now}.\n\nIf you can read it, e-mail to patients works.`,
          messageId: `test-${randomUUID()}`,
          attachment: null,
        });
        return outcome.ok
          ? { accepted: true, response: outcome.response }
          : { accepted: false, response: outcome.error };
      } finally {
        sender.close();
      }
    },
    run: (input, ctx, answer) => {
      ctx.audit({
        kind: 'change',
        action: 'messages.sendTestEmail',
        entity: 'smtp_settings',
        entityId: null,
        patientId: null,
        details: { to: input.to, accepted: answer.accepted, response: answer.response.slice(0, 200) },
      });
      return answer;
    },
  }),
};
