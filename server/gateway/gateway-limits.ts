import type { ListenerOptions } from '@server/http/http-app';

/** The largest request body the gateway reads (413 PAYLOAD_TOO_LARGE above it): its inputs are small. */
export const GATEWAY_BODY_LIMIT_BYTES = 64 * 1024;

/**
 * The gateway's listener limits (issue 19, item 5): it faces the internet, so a slow or
 * oversized request is cut early (a slow-loris client holds no connection for long). The idle
 * limit is per connection without traffic: a long answer such as the event stream stays open
 * while it sends (its heartbeat must come more often than this).
 */
export const GATEWAY_LISTENER_LIMITS: Omit<ListenerOptions, 'tls'> = {
  requestTimeoutMs: 30_000,
  headersTimeoutMs: 10_000,
  idleTimeoutMs: 120_000,
  // Longer than a reverse proxy's or tunnel's idle reuse of a connection (often 60 s), so the
  // gateway never closes one the proxy is about to send on (Fastify's own default).
  keepAliveTimeoutMs: 72_000,
  timeoutCheckIntervalMs: 2_000,
  maxHeaderBytes: 16 * 1024,
  maxHeaderCount: 64,
};

/** For the gateway's API answers (JSON): nothing may load, frame or submit anything. */
export const API_CSP: Record<string, string[]> = {
  'default-src': ["'none'"],
  'base-uri': ["'none'"],
  'form-action': ["'none'"],
  'frame-ancestors': ["'none'"],
};

/**
 * The docs page (@fastify/swagger-ui, its files served by the gateway itself, no CDN): its own
 * scripts and styles, its logo as a data: image, and the document fetched from the same origin.
 */
export const DOCS_CSP = [
  "default-src 'none'",
  "script-src 'self'",
  // Swagger UI's bundle inserts one <style> element (this hash is of @fastify/swagger-ui 6.1.3's).
  "style-src 'self' 'sha256-RL3ie0nH+Lzz2YNqQN83mnU0J1ot4QL7b99vMdIX99w='",
  "img-src 'self' data:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');
