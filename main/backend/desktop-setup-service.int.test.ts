import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { startSocketHub } from '@server/testing/socket-hub';
import { loadDesktopConfig } from './desktop-config';
import { createDesktopSetup } from './desktop-setup-service';

const cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

function setUpDesktop() {
  const dir = mkdtempSync(join(tmpdir(), 'clinic-first-run-'));
  cleanups.push(() => rmSync(dir, { recursive: true, force: true }));
  const configFile = join(dir, 'desktop.json');
  let restarts = 0;
  const setup = createDesktopSetup({
    configFile,
    deviceId: 'new-pc',
    needed: true,
    restart: () => restarts++,
    discover: () => Promise.resolve([]),
  });
  return { setup, configFile, restarts: () => restarts };
}

/** A port where nothing listens (bound, then released). */
async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise((resolve) => server.close(resolve));
  return port;
}

describe('first-run choice of a desktop', () => {
  it('connects to a hub confirmed by its handshake, saves it and restarts once', async () => {
    const server = await startSocketHub();
    cleanups.push(() => server.close());
    const desktop = setUpDesktop();
    const address = server.url.replace('http://', '');

    expect(await desktop.setup.connect(address)).toEqual({ ok: true, result: { restarting: true } });
    expect(loadDesktopConfig(desktop.configFile)).toEqual({
      mode: 'client',
      hubId: server.hub.core.identity().hubId,
      lastGoodUrl: server.url,
      manualUrl: server.url,
    });
    expect(desktop.restarts()).toBe(1);
    expect(desktop.setup.needed()).toBe(false);
    // A second choice (another click, another window) changes nothing.
    expect(desktop.setup.becomeHub()).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(loadDesktopConfig(desktop.configFile)?.mode).toBe('client');
    expect(desktop.restarts()).toBe(1);
  });

  it('refuses an address that is not one, or where no hub answers, naming the field and saving nothing', async () => {
    const desktop = setUpDesktop();
    const malformed = await desktop.setup.connect('ftp://reception-pc');
    expect(malformed).toMatchObject({
      ok: false,
      error: { code: 'VALIDATION', fields: [{ field: 'address' }] },
    });
    const notString = await desktop.setup.connect({ url: 'http://x' });
    expect(notString).toMatchObject({
      ok: false,
      error: { code: 'VALIDATION', fields: [{ field: 'address' }] },
    });

    const port = await closedPort();
    const nobody = await desktop.setup.connect(`127.0.0.1:${port}`);
    expect(nobody).toMatchObject({ ok: false, error: { code: 'NOT_FOUND', fields: [{ field: 'address' }] } });
    if (!nobody.ok) expect(nobody.error.message).toContain(`127.0.0.1:${port}`);

    expect(existsSync(desktop.configFile)).toBe(false);
    expect(desktop.restarts()).toBe(0);
    expect(desktop.setup.needed()).toBe(true);
  });

  it('makes this PC the hub on the standard port', () => {
    const desktop = setUpDesktop();
    expect(desktop.setup.becomeHub()).toEqual({ ok: true, result: { restarting: true } });
    expect(loadDesktopConfig(desktop.configFile)).toEqual({ mode: 'hub', port: 4810 });
    expect(desktop.restarts()).toBe(1);
  });
});
