import type { Server, Socket } from 'socket.io';
import type { EventName, EventPayload } from '@shared/contract/events.contract';
import type { Actor } from '@shared/domain/user.schema';
import type { Caller } from '@server/core/dispatcher';

/** What the hub knows about one connection. Only the token (checked on every use) says who it is. */
export interface SocketState {
  token: string | null;
  actor: Actor | null;
  deviceId: string;
  clientId: string | null;
  kind: string;
  deviceName: string;
  /** Measured at this connection's last hello (hub clock − device clock); null before one. */
  clock: ConnectionClock | null;
}

export interface ConnectionClock {
  offsetMs: number;
  /** When that hello was answered, by the hub's clock. */
  helloAt: string;
}

type ServerEvents = { [N in EventName]: (payload: EventPayload<N>) => void };
type ClientEvents = Record<string, (...args: unknown[]) => void>;
export type HubSocket = Socket<ClientEvents, ServerEvents, Record<string, never>, SocketState>;
export type HubIo = Server<ClientEvents, ServerEvents, Record<string, never>, SocketState>;

/** Signed-in connections: the only ones that receive pokes and queue events. */
export const SIGNED_IN_ROOM = 'signed-in';
/** Signed-in patients: their pokes name the tables that changed, never other people's row ids. */
export const PATIENTS_ROOM = 'patients';

export function callerOf(socket: HubSocket): Caller {
  return { token: socket.data.token, deviceId: socket.data.deviceId, address: socket.handshake.address };
}

/** Connections by user, so that ending a user's sessions also ends their live connections. */
export class SocketRegistry {
  private readonly byUser = new Map<string, Set<HubSocket>>();
  /**
   * The engine.io connections of signed-in sockets (see frame-guard.ts), with when their session
   * ends unless used again (epoch ms; 0: not known yet, checked at the next frame).
   */
  private readonly signedInConnections = new WeakMap<
    HubSocket['conn'],
    { socket: HubSocket; expiresAt: number }
  >();

  signIn(socket: HubSocket, token: string, actor: Actor, expiresAt = 0): void {
    if (socket.data.actor && socket.data.actor.userId !== actor.userId) this.signOut(socket);
    socket.data.token = token;
    socket.data.actor = actor;
    const sockets = this.byUser.get(actor.userId) ?? new Set();
    sockets.add(socket);
    this.byUser.set(actor.userId, sockets);
    this.signedInConnections.set(socket.conn, { socket, expiresAt });
    void socket.join(SIGNED_IN_ROOM);
    if (actor.role === 'patient') void socket.join(PATIENTS_ROOM);
  }

  /** A later check of the session moved its end (the idle expiry slides with use). */
  sessionChecked(socket: HubSocket, expiresAt: number): void {
    const entry = this.signedInConnections.get(socket.conn);
    if (entry?.socket === socket) entry.expiresAt = expiresAt;
  }

  /**
   * Whether the connection is signed in to a session still alive at `now`. Runs on every frame,
   * so the session is looked up again (`recheck`: its new end, or null when it has ended) only
   * once the end last seen has passed; an ended session's socket is signed out, keeping the
   * token so its next call still says why ("Your session has expired").
   */
  isSignedIn(
    connection: HubSocket['conn'],
    now: number,
    recheck: (socket: HubSocket) => number | null,
  ): boolean {
    const entry = this.signedInConnections.get(connection);
    if (!entry) return false;
    if (now < entry.expiresAt) return true;
    const expiresAt = recheck(entry.socket);
    if (expiresAt === null || expiresAt <= now) {
      const { token } = entry.socket.data;
      this.signOut(entry.socket);
      entry.socket.data.token = token;
      return false;
    }
    entry.expiresAt = expiresAt;
    return true;
  }

  signOut(socket: HubSocket): void {
    const userId = socket.data.actor?.userId;
    socket.data.token = null;
    socket.data.actor = null;
    this.signedInConnections.delete(socket.conn);
    void socket.leave(SIGNED_IN_ROOM);
    void socket.leave(PATIENTS_ROOM);
    if (userId) this.forget(userId, socket);
  }

  /** Drops a closed connection. */
  remove(socket: HubSocket): void {
    const userId = socket.data.actor?.userId;
    if (userId) this.forget(userId, socket);
  }

  socketsOf(userId: string): HubSocket[] {
    return [...(this.byUser.get(userId) ?? [])];
  }

  private forget(userId: string, socket: HubSocket): void {
    const sockets = this.byUser.get(userId);
    sockets?.delete(socket);
    if (sockets?.size === 0) this.byUser.delete(userId);
  }
}
