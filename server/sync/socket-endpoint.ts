import type { IncomingMessage, Server as HttpServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Server } from 'socket.io';
import type { ApiError } from '@shared/contract/errors';
import type { Dispatcher } from '@server/core/dispatcher';
import type { HubCore } from '@server/core/hub-core';
import { attachDisplayFeed } from '@server/display/display-endpoint';
import { hubHostName } from '@server/discovery/hub-service';
import { createHttpApp, registeredRoutes } from '@server/http/http-app';
import { DEFAULT_MAX_ANONYMOUS_FRAME_BYTES, guardFrames } from './frame-guard';
import { createOwnHostCheck } from './own-hosts';
import { PushApplier } from './push';
import { registerSocketHandlers, touch } from './socket-handlers';
import { type HubIo, type HubSocket, PATIENTS_ROOM, SIGNED_IN_ROOM, SocketRegistry } from './socket-session';
import { staffOnly } from './staff-only';
import { serveRendererBuild } from './static-files';
import { handshakeAuthSchema, toApiError } from './wire';

/** 10 MB attachments travel as base64 (4/3 larger) inside a JSON message. */
export const DEFAULT_MAX_PAYLOAD_BYTES = 15 * 1024 * 1024;

export interface SocketEndpointOptions {
  core: HubCore;
  dispatcher: Dispatcher;
  /** Largest message the hub handles; larger ones are refused with PAYLOAD_TOO_LARGE. */
  maxPayloadBytes?: number;
  /** Largest frame read from a connection that has not signed in (see frame-guard.ts). */
  maxAnonymousFrameBytes?: number;
  /** Browser origins allowed besides the hub's own (none by default: CORS off). */
  allowedOrigins?: readonly string[];
  /** Names the hub answers to besides its own (see own-hosts.ts), e.g. a name in the clinic's DNS. */
  hostNames?: readonly string[];
  /** Browser mode: serve this renderer build (index.html + assets) on the same port. */
  rendererDir?: string;
}

export interface SocketEndpoint {
  readonly io: HubIo;
  readonly httpServer: HttpServer;
  /** Starts listening (port 0: any free port) and resolves with the actual port. */
  listen(port: number, host: string): Promise<number>;
  /** Disconnects every client and closes the port. */
  close(): Promise<void>;
  /** The HTTP routes this port serves, as "METHOD /path" (Socket.IO's own path is not one). */
  routes(): string[];
}

/**
 * The LAN sync port (docs/architecture.md (Processes)): Socket.IO on the port's Fastify server, for staff desktops, browsers
 * and the display. Sessions come from the handshake token or a later `auth` message; every
 * operation is authorized by the dispatcher from that session, never from the payload.
 */
