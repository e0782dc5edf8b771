import { describe, expect, it } from 'vitest';
import { fillTemplate, placeholdersIn, templateProblems } from './message-template';

describe('message templates', () => {
  it('fills the placeholders it knows and leaves nothing raw', () => {
    expect(
      fillTemplate('Hello {patientName}, see {doctor} at { time }.{x}', {
        patientName: 'Asha',
        doctor: 'Dr. Iyer',
        time: '10:30',
      }),
    ).toBe('Hello Asha, see Dr. Iyer at 10:30.');
    expect(placeholdersIn('{a} {b} {a}')).toEqual(['a', 'b']);
  });

  it('refuses an unknown placeholder, naming it and the field', () => {
    const problems = templateProblems('reminder', {
      subject: 'Reminder',
      body: 'Hi {patientName}, {amount}',
    });
    expect(problems).toHaveLength(1);
    expect(problems[0]!.field).toBe('body');
    expect(problems[0]!.message).toContain('{amount}');
    expect(
      templateProblems('payment_receipt', { subject: '{receiptNumber}', body: 'Paid {amount}' }),
    ).toEqual([]);
  });

  it('refuses a stray brace', () => {
    expect(templateProblems('reminder', { subject: 'See you {', body: 'x' })[0]).toMatchObject({
      field: 'subject',
    });
  });
});
