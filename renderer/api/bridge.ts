import type {
  BridgeReply,
  ConnectionState,
  DesktopSetupBridge,
  NeedsAttentionEntry,
} from '@shared/contract/desktop-bridge';
import type { EventName, EventPayload } from '@shared/contract/events.contract';
import type { InputOf, OperationName, ResultOf } from '@shared/contract/index';

/** Shared with main/ (the preload script implements this interface); defined in shared/. */
export type { BridgeReply, ConnectionState };

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
  /** Desktop only: print a PDF the hub made (slip, receipt, prescription) via the system dialog. */
  printPdf?: (base64: string, title: string) => Promise<PrintOutcome>;
  /** Desktop only: the first-run choice (hub or client). */
  desktopSetup?: DesktopSetupBridge;
  /** Desktop only: changes the hub rejected, with reason and next action. */
  needsAttention?: () => Promise<NeedsAttentionEntry[]>;
  dismissAttention?: (id: string) => Promise<boolean>;
}

declare global {
  interface Window {
    /** Set by the Electron preload script; absent in a plain browser. */
    clinic?: ClinicBridge;
  }
}

/** How a desktop print ended: Electron's `reason` is "cancelled" when the user closed the dialog. */
export interface PrintOutcome {
  printed: boolean;
  reason?: string;
}
