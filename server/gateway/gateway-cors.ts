import cors from '@fastify/cors';
import type { FastifyInstance } from 'fastify';

/**
 * `--gateway-cors-origin ORIGIN` (repeatable or comma-separated): each an origin as a browser sends
 * it (`https://app.example.com`, no path). Throws naming the bad one.
 */
export function parseCorsOrigins(values: readonly string[]): string[] {
  const origins = values
    .flatMap((value) => value.split(','))
    .map((value) => value.trim())
    .filter(Boolean);
  for (const origin of origins) {
    let parsed: URL | undefined;
    try {
      parsed = new URL(origin);
    } catch {
      parsed = undefined;
    }
    if (!parsed || !/^https?:$/.test(parsed.protocol) || parsed.origin !== origin.replace(/\/$/, '')) {
      throw new Error(`--gateway-cors-origin ${origin} is not an origin like https://app.example.com`);
    }
  }
  return origins.map((origin) => origin.replace(/\/$/, ''));
}

/**
 * Cross-origin requests (issue 19, item 5): none unless origins are configured (the installed app
 * is served from the gateway's own origin and needs none); then only those origins, with the
 * bearer token in a header (no cookies, so no credentials mode).
 */
export function registerCors(app: FastifyInstance, origins: readonly string[]): void {
  if (origins.length === 0) return;
  void app.register(cors, {
    origin: [...origins],
    methods: ['GET', 'HEAD', 'POST', 'PATCH', 'DELETE'],
    allowedHeaders: ['authorization', 'content-type'],
    exposedHeaders: ['retry-after'],
    maxAge: 600,
  });
}
