import { describe, expect, it } from 'vitest';
import {
  messageLanguageSchema,
  notificationChannelSchema,
  notificationKindSchema,
} from '@shared/domain/notification.schema';
import { fillTemplate, placeholdersIn, sampleValues, templateProblems } from '@shared/rules/message-template';
import { smsSize } from '@shared/rules/sms-segments';
import { defaultTemplate, defaultTexts } from './default-templates';

const DEVANAGARI = /[\u0900-\u097F]/;
/** Latin words outside placeholders: the Hindi texts are written in Hindi, not English. */
const ENGLISH_WORD = /\b[A-Za-z]{3,}\b/;

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

  it('are written in Hindi (Devanagari) for hi, with the same placeholders as the English ones', () => {
    for (const kind of notificationKindSchema.options) {
      const hi = defaultTexts.hi[kind];
      const en = defaultTexts.en[kind];
      for (const part of ['subject', 'body', 'sms'] as const) {
        expect(hi[part], `${kind} ${part}`).toMatch(DEVANAGARI);
        expect(hi[part].replace(/\{[^{}]*\}/g, ''), `${kind} ${part}`).not.toMatch(ENGLISH_WORD);
        expect(hi[part], `${kind} ${part}`).not.toBe(en[part]);
        expect(placeholdersIn(hi[part]).sort(), `${kind} ${part}`).toEqual(placeholdersIn(en[part]).sort());
      }
    }
  });

  it('keep SMS short: English in one GSM-7 segment, Hindi (UCS-2) in at most two, with sample values', () => {
    for (const kind of notificationKindSchema.options) {
      const english = smsSize(fillTemplate(defaultTemplate(kind, 'sms', 'en').body, sampleValues));
      const hindi = smsSize(fillTemplate(defaultTemplate(kind, 'sms', 'hi').body, sampleValues));
      expect(english.segments, kind).toBe(1);
      expect(hindi.encoding, kind).toBe('UCS-2');
      expect(hindi.segments, kind).toBeLessThanOrEqual(2);
      expect(defaultTemplate(kind, 'sms', 'hi').subject).toBe('');
    }
  });
});
