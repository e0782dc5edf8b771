import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { errorCodeSchema } from '@shared/contract/errors';
import { type BadRequest, badRequests } from './testing/bad-requests';
import { bodyText } from './testing/idor-probe';
import { type CatalogRoute, openApiDocument, routeCatalog } from './testing/route-catalog';
import { type SweepWorld, sweepWorld } from './testing/sweep-world';

/** Requests per route and token state: bounded, so the file stays well under a minute. */
const RUNS = 12;

let world: SweepWorld;
let routes: CatalogRoute[];

beforeAll(async () => {
  world = await sweepWorld();
  routes = routeCatalog(world.gateway.routes(), await openApiDocument(world.origin))
    .filter((route) => route.described)
    // Signing out ends the session the other routes are fuzzed with: last.
    .sort((x, y) => Number(x.path.endsWith('/logout')) - Number(y.path.endsWith('/logout')));
}, 120_000);

afterAll(async () => {
  await world?.close();
});

/**
 * What is wrong with an answer to a bad request, or null: never a 5xx; every 4xx is the one
 * error body `{ error: { code, message } }` (JSON, a known code, nothing else); every 422 names
 * the field (error.fields[].field, or the message names one of the route's inputs).
 */
function problemWith(route: CatalogRoute, status: number, type: string, text: string): string | null {
  if (status >= 500) return `answered ${status}: ${text.slice(0, 300)}`;
  if (status < 400 || route.method === 'HEAD') return null;
  if (!type.startsWith('application/json')) return `a ${status} as ${type}: ${text.slice(0, 200)}`;
  let body: { error?: { code?: unknown; message?: unknown; fields?: { field?: unknown }[] } };
  try {
    body = JSON.parse(text) as typeof body;
  } catch {
    return `a ${status} that is not JSON: ${text.slice(0, 200)}`;
  }
  const keys = Object.keys(body);
  if (keys.length !== 1 || keys[0] !== 'error')
    return `a ${status} without the error body: ${text.slice(0, 200)}`;
  const { code, message, fields } = body.error ?? {};
  if (!errorCodeSchema.safeParse(code).success) return `an unknown error code ${String(code)}`;
  if (typeof message !== 'string' || message === '') return `a ${status} without a message`;
  if (status === 422) {
    const named = (fields ?? []).filter((f) => typeof f.field === 'string' && f.field !== '');
    const inputs = [
      ...route.params,
      ...route.query.map((q) => q.name),
      ...Object.keys(route.body?.properties ?? {}),
    ];
    if (named.length === 0 && !inputs.some((name) => message.includes(name))) {
      return `a 422 that names no field: ${text.slice(0, 200)}`;
    }
  }
  return null;
}

async function sendBad(request: BadRequest, method: string) {
  const response = await fetch(`${world.origin}${request.path}${request.query ? `?${request.query}` : ''}`, {
    method,
    headers: request.headers,
    body: method === 'GET' || method === 'HEAD' ? undefined : request.body,
  });
  return {
    status: response.status,
    type: response.headers.get('content-type') ?? '',
    text: await bodyText(response),
  };
}

describe('fuzzing every route of the OpenAPI document with bad input', () => {
  it('answers no 5xx, one error body for every 4xx, and names the field of every 422', async () => {
    expect(routes.length).toBeGreaterThan(0);
    const problems: string[] = [];
    let requests = 0;
    for (const route of routes) {
      for (const token of [world.a.token, null]) {
        await fc
          .assert(
            fc.asyncProperty(badRequests(route, token), async (request) => {
              requests += 1;
              const answer = await sendBad(request, route.method);
              const problem = problemWith(route, answer.status, answer.type, answer.text);
              if (problem)
                problems.push(`${route.key} [${request.label}]${token ? '' : ' (no token)'}: ${problem}`);
              return problem === null;
            }),
            { numRuns: RUNS, endOnFailure: true },
          )
          .catch(() => undefined);
      }
    }
    expect(problems).toEqual([]);
    expect(requests).toBeGreaterThanOrEqual(routes.length * 2);
  }, 120_000);
});
