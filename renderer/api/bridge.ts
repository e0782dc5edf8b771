import type { ApiError } from '@shared/contract/errors';
import type { EventName, EventPayload } from '@shared/contract/events.contract';
import type { InputOf, OperationName, ResultOf } from '@shared/contract/index';

/** Every answer crosses the transport as data (errors cannot keep their class over IPC). */
export type BridgeReply<T> = { ok: true; result: T } | { ok: false; error: ApiError };

/** What the status bar shows (SPEC §13): always visible, never guessed. */
export interface ConnectionState {
  /** 'desktop': Electron with a local replica and outbox; 'browser': straight to the hub. */
  mode: 'desktop' | 'browser';
  /** The hub answers now. */
  online: boolean;
  /** When the hub stopped answering (ISO instant); null while online or before the first contact. */
  offlineSince: string | null;
  /** Local changes not yet accepted by the hub (the desktop's outbox; always 0 in browser mode). */
  pendingChanges: number;
  /** Last completed exchange with the hub (a sync on a desktop; a reply or push in browser mode). */
  lastSyncAt: string | null;
  /** Changes the hub rejected whose author must act on them (desktop only). */
  needsAttention: number;
}

/**
 * The one way the renderer reaches a backend. In Electron the preload script exposes it as
 * `window.clinic` (contextBridge; main routes calls to the client core); in a browser
 * `createSocketBridge` implements it over Socket.IO to the hub that served the page.
 */
export interface ClinicBridge {
  call<N extends OperationName>(name: N, input: InputOf<N>): Promise<BridgeReply<ResultOf<N>>>;
  /** Adopt a session token (after `auth.login`/`auth.setup`), or `null` to drop it. */
  authenticate(token: string | null): Promise<BridgeReply<unknown>>;
  /** The token this window signed in with, if any (kept for the tab's lifetime only). */
  currentToken(): string | null;
  /** Server push events (hints: re-query on them; correctness never depends on them). */
  onEvent<E extends EventName>(event: E, listener: (payload: EventPayload<E>) => void): () => void;
  connectionState(): ConnectionState;
  onConnectionState(listener: (state: ConnectionState) => void): () => void;
}

declare global {
  interface Window {
    /** Set by the Electron preload script; absent in a plain browser. */
    clinic?: ClinicBridge;
  }
}
