import { Validator } from '@seriousme/openapi-schema-validator';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningHub } from '@server/hub/hub-server';
import { startHubWithGateway } from './testing/patient-app';

/** One documented answer: a description, maybe headers, and its JSON body's schema. */
interface DocumentedResponse {
  description: string;
  headers?: Record<string, unknown>;
  content?: { 'application/json'?: { schema: JsonSchema } };
}
interface JsonSchema {
  properties?: Record<string, JsonSchema>;
  required?: string[];
  enum?: string[];
  items?: JsonSchema;
}
interface Operation {
  security?: unknown[];
  parameters?: unknown[];
  requestBody?: unknown;
  responses: Record<string, DocumentedResponse>;
}
type OpenApiDocument = { openapi: string; paths: Record<string, Record<string, Operation>> };

let started: Awaited<ReturnType<typeof startHubWithGateway>>;
let hub: RunningHub;
let gatewayUrl: string;

beforeAll(async () => {
  started = await startHubWithGateway();
  hub = started.hub;
  gatewayUrl = hub.gateway!.url;
});

afterAll(async () => {
  await started?.stop();
});

async function openApiDocument(): Promise<OpenApiDocument> {
  const response = await fetch(`${gatewayUrl}/api/openapi.json`);
  expect(response.status).toBe(200);
  return (await response.json()) as OpenApiDocument;
}

/**
 * The error answers a route must document, by its kind (issue 19, item 4), worked out here from
 * the route and its documented input, not from the gateway's own rule.
 */
function expectedErrors(method: string, path: string, operation: Operation): string[] {
  const anonymous =
    (path.startsWith('/api/v1/auth/') && path !== '/api/v1/auth/logout') || path === '/api/v1/clinic';
  const command = method !== 'GET';
  const input = operation.requestBody !== undefined || (operation.parameters?.length ?? 0) > 0;
  return [
    ...(anonymous ? [] : ['401']),
    ...(path.includes('{') ? ['404'] : []),
    ...(command ? ['409', '413'] : []),
    ...(input ? ['422'] : []),
    '429',
  ];
}

const errorOf = (response: DocumentedResponse) =>
  response.content?.['application/json']?.schema.properties?.error;

describe('the gateway’s OpenAPI document', () => {
  it('is a valid OpenAPI 3.1 document', async () => {
    const document = await openApiDocument();
    expect(document.openapi).toBe('3.1.0');
    const result = await new Validator().validate(document);
    expect(result.errors ?? []).toEqual([]);
    expect(result.valid).toBe(true);
  });

  it('lists every /api/v1 route the gateway registers, each with its error answers in the one error body', async () => {
    const document = await openApiDocument();
    const routes = hub
      .routes()
      .gateway.filter((route) => route.includes(' /api/v1/') && !route.startsWith('HEAD '));
    expect(routes.length).toBeGreaterThan(0);
    for (const route of routes) {
      const [method, url] = route.split(' ') as [string, string];
      const path = url.replace(/:(\w+)/g, '{$1}');
      const operation = document.paths[path]?.[method.toLowerCase()];
      expect(operation, `${route} is in the document`).toBeDefined();
      const documented = Object.keys(operation!.responses);
      expect(documented, route).toEqual(expect.arrayContaining(expectedErrors(method, path, operation!)));
      for (const status of documented.filter((code) => Number(code) >= 400)) {
        const error = errorOf(operation!.responses[status]!);
        expect(error?.required, `${route} ${status}`).toEqual(expect.arrayContaining(['code', 'message']));
      }
      expect(operation!.responses['429']!.headers, route).toHaveProperty('Retry-After');
      if (documented.includes('401')) expect(operation!.security, route).toEqual([{ bearer: [] }]);
      expect(errorOf(operation!.responses['429']!)?.properties?.code?.enum).toEqual(['RATE_LIMITED']);
      const conflict = operation!.responses['409'];
      if (conflict) {
        expect(conflict.description).toMatch(/SLOT_TAKEN.*nextSlots/);
        expect(errorOf(conflict)?.properties?.code?.enum).toEqual(
          expect.arrayContaining(['SLOT_TAKEN', 'POLICY', 'CONFLICT']),
        );
        expect(errorOf(conflict)?.properties).toHaveProperty('nextSlots');
      }
      const invalid = operation!.responses['422'];
      if (invalid) expect(errorOf(invalid)?.properties).toHaveProperty('fields');
    }
  });

  it('documents the token being served in GET /queue/me, beside my own token', async () => {
    const document = await openApiDocument();
    const body =
      document.paths['/api/v1/queue/me']!.get!.responses['200']!.content!['application/json']!.schema;
    const position = body.properties!.position as JsonSchema & { anyOf?: JsonSchema[] };
    const object = [position, ...(position.anyOf ?? [])].find((schema) => schema.properties);
    expect(object?.required).toEqual(expect.arrayContaining(['token', 'nowServing', 'estimatedCallAt']));
  });

  it('answers a hub throttle (too many code requests) with 429 and Retry-After', async () => {
    const ask = () =>
      fetch(`${gatewayUrl}/api/v1/auth/activation-code`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ login: 'PAT999997' }),
      });
    for (let i = 0; i < 5; i += 1) expect((await ask()).status).toBe(200);
    const limited = await ask();
    expect(limited.status).toBe(429);
    const retryAfter = Number(limited.headers.get('retry-after'));
    expect(retryAfter).toBeGreaterThan(0);
    const body = (await limited.json()) as { error: { code: string; retryAfterSeconds: number } };
    expect(body.error).toMatchObject({ code: 'RATE_LIMITED', retryAfterSeconds: retryAfter });
  });

  it('serves the docs page and its own files (no CDN), allowed by its Content-Security-Policy', async () => {
    const page = await fetch(`${gatewayUrl}/api/docs`);
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toMatch(/^text\/html/);
    const html = await page.text();
    const scripts = [...html.matchAll(/<script src="([^"]+)"/g)].map((match) => match[1]!);
    const styles = [...html.matchAll(/<link rel="stylesheet" type="text\/css" href="([^"]+)"/g)].map(
      (match) => match[1]!,
    );
    expect(scripts).toHaveLength(3);
    expect(styles.length).toBeGreaterThan(0);
    // Every file from the gateway itself, which the page's policy allows as 'self'.
    for (const asset of [...scripts, ...styles]) {
      expect(asset).not.toMatch(/^(https?:)?\/\//);
      const response = await fetch(new URL(asset, `${gatewayUrl}/api/docs`));
      expect(response.status, asset).toBe(200);
      await response.arrayBuffer();
    }
    const policy = page.headers.get('content-security-policy')!;
    expect(policy).toContain("script-src 'self'");
    expect(policy).toContain("style-src 'self'");
    expect(policy).toContain("connect-src 'self'");
    expect(policy).not.toContain('unsafe-inline');
    // The document the page loads, from the same origin.
    expect((await fetch(`${gatewayUrl}/api/docs/json`)).status).toBe(200);
    // The API's own answers allow nothing to load.
    const api = await fetch(`${gatewayUrl}/api/v1/me`);
    expect(api.headers.get('content-security-policy')).toContain("default-src 'none'");
  });
});
