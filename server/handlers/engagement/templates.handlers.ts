import { failure } from '@shared/contract/errors';
import {
  type MessageTemplate,
  messageLanguageSchema,
  notificationChannelSchema,
  notificationKindSchema,
} from '@shared/domain/notification.schema';
import {
  fillTemplate,
  type MessageValues,
  sampleValues,
  templateProblems,
} from '@shared/rules/message-template';
import { smsSize } from '@shared/rules/sms-segments';
import { type HandlerContext, type HandlerMap, handler } from '@server/core/handler';
import {
  allTemplateEntries,
  deleteTemplateOverride,
  saveTemplateOverride,
  templateEntry,
} from '@server/notifications/templates.repository';

/** Unknown placeholders, stray braces, a subject on an SMS: refused, naming the field and placeholder. */
function checkTemplate(template: MessageTemplate): void {
  const problems = templateProblems(template.kind, template);
  if (template.channel === 'sms' && template.subject !== '') {
    problems.unshift({ field: 'subject', message: 'must be empty: an SMS has no subject' });
  }
  if (problems.length > 0) {
    throw failure('VALIDATION', problems.map((p) => `${p.field}: ${p.message}`).join('; '), {
      fields: problems,
    });
  }
}

/** Sample values, with the clinic's own name, phone and address when it has them. */
function previewValues(ctx: HandlerContext): MessageValues {
  const settings = ctx.settings();
  return {
    ...sampleValues,
    clinicName: settings.clinicName,
    ...(settings.phone ? { clinicPhone: settings.phone } : {}),
    ...(settings.address ? { clinicAddress: settings.address } : {}),
  };
}

const auditTemplate = (ctx: HandlerContext, action: string, key: Omit<MessageTemplate, 'subject' | 'body'>) =>
  ctx.audit({
    kind: 'change',
    action,
    entity: 'message_templates',
    entityId: `${key.kind}:${key.channel}:${key.language}`,
    patientId: null,
    details: { kind: key.kind, channel: key.channel, language: key.language },
  });

/** The clinic's message texts (docs/architecture.md, "Messages"): hub only, never synced. */
export const templateHandlers: HandlerMap = {
  'messages.templates': handler('messages.templates', {
    run: (_input, ctx) =>
      allTemplateEntries(
        ctx.db,
        notificationKindSchema.options,
        notificationChannelSchema.options,
        messageLanguageSchema.options,
      ),
  }),

  'messages.saveTemplate': handler('messages.saveTemplate', {
    run: (input, ctx) => {
      checkTemplate(input);
      saveTemplateOverride(ctx.db, input, ctx.actor!.userId, ctx.now);
      auditTemplate(ctx, 'messages.saveTemplate', input);
      return templateEntry(ctx.db, input);
    },
  }),

  'messages.resetTemplate': handler('messages.resetTemplate', {
    run: (input, ctx) => {
      if (deleteTemplateOverride(ctx.db, input)) auditTemplate(ctx, 'messages.resetTemplate', input);
      return templateEntry(ctx.db, input);
    },
  }),

  'messages.preview': handler('messages.preview', {
    run: (input, ctx) => {
      checkTemplate(input);
      const values = previewValues(ctx);
      const body = fillTemplate(input.body, values);
      return {
        subject: input.channel === 'sms' ? '' : fillTemplate(input.subject, values),
        body,
        segments: input.channel === 'sms' ? smsSize(body).segments : null,
      };
    },
  }),
};
