import type { Actor } from '@shared/domain/user.schema';
import type { ChangeHint } from '@shared/contract/change-hint';
import type { ChangeEvent } from './client-options';

/** What the UI shows (docs/product.md §13): online / offline since / changes waiting / last sync / needs attention. */
export interface ConnectionState {
  online: boolean;
  offlineSince: string | null;
  pendingCount: number;
  lastSyncAt: string | null;
  needsAttention: number;
  user: { userId: string; username: string; role: Actor['role'] } | null;
  /** Why this desktop signed the user out (disabled meanwhile, session ended). */
  signedOutReason: string | null;
  /** The same, as a code the renderer's `session.ended` event carries. */
  signedOutCode: SignedOutCode | null;
  /** Why the last sync failed (null after a good one); local work goes on meanwhile. */
  syncError: string | null;
}

export type SignedOutCode = 'disabled' | 'expired' | 'role_changed';

/** What the connection status reads from the rest of the client core at each look. */
export type StateCounts = Pick<
  ConnectionState,
  'pendingCount' | 'lastSyncAt' | 'needsAttention' | 'user' | 'syncError'
>;

/**
 * The connection state the UI watches (online since when, why signed out) and the listeners of
 * it and of data changes. The session keeper decides; this keeps and tells.
 */
export class ConnectionStatus {
  online = false;
  private offlineSince: string | null;
  private signedOutReason: string | null = null;
  private signedOutCode: SignedOutCode | null = null;
  private readonly stateListeners = new Set<(state: ConnectionState) => void>();
  private readonly changeListeners = new Set<(event: ChangeEvent) => void>();

  constructor(
    private readonly now: () => string,
    private readonly counts: () => StateCounts,
  ) {
    this.offlineSince = now();
  }

  setOnline(online: boolean): void {
    if (this.online === online) return;
    this.online = online;
    if (online) this.offlineSince = null;
    else this.offlineSince ??= this.now();
    this.emitState();
  }

  /** Why the user was signed out (null: signed in, or signed out by hand). Tells nobody yet. */
  setSignedOut(reason: string | null, code: SignedOutCode | null = null): void {
    this.signedOutReason = reason;
    this.signedOutCode = code;
  }

  state(): ConnectionState {
    return {
      online: this.online,
      offlineSince: this.offlineSince,
      signedOutReason: this.signedOutReason,
      signedOutCode: this.signedOutCode,
      ...this.counts(),
    };
  }

  emitState(): void {
    const state = this.state();
    for (const listener of this.stateListeners) listener(state);
  }

  emitChange(source: ChangeEvent['source'], hint: ChangeHint | null = null): void {
    for (const listener of this.changeListeners) listener({ source, hint });
  }

  onState(listener: (state: ConnectionState) => void): () => void {
    this.stateListeners.add(listener);
    return () => this.stateListeners.delete(listener);
  }

  onChange(listener: (event: ChangeEvent) => void): () => void {
    this.changeListeners.add(listener);
    return () => this.changeListeners.delete(listener);
  }
}
