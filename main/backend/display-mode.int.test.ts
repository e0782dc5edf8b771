import { afterEach, describe, expect, it, vi } from 'vitest';
import { createSocketEndpoint } from '@server/sync/socket-endpoint';
import { type SocketTestHub, startSocketHub } from '@server/testing/socket-hub';
import {
  DISPLAY_CHROMIUM_SWITCHES,
  type DisplayKeeper,
  displayLaunch,
  isDisplayPage,
  startDisplayKeeper,
} from './display-mode';

const cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

const client = {
  mode: 'client' as const,
  hubId: 'hub-1',
  lastGoodUrl: 'http://192.168.1.20:4810',
  manualUrl: null,
};

describe('a desktop started as a waiting-room display', () => {
  it('is one only with --display, and finds its hub from the switch, the saved choice or mDNS', () => {
    expect(displayLaunch(['electron', '.'], client)).toEqual({ display: false });
    expect(displayLaunch(['clinic', '--display'], client)).toEqual({
      display: true,
      plan: {
        expectedHubId: 'hub-1',
        lastKnownUrl: client.lastGoodUrl,
        manualAddress: null,
        ownHubPort: null,
      },
    });
    // A typed address wins over the saved hub (and may name another one); the hub's port is the default.
    expect(displayLaunch(['clinic', '--display=192.168.1.30'], client)).toEqual({
      display: true,
      plan: {
        expectedHubId: null,
        lastKnownUrl: null,
        manualAddress: 'http://192.168.1.30:4810',
        ownHubPort: null,
      },
    });
    // Not set up yet: whichever hub mDNS finds first. The hub PC itself shows its own hub.
    expect(displayLaunch(['clinic', '--display'], null)).toEqual({
      display: true,
      plan: { expectedHubId: null, lastKnownUrl: null, manualAddress: null, ownHubPort: null },
    });
    expect(displayLaunch(['clinic', '--display'], { mode: 'hub', port: 4810 })).toMatchObject({
      plan: { ownHubPort: 4810 },
    });
    const refused = displayLaunch(['clinic', '--display=ftp://hub'], null);
    expect(refused.display && 'error' in refused && refused.error).toMatch(/^--display: .*http/);
    // Sound without a click: Chromium's autoplay policy.
    expect(DISPLAY_CHROMIUM_SWITCHES).toContainEqual(['autoplay-policy', 'no-user-gesture-required']);
    // The window may show its hub's display page and nothing else.
    expect(isDisplayPage('http://192.168.1.20:4810/display?code=AB', client.lastGoodUrl)).toBe(true);
    expect(isDisplayPage('http://192.168.1.20:4810/', client.lastGoodUrl)).toBe(false);
    expect(isDisplayPage('http://evil.example/display', client.lastGoodUrl)).toBe(false);
  });

  it('keeps trying until its hub answers, loads its /display, and loads it again after a failure', async () => {
    const server: SocketTestHub = await startSocketHub();
    cleanups.push(() => server.close());
    const port = Number(new URL(server.url).port);
    const hubId = server.hub.core.identity().hubId;
    // The hub is down when the display starts.
    await server.endpoint.close();

    const loads: string[] = [];
    const misses: object[] = [];
    const start = (plan: Parameters<typeof displayLaunch>[1]) => {
      const launch = displayLaunch(['clinic', '--display'], plan);
      if (!launch.display || !('plan' in launch)) throw new Error('not a display launch');
      const keeper: DisplayKeeper = startDisplayKeeper({
        plan: launch.plan,
        identity: { deviceId: 'tv-pc' },
        load: (url) => loads.push(url),
        mdns: false,
        retryMs: () => 50,
        checkEveryMs: 100,
        handshakeTimeoutMs: 1_000,
        logger: { warn: (details) => misses.push(details) },
      });
      cleanups.push(() => keeper.stop());
      return keeper;
    };
    const keeper = start({ mode: 'client', hubId, lastGoodUrl: server.url, manualUrl: null });
    await vi.waitFor(() => expect(misses.length).toBeGreaterThanOrEqual(2), { timeout: 20_000 });
    expect(loads).toEqual([]);

    // The hub comes up (same data, same port): the display page is loaded, once.
    server.endpoint = createSocketEndpoint({ core: server.hub.core, dispatcher: server.hub.dispatcher });
    await server.endpoint.listen(port, '127.0.0.1');
    await vi.waitFor(() => expect(loads).toEqual([`${server.url}/display`]), { timeout: 20_000 });
    expect(keeper.current()).toBe(server.url);

    // The page failed to load (or its renderer died): found again and loaded afresh.
    keeper.pageFailed();
    await vi.waitFor(() => expect(loads).toHaveLength(2), { timeout: 20_000 });
    expect(loads[1]).toBe(`${server.url}/display`);

    // Another hub at the saved hub's address is never shown.
    const stranger = await startSocketHub();
    cleanups.push(() => stranger.close());
    const before = misses.length;
    loads.length = 0;
    start({ mode: 'client', hubId, lastGoodUrl: stranger.url, manualUrl: null });
    await vi.waitFor(() => expect(misses.length).toBeGreaterThanOrEqual(before + 2), { timeout: 20_000 });
    expect(loads).toEqual([]);
  }, 60_000);
});
