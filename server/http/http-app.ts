import helmet from '@fastify/helmet';
import type { Socket } from 'node:net';
import Fastify, {
  type FastifyBaseLogger,
  type FastifyInstance,
  type FastifyReply,
  type FastifyRequest,
  LogController,
} from 'fastify';
import { cspDirectives, type RendererHost } from '@server/core/content-security-policy';

/** Nothing the LAN port answers over HTTP takes a body; the gateway may allow more per route. */
export const DEFAULT_BODY_LIMIT_BYTES = 64 * 1024;

export interface HttpAppOptions {
  /** Errors (5xx) are logged here; requests themselves are not. */
  logger: FastifyBaseLogger;
  /** Largest request body read (413 above it). */
  bodyLimit?: number;
  /** Pages served carry the renderer's Content-Security-Policy for this host; none when omitted. */
  rendererPolicy?: RendererHost;
  /** Strict-Transport-Security: only over TLS (the LAN port is plain HTTP). */
  hsts?: boolean;
  /** Take the client's address from X-Forwarded-For (a reverse proxy in front); default false. */
  trustProxy?: boolean;
  /** Content-Security-Policy directives when no renderer is served (e.g. the gateway's API). */
  contentSecurityPolicy?: Record<string, string[]>;
  /** A port reached from outside (the gateway): TLS, tighter timeouts and header limits. */
  listener?: ListenerOptions;
  /** Answers for what the router refuses before any route runs (bad URL, over-long parameter). */
  frameworkErrors?: (error: Error, request: FastifyRequest, reply: FastifyReply) => void;
  /** Answers for what Node's HTTP parser refuses before Fastify sees a request. */
  clientErrorHandler?: (error: NodeJS.ErrnoException, socket: Socket) => void;
}

export interface ListenerOptions {
  /** HTTPS with this PEM pair (the certificate can be swapped later: server.setSecureContext). */
  tls?: { cert: string; key: string };
  /** Whole request (headers and body) received within this (408 otherwise). */
  requestTimeoutMs: number;
  /** Request headers received within this; at most requestTimeoutMs. */
  headersTimeoutMs: number;
  /** A connection with no traffic at all is closed after this. */
  idleTimeoutMs: number;
  keepAliveTimeoutMs: number;
  /** How often Node checks the request and header timeouts (their precision). */
  timeoutCheckIntervalMs: number;
  maxHeaderBytes: number;
  maxHeaderCount: number;
}

/**
 * The hub's HTTP defaults, for each listener it opens (the LAN sync port, and the patient
 * gateway): Fastify with helmet's security headers (frames refused outright, no referrer, no
 * MIME sniffing), a small body limit, the hub's logger without per-request lines, and the host
 * and proxy headers of the request taken as sent (no trust proxy unless asked).
 */
export function createHttpApp(options: HttpAppOptions): FastifyInstance {
  const listener = options.listener;
  const server = listener && {
    maxHeaderSize: listener.maxHeaderBytes,
    connectionsCheckingInterval: listener.timeoutCheckIntervalMs,
  };
  const app = Fastify({
    loggerInstance: options.logger,
    logController: new LogController({ disableRequestLogging: true }),
    bodyLimit: options.bodyLimit ?? DEFAULT_BODY_LIMIT_BYTES,
    trustProxy: options.trustProxy ?? false,
    // Node's own limit on receiving a request, which Fastify would otherwise turn off (0).
    requestTimeout: listener?.requestTimeoutMs ?? 300_000,
    return503OnClosing: true,
    ...(options.frameworkErrors && { frameworkErrors: options.frameworkErrors }),
    ...(options.clientErrorHandler && { clientErrorHandler: options.clientErrorHandler }),
    ...(listener && {
      connectionTimeout: listener.idleTimeoutMs,
      keepAliveTimeout: listener.keepAliveTimeoutMs,
      ...(listener.tls ? { https: { ...listener.tls, ...server } } : { http: server }),
    }),
  }) as unknown as FastifyInstance;
  if (listener) {
    app.server.headersTimeout = listener.headersTimeoutMs;
    app.server.maxHeadersCount = listener.maxHeaderCount;
  }
  const csp = options.rendererPolicy
    ? helmetDirectives(options.rendererPolicy)
    : options.contentSecurityPolicy;
  void app.register(helmet, {
    global: true,
    contentSecurityPolicy: csp ? { useDefaults: false, directives: csp } : false,
    frameguard: { action: 'deny' },
    referrerPolicy: { policy: 'no-referrer' },
    strictTransportSecurity: options.hsts ? { maxAge: 31_536_000 } : false,
  });
  const routes: string[] = [];
  app.addHook('onRoute', (route) => {
    for (const method of [route.method].flat()) routes.push(`${method} ${route.url}`);
  });
  registered.set(app, routes);
  return app;
}

const registered = new WeakMap<FastifyInstance, readonly string[]>();

/**
 * Every route an app made by createHttpApp registered, as "METHOD /path" (what the gateway's
 * allowlist test compares, and checks against the LAN port's).
 */
export function registeredRoutes(app: FastifyInstance): string[] {
  return [...(registered.get(app) ?? [])].sort();
}

/** The one policy (server/core/content-security-policy.ts) in helmet's form. */
export function helmetDirectives(host: RendererHost): Record<string, string[]> {
  return Object.fromEntries(cspDirectives(host).map(([name, value]) => [name, value.split(' ')]));
}
