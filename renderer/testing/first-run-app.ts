import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { addPreloadShim, type AppPage, openApp } from './browser';
import { repoRoot } from './demo-hub';
import { forkIpcChild } from './ipc-child';

const SETUP_PROCESS = join(repoRoot, 'main', 'backend', 'testing', 'desktop-setup.child.ts');

export interface FirstRunApp extends AppPage {
  /** The desktop's saved choice (null until one is made). */
  savedConfig(): unknown;
  /** How many times the app would have relaunched. */
  restarts(): number;
}

/**
 * The renderer on a new desktop before its first-run choice: `window.clinic.desktopSetup` is
 * wired, as Electron's preload wires it, to the real first-run backend in another process
 * (main/backend/testing/desktop-setup.child.ts). `announced` are the hubs mDNS would list.
 */
export async function openFirstRunApp(
  browser: Browser,
  pageUrl: string,
  announced: { url: string; clinicName: string | null }[],
): Promise<FirstRunApp> {
  const dir = mkdtempSync(join(tmpdir(), 'clinic-ui-first-run-'));
  const configFile = join(dir, 'desktop.json');
  let restarts = 0;
  const child = await forkIpcChild(
    SETUP_PROCESS,
    [configFile, `first-run-${process.pid}`, JSON.stringify(announced)],
    {
      onPush: (message) => {
        if (message.restarted) restarts++;
      },
    },
  );
  const app = await openApp(browser, 'about:blank');
  await app.context.exposeBinding('__clinicSetup', (_source, request: object) => child.ask(request));
  await addPreloadShim(app.context, preloadShim);
  await app.page.goto(pageUrl);
  return {
    ...app,
    savedConfig() {
      try {
        return JSON.parse(readFileSync(configFile, 'utf8')) as unknown;
      } catch {
        return null;
      }
    },
    restarts: () => restarts,
    async close() {
      await app.close();
      await child.stop();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

declare global {
  interface Window {
    __clinicSetup?: (request: object) => Promise<unknown>;
  }
}

/**
 * Runs in the page before its scripts, like main/electron/preload.ts on a desktop with no saved
 * choice: the setup bridge answers; there is no backend behind the contract yet.
 */
function preloadShim() {
  const setup = (request: object) => window.__clinicSetup!(request);
  const noBackend = { ok: false, error: { code: 'UNREACHABLE', message: 'This desktop is not set up yet.' } };
  Object.defineProperty(window, 'clinic', {
    value: {
      call: () => Promise.resolve(noBackend),
      authenticate: () => Promise.resolve(noBackend),
      currentToken: () => null,
      onEvent: () => () => undefined,
      connectionState: () => ({
        mode: 'desktop',
        online: false,
        offlineSince: null,
        pendingChanges: 0,
        lastSyncAt: null,
        needsAttention: 0,
        syncError: null,
      }),
      onConnectionState: () => () => undefined,
      desktopSetup: {
        needed: () => setup({ method: 'needed' }),
        discover: () => setup({ method: 'discover' }),
        becomeHub: () => setup({ method: 'becomeHub' }),
        connect: (address: string) => setup({ method: 'connect', address }),
      },
    },
  });
}
