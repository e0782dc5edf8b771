import type { RouteHandlerCallbackOptions, WorkboxPlugin } from 'workbox-core';
import { NetworkFirst } from 'workbox-strategies';
import { OFFLINE_DATA_CACHE } from './api/offline-cache';
import { CACHED_AT, sessionCacheKey } from './sw-session-key';

/** Keys copies by session; stores only successful answers, stamped with when they were fetched. */
export const sessionCachePlugin: WorkboxPlugin = {
  cacheKeyWillBeUsed: async ({ request }) =>
    sessionCacheKey(request.url, request.headers.get('authorization')),
  cacheWillUpdate: async ({ response }) => {
    if (response.status !== 200) return null;
    const headers = new Headers(response.headers);
    headers.set(CACHED_AT, new Date().toISOString());
    return new Response(await response.blob(), {
      status: response.status,
      statusText: response.statusText,
      headers,
    });
  },
};

const networkFirst = new NetworkFirst({
  cacheName: OFFLINE_DATA_CACHE,
  plugins: [sessionCachePlugin],
  // The key already names the session; the API's Vary headers must not hide a copy.
  matchOptions: { ignoreVary: true },
});

/** GETs under /api/v1 except the live event stream (which is never a stored answer). */
export function isCachedApiRequest({ url, request }: { url: URL; request: Request }): boolean {
  return (
    request.method === 'GET' &&
    url.pathname.startsWith('/api/v1/') &&
    url.pathname !== '/api/v1/events' &&
    !url.pathname.startsWith('/api/v1/events/')
  );
}

/**
 * Network first; offline, the copy this session last fetched (with CACHED_AT_HEADER); with
 * neither, a bare 504 that the app's client reads as "no connection to the clinic".
 */
export async function apiNetworkFirst(options: RouteHandlerCallbackOptions): Promise<Response> {
  try {
    return await networkFirst.handle(options);
  } catch {
    return new Response(null, { status: 504, statusText: 'Offline, and no copy on this phone' });
  }
}
