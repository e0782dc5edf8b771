import type { ApiError } from '@shared/contract/errors';
import { API_PREFIX } from '@shared/gateway/api-prefix';
import { CompanionApiError } from './api-error';
import { sessionStore } from './session-store';

/**
 * Set by the service worker on an answer it gave from its cache because the network failed
 * (companion/sw.ts): when the cached answer was fetched, as an ISO instant.
 */
export const CACHED_AT_HEADER = 'x-companion-cached-at';

/** A GET's answer: `asOf` is set when it came from the offline cache (show "as of HH:MM"). */
export interface Answer<T> {
  data: T;
  asOf: string | null;
}

type Query = Record<string, string | number | boolean | undefined>;

function url(path: string, query?: Query): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query ?? {}))
    if (value !== undefined) params.set(key, String(value));
  const search = params.toString();
  return `${API_PREFIX}${path}${search ? `?${search}` : ''}`;
}

const unreachable = (): CompanionApiError =>
  new CompanionApiError(0, { code: 'UNREACHABLE', message: 'No connection to the clinic' });

async function send(
  method: string,
  path: string,
  init: { query?: Query; body?: unknown } = {},
): Promise<Response> {
  const headers: Record<string, string> = { accept: 'application/json' };
  const session = sessionStore.get();
  if (session) headers.authorization = `Bearer ${session.token}`;
  if (init.body !== undefined) headers['content-type'] = 'application/json';
  let response: Response;
  try {
    response = await fetch(url(path, init.query), {
      method,
      headers,
      ...(init.body !== undefined && { body: JSON.stringify(init.body) }),
    });
  } catch {
    throw unreachable();
  }
  if (response.ok) return response;
  let body: ApiError;
  try {
    body = ((await response.json()) as { error: ApiError }).error;
  } catch {
    // The service worker answers a bare 504 when it has neither the network nor a cached copy.
    if (response.status === 504) throw unreachable();
    body = { code: response.status >= 500 ? 'INTERNAL' : 'VALIDATION', message: response.statusText };
  }
  const error = new CompanionApiError(response.status, body);
  // The hub ended the session (signed out elsewhere, expired): back to the sign-in screen.
  if (response.status === 401 && session && sessionStore.get()?.token === session.token)
    sessionStore.set(null);
  throw error;
}

/** The patient gateway's REST API (/api/v1), as the signed-in patient (or anonymously). */
export const api = {
  async get<T>(path: string, query?: Query): Promise<Answer<T>> {
    const response = await send('GET', path, query ? { query } : {});
    return { data: (await response.json()) as T, asOf: response.headers.get(CACHED_AT_HEADER) };
  },
  async post<T>(path: string, body: unknown = {}): Promise<T> {
    return (await (await send('POST', path, { body })).json()) as T;
  },
  async patch<T>(path: string, body: unknown): Promise<T> {
    return (await (await send('PATCH', path, { body })).json()) as T;
  },
  async delete<T>(path: string): Promise<T> {
    return (await (await send('DELETE', path)).json()) as T;
  },
  /** A PDF (prescription, receipt, slip) as a Blob, to open or save on the phone. */
  async pdf(path: string, query?: Query): Promise<Blob> {
    return (await send('GET', path, query ? { query } : {})).blob();
  },
};
