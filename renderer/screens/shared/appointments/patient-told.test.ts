import { describe, expect, it } from 'vitest';
import { howPatientIsTold } from './patient-told';

const what = 'a cancellation message';

describe('how the patient is told', () => {
  it('names the channels the messages go by', () => {
    expect(
      howPatientIsTold({ phone: '+91 98450 11111', email: 'a@example.in', messageOptOuts: [] }, what),
    ).toBe(
      'The patient is sent a cancellation message by SMS and e-mail (and in the patient app if they use it).',
    );
    expect(
      howPatientIsTold({ phone: '+91 98450 11111', email: 'a@example.in', messageOptOuts: ['sms'] }, what),
    ).toContain('by e-mail (');
  });
  it('says when nobody can be messaged', () => {
    expect(howPatientIsTold({ phone: '', email: null, messageOptOuts: [] }, what)).toContain(
      'please tell them yourself',
    );
    expect(
      howPatientIsTold({ phone: '+91 98450 11111', email: null, messageOptOuts: ['sms'] }, what),
    ).toContain('please tell them yourself');
  });
});
