import { randomUUID } from 'node:crypto';
import { ApiFailure, failure } from '@shared/contract/errors';
import type { ChangeHint } from '@shared/contract/change-hint';
import type { HubHello } from '@shared/contract/sync.contract';
import type { Actor } from '@shared/domain/user.schema';
import { visibilityVersions } from '@shared/permissions/visibility';
import type { AttentionList } from './attention';
import type { ClientCoreOptions } from './client-options';
import { ConnectionStatus, type SignedOutCode } from './connection-status';
import { HubUnreachable, type HubLink } from './hub-link';
import type { LocalExecutor } from './local-executor';
import type { LocalHub } from './local-hub';
import { OfflineAuth } from './offline-auth';
import type { ReadLog } from './read-log';
import type { Outbox } from './outbox';
import { rebase } from './rebase';
import { reRegisterClient } from './re-register';
import type { Replica } from './replica';
import { SyncEngine } from './sync-engine';

interface Session {
  username: string;
  actor: Actor;
  token: string | null;
  clientId: string;
  /** Kept in memory only after an offline unlock, to renew the session once the hub is back. */
  password: string | null;
}

interface Parts {
  options: ClientCoreOptions;
  replica: Replica;
  local: LocalHub;
  executor: LocalExecutor;
  outbox: Outbox;
  attention: AttentionList;
  reads: ReadLog;
  link: HubLink;
  now: () => string;
}

/**
 * The signed-in session and the hub connection's life cycle; `status` keeps the state the UI
 * watches.
 */
export class SessionKeeper {
  session: Session | null = null;
  readonly engine: SyncEngine;
  readonly status: ConnectionStatus;
  private readonly auth: OfflineAuth;
  private timer: NodeJS.Timeout | null = null;

  constructor(private readonly parts: Parts) {
    this.status = new ConnectionStatus(parts.now, () => {
      const s = this.session;
      return {
        pendingCount: parts.outbox.countPending(),
        lastSyncAt: this.engine.lastSyncAt,
        needsAttention: s ? parts.attention.count(s.actor.userId) : 0,
        user: s ? { userId: s.actor.userId, username: s.username, role: s.actor.role } : null,
        syncError: this.engine.syncError,
      };
    });
    this.auth = new OfflineAuth(parts.replica.db);
    this.engine = new SyncEngine(
      parts.link,
      parts.replica,
      parts.outbox,
      {
        rebase: (page) => this.rebase(page),
        rejected: (row, error) => parts.attention.addRefused(row, error, parts.now()),
        changed: (hint) => this.status.emitChange('remote', hint),
        stateChanged: () => this.status.emitState(),
        resetNeeded: () => this.handshake(),
        clientTaken: (clientId) => this.reRegister(clientId),
        pendingReads: () => (this.session ? parts.reads.pending(this.session.actor.userId) : []),
        readsRecorded: (ids) => parts.reads.remove(ids),
      },
      () => this.session?.clientId ?? null,
      parts.now,
    );
  }

  get online(): boolean {
    return this.status.online;
  }

  get connected(): boolean {
    return this.parts.link.connected;
  }

  start(pullIntervalMs: number): void {
    const { socket } = this.parts.link;
    socket.on('connect', () => void this.handshake());
    socket.on('disconnect', (reason) => {
      this.status.setOnline(false);
      // After the hub ends a session it closes the connection; come back signed out or renewed.
      if (reason === 'io server disconnect') setTimeout(() => socket.connect(), 200).unref();
    });
    socket.on('sync.poke', (poke: { hubId: string; epoch: number; seq: number }) => {
      if (this.online) void this.engine.poked(poke);
    });
    socket.on('session.ended', (payload: { reason: string }) => this.sessionEnded(payload.reason));
    this.timer = setInterval(() => {
      if (this.online) void this.engine.sync();
    }, pullIntervalMs);
    this.timer.unref();
    this.parts.link.start();
  }

  stop(): void {
    if (this.timer) clearInterval(this.timer);
    this.parts.link.close();
    this.status.online = false;
  }

  requireSession(): Session {
    if (!this.session) throw failure('UNAUTHENTICATED', 'Please sign in first.');
    return this.session;
  }

  async forward(name: string, input: unknown): Promise<unknown> {
    return (await this.forwardWithHint(name, input)).result;
  }

  /** `forward`, with what a command wrote at the hub (the hint its poke carries). */
  forwardWithHint(name: string, input: unknown): Promise<{ result: unknown; changed?: ChangeHint }> {
    return this.parts.link.requestWithHint('call', { name, input }).catch((error: unknown) => {
      if (error instanceof HubUnreachable) {
        throw failure(
          'UNREACHABLE',
          'This needs the clinic hub, which cannot be reached right now. Try again when online.',
        );
      }
      throw error;
    });
  }

  async signIn(username: string, password: string): Promise<Actor> {
    const { options, now, link } = this.parts;
    await link.waitConnected(10_000);
    const login = (await this.forward('auth.login', { username, password, deviceId: options.deviceId })) as {
      token: string;
      user: { id: string; role: Actor['role']; doctorId: string | null; patientId: string | null };
    };
    const actor: Actor = {
      userId: login.user.id,
      role: login.user.role,
      doctorId: login.user.doctorId,
      patientId: login.user.patientId,
      deviceId: options.deviceId,
    };
    const cached = await this.auth.remember(username, password, login.token, actor, now());
    this.begin({ username, actor, token: login.token, clientId: cached.clientId, password: null });
    return actor;
  }

  /** Offline (or online) unlock for a user who signed in on this desktop before (docs/product.md §15). */
  async unlock(username: string, password: string): Promise<Actor> {
    const cached = await this.auth.verify(username, password);
    if (!cached)
      throw failure('UNAUTHENTICATED', 'Wrong username or password, or this user never signed in here.');
    this.begin({
      username,
      actor: cached.actor,
      token: cached.token,
      clientId: cached.clientId,
      password,
    });
    return cached.actor;
  }

