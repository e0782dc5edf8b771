import { createServer, type IncomingMessage, type Server as HttpServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Server } from 'socket.io';
import type { ApiError } from '@shared/contract/errors';
import type { Dispatcher } from '@server/core/dispatcher';
import type { HubCore } from '@server/core/hub-core';
import { PushApplier } from './push';
import { registerSocketHandlers, touch } from './socket-handlers';
import { type HubIo, SIGNED_IN_ROOM, SocketRegistry } from './socket-session';
import { createStaticHandler } from './static-files';
import { handshakeAuthSchema, toApiError } from './wire';

/** 10 MB attachments travel as base64 (4/3 larger) inside a JSON message. */
export const DEFAULT_MAX_PAYLOAD_BYTES = 15 * 1024 * 1024;

export interface SocketEndpointOptions {
  core: HubCore;
  dispatcher: Dispatcher;
  /** Largest message the hub handles; larger ones are refused with PAYLOAD_TOO_LARGE. */
  maxPayloadBytes?: number;
  /** Browser origins allowed besides the hub's own (none by default: CORS off). */
  allowedOrigins?: readonly string[];
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
}

/**
 * The LAN sync port (DESIGN §1): Socket.IO on its own HTTP server, for staff desktops, browsers
 * and the display. Sessions come from the handshake token or a later `auth` message; every
 * operation is authorized by the dispatcher from that session, never from the payload.
 */
export function createSocketEndpoint(options: SocketEndpointOptions): SocketEndpoint {
  const { core, dispatcher } = options;
  const maxPayloadBytes = options.maxPayloadBytes ?? DEFAULT_MAX_PAYLOAD_BYTES;
  const allowedOrigins = options.allowedOrigins ?? [];
  const serveRenderer = options.rendererDir ? createStaticHandler(options.rendererDir) : null;
  const httpServer = createServer((req, res) => {
    if (serveRenderer) return serveRenderer(req, res);
    res.writeHead(404, { 'content-type': 'application/json' });
    res.end(JSON.stringify({ error: { code: 'NOT_FOUND', message: 'This is the clinic hub’s sync port.' } }));
  });
  const io: HubIo = new Server(httpServer, {
    serveClient: false,
    // Above the handled limit, so an oversized message still gets a PAYLOAD_TOO_LARGE answer;
    // beyond this the transport drops the connection.
    maxHttpBufferSize: maxPayloadBytes + 1024 * 1024,
    ...(allowedOrigins.length > 0 ? { cors: { origin: [...allowedOrigins] } } : {}),
    allowRequest: (req, callback) => callback(null, originAllowed(req, allowedOrigins)),
  });
  const registry = new SocketRegistry();
  const deps = { core, dispatcher, registry, maxPayloadBytes, pushes: new PushApplier(core, dispatcher) };

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
        socket.data.actor = core.authenticate(token, deviceId);
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
    core.events.on('sync.poke', (payload) => signedIn().emit('sync.poke', payload)),
    core.events.on('queue.changed', (payload) => signedIn().emit('queue.changed', payload)),
    core.events.on('queue.called', (payload) => signedIn().emit('queue.called', payload)),
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
    listen(port, host) {
      return new Promise((resolve, reject) => {
        httpServer.once('error', reject);
        httpServer.listen(port, host, () => {
          httpServer.off('error', reject);
          resolve((httpServer.address() as AddressInfo).port);
        });
      });
    },
    close() {
      for (const stop of unsubscribe.splice(0)) stop();
      return new Promise((resolve) => {
        void io.close(() => resolve());
        httpServer.closeAllConnections();
      });
    },
  };
}

function connectError(error: ApiError): Error {
  return Object.assign(new Error(error.message), { data: error });
}

/**
 * WebSockets are not covered by CORS, so the origin is checked here: clients without an Origin
 * (desktops, Node) and pages served from the hub's own address are let in, other sites are not.
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
