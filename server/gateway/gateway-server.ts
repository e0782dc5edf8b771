import type { Server as HttpsServer } from 'node:https';
import type { AddressInfo } from 'node:net';
import rateLimit from '@fastify/rate-limit';
import type { FastifyBaseLogger, FastifyInstance } from 'fastify';
import { serializerCompiler, validatorCompiler } from 'fastify-type-provider-zod';
import type { Dispatcher } from '@server/core/dispatcher';
import type { HubCore } from '@server/core/hub-core';
import { createHttpApp, type ListenerOptions, registeredRoutes } from '@server/http/http-app';
import { registerAppointmentRoutes } from './appointment-routes';
import { registerAuthRoutes, type RequestLimit } from './auth-routes';
import { registerClinicRoutes } from './clinic-routes';
import { serveCompanion } from './companion-static';
import { answerClientError, answerFrameworkError } from './framework-errors';
import { registerCors } from './gateway-cors';
import { API_CSP, GATEWAY_BODY_LIMIT_BYTES, GATEWAY_LISTENER_LIMITS } from './gateway-limits';
import { readTlsPair, type TlsFiles, watchTlsFiles } from './gateway-tls';
import { fastifyTrustProxy, type TrustProxy } from './gateway-trust-proxy';
import { installErrorHandler } from './http-errors';
import type { LiveChannel, LiveOptions } from './live-channel';
import { registerLiveRoutes } from './live-routes';
import { registerOpenApi } from './openapi';
import { registerProfileRoutes } from './profile-routes';
import { registerPushRoutes } from './push-routes';
import { registerRecordRoutes } from './record-routes';
import { registerWaitlistRoutes } from './waitlist-routes';

export const DEFAULT_GATEWAY_PORT = 4820;

export interface GatewayOptions {
  core: HubCore;
  /** The hub's own dispatcher: one SQLite writer, the same rules as the LAN port. */
  dispatcher: Dispatcher;
  /**
   * Behind a reverse proxy or tunnel: which proxies' X-Forwarded-For and X-Forwarded-Proto are
   * believed (gateway-trust-proxy.ts; the throttle and the rate limit key on the address). Off by
   * default, so a client cannot pick its own address.
   */
  trustProxy?: TrustProxy;
  /** Per IP address, every route (default 120 a minute). */
  limit?: RequestLimit;
  /** Per IP address, the anonymous account routes (default 20 a minute). */
  authLimit?: RequestLimit;
  /** Per IP address, sign-up (default 5 in 10 minutes); the hub also caps sign-ups clinic-wide. */
  signUpLimit?: RequestLimit;
  /** HTTPS with this PEM pair, re-read when the files change (gateway-tls.ts); plain HTTP without. */
  tls?: TlsFiles & { recheckMs?: number; settleMs?: number };
  /** Origins allowed cross-origin requests (gateway-cors.ts); none by default. */
  corsOrigins?: readonly string[];
  /** Where the gateway logs (the hub's logger by default). */
  logger?: FastifyBaseLogger;
  /** Overrides of the listener's timeouts and header limits (gateway-limits.ts). */
  limits?: Partial<Omit<ListenerOptions, 'tls'>>;
  /** The live channel's heartbeat, retry advice and stream caps (live-channel.ts). */
  live?: LiveOptions;
  /** The built companion app (dist/companion) to serve at the root; API only without. */
  companionDir?: string;
}

export interface Gateway {
  readonly app: FastifyInstance;
  /** HTTPS (--gateway-tls-cert/--gateway-tls-key) rather than plain HTTP. */
  readonly secure: boolean;
  listen(port: number, host: string): Promise<number>;
  close(): Promise<void>;
  /** Every route it serves, "METHOD /path" (the allowlist test compares these). */
  routes(): string[];
  /** Live channel streams open now (GET /events). */
  liveStreams(): number;
}

