import { EventEmitter } from 'node:events';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { BridgeReply, ConnectionState, DesktopBackend } from '@shared/contract/desktop-bridge';

const handlers = new Map<string, (event: unknown, ...args: unknown[]) => unknown>();
vi.mock('electron', () => ({
  ipcMain: {
    handle: (channel: string, fn: (event: unknown, ...args: unknown[]) => unknown) =>
      handlers.set(channel, fn),
    removeHandler: (channel: string) => handlers.delete(channel),
  },
}));
const { installIpcBridge } = await import('./ipc-bridge');
const { IPC } = await import('./ipc-channels');
const { APP_ORIGIN } = await import('./security');

class FakeContents extends EventEmitter {
  sent: unknown[][] = [];
  constructor(readonly id: number) {
    super();
  }
  isDestroyed = () => false;
  send = (...args: unknown[]) => this.sent.push(args);
}

const state: ConnectionState = {
  mode: 'desktop',
  online: true,
  offlineSince: null,
  pendingChanges: 2,
  lastSyncAt: null,
  needsAttention: 0,
  syncError: null,
};

function fakeBackend() {
  const calls: { name: string; input: unknown; token: string | null }[] = [];
  const listeners = new Map<string, (payload: unknown) => void>();
  const backend: DesktopBackend = {
    call: (name, input, token) => {
      calls.push({ name, input, token });
      return Promise.resolve({ ok: true, result: 'done' } as BridgeReply<never>);
    },
    onEvent: (event, listener) => {
      listeners.set(event, listener as (payload: unknown) => void);
      return () => listeners.delete(event);
    },
    connectionState: () => state,
    onConnectionState: () => () => {},
    close: () => Promise.resolve(),
  };
  return { backend, calls, listeners };
}

const eventFrom = (sender: FakeContents, url = `${APP_ORIGIN}/`, parent: unknown = null) => ({
  sender,
  senderFrame: { url, parent },
});

describe('the IPC bridge', () => {
  beforeEach(() => handlers.clear());

  it('routes calls with the token the window signed in with', async () => {
    const { backend, calls } = fakeBackend();
    const window = new FakeContents(1);
    installIpcBridge(backend, (contents) => contents === (window as never));
    const call = handlers.get(IPC.call)!;
    const authenticate = handlers.get(IPC.authenticate)!;

    await call(eventFrom(window), 'settings.get', {});
    expect(await authenticate(eventFrom(window), 'token-abc')).toEqual({
      ok: true,
      result: { signedIn: true },
    });
    await call(eventFrom(window), 'patients.search', { text: 'asha' });
    expect(calls).toEqual([
      { name: 'settings.get', input: {}, token: null },
      { name: 'patients.search', input: { text: 'asha' }, token: 'token-abc' },
    ]);
    window.emit('destroyed');
  });

  it('refuses other windows, subframes, foreign pages and unknown operations', async () => {
    const { backend, calls } = fakeBackend();
    const window = new FakeContents(1);
    const stranger = new FakeContents(2);
    installIpcBridge(backend, (contents) => contents === (window as never));
    const call = handlers.get(IPC.call)!;

    const refused = { ok: false, error: { code: 'FORBIDDEN', message: expect.any(String) as string } };
    expect(await call(eventFrom(stranger), 'settings.get', {})).toEqual(refused);
    expect(await call(eventFrom(window, 'https://evil.example/'), 'settings.get', {})).toEqual(refused);
    expect(await call(eventFrom(window, `${APP_ORIGIN}/`, {}), 'settings.get', {})).toEqual(refused);
    expect(await call(eventFrom(window), 'constructor', {})).toMatchObject({
      ok: false,
      error: { code: 'NOT_FOUND' },
    });
    expect(await handlers.get(IPC.authenticate)!(eventFrom(window), { token: 1 })).toMatchObject({
      ok: false,
    });
    expect(calls).toEqual([]);
  });

  it('forwards push events and connection state only to attached windows', () => {
    const { backend, listeners } = fakeBackend();
    const window = new FakeContents(1);
    const bridge = installIpcBridge(backend, () => true);
    const detach = bridge.attach(window as never);
    listeners.get('sync.poke')!({ hubId: 'h', epoch: 1, seq: 7 });
    expect(window.sent).toEqual([[IPC.event, 'sync.poke', { hubId: 'h', epoch: 1, seq: 7 }]]);
    detach();
    expect(listeners.size).toBe(0);
    expect(handlers.get(IPC.connectionState)!(eventFrom(window))).toEqual(state);
    bridge.dispose();
    expect(handlers.size).toBe(0);
  });
});
