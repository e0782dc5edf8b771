import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser } from '@renderer/testing/browser';
import { type DemoHub, startDemoHub } from '@renderer/testing/demo-hub';
import { type DesktopApp, openDesktopApp } from '@renderer/testing/desktop-app';
import { signInAs } from '@renderer/testing/sign-in';
import {
  chooseFirstSlot,
  confirmBooking,
  openBookingWithFreeSlot,
  quickRegister,
  UI_TIMEOUT,
  uniqueName,
} from '@renderer/testing/booking-steps';

/**
 * Printing on a client desktop: the slip goes to the desktop's print bridge (Electron's system
 * print dialog; here a recorder standing in for it), and a print that fails says so.
 */
describe('printing on a desktop', () => {
  let hub: DemoHub;
  let browser: Browser;
  let desk: DesktopApp;

  beforeAll(async () => {
    hub = await startDemoHub();
    browser = await launchBrowser();
    desk = await openDesktopApp(browser, hub.url, hub.url);
    await signInAs(desk.page, 'receptionist');
  }, 600_000);
  afterAll(async () => {
    await desk?.close();
    await browser?.close();
    await hub?.stop();
  }, 60_000);

  it('sends the slip to the print bridge; a cancelled dialog is quiet, a printer failure is reported', async () => {
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

  it('ran without console errors, page errors or CSP violations', () => {
    expect(desk.problems).toEqual([]);
  });
});
