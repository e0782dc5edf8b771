import { describe, expect, it } from 'vitest';
import { notificationKindSchema } from '@shared/domain/notification.schema';
import { choiceFrom, KIND_LABELS } from './message-labels';

describe('message text choice', () => {
  it('reads the chosen text from the URL', () => {
    expect(choiceFrom(new URLSearchParams('kind=reminder&channel=sms&language=hi'))).toEqual({
      kind: 'reminder',
      channel: 'sms',
      language: 'hi',
    });
  });
  it('falls back to the first of each for anything unknown', () => {
    expect(choiceFrom(new URLSearchParams('kind=nope&channel=fax'))).toEqual({
      kind: 'booking_confirmation',
      channel: 'email',
      language: 'en',
    });
  });
  it('has a label for every kind', () => {
    for (const kind of notificationKindSchema.options) expect(KIND_LABELS[kind]).toBeTruthy();
  });
});