/**
 * The patient gateway (docs/architecture.md (Processes)): the companion app's REST API on a port
 * of its own, in the hub's process, built on the hub's HTTP defaults. It serves only patient
 * routes under /api/v1 and nothing staff use; a staff token is refused like a wrong one.
 *
 * The rate limit (per IP address, a fixed window) only slows a client down: the window ends and
 * the client is served again, so a patient is never locked out for good; the hub's sign-in
 * throttle (per login and per source) stays the real brute-force guard.
 */
export function createGateway(options: GatewayOptions): Gateway {
  const limit = options.limit ?? { max: 120, windowMs: 60_000 };
  const authLimit = options.authLimit ?? { max: 20, windowMs: 60_000 };
  const signUpLimit = options.signUpLimit ?? { max: 5, windowMs: 10 * 60_000 };
  const tls = options.tls ? readTlsPair(options.tls) : undefined;
  const logger = options.logger ?? options.core.logger;
  const app = createHttpApp({
    logger,
    trustProxy: fastifyTrustProxy(options.trustProxy),
    bodyLimit: GATEWAY_BODY_LIMIT_BYTES,
    contentSecurityPolicy: API_CSP,
    listener: { ...GATEWAY_LISTENER_LIMITS, ...options.limits, ...(tls && { tls }) },
    frameworkErrors: answerFrameworkError,
    clientErrorHandler: answerClientError,
  });
  const renewals =
    options.tls && tls
      ? watchTlsFiles(app.server as unknown as HttpsServer, options.tls, tls, {
          logger,
          ...(options.tls.recheckMs !== undefined && { recheckMs: options.tls.recheckMs }),
          ...(options.tls.settleMs !== undefined && { settleMs: options.tls.settleMs }),
        })
      : undefined;
  // HSTS only where the browser reached the gateway over HTTPS: directly under TLS, or through a
  // trusted proxy that says so (X-Forwarded-Proto); browsers ignore it over plain HTTP anyway.
  app.addHook('onRequest', async (request, reply) => {
    if (request.protocol === 'https') reply.header('strict-transport-security', 'max-age=31536000');
  });
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  installErrorHandler(app);
  registerCors(app, options.corsOrigins ?? []);
  registerOpenApi(app);
  if (options.companionDir) serveCompanion(app, options.companionDir);
  let live: LiveChannel | undefined;
  void app.register(async (api) => {
    await api.register(rateLimit, {
      global: true,
      max: limit.max,
      timeWindow: limit.windowMs,
      keyGenerator: (request) => request.ip,
      errorResponseBuilder: (_request, context) => ({
        statusCode: context.statusCode,
        message: `Too many requests from this address: try again in ${context.after}.`,
      }),
    });
    registerAuthRoutes(api, {
      core: options.core,
      dispatcher: options.dispatcher,
      authLimit,
      signUpLimit,
    });
    registerClinicRoutes(api, { core: options.core, dispatcher: options.dispatcher });
    registerAppointmentRoutes(api, { core: options.core, dispatcher: options.dispatcher });
    registerRecordRoutes(api, { core: options.core, dispatcher: options.dispatcher });
    registerProfileRoutes(api, { core: options.core, dispatcher: options.dispatcher });
    registerWaitlistRoutes(api, { core: options.core, dispatcher: options.dispatcher });
    registerPushRoutes(api, { core: options.core, dispatcher: options.dispatcher });
    live = registerLiveRoutes(api, {
      core: options.core,
      dispatcher: options.dispatcher,
      live: options.live,
    });
  });
  return {
    app,
    secure: tls !== undefined,
    routes: () => registeredRoutes(app),
    liveStreams: () => live?.size ?? 0,
    async listen(port, host) {
      await app.listen({ port, host });
      return (app.server.address() as AddressInfo).port;
    },
    async close() {
      renewals?.close();
      app.server.closeAllConnections();
      await app.close();
    },
  };
}
