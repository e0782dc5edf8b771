import { z } from 'zod';
import { smtpSettingsSchema, type SmtpSettingsView } from '@shared/domain/notification.schema';

/** The form's values: the settings, and a new password ('' keeps the stored one). */
export const mailFormSchema = smtpSettingsSchema.extend({ password: z.string().max(512) });
export type MailFormValues = z.infer<typeof mailFormSchema>;

export const MAIL_FIELDS = [
  'enabled',
  'host',
  'port',
  'security',
  'username',
  'password',
  'fromAddress',
  'fromName',
] as const satisfies readonly (keyof MailFormValues)[];

export function mailFormValues(view: SmtpSettingsView): MailFormValues {
  const { passwordSet: _set, updatedAt: _at, ...settings } = view;
  return { ...settings, password: '' };
}

/** What `messages.saveMailSettings` gets: a blank password is left out (kept), clearing sends null. */
export function mailSaveInput(values: MailFormValues, clearPassword: boolean) {
  const { password, ...settings } = values;
  if (clearPassword) return { ...settings, password: null };
  return password === '' ? settings : { ...settings, password };
}

export const SECURITY_OPTIONS = [
  { value: 'starttls', label: 'STARTTLS (usually port 587)' },
  { value: 'tls', label: 'TLS from the start (usually port 465)' },
  { value: 'none', label: 'None (a relay on the clinic network only)' },
] as const;
