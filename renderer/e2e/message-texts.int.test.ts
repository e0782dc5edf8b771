import type { AddressInfo } from 'node:net';
import type { Page } from 'playwright-core';
import { SMTPServer } from 'smtp-server';
import { describe, expect } from 'vitest';
import { axeScan } from '@renderer/testing/axe';
import { openApp, openScreen } from '@renderer/testing/browser';
import { browserTest } from '@renderer/testing/browser-test';
import { signInAs } from '@renderer/testing/sign-in';

const TIMEOUT = { timeout: 30_000 };
const SMTP_PASSWORD = 'Smtp-Secret-4471';
/** The shipped English reminder SMS (server/notifications/default-templates.ts). */
const SHIPPED_REMINDER_SMS = '{clinicName}: reminder, {doctor} on {date} at {time} ({appointmentNumber}).';

interface SmtpSink {
  port: number;
  mails: { to: string; user: string | undefined; password: string | undefined }[];
  close(): Promise<void>;
}

/** A real SMTP server on 127.0.0.1 (no TLS) that accepts any login and keeps who got what. */
async function startSmtpSink(): Promise<SmtpSink> {
  const mails: SmtpSink['mails'] = [];
  const logins = new Map<string, { user: string | undefined; password: string | undefined }>();
  const server = new SMTPServer({
    authOptional: true,
    allowInsecureAuth: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    onAuth(auth, session, callback) {
      logins.set(session.id, { user: auth.username, password: auth.password ?? undefined });
      callback(null, { user: auth.username ?? '' });
    },
    onData(stream, session, callback) {
      stream.resume();
      stream.on('end', () => {
        const login = logins.get(session.id) ?? { user: undefined, password: undefined };
        for (const to of session.envelope.rcptTo) mails.push({ to: to.address, ...login });
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.server.address() as AddressInfo;
  return { port, mails, close: () => new Promise<void>((resolve) => server.close(() => resolve())) };
}

const textArea = (page: Page) => page.getByRole('form', { name: 'Message text' }).getByLabel('SMS text');

/** Everything the hub sent the admin's page over its socket, to prove the password never comes back. */
const received: string[] = [];

const test = browserTest
  // eslint-disable-next-line no-empty-pattern -- vitest reads a fixture's needs from its destructuring
  .extend('smtp', { scope: 'file' }, async ({}, { onCleanup }) => {
    const smtp = await startSmtpSink();
    onCleanup(() => smtp.close());
    return smtp;
  })
  .extend('admin', { scope: 'file' }, async ({ hub, browser }) => {
    const admin = await openApp(browser, hub.url);
    admin.page.on('websocket', (socket) =>
      socket.on('framereceived', (frame) => received.push(String(frame.payload))),
    );
    await signInAs(admin.page, 'admin');
    return admin;
  });

describe('admin: message texts, reminder rule and outgoing e-mail', () => {
  test('refuses an unknown placeholder naming it; a valid text saves, previews, survives reload and resets', async ({
    admin,
  }) => {
    const { page } = admin;
    await openScreen(page, 'Message texts');
    await page.getByRole('heading', { name: 'Message texts', level: 1 }).waitFor(TIMEOUT);
    await page.getByLabel('Message', { exact: true }).selectOption({ label: 'Reminder' });
    await page.getByLabel('Channel', { exact: true }).selectOption({ label: 'SMS' });
    await expect.poll(() => textArea(page).inputValue(), TIMEOUT).toBe(SHIPPED_REMINDER_SMS);
    await page.getByTestId('sms-segments').waitFor(TIMEOUT);
    expect(await axeScan(page)).toEqual([]);

    // Unknown placeholder: the preview says so at once, and saving is refused under the field.
    await textArea(page).fill('{clinicName}: see you {date}, {nickname}!');
    await page
      .getByText(/\{nickname\} is not a placeholder/)
      .first()
      .waitFor(TIMEOUT);
    await page.getByRole('button', { name: 'Save text' }).click();
    const fieldError = page
      .getByRole('form', { name: 'Message text' })
      .locator('.chakra-field__errorText', { hasText: '{nickname} is not a placeholder' });
    await fieldError.waitFor(TIMEOUT);

    // A valid text, with a placeholder inserted by clicking it: saved, previewed with sample values.
    await textArea(page).fill('{clinicName}: see {doctor} on {date} at ');
    await textArea(page).press('End');
    await page.getByRole('button', { name: 'Insert {time}' }).click();
    await expect
      .poll(() => textArea(page).inputValue(), TIMEOUT)
      .toBe('{clinicName}: see {doctor} on {date} at {time}');
    await page.getByRole('button', { name: 'Save text' }).click();
    await page.getByText(/^Clinic text/).waitFor(TIMEOUT);
    await expect
      .poll(() => page.getByTestId('preview-body').innerText(), TIMEOUT)
      .toMatch(/: see Dr\. Kavitha Iyer on Tue 8 Dec 2026 at 10:30$/);
    expect(await page.getByTestId('sms-segments').innerText()).toMatch(/^1 SMS segment · GSM-7/);

    await page.reload();
    await expect
      .poll(() => textArea(page).inputValue(), TIMEOUT)
      .toBe('{clinicName}: see {doctor} on {date} at {time}');
    expect(page.url()).toContain('kind=reminder');
    await page.getByText(/^Clinic text/).waitFor(TIMEOUT);
    const chosen = page.getByLabel('Message', { exact: true }).locator('option:checked');
    expect(await chosen.textContent()).toBe('Reminder (clinic text)');

    // Reset asks once more, then the shipped text is back.
    await page.getByRole('button', { name: 'Reset to the shipped text' }).click();
    const dialog = page.getByRole('alertdialog', { name: 'Go back to the shipped text?' });
    await dialog.getByRole('button', { name: 'Reset to the shipped text' }).click();
    await expect.poll(() => textArea(page).inputValue(), TIMEOUT).toBe(SHIPPED_REMINDER_SMS);
    await page.getByText('Shipped text', { exact: true }).waitFor(TIMEOUT);

    // Hindi: the shipped text is Hindi, counted as UCS-2.
    await page.getByLabel('Language', { exact: true }).selectOption('hi');
    await expect.poll(() => textArea(page).inputValue(), TIMEOUT).toMatch(/[\u0900-\u097F]/);
    await expect.poll(() => page.getByTestId('sms-segments').innerText(), TIMEOUT).toMatch(/UCS-2/);

    // Choosing another text with unsaved changes asks first; Cancel keeps them.
    await textArea(page).fill('{clinicName}: नमस्ते');
    await page.getByLabel('Language', { exact: true }).selectOption('en');
    const discard = page.getByRole('alertdialog', { name: 'Discard your changes?' });
    await discard.getByRole('button', { name: 'Cancel' }).click();
    await discard.waitFor({ state: 'hidden', ...TIMEOUT });
    expect(await textArea(page).inputValue()).toBe('{clinicName}: नमस्ते');
    await page.getByLabel('Language', { exact: true }).selectOption('en');
    await discard.getByRole('button', { name: 'Discard changes' }).click();
    await expect.poll(() => textArea(page).inputValue(), TIMEOUT).toBe(SHIPPED_REMINDER_SMS);
    expect(admin.problems).toEqual([]);
  }, 300_000); // also starts the hub and the browser (file fixtures)

  test('saves the reminder rule', async ({ admin }) => {
    const { page } = admin;
    await openScreen(page, 'Settings');
    const form = page.getByRole('form', { name: 'Clinic settings' });
    await form.waitFor(TIMEOUT);
    await form.getByText('A number of hours before').click();
    await form.getByLabel('Hours before the appointment').fill('3');
    await form.getByRole('button', { name: 'Save settings' }).click();
    await page.getByText('Settings saved').first().waitFor(TIMEOUT);
    await page.reload();
    await expect.poll(() => form.getByLabel('Hours before the appointment').inputValue(), TIMEOUT).toBe('3');
    expect(await form.getByRole('radio', { name: 'A number of hours before' }).isChecked()).toBe(true);
    expect(await form.getByLabel('Reminder time on the day before').isDisabled()).toBe(true);
  }, 60_000);

  test('saves the mail server; the password is never shown or sent back, only "stored"', async ({
    admin,
    smtp,
  }) => {
    const { page } = admin;
    await openScreen(page, 'Settings');
    const mail = page.getByRole('form', { name: 'Outgoing e-mail settings' });
    await mail.waitFor(TIMEOUT);
    await mail.scrollIntoViewIfNeeded();
    expect(await mail.getByTestId('password-stored').count()).toBe(0);
    expect(await axeScan(page)).toEqual([]);

    // Switched on without a server: the hub names the field.
    await mail.getByText('Off', { exact: true }).click();
    await mail.getByLabel('From address').fill('clinic@example.org');
    await mail.getByRole('button', { name: 'Save e-mail settings' }).click();
    await mail.locator('.chakra-field__errorText', { hasText: 'is needed to send e-mail' }).waitFor(TIMEOUT);

    await mail.getByLabel('Server (host)').fill('smtp.example.org');
    await mail.getByLabel('Port').fill('465');
    await mail.getByLabel('Security').selectOption('tls');
    await mail.getByLabel('Username').fill('clinic@example.org');
    await mail.getByLabel('Password').fill(SMTP_PASSWORD);
    await mail.getByLabel('From name').fill('Sunrise Family Clinic');
    await mail.getByRole('button', { name: 'Save e-mail settings' }).click();
    await mail.getByTestId('password-stored').waitFor(TIMEOUT);
    expect(await mail.getByLabel('Password').inputValue()).toBe('');

    await page.reload();
    await mail.getByTestId('password-stored').waitFor(TIMEOUT);
    expect(await mail.getByLabel('Server (host)').inputValue()).toBe('smtp.example.org');
    expect(await mail.getByLabel('Security').inputValue()).toBe('tls');
    expect(await mail.getByLabel('Password').inputValue()).toBe('');
    expect(await page.content()).not.toContain(SMTP_PASSWORD);
    expect(received.some((frame) => frame.includes('smtp.example.org'))).toBe(true);
    expect(received.some((frame) => frame.includes(SMTP_PASSWORD))).toBe(false);

    // A test e-mail through a real SMTP server on this machine, the stored password kept (blank).
    // The address is typed first: the save reloads the settings form, and must not wipe it.
    await page.getByLabel('Send a test e-mail to').fill('admin@example.org');
    await mail.getByLabel('Server (host)').fill('127.0.0.1');
    await mail.getByLabel('Port').fill(String(smtp.port));
    await mail.getByLabel('Security').selectOption('none');
    const framesBeforeSave = received.length;
    await mail.getByRole('button', { name: 'Save e-mail settings' }).click();
    await page.getByText('Uses the saved settings.').waitFor(TIMEOUT);
    await mail.getByTestId('password-stored').waitFor(TIMEOUT);
    // The save's answer, then the settings query's refetch, both carry the new port.
    await expect
      .poll(
        () =>
          received.slice(framesBeforeSave).filter((frame) => frame.includes(`"port":${smtp.port}`)).length,
      )
      .toBeGreaterThanOrEqual(2);
    expect(await page.getByLabel('Send a test e-mail to').inputValue()).toBe('admin@example.org');
    await page.getByRole('button', { name: 'Send test e-mail' }).click();
    const accepted = page.getByTestId('test-email-result');
    await accepted.waitFor(TIMEOUT);
    expect(await accepted.innerText()).toContain('The server accepted the test e-mail');
    expect(smtp.mails).toEqual([
      { to: 'admin@example.org', user: 'clinic@example.org', password: SMTP_PASSWORD },
    ]);

    // Clearing: the stored password goes.
    await mail.getByRole('button', { name: 'Clear password' }).click();
    await mail.getByRole('button', { name: 'Save e-mail settings' }).click();
    await mail.getByText('No password is stored.').waitFor(TIMEOUT);
    expect(await mail.getByTestId('password-stored').count()).toBe(0);
    expect(admin.problems).toEqual([]);
  }, 90_000);
});
