import { describe, expect, it } from 'vitest';
import {
  messageLanguageSchema,
  notificationChannelSchema,
  notificationKindSchema,
} from '@shared/domain/notification.schema';
import { templateProblems } from '@shared/rules/message-template';
import { defaultTemplate } from './default-templates';

describe('shipped message texts', () => {
  it('use only the placeholders of their kind, in every channel and language', () => {
    for (const kind of notificationKindSchema.options) {
      for (const channel of notificationChannelSchema.options) {
        for (const language of messageLanguageSchema.options) {
          const text = defaultTemplate(kind, channel, language);
          expect(templateProblems(kind, text), `${kind} ${channel} ${language}`).toEqual([]);
          expect(text.body.length, `${kind} ${channel} ${language}`).toBeGreaterThan(10);
        }
      }
    }
  });
});
