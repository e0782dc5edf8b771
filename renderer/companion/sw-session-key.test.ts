import { describe, expect, test } from 'vitest';
import { CACHED_AT_HEADER } from '@renderer/companion/api/client';
import { CACHED_AT, sessionCacheKey } from './sw-session-key';

describe("the service worker's offline copies", () => {
  test('are stamped with the header the app reads "as of" from', () => {
    expect(CACHED_AT).toBe(CACHED_AT_HEADER);
  });

  test("are keyed by the session: one patient's key never serves another", async () => {
    const url = 'http://127.0.0.1:4820/api/v1/notifications?page=2';
    const first = await sessionCacheKey(url, 'Bearer first-token');
    expect(await sessionCacheKey(url, 'Bearer first-token')).toBe(first);
    expect(await sessionCacheKey(url, 'Bearer second-token')).not.toBe(first);
    expect(await sessionCacheKey(url, null)).not.toBe(first);
    // The address itself stays (its query too), and the token never appears in the key.
    expect(first.startsWith('http://127.0.0.1:4820/api/v1/notifications?page=2&')).toBe(true);
    expect(first).not.toContain('first-token');
  });
});
