import type { ChangeHint } from './change-hint';
import type { ApiError } from './errors';
import type { EventName, EventPayload } from './events.contract';
import type { InputOf, OperationName, ResultOf } from './index';

/**
 * Every answer crosses a process boundary as data (errors cannot keep their class over IPC).
 * `serverTime`: the hub's clock when it answered (the hub's answers to calls carry it).
 * `changed`: what a successful command wrote, the hint its `sync.poke` carries (no tables:
 * nothing synced); absent: not known, and the window refetches every query after it.
 */
export type BridgeReply<T> = ({ ok: true; result: T } | { ok: false; error: ApiError }) & {
  serverTime?: string;
  changed?: ChangeHint;
};

/** What the status bar shows (docs/product.md §13): always visible, never guessed. */
export interface ConnectionState {
  /** 'desktop': Electron with a local replica and outbox (or the hub itself); 'browser': straight to the hub. */
  mode: 'desktop' | 'browser';
  /** The hub answers now. */
  online: boolean;
  /** When the hub stopped answering (ISO instant); null while online or before the first contact. */
  offlineSince: string | null;
  /** Local changes not yet accepted by the hub (the desktop's outbox; always 0 in browser mode). */
  pendingChanges: number;
  /** Last completed exchange with the hub. */
  lastSyncAt: string | null;
  /** Changes the hub rejected whose author must act on them (desktop only). */
  needsAttention: number;
  /** Why the desktop's last sync round failed (desktop only; null once a round succeeds). */
  syncError: string | null;
  /**
   * How far the hub's clock is ahead of this device's (ms; negative: behind), from the hub's
   * latest answer. Screens judge what the hub accepts by time (a no-show only after the start,
   * a check-in on the day) by the hub's clock: see useHubNow. Absent: not known (taken as 0).
   */
  hubClockOffsetMs?: number;
}

/** A change made on this desktop that the hub refused: its author sees why and what to do next. */
export interface NeedsAttentionEntry {
  id: string;
  mutationId: number;
  /** The contract operation, e.g. `appointments.book`. */
  name: string;
  input: unknown;
  error: ApiError;
  nextAction: { kind: string; [detail: string]: unknown };
  createdAt: string;
  /**
   * A refused consultation draft (one entry per visit, `input` its latest refused save): older
   * refused saves of the same visit with text the latest lacks, newest first. Each is dismissed
   * by its own id.
   */
  earlierVersions?: { id: string; input: unknown; createdAt: string }[];
  /** The visit of a change whose input names only its record (a refused addendum), when known here. */
  appointmentId?: string;
}

/**
 * What a desktop's main process offers the renderer (through the preload bridge): the contract,
 * the session token of this window, push events and the connection state. Implemented by the
 * in-process hub on the hub PC and by the client core on the other desktops.
 */
export interface DesktopBackend {
  call<N extends OperationName>(
    name: N,
    input: InputOf<N>,
    token: string | null,
  ): Promise<BridgeReply<ResultOf<N>>>;
  onEvent<E extends EventName>(event: E, listener: (payload: EventPayload<E>) => void): () => void;
  connectionState(): ConnectionState;
  onConnectionState(listener: (state: ConnectionState) => void): () => void;
  /** Changes the hub rejected, with the reason and the next action (client desktops only). */
  needsAttention?(): readonly NeedsAttentionEntry[];
  dismissAttention?(id: string): boolean;
  close(): Promise<void>;
}

/** A hub found on the LAN and confirmed by its handshake, for the first-run picker. */
export interface DiscoveredHub {
  url: string;
  hubId: string;
  clinicName: string | null;
}

/**
 * The first-run choice on a new desktop (Electron only): this PC is the clinic hub, or it connects
 * to the hub found on the LAN / typed by an admin. Choosing restarts the app in that mode.
 */
export interface DesktopSetupBridge {
  needed(): Promise<boolean>;
  discover(): Promise<DiscoveredHub[]>;
  becomeHub(): Promise<BridgeReply<{ restarting: true }>>;
  connect(address: string): Promise<BridgeReply<{ restarting: true }>>;
}