export function createSocketEndpoint(options: SocketEndpointOptions): SocketEndpoint {
  const { core, dispatcher } = options;
  const maxPayloadBytes = options.maxPayloadBytes ?? DEFAULT_MAX_PAYLOAD_BYTES;
  const allowedOrigins = options.allowedOrigins ?? [];
  const isOwnHost = createOwnHostCheck({
    mdnsName: hubHostName(core.identity().hubId),
    extraNames: options.hostNames ?? [],
  });
  const refusedHosts = new Set<string>();
  const hostAllowed = (req: IncomingMessage): boolean => {
    const host = req.headers.host ?? '';
    if (isOwnHost(host)) return true;
    // Logged once per name (and not without end): it explains a desktop typed with a DNS name.
    if (refusedHosts.size < 100 && !refusedHosts.has(host)) {
      refusedHosts.add(host);
      core.logger.warn(
        { host: host.slice(0, 200) },
        'refused a request for a host name that is not this hub’s (add a real one with --host-name)',
      );
    }
    return false;
  };
  const app = createHttpApp({ logger: core.logger, rendererPolicy: 'browser' });
  // A request naming another host (DNS rebinding, issue 14 item 7): refused before anything is served.
  app.addHook('onRequest', async (request, reply) => {
    if (hostAllowed(request.raw)) return;
    return reply
      .code(421)
      .type('text/plain; charset=utf-8')
      .send('This is the clinic hub; it does not answer to that host name. Use its address.');
  });
  if (options.rendererDir) serveRendererBuild(app, options.rendererDir);
  else {
    app.setNotFoundHandler((_request, reply) =>
      reply.code(404).send({ error: { code: 'NOT_FOUND', message: 'This is the clinic hub’s sync port.' } }),
    );
  }
  const httpServer = app.server;
  // Socket.IO answers its own path (/socket.io/) on Fastify's server before Fastify sees it.
  const io: HubIo = new Server(httpServer, {
    serveClient: false,
    // Above the handled limit, so an oversized message still gets a PAYLOAD_TOO_LARGE answer;
    // beyond this the transport drops the connection.
    maxHttpBufferSize: maxPayloadBytes + 1024 * 1024,
    ...(allowedOrigins.length > 0 ? { cors: { origin: [...allowedOrigins] } } : {}),
    allowRequest: (req, callback) => callback(null, hostAllowed(req) && originAllowed(req, allowedOrigins)),
  });
  const registry = new SocketRegistry();
  const maxAnonymousFrameBytes = options.maxAnonymousFrameBytes ?? DEFAULT_MAX_ANONYMOUS_FRAME_BYTES;
  // Signed in means a live session: one that has expired since sign-in lifts the cap no more.
  const sessionEnd = (socket: HubSocket): number | null => {
    const { token, deviceId } = socket.data;
    if (!token) return null;
    try {
      return core.authenticateUntil(token, deviceId).expiresAt;
    } catch {
      return null;
    }
  };
  guardFrames(io, {
    maxAnonymousFrameBytes,
    isSignedIn: (connection) => registry.isSignedIn(connection, core.clock.now().getTime(), sessionEnd),
  });
  const deps = {
    core,
    dispatcher,
    registry,
    maxPayloadBytes,
    maxAnonymousFrameBytes,
    pushes: new PushApplier(core, dispatcher),
  };

  io.use((socket, next) => {
    const auth = handshakeAuthSchema.safeParse(socket.handshake.auth);
    if (!auth.success) {
      return next(connectError({ code: 'VALIDATION', message: 'Connect with auth: { deviceId, token? }.' }));
    }
    const { token, deviceId, clientId, kind, deviceName } = auth.data;
    socket.data = {
      token: null,
      actor: null,
      deviceId,
      clientId: clientId ?? null,
      kind,
      deviceName,
      clock: null,
    };
    if (token) {
      try {
        socket.data.actor = staffOnly(core.authenticate(token, deviceId));
        socket.data.token = token;
      } catch (error) {
        return next(connectError(toApiError(error, core.logger)));
      }
    }
    next();
  });

  io.on('connection', (socket) => {
    const { token, actor, deviceId, kind } = socket.data;
    core.logger.debug({ deviceId, kind, userId: actor?.userId ?? null }, 'sync client connected');
    if (token && actor) {
      registry.signIn(socket, token, actor);
      try {
        touch(deps, socket, actor);
      } catch (error) {
        core.logger.warn({ err: error, deviceId }, 'could not record the sync client as seen');
      }
    }
    registerSocketHandlers(socket, deps);
    socket.on('disconnect', (reason) => {
      registry.remove(socket);
      core.logger.debug({ deviceId, reason }, 'sync client disconnected');
    });
  });

  const signedIn = () => io.to(SIGNED_IN_ROOM);
  const unsubscribe = [
    attachDisplayFeed(io, core),
    core.events.on('sync.poke', (payload) => {
      signedIn().except(PATIENTS_ROOM).emit('sync.poke', payload);
      const { ids: _othersRows, ...tablesOnly } = payload;
      io.to(PATIENTS_ROOM).emit('sync.poke', tablesOnly);
    }),
    core.events.on('queue.changed', (payload) => signedIn().emit('queue.changed', payload)),
    core.events.on('queue.called', (payload) => signedIn().emit('queue.called', payload)),
    core.events.onUserEvent((event) => {
      for (const socket of registry.socketsOf(event.userId)) {
        // Typed per event name; this event's name and payload were checked together (UserEvent).
        const emit = socket.emit.bind(socket) as (name: string, payload: unknown) => void;
        emit(event.name, event.payload);
      }
    }),
    core.events.onRevoked(({ userId, reason }) => {
      for (const socket of registry.socketsOf(userId)) {
        socket.emit('session.ended', { reason });
        registry.signOut(socket);
        // After the current message's acknowledgement (e.g. the logout call itself) is sent.
        setImmediate(() => socket.disconnect(true));
      }
    }),
  ];

  return {
    io,
    httpServer,
    async listen(port, host) {
      await app.ready();
      return new Promise((resolve, reject) => {
        httpServer.once('error', reject);
        httpServer.listen(port, host, () => {
          httpServer.off('error', reject);
          resolve((httpServer.address() as AddressInfo).port);
        });
      });
    },
    routes: () => registeredRoutes(app),
    async close() {
      for (const stop of unsubscribe.splice(0)) stop();
      await new Promise<void>((resolve) => {
        void io.close(() => resolve());
        httpServer.closeAllConnections();
      });
      await app.close();
    },
  };
}

function connectError(error: ApiError): Error {
  return Object.assign(new Error(error.message), { data: error });
}

/**
 * WebSockets are not covered by CORS, so the origin is checked here (after the Host, which must
 * name the hub itself): clients without an Origin (desktops, Node) and pages served from the
 * hub's own address are let in, other sites are not.
 */
function originAllowed(req: IncomingMessage, allowedOrigins: readonly string[]): boolean {
  const origin = req.headers.origin;
  if (!origin) return true;
  if (allowedOrigins.includes(origin)) return true;
  try {
    return new URL(origin).host === req.headers.host;
  } catch {
    return false;
  }
}
