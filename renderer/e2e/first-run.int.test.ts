import { createServer } from 'node:net';
import { describe, expect } from 'vitest';
import { axeScan } from '@renderer/testing/axe';
import { browserTest } from '@renderer/testing/browser-test';
import { type FirstRunApp, openFirstRunApp } from '@renderer/testing/first-run-app';
import { UI_TIMEOUT } from '@renderer/testing/booking-steps';

type Announced = Parameters<typeof openFirstRunApp>[2];

/** `firstRun(announced)`: a new desktop's first start at the hub's page, closed after the file. */
const test = browserTest.extend('firstRun', { scope: 'file' }, ({ hub, browser }, { onCleanup }) => {
  const apps: FirstRunApp[] = [];
  onCleanup(async () => {
    for (const app of apps) await app.close();
  });
  return async (announced: Announced): Promise<FirstRunApp> => {
    const app = await openFirstRunApp(browser, hub.url, announced);
    apps.push(app);
    return app;
  };
});

/** A 127.0.0.1 address where nothing listens (bound, then released). */
async function silentAddress(): Promise<string> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise((resolve) => server.close(resolve));
  return `127.0.0.1:${port}`;
}

/**
 * Issue 5: the first start of the desktop app asks what this PC is: the clinic hub, or a desktop
 * that connects to the hub (listed from the LAN after its handshake, or typed by an admin).
 */
describe('first-run choice on a new desktop', () => {
  // The first test also starts the hub and the browser (file fixtures): vitest's 180 s limit.
  test('lists the hub that answers its handshake, refuses bad and silent addresses, then connects', async ({
    hub,
    firstRun,
  }) => {
    const silent = await silentAddress();
    const app = await firstRun([
      { url: hub.url, clinicName: 'Demo clinic' },
      { url: `http://${silent}`, clinicName: 'Gone clinic' },
    ]);
    const { page } = app;
    await page.getByRole('heading', { name: 'Set up this computer' }).waitFor(UI_TIMEOUT);
    const listed = page.getByRole('button', { name: `Demo clinic — ${hub.url}` });
    await listed.waitFor(UI_TIMEOUT);
    expect(await page.getByRole('button', { name: /Gone clinic/ }).count()).toBe(0);
    expect(await axeScan(page)).toEqual([]);

    const address = page.getByLabel('Hub address');
    await address.fill('ftp://reception-pc');
    await page.getByRole('button', { name: 'Connect', exact: true }).click();
    await page.getByRole('alert').filter({ hasText: 'http://' }).waitFor(UI_TIMEOUT);
    expect(await address.getAttribute('aria-invalid')).toBe('true');

    await address.fill(silent);
    await page.getByRole('button', { name: 'Connect', exact: true }).click();
    await page.getByRole('alert').filter({ hasText: silent }).waitFor(UI_TIMEOUT);
    expect(app.savedConfig()).toBeNull();
    expect(app.restarts()).toBe(0);
    expect(await axeScan(page)).toEqual([]);

    await listed.click();
    await page.getByRole('status').filter({ hasText: 'Connected to the clinic hub' }).waitFor(UI_TIMEOUT);
    expect(app.savedConfig()).toMatchObject({ mode: 'client', lastGoodUrl: hub.url, manualUrl: hub.url });
    expect((app.savedConfig() as { hubId: unknown }).hubId).toMatch(/^[0-9a-f-]{36}$/);
    expect(app.restarts()).toBe(1);
    expect(await page.getByRole('button', { name: 'Make this PC the hub' }).isDisabled()).toBe(true);
    expect(app.problems).toEqual([]);
  });

  test('makes this PC the clinic hub', async ({ firstRun }) => {
    const app = await firstRun([]);
    const { page } = app;
    await page.getByText('No hub answered on this network').waitFor(UI_TIMEOUT);
    await page.getByRole('button', { name: 'Make this PC the hub' }).click();
    await page.getByRole('status').filter({ hasText: 'This PC is now the clinic hub' }).waitFor(UI_TIMEOUT);
    expect(app.savedConfig()).toEqual({ mode: 'hub', port: 4810 });
    expect(app.restarts()).toBe(1);
    expect(app.problems).toEqual([]);
  });
});
