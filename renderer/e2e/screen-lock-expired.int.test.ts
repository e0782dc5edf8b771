import { describe, expect } from 'vitest';
import { openApp, openScreen } from '@renderer/testing/browser';
import { browserTest } from '@renderer/testing/browser-test';
import { startDemoHub } from '@renderer/testing/demo-hub';
import { DEMO_PASSWORD, signInAs } from '@renderer/testing/sign-in';
import { UI_TIMEOUT } from '@renderer/testing/booking-steps';

const pingWaiters: (() => void)[] = [];
/** The hub's next heartbeat on the page's connection. */
const nextPing = () => new Promise<void>((resolve) => pingWaiters.push(resolve));

/** A hub whose clock the test can move, and a receptionist's page on Playwright's clock. */
const test = browserTest
  // eslint-disable-next-line no-empty-pattern -- vitest reads a fixture's needs from its destructuring
  .extend('hub', { scope: 'file' }, async ({}, { onCleanup }) => {
    const hub = await startDemoHub({ movableClock: true });
    onCleanup(() => hub.stop());
    return hub;
  })
  .extend('app', { scope: 'file' }, async ({ hub, browser }) => {
    const app = await openApp(browser, 'about:blank');
    // Playwright's clock: runs at real pace until the test fast-forwards it past the idle time.
    await app.context.clock.install();
    app.page.on('websocket', (socket) =>
      socket.on('framereceived', ({ payload }) => {
        if (payload === '2') for (const heard of pingWaiters.splice(0)) heard(); // engine.io ping
      }),
    );
    await app.page.goto(hub.url);
    await signInAs(app.page, 'receptionist');
    return app;
  });

/**
 * Issue 14, item 10: a receptionist back from a long break finds the screen locked and her
 * session expired on the hub (idle limit: 60 minutes). The lock screen signs in again through
 * `auth.login` on the same connection, which still holds the expired token; that must work.
 */
describe('screen lock in browser mode, after the session expired on the hub', () => {
  test('unlocks with the password after a long break and works on', async ({ app, hub }) => {
    const { page } = app;
    const status = () => page.getByTestId('connection-state').innerText();
    await expect.poll(status, UI_TIMEOUT).toBe('Online');

    // A 75-minute break. The page's time jumps without firing its timers, and the screen locks
    // (after 10 minutes). The connection stays up, as through a real break: once the hub's next
    // heartbeat has come, the client no longer counts the jump as a missed one (it would
    // reconnect, which hides the defect).
    const heartbeat = nextPing();
    await page.clock.setSystemTime(Date.now() + 75 * 60_000);
    const lock = page.getByTestId('lock-screen');
    await lock.getByRole('heading', { name: 'Screen locked' }).waitFor(UI_TIMEOUT);
    // While it is locked (nothing asks the hub), the session passes its idle limit (60 minutes).
    // Quietly: nobody else works during this break, so no push makes the page ask the hub.
    await hub.advanceClock(75, { quiet: true });
    await heartbeat;

    const form = page.getByRole('form', { name: 'Unlock' });
    await form.getByLabel('Password').fill(DEMO_PASSWORD);
    await form.getByRole('button', { name: 'Unlock' }).click();
    const nav = page.getByRole('navigation', { name: 'Main' });
    const refused = lock.getByRole('alert');
    await Promise.race([nav.waitFor(UI_TIMEOUT), refused.waitFor(UI_TIMEOUT)]);
    expect((await refused.count()) ? await refused.innerText() : 'unlocked').toBe('unlocked');
    await nav.waitFor(UI_TIMEOUT);
    expect(await lock.count()).toBe(0);

    // Work on: the appointment list loads from the hub under the new session.
    await openScreen(page, 'Appointments');
    await page.getByRole('heading', { name: 'Appointments', level: 1 }).waitFor(UI_TIMEOUT);
    await page.getByRole('button', { name: 'All dates' }).click();
    await page.getByTestId('appointment-row').first().waitFor(UI_TIMEOUT);
    await expect.poll(status, UI_TIMEOUT).toBe('Online');
  }, 300_000);

  test('ran without console errors, page errors or CSP violations', ({ app }) => {
    expect(app.problems).toEqual([]);
  });
});
