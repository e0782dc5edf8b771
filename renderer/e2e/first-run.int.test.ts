import { createServer } from 'node:net';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { axeScan } from '@renderer/testing/axe';
import { launchBrowser } from '@renderer/testing/browser';
import { type DemoHub, startDemoHub } from '@renderer/testing/demo-hub';
import { type FirstRunApp, openFirstRunApp } from '@renderer/testing/first-run-app';
import { UI_TIMEOUT } from '@renderer/testing/booking-steps';

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
  let hub: DemoHub;
  let browser: Browser;
  const apps: FirstRunApp[] = [];

  beforeAll(async () => {
    hub = await startDemoHub();
    browser = await launchBrowser();
  }, 600_000);
  afterAll(async () => {
    for (const app of apps) await app.close();
    await browser?.close();
    await hub?.stop();
  }, 60_000);

  it('lists the hub that answers its handshake, refuses bad and silent addresses, then connects', async () => {
    const silent = await silentAddress();
    const app = await openFirstRunApp(browser, hub.url, [
      { url: hub.url, clinicName: 'Demo clinic' },
      { url: `http://${silent}`, clinicName: 'Gone clinic' },
    ]);
    apps.push(app);
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

  it('makes this PC the clinic hub', async () => {
    const app = await openFirstRunApp(browser, hub.url, []);
    apps.push(app);
    const { page } = app;
    await page.getByText('No hub answered on this network').waitFor(UI_TIMEOUT);
    await page.getByRole('button', { name: 'Make this PC the hub' }).click();
    await page.getByRole('status').filter({ hasText: 'This PC is now the clinic hub' }).waitFor(UI_TIMEOUT);
    expect(app.savedConfig()).toEqual({ mode: 'hub', port: 4810 });
    expect(app.restarts()).toBe(1);
    expect(app.problems).toEqual([]);
  });
});
