import { contextBridge, ipcRenderer } from 'electron';
import type { BridgeReply, ConnectionState } from '@shared/contract/desktop-bridge';
import { IPC as channels } from './ipc-channels';

// Sandboxed preload: bundled to CommonJS on its own; only 'electron' is available at run time.

let token: string | null = null;
let state: ConnectionState = {
  mode: 'desktop',
  online: false,
  offlineSince: null,
  pendingChanges: 0,
  lastSyncAt: null,
  needsAttention: 0,
  syncError: null,
};
const stateListeners = new Set<(state: ConnectionState) => void>();
const setState = (next: ConnectionState | null) => {
  if (!next) return;
  state = next;
  for (const listener of stateListeners) listener(state);
};
ipcRenderer.on(channels.stateChanged, (_event, next: ConnectionState) => setState(next));
void ipcRenderer.invoke(channels.connectionState).then(setState);

/** The renderer's `window.clinic` (renderer/api/bridge.ts): a narrow, typed surface, no raw IPC. */
contextBridge.exposeInMainWorld('clinic', {
  call: (name: string, input: unknown) => ipcRenderer.invoke(channels.call, name, input),
  async authenticate(next: string | null) {
    const reply = (await ipcRenderer.invoke(channels.authenticate, next)) as BridgeReply<unknown>;
    if (reply.ok) token = next;
    return reply;
  },
  currentToken: () => token,
  onEvent(event: string, listener: (payload: unknown) => void) {
    const handler = (_e: unknown, name: string, payload: unknown) => {
      if (name === event) listener(payload);
    };
    ipcRenderer.on(channels.event, handler);
    return () => ipcRenderer.off(channels.event, handler);
  },
  connectionState: () => state,
  /** Prints a PDF the hub made (slip, receipt, prescription) through the system print dialog. */
  printPdf: (base64: string, title: string) => ipcRenderer.invoke(channels.printPdf, base64, title),
  desktopSetup: {
    needed: () => ipcRenderer.invoke(channels.setupNeeded),
    discover: () => ipcRenderer.invoke(channels.setupDiscover),
    becomeHub: () => ipcRenderer.invoke(channels.setupBecomeHub),
    connect: (address: string) => ipcRenderer.invoke(channels.setupConnect, address),
  },
  needsAttention: () => ipcRenderer.invoke(channels.attentionList),
  dismissAttention: (id: string) => ipcRenderer.invoke(channels.attentionDismiss, id),
  onConnectionState(listener: (state: ConnectionState) => void) {
    stateListeners.add(listener);
    return () => stateListeners.delete(listener);
  },
});
