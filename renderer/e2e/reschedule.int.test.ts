import type { Locator } from 'playwright-core';
import { describe, expect } from 'vitest';
import { axeScan } from '@renderer/testing/axe';
import { browserTest } from '@renderer/testing/browser-test';

const TIMEOUT = { timeout: 30_000 };
const REASON = 'Patient asked for another time';

const test = browserTest.extend('app', { scope: 'file' }, ({ signedIn }) => signedIn('receptionist'));

/** Picks the last free time of the dialog's date, trying the following days while a day has none. */
async function pickFreeTime(dialog: Locator): Promise<string> {
  const times = dialog.getByRole('group', { name: 'Free times' });
  const dateInput = dialog.getByLabel('New date');
  // The clinic writes dates dd/mm/yyyy (en-IN), whatever the browser's language.
  const [dd, mm, yyyy] = (await dateInput.inputValue()).split('/');
  let date = `${yyyy}-${mm}-${dd}`;
  // The appointment's own day may be fully booked: try the following days until one has a free time.
  for (let tries = 0; tries < 14; tries++) {
    const found = await Promise.race([
      times
        .getByRole('button')
        .first()
        .waitFor(TIMEOUT)
        .then(() => true),
      times
        .getByText(/No free time|not available|not working/i)
        .waitFor(TIMEOUT)
        .then(() => false),
    ]);
    if (found) break;
    date = new Date(Date.parse(`${date}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);
    await dateInput.fill(date);
  }
  const slot = times.getByRole('button').last();
  const time = (await slot.innerText()).trim();
  await slot.click();
  expect(await slot.getAttribute('aria-pressed')).toBe('true');
  return time;
}

/** Reschedule through the appointment drawer (docs/product.md §6): old and new time, who and why in the history. */
describe('reception: reschedule an appointment with a reason', () => {
  test('moves a confirmed appointment to a free slot; the history shows old → new, who and why', async ({
    app,
  }) => {
    const { page } = app;
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Appointments' }).click();
    await page.getByRole('heading', { name: 'Appointments', level: 1 }).waitFor(TIMEOUT);
    await page.getByLabel('Status', { exact: true }).selectOption({ label: 'Confirmed' });
    await page.getByRole('button', { name: 'All dates' }).click();
    const row = page.getByTestId('appointment-row').first();
    await expect.poll(() => page.url(), TIMEOUT).toContain('status=CONFIRMED');
    await row.waitFor(TIMEOUT);
    const number = (await row.locator('td:nth-child(2)').innerText()).trim();
    await row.click();

    const drawer = page.getByTestId('appointment-drawer');
    await drawer.getByRole('heading', { name: `Appointment ${number}` }).waitFor(TIMEOUT);
    const oldDate = await drawer.locator('dd').nth(1).innerText();
    const oldTime = (await drawer.locator('dd').nth(2).innerText()).split('–')[0]!.trim();
    await drawer.getByRole('button', { name: 'Reschedule' }).click();

    const dialog = page.getByRole('dialog', { name: `Reschedule ${number}` });
    await dialog.waitFor(TIMEOUT);
    const newTime = await pickFreeTime(dialog);
    await dialog.getByLabel('Reason for the change').fill(REASON);
    expect(await axeScan(page)).toEqual([]);
    await dialog.getByRole('button', { name: 'Reschedule', exact: true }).click();
    await dialog.waitFor({ state: 'hidden', ...TIMEOUT });

    const history = drawer.getByTestId('appointment-history');
    await expect.poll(() => history.innerText(), TIMEOUT).toContain('Rescheduled');
    const text = await history.innerText();
    expect(text).toContain(`${oldDate}, ${oldTime} →`);
    expect(text).toMatch(new RegExp(`→ [^\\n]*, ${newTime}`));
    expect(text).toContain(REASON);
    expect(text).toContain("by Reena D'Souza");
    expect(await drawer.locator('dd').nth(2).innerText()).toContain(newTime);

    // Issue 16: a reschedule may change the doctor (the hub holds the new one to the booking
    // rules); the patient's message names the new doctor, and the history shows both.
    const oldDoctor = (await drawer.locator('dd').nth(4).innerText()).trim();
    await drawer.getByRole('button', { name: 'Reschedule' }).click();
    await dialog.waitFor(TIMEOUT);
    const doctorSelect = dialog.getByLabel('Doctor');
    const others = (await doctorSelect.locator('option').allInnerTexts()).filter(
      (label) => !label.startsWith(`${oldDoctor} ·`),
    );
    expect(others.length).toBeGreaterThan(0);
    await doctorSelect.selectOption({ label: others[0]! });
    const newDoctor = others[0]!.split(' · ')[0]!;
    await dialog.getByText('Another doctor: the same rules as a new booking.').waitFor(TIMEOUT);
    expect(await dialog.innerText()).toMatch(
      /The patient is sent a message with the new time and doctor by (SMS|e-mail)|please tell them yourself/,
    );
    const otherTime = await pickFreeTime(dialog);
    await dialog.getByLabel('Reason for the change').fill('Seen by a colleague instead');
    await dialog.getByRole('button', { name: 'Reschedule', exact: true }).click();
    await dialog.waitFor({ state: 'hidden', ...TIMEOUT });
    await expect
      .poll(() => history.innerText(), TIMEOUT)
      .toContain(`(doctor ${oldDoctor} → ${newDoctor}) — Seen by a colleague instead`);
    expect(await drawer.locator('dd').nth(4).innerText()).toBe(newDoctor);
    expect(await drawer.locator('dd').nth(2).innerText()).toContain(otherTime);

    // Cancelling says how the patient learns of it (the hub messages them), not a bare promise.
    await drawer.getByRole('button', { name: 'Cancel appointment' }).click();
    const cancel = page.getByRole('dialog', { name: 'Cancel this appointment?' });
    await cancel.waitFor(TIMEOUT);
    await expect
      .poll(() => cancel.innerText(), TIMEOUT)
      .toMatch(
        /The slot is released\. (The patient is sent a cancellation message by (SMS|e-mail)( and e-mail)? \(and in the patient app if they use it\)|The patient has no phone or e-mail the clinic may message, so please tell them yourself)/,
      );
    expect(await cancel.innerText()).not.toContain('the patient is told');
    await page.keyboard.press('Escape');
    await cancel.waitFor({ state: 'hidden', ...TIMEOUT });
  }, 240_000);

  test('ran without console errors, page errors or CSP violations', ({ app }) => {
    expect(app.problems).toEqual([]);
  });
});
