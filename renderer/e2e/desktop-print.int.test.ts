import { describe, expect } from 'vitest';
import { browserTest } from '@renderer/testing/browser-test';
import { openDesktopApp } from '@renderer/testing/desktop-app';
import { signInAs } from '@renderer/testing/sign-in';
import {
  chooseFirstSlot,
  confirmBooking,
  openBookingWithFreeSlot,
  quickRegister,
  UI_TIMEOUT,
  uniqueName,
} from '@renderer/testing/booking-steps';

/** A client desktop (its own client core and replica) at the hub, signed in at reception. */
const test = browserTest.extend('desk', { scope: 'file' }, async ({ hub, browser }, { onCleanup }) => {
  const desk = await openDesktopApp(browser, hub.url, hub.url);
  onCleanup(() => desk.close());
  await signInAs(desk.page, 'receptionist');
  return desk;
});

/**
 * Printing on a client desktop: the slip goes to the desktop's print bridge (Electron's system
 * print dialog; here a recorder standing in for it), and a print that fails says so.
 */
describe('printing on a desktop', () => {
  test('sends the slip to the print bridge; a cancelled dialog is quiet, a printer failure is reported', async ({
    desk,
  }) => {
    const { page } = desk;
    await openBookingWithFreeSlot(page);
    await chooseFirstSlot(page);
    await quickRegister(page, uniqueName('Kiran'), '+91 98450 67890');
    const number = await confirmBooking(page);
    const print = page.getByRole('button', { name: 'Print' });
    await print.waitFor(UI_TIMEOUT);

    await print.click();
    await expect.poll(() => desk.prints.length, UI_TIMEOUT).toBe(1);
    expect(desk.prints[0]!.title).toContain(number);
    expect(desk.prints[0]!.bytes.subarray(0, 5).toString()).toBe('%PDF-');

    desk.setPrintOutcome({ printed: false, reason: 'cancelled' });
    await print.click();
    await expect.poll(() => desk.prints.length, UI_TIMEOUT).toBe(2);

    desk.setPrintOutcome({ printed: false, reason: 'failed' });
    await print.click();
    const failure = page.getByText('Could not print', { exact: true });
    await failure.waitFor(UI_TIMEOUT);
    expect(desk.prints).toHaveLength(3);
    // One toast: the cancelled print before it did not raise one.
    expect(await failure.count()).toBe(1);
    expect(await page.getByText('Check that it is on and has paper').count()).toBe(1);
  }, 300_000);

  test('ran without console errors, page errors or CSP violations', ({ desk }) => {
    expect(desk.problems).toEqual([]);
  });
});