  async signOut(): Promise<void> {
    const { link, options } = this.parts;
    const loggedOut = this.session !== null && this.online;
    if (loggedOut) await this.forward('auth.logout', {}).catch(() => undefined);
    if (this.session) this.auth.updateSession(this.session.username, null, this.session.actor);
    this.end(null);
    // The hub drops the signed-out connection right after answering; a fresh anonymous one is
    // ready for the next user's sign-in instead of racing that drop.
    if (loggedOut) link.reconnectAs({ deviceId: options.deviceId, deviceName: options.deviceName });
  }

  private begin(session: Session): void {
    this.session = session;
    this.status.setSignedOut(null);
    this.holdRole(session.actor.role);
    this.rebase(null);
    this.status.setOnline(false);
    const { options, link } = this.parts;
    // The hub knows a desktop's sync client by its handshake: reconnect as this user's client.
    link.reconnectAs({
      deviceId: options.deviceId,
      deviceName: options.deviceName,
      clientId: session.clientId,
    });
    this.status.emitChange('local');
  }

  /**
   * The hub refused this user's client id: it is bound to another user or device, or a copy of
   * this desktop's data uses it. Registers a fresh one, moves the unacknowledged changes to it,
   * and reconnects under it; the handshake then pushes them again.
   */
  private reRegister(refused: string): void {
    const session = this.session;
    if (session?.clientId !== refused) return; // signed out or another user since
    const { replica, options, link } = this.parts;
    const fresh = randomUUID();
    reRegisterClient(replica, session.clientId, fresh);
    session.clientId = fresh;
    this.rebase(null); // provisional codes may have been made again
    this.status.setOnline(false);
    link.reconnectAs({ deviceId: options.deviceId, deviceName: options.deviceName, clientId: fresh });
    this.status.emitChange('local');
  }

  private end(reason: string | null, code: SignedOutCode | null = null): void {
    this.session = null;
    this.status.setSignedOut(reason, code);
    this.status.setOnline(false);
    this.status.emitState();
  }

  /**
   * A replica holds one role's view: another role's data, or a view made under an older
   * visibility policy, is purged first (docs/architecture.md (Security invariants)).
   */
  private holdRole(role: Actor['role']): void {
    const { replica } = this.parts;
    const view = visibilityVersions[role];
    if (replica.meta('role') === role && Number(replica.meta('view') ?? 1) === view) return;
    replica.wipeSyncedRows();
    replica.setMeta('cursor', 0);
    replica.setMeta('role', role);
    replica.setMeta('view', view);
    replica.db.sqlite.pragma('wal_checkpoint(TRUNCATE)');
  }

  private async handshake(): Promise<void> {
    const { link } = this.parts;
    if (!link.connected) return;
    try {
      const session = this.session;
      if (!session) return this.status.emitState();
      if (!(await this.authenticate(session))) return;
      // Our clock, so the hub can correct the times of what we push by its offset.
      const hello = await link.request<HubHello>('hello', { clientTime: this.parts.now() });
      this.engine.adopt(hello);
      this.status.setOnline(true);
      await this.engine.sync();
    } catch (error) {
      // Runs on every reconnect with nobody awaiting it: never an unhandled rejection.
      if (!(error instanceof HubUnreachable) && !(error instanceof ApiFailure)) this.engine.failed(error);
    }
  }

  /** Renews the session with the hub: the cached token, else (after an unlock) a fresh sign-in. */
  private async authenticate(session: Session): Promise<boolean> {
    const { link, options } = this.parts;
    try {
      if (!session.token) throw failure('UNAUTHENTICATED', 'No session yet.');
      const reply = await link.request<{ actor: Actor }>('auth', { token: session.token });
      this.adoptActor(session, { ...reply.actor, deviceId: options.deviceId });
      return true;
    } catch (error) {
      if (!(error instanceof ApiFailure) || error.code !== 'UNAUTHENTICATED') throw error;
    }
    if (!session.password) {
      this.end('Your session has ended. Please sign in again.', 'expired');
      return false;
    }
    try {
      const password = session.password;
      await this.signIn(session.username, password);
      return false; // signIn reconnects; the handshake runs again
    } catch (error) {
      if (!(error instanceof ApiFailure)) throw error;
      const disabled = /disabled/i.test(error.message);
      if (disabled) this.auth.forget(session.username);
      this.end(error.message, disabled ? 'disabled' : 'expired');
      return false;
    }
  }

  private adoptActor(session: Session, actor: Actor): void {
    session.password = null;
    if (actor.role !== session.actor.role) {
      session.actor = actor;
      this.holdRole(actor.role);
      this.rebase(null);
    }
    session.actor = actor;
    this.auth.updateSession(session.username, session.token, actor);
  }

  private sessionEnded(reason: string): void {
    const session = this.session;
    if (!session) return;
    if (reason === 'disabled') this.auth.forget(session.username);
    const code: SignedOutCode =
      reason === 'disabled' ? 'disabled' : reason === 'role_changed' ? 'role_changed' : 'expired';
    const messages: Record<SignedOutCode, string> = {
      disabled: 'This account was disabled by the clinic admin.',
      role_changed: 'Your role was changed. Please sign in again.',
      expired: 'Your session has ended. Please sign in again.',
    };
    this.end(messages[code], code);
  }

  rebase(page: Parameters<typeof rebase>[4]): void {
    const { replica, local, executor, outbox } = this.parts;
    rebase(replica, local, executor, outbox, page, this.session?.clientId ?? null);
  }
}
