import { ipcMain, type IpcMainInvokeEvent, type WebContents } from 'electron';
import type { BridgeReply, DesktopBackend } from '@shared/contract/desktop-bridge';
import { type EventName, eventsContract } from '@shared/contract/events.contract';
import { isOperationName } from '@shared/contract/index';
import { IPC } from './ipc-channels';
import { isTrustedSender } from './security';

const refused: BridgeReply<never> = {
  ok: false,
  error: { code: 'FORBIDDEN', message: 'This window may not use the clinic bridge.' },
};

/**
 * Routes the renderer's bridge to the backend. Each window's session token stays in main (per
 * WebContents), so a page can only act as the user who signed in in it; every message is
 * checked to come from the app's own top frame in a window we created.
 */
export function installIpcBridge(backend: DesktopBackend, isOurWindow: (contents: WebContents) => boolean) {
  const tokens = new Map<number, string | null>();
  const trusted = (event: IpcMainInvokeEvent) => isTrustedSender(event, isOurWindow);

  ipcMain.handle(IPC.call, (event, name: unknown, input: unknown) => {
    if (!trusted(event)) return refused;
    if (typeof name !== 'string' || !isOperationName(name)) {
      return { ok: false, error: { code: 'NOT_FOUND', message: 'Unknown operation.' } };
    }
    return backend.call(name, input as never, tokens.get(event.sender.id) ?? null);
  });
  ipcMain.handle(IPC.authenticate, (event, token: unknown) => {
    if (!trusted(event)) return refused;
    if (token !== null && (typeof token !== 'string' || token.length > 200)) {
      return { ok: false, error: { code: 'VALIDATION', message: 'A session token is a string.' } };
    }
    tokens.set(event.sender.id, token);
    event.sender.once('destroyed', () => tokens.delete(event.sender.id));
    return { ok: true, result: { signedIn: token !== null } };
  });
  ipcMain.handle(IPC.connectionState, (event) => (trusted(event) ? backend.connectionState() : null));
  ipcMain.handle(IPC.attentionList, (event) => (trusted(event) ? (backend.needsAttention?.() ?? []) : []));
  ipcMain.handle(IPC.attentionDismiss, (event, id: unknown) =>
    trusted(event) && typeof id === 'string' ? (backend.dismissAttention?.(id) ?? false) : false,
  );

  return {
    /** Forwards push events and connection changes to one window. */
    attach(contents: WebContents): () => void {
      const stops = (Object.keys(eventsContract) as EventName[]).map((name) =>
        backend.onEvent(name, (payload) => {
          if (!contents.isDestroyed()) contents.send(IPC.event, name, payload);
        }),
      );
      stops.push(
        backend.onConnectionState((state) => {
          if (!contents.isDestroyed()) contents.send(IPC.stateChanged, state);
        }),
      );
      return () => stops.forEach((stop) => stop());
    },
    dispose() {
      for (const channel of [
        IPC.call,
        IPC.authenticate,
        IPC.connectionState,
        IPC.attentionList,
        IPC.attentionDismiss,
      ])
        ipcMain.removeHandler(channel);
      tokens.clear();
    },
  };
}
