import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { addPreloadShim, type AppPage, openApp } from './browser';
import { repoRoot } from './demo-hub';
import { forkIpcChild } from './ipc-child';

const BRIDGE_PROCESS = join(repoRoot, 'main', 'backend', 'testing', 'desktop-bridge.child.ts');

export interface DesktopApp extends AppPage {
  /** The desktop's own data folder (replica, outbox, known users). */
  dataDir: string;
  /** What the page sent to the print bridge (Electron's `printPdf`), oldest first. */
  prints: PrintJob[];
  /** How the next prints end, as Electron reports it (default: printed). */
  setPrintOutcome(outcome: { printed: boolean; reason?: string }): void;
}

export interface PrintJob {
  title: string;
  bytes: Buffer;
}

/**
 * The renderer as it runs on a client desktop: the page (served by the hub) gets `window.clinic`
 * wired to a real client core in another process (main/backend/testing/desktop-bridge.child.ts)
 * which reaches the hub at `hubUrl`. The shim below does what Electron's preload does: keeps the
 * window's token, forwards calls, relays push events and connection states.
 */
export async function openDesktopApp(
  browser: Browser,
  pageUrl: string,
  hubUrl: string,
  options: { fakeClock?: boolean } = {},
): Promise<DesktopApp> {
  const dataDir = mkdtempSync(join(tmpdir(), 'clinic-ui-desktop-'));
  let deliver: ((message: unknown) => void) | null = null;
  const child = await forkIpcChild(
    BRIDGE_PROCESS,
    [dataDir, hubUrl, `ui-desktop-${process.pid}-${Date.now()}`],
    {
      onPush: (message) => {
        if (message.push) deliver?.(message);
      },
      closeMessage: { method: 'close' },
    },
  );

  const app = await openApp(browser, 'about:blank');
  await app.context.exposeBinding('__clinicDesktop', (_source, request: object) => child.ask(request));
  const prints: PrintJob[] = [];
  let printOutcome: { printed: boolean; reason?: string } = { printed: true };
  await app.context.exposeBinding('__clinicPrint', (_source, base64: string, title: string) => {
    prints.push({ title, bytes: Buffer.from(base64, 'base64') });
    return printOutcome;
  });
  await addPreloadShim(app.context, preloadShim);
  // Playwright's clock (runs at real pace until a test fast-forwards it, e.g. to the screen lock).
  if (options.fakeClock) await app.context.clock.install();
  deliver = (message) => {
    app.page.evaluate((m) => window.__clinicDesktopPush?.(m), message).catch(() => undefined);
  };
  await app.page.goto(pageUrl);
  return {
    ...app,
    dataDir,
    prints,
    setPrintOutcome(outcome) {
      printOutcome = outcome;
    },
    async close() {
      await app.close();
      await child.stop();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

declare global {
  interface Window {
    __clinicDesktop?: (request: object) => Promise<unknown>;
    __clinicDesktopPush?: (message: unknown) => void;
    __clinicPrint?: (base64: string, title: string) => Promise<unknown>;
  }
}

/** Runs in the page before its scripts, like main/electron/preload.ts. */
function preloadShim() {
  type Listener = (payload: unknown) => void;
  let token: string | null = null;
  let state: unknown = {
    mode: 'desktop',
    online: false,
    offlineSince: null,
    pendingChanges: 0,
    lastSyncAt: null,
    needsAttention: 0,
    syncError: null,
  };
  const stateListeners = new Set<Listener>();
  const eventListeners = new Set<{ event: string; listener: Listener }>();
  const ipc = (request: object) => window.__clinicDesktop!(request);
  window.__clinicDesktopPush = (message) => {
    const m = message as { push: string; state?: unknown; name?: string; payload?: unknown };
    if (m.push === 'state') {
      state = m.state;
      for (const listener of stateListeners) listener(state);
    } else {
      for (const { event, listener } of eventListeners) if (event === m.name) listener(m.payload);
    }
  };
  Object.defineProperty(window, 'clinic', {
    value: {
      call: (name: string, input: unknown) => ipc({ method: 'call', name, input, token }),
      authenticate(next: string | null) {
        token = next;
        return Promise.resolve({ ok: true, result: { signedIn: next !== null } });
      },
      currentToken: () => token,
      onEvent(event: string, listener: Listener) {
        const entry = { event, listener };
        eventListeners.add(entry);
        return () => eventListeners.delete(entry);
      },
      connectionState: () => state,
      onConnectionState(listener: Listener) {
        stateListeners.add(listener);
        return () => stateListeners.delete(listener);
      },
      needsAttention: () => ipc({ method: 'needsAttention' }),
      dismissAttention: (id: string) => ipc({ method: 'dismissAttention', attentionId: id }),
      printPdf: (base64: string, title: string) => window.__clinicPrint!(base64, title),
    },
  });
  setTimeout(() => {
    void ipc({ method: 'connectionState' }).then((s) =>
      window.__clinicDesktopPush?.({ push: 'state', state: s }),
    );
  }, 0);
}
