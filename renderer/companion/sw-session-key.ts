/**
 * Set on an answer the service worker gives from its cache: when that copy was fetched, as an ISO
 * instant. The same name as CACHED_AT_HEADER in api/client.ts (a test keeps them equal); repeated
 * here because the service worker cannot import the page's client (it touches localStorage).
 */
export const CACHED_AT = 'x-companion-cached-at';

/** The query parameter of a cached copy's key that names the session it belongs to. */
const SESSION_KEY_PARAM = 'companion-session';

/**
 * The cache key of an API answer: its URL plus a SHA-256 of the session (the Authorization
 * header), so one patient's cached answers can never be shown to another on the same phone.
 * Without a session the key says "none".
 */
export async function sessionCacheKey(url: string, authorization: string | null): Promise<string> {
  const key = new URL(url);
  let session = 'none';
  if (authorization) {
    const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(authorization));
    session = Array.from(new Uint8Array(digest), (byte) => byte.toString(16).padStart(2, '0')).join('');
  }
  key.searchParams.set(SESSION_KEY_PARAM, session);
  return key.href;
}
