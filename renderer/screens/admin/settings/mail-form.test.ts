import { describe, expect, it } from 'vitest';
import { mailFormValues, mailSaveInput } from './mail-form';

const view = {
  enabled: true,
  host: 'smtp.example.org',
  port: 587,
  security: 'starttls',
  username: 'clinic',
  fromAddress: 'clinic@example.org',
  fromName: 'Sunrise',
  passwordSet: true,
  updatedAt: '2026-12-01T00:00:00.000Z',
} as const;

describe('mail settings form', () => {
  it('starts with a blank password whatever is stored', () => {
    expect(mailFormValues(view).password).toBe('');
    expect(mailFormValues(view)).not.toHaveProperty('passwordSet');
  });
  it('leaves a blank password out (kept), sends a new one, and null to clear', () => {
    const values = mailFormValues(view);
    expect(mailSaveInput(values, false)).not.toHaveProperty('password');
    expect(mailSaveInput({ ...values, password: 's3cret' }, false)).toMatchObject({ password: 's3cret' });
    expect(mailSaveInput({ ...values, password: 's3cret' }, true)).toMatchObject({ password: null });
  });
});
