import type { DesktopConfig } from '@main/backend/desktop-config';
import {
  checkHub,
  findHub,
  type FindHubOptions,
  type HandshakeIdentity,
  normalizeHubAddress,
} from '@main/client-core/discovery/index';

/**
 * A desktop set up as a waiting-room display (issue 17): started with `--display` (or
 * `--display=<hub address>`), it opens the hub's `/display` full-screen in kiosk mode instead of
 * the staff app, with Chromium's autoplay policy relaxed so the chime and speech play without a
 * click, and keeps finding its hub. The decisions live here, without Electron; main/electron only
 * applies them.
 */
export const DISPLAY_SWITCH = '--display';

/** Chromium switches a display needs, set before the app is ready. */
export const DISPLAY_CHROMIUM_SWITCHES: readonly (readonly [string, string])[] = [
  ['autoplay-policy', 'no-user-gesture-required'],
];

/** Where a display desktop looks for its hub (DiscoveryOptions of findHub). */
export interface DisplayPlan {
  /** The hub it belongs to (a client desktop's saved hub), or null: the first one found. */
  expectedHubId: string | null;
  lastKnownUrl: string | null;
  manualAddress: string | null;
  /** A PC that is itself the hub: it shows its own hub's display (no search). */
  ownHubPort: number | null;
}

export type DisplayLaunch =
  { display: false } | { display: true; plan: DisplayPlan } | { display: true; error: string };

/**
 * Whether this start is a display, and where its hub is: an address given with the switch first,
 * then what the first-run choice saved (a client's hub, or this PC's own hub), else mDNS.
 */
export function displayLaunch(argv: readonly string[], config: DesktopConfig | null): DisplayLaunch {
  const arg = argv.find((a) => a === DISPLAY_SWITCH || a.startsWith(`${DISPLAY_SWITCH}=`));
  if (arg === undefined) return { display: false };
  const typed = arg.slice(DISPLAY_SWITCH.length + 1).trim();
  let manualAddress: string | null = null;
  if (typed) {
    const address = normalizeHubAddress(typed);
    if (!address.ok) return { display: true, error: `${DISPLAY_SWITCH}: ${address.message}` };
    manualAddress = address.url;
  }
  if (config?.mode === 'hub' && !manualAddress) {
    return {
      display: true,
      plan: { expectedHubId: null, lastKnownUrl: null, manualAddress: null, ownHubPort: config.port },
    };
  }
  const client = config?.mode === 'client' ? config : null;
  return {
    display: true,
    plan: {
      // A typed address may name another hub than the saved one: the typed one wins.
      expectedHubId: manualAddress ? null : (client?.hubId ?? null),
      lastKnownUrl: manualAddress ? null : (client?.lastGoodUrl ?? null),
      manualAddress: manualAddress ?? client?.manualUrl ?? null,
      ownHubPort: null,
    },
  };
}

/** The page a display shows for a hub's sync URL. */
export function displayPageUrl(hubUrl: string): string {
  return new URL('/display', hubUrl).href;
}

/** Navigation the display window allows: the display page of the hub it shows, nothing else. */
export function isDisplayPage(url: string, hubUrl: string | null): boolean {
  if (!hubUrl) return false;
  try {
    const parsed = new URL(url);
    return parsed.origin === new URL(hubUrl).origin && parsed.pathname === '/display';
  } catch {
    return false;
  }
}

export interface DisplayKeeperOptions {
  plan: DisplayPlan;
  identity: HandshakeIdentity;
  /** Shows a page (the display window's loadURL). */
  load: (pageUrl: string) => void;
  /** mDNS browsing (off in tests: no multicast leaves the machine). */
  mdns?: boolean;
  /** Wait before the next search after one found nothing (attempt 1, 2, …). */
  retryMs?: (attempt: number) => number;
  /** How often the shown hub is checked while all is well. */
  checkEveryMs?: number;
  handshakeTimeoutMs?: number;
  logger?: FindHubOptions['logger'];
}

export interface DisplayKeeper {
  /** The hub URL shown now, or null while searching. */
  current(): string | null;
  /** The page failed to load or its renderer died: search again and load it afresh. */
  pageFailed(): void;
  stop(): void;
}

/** 2 s, 4 s, 8 s … at most 30 s between searches that found nothing. */
const backoff = (attempt: number) => Math.min(30_000, 2_000 * 2 ** Math.min(attempt - 1, 4));

/**
 * Keeps a display on its hub: searches (mDNS, the last URL that worked, the typed address; each
 * confirmed by the hub's hello), loads the display page of the hub found, then checks that hub
 * every `checkEveryMs`. While the hub answers at the same URL the page reconnects by itself (its
 * socket); when it stops answering twice in a row the search starts again, and a hub found at
 * another URL is loaded there. The first hub confirmed is the one it keeps to.
 */
export function startDisplayKeeper(options: DisplayKeeperOptions): DisplayKeeper {
  const { plan, identity } = options;
  const retryMs = options.retryMs ?? backoff;
  const checkEveryMs = options.checkEveryMs ?? 15_000;
  const handshakeTimeoutMs = options.handshakeTimeoutMs ?? 4_000;
  let hubId = plan.expectedHubId;
  let lastKnownUrl = plan.ownHubPort === null ? plan.lastKnownUrl : `http://127.0.0.1:${plan.ownHubPort}`;
  let current: string | null = null;
  let attempt = 0;
  let missed = 0;
  let stopped = false;
  let timer: NodeJS.Timeout | undefined;
  let run = 0;

  const later = (ms: number, step: () => Promise<void>) => {
    clearTimeout(timer);
    const mine = ++run;
    timer = setTimeout(() => {
      // A newer schedule (pageFailed) replaces this one.
      if (!stopped && mine === run) void step();
    }, ms);
  };

  const search = async (): Promise<void> => {
    const result = await findHub({
      identity,
      expectedHubId: hubId,
      lastKnownUrl,
      manualAddress: plan.ownHubPort === null ? plan.manualAddress : null,
      mdns: plan.ownHubPort === null && options.mdns !== false,
      handshakeTimeoutMs,
      ...(options.logger ? { logger: options.logger } : {}),
    });
    if (stopped) return;
    if (!result.found) {
      attempt += 1;
      options.logger?.warn({ attempt }, `display: no hub yet (${result.message})`);
      later(retryMs(attempt), search);
      return;
    }
    attempt = 0;
    missed = 0;
    hubId = result.hub.hubId;
    lastKnownUrl = result.hub.url;
    if (result.hub.url !== current) {
      current = result.hub.url;
      options.load(displayPageUrl(current));
    }
    later(checkEveryMs, watch);
  };

  const watch = async (): Promise<void> => {
    if (current === null) return search();
    const outcome = await checkHub(current, {
      identity,
      expectedHubId: hubId,
      timeoutMs: handshakeTimeoutMs,
    });
    if (stopped) return;
    missed = outcome.ok ? 0 : missed + 1;
    if (missed >= 2) return search();
    later(checkEveryMs, watch);
  };

  void search();
  return {
    current: () => current,
    pageFailed() {
      if (stopped) return;
      current = null;
      later(retryMs(1), search);
    },
    stop() {
      stopped = true;
      clearTimeout(timer);
    },
  };
}
