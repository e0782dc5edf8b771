import { test } from 'vitest';
import { type AppPage, launchBrowser, openApp } from './browser';
import { startDemoHub } from './demo-hub';
import { signInAs, type StaffRole } from './sign-in';

/**
 * vitest's `test` with the browser tests' common set-up as fixtures, each made once per test file
 * when a test first asks for it and closed after the file's last test (no `let` + beforeAll +
 * afterAll in every file):
 * - `hub`: a demo hub on a copy of the run's demo clinic (demo-hub.ts);
 * - `browser`: headless Chromium;
 * - `signedIn(role)`: a new device (browser context) at the hub, signed in as the role's demo
 *   account; closed with the browser.
 * The first test to ask pays for the set-up within its time limit (vitest.config.ts: 180 s, sized
 * for a hub start beside the suite, and for waiting on the run's demo seeding).
 * A file adds its own pages as file fixtures:
 * `const test = browserTest.extend('app', { scope: 'file' }, ({ signedIn }) => signedIn('receptionist'))`.
 */
export const browserTest = test
  // eslint-disable-next-line no-empty-pattern -- vitest reads a fixture's needs from its destructuring
  .extend('hub', { scope: 'file' }, async ({}, { onCleanup }) => {
    const hub = await startDemoHub();
    onCleanup(() => hub.stop());
    return hub;
  })
  // eslint-disable-next-line no-empty-pattern -- as above
  .extend('browser', { scope: 'file' }, async ({}, { onCleanup }) => {
    const browser = await launchBrowser();
    onCleanup(() => browser.close());
    return browser;
  })
  .extend('signedIn', { scope: 'file' }, ({ hub, browser }) => {
    return async (role: StaffRole): Promise<AppPage> => {
      const app = await openApp(browser, hub.url);
      await signInAs(app.page, role);
      return app;
    };
  });
