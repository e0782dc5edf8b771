import type { HubHello } from '@shared/contract/sync.contract';
import { checkHub, type HandshakeIdentity, type HelloFailureReason, type HelloOutcome } from './hello-check';
import { normalizeHubAddress } from './hub-address';
import { type HubCandidate, HubBrowser } from './hub-browser';

export type HubSource = 'mdns' | 'last-known' | 'manual';

/** A hub confirmed by the hello handshake. */
export interface FoundHub {
  url: string;
  hubId: string;
  epoch: number;
  source: HubSource;
  /** From the mDNS TXT record, when found that way. */
  clinicName?: string;
  hello: HubHello;
}

/** One address tried, for the "cannot find the hub" screen and the log. */
export interface HubAttempt {
  source: HubSource;
  url: string;
  outcome: 'confirmed' | HelloFailureReason | 'invalid-address';
  hubId?: string;
  message?: string;
}

export interface DiscoveryLogger {
  warn(details: object, message: string): void;
  debug?(details: object, message: string): void;
}

export interface DiscoveryOptions {
  identity: HandshakeIdentity;
  /** The hub this desktop belongs to, once known: any other hub is refused. */
  expectedHubId?: string | null;
  /** Browse by mDNS (default true). */
  mdns?: boolean;
  /** How long to listen for mDNS answers (default 3 s). */
  browseMs?: number;
  /** Browse on this IPv4 address's interface only (default: every interface). */
  interfaceAddress?: string;
  /** Per connection attempt and per hello (default 4 s). */
  handshakeTimeoutMs?: number;
  logger?: DiscoveryLogger;
}

export interface FindHubOptions extends DiscoveryOptions {
  /** The URL of the hub the last time a connection worked. */
  lastKnownUrl?: string | null;
  /** An address an admin typed (`192.168.1.20`, `host:4810` or a URL). */
  manualAddress?: string | null;
}

export type FindHubResult =
  | { found: true; hub: FoundHub; attempts: HubAttempt[] }
  | { found: false; attempts: HubAttempt[]; message: string };

const DEFAULT_BROWSE_MS = 3_000;
const DEFAULT_HANDSHAKE_MS = 4_000;

/**
 * Finds this desktop's hub (docs/product.md §13), every candidate confirmed by hello: hubs found by mDNS
 * first, then the last address that worked, then the address an admin typed. The last-known and
 * typed addresses are checked while mDNS listens, and used only when no mDNS hub is confirmed.
 * With `expectedHubId` it returns as soon as that hub answers through mDNS; the whole search
 * takes at most about `browseMs` + `handshakeTimeoutMs` × 2. Never throws.
 */
export async function findHub(options: FindHubOptions): Promise<FindHubResult> {
  const attempts: HubAttempt[] = [];
  const check = checker(options, attempts);
  const fallbacks = fallbackChecks(options, attempts, check);
  const fromMdns = await browseAndConfirm(options, check);
  const hub = fromMdns ?? (await fallbacks.lastKnown) ?? (await fallbacks.manual);
  if (hub) return { found: true, hub, attempts: [...attempts] };
  return { found: false, attempts: [...attempts], message: notFoundMessage(options, attempts) };
}

/**
 * Every hub answering on the LAN by mDNS now (for a first-run picker), each confirmed by hello;
 * one entry per hub id. Hubs that said goodbye or stopped answering are left out.
 */
export async function discoverHubs(options: DiscoveryOptions): Promise<FoundHub[]> {
  if (options.mdns === false) return [];
  const browser = HubBrowser.start(browserOptions(options, () => undefined));
  if (!(browser instanceof HubBrowser)) return [];
  await browseWindow(options.browseMs ?? DEFAULT_BROWSE_MS, browser);
  const candidates = browser.candidates();
  await browser.stop();
  const check = checker(options, []);
  const found = await Promise.all(candidates.map((candidate) => confirmCandidate(candidate, check)));
  const byHub = new Map<string, FoundHub>();
  for (const hub of found) if (hub && !byHub.has(hub.hubId)) byHub.set(hub.hubId, hub);
  return [...byHub.values()];
}

type Check = (source: HubSource, url: string, candidate?: HubCandidate) => Promise<FoundHub | undefined>;

function checker(options: DiscoveryOptions, attempts: HubAttempt[]): Check {
  const timeoutMs = options.handshakeTimeoutMs ?? DEFAULT_HANDSHAKE_MS;
  return async (source, url, candidate) => {
    const outcome = await checkHub(url, {
      identity: options.identity,
      expectedHubId: options.expectedHubId ?? null,
      timeoutMs,
    });
    attempts.push(attemptOf(source, outcome));
    if (!outcome.ok) {
      options.logger?.debug?.({ source, url, reason: outcome.reason }, outcome.message);
      return undefined;
    }
    const { hello } = outcome;
    return {
      url,
      hubId: hello.hubId,
      epoch: hello.epoch,
      source,
      hello,
      ...(candidate?.clinicName ? { clinicName: candidate.clinicName } : {}),
    };
  };
}

/** Tries a candidate's URLs in order; another hub's answer settles it (no use trying its others). */
async function confirmCandidate(candidate: HubCandidate, check: Check): Promise<FoundHub | undefined> {
  for (const url of candidate.urls) {
    const found = await check('mdns', url, candidate);
    if (found) return found;
  }
  return undefined;
}

/** Confirms mDNS candidates as they appear; the first confirmed one, in order of appearance. */
async function browseAndConfirm(options: FindHubOptions, check: Check): Promise<FoundHub | undefined> {
  if (options.mdns === false) return undefined;
  const confirmations: Promise<FoundHub | undefined>[] = [];
  const seen = new Set<string>();
  let settle: (() => void) | undefined;
  const matched = new Promise<void>((resolve) => (settle = resolve));
  const browser = HubBrowser.start(
    browserOptions(options, (candidate) => {
      const key = candidate.urls.join(' ');
      if (!key || seen.has(key)) return;
      seen.add(key);
      const confirmation = confirmCandidate(candidate, check);
      confirmations.push(confirmation);
      if (options.expectedHubId) void confirmation.then((hub) => hub && settle?.());
    }),
  );
  if (!(browser instanceof HubBrowser)) return undefined;
  await browseWindow(options.browseMs ?? DEFAULT_BROWSE_MS, browser, matched);
  await browser.stop();
  // With an expected hub id, every confirmed hub is that hub: the first to answer wins.
  if (options.expectedHubId) {
    const first = await firstFound(confirmations);
    if (first) return first;
  }
  for (const hub of await Promise.all(confirmations)) if (hub) return hub;
  return undefined;
}

function fallbackChecks(options: FindHubOptions, attempts: HubAttempt[], check: Check) {
  const none = Promise.resolve(undefined);
  const lastKnown = options.lastKnownUrl ? check('last-known', options.lastKnownUrl) : none;
  let manual: Promise<FoundHub | undefined> = none;
  if (options.manualAddress) {
    const address = normalizeHubAddress(options.manualAddress);
    if (address.ok) manual = check('manual', address.url);
    else
      attempts.push({
        source: 'manual',
        url: options.manualAddress,
        outcome: 'invalid-address',
        message: address.message,
      });
  }
  return { lastKnown, manual };
}

function browserOptions(options: DiscoveryOptions, onUp: (candidate: HubCandidate) => void) {
  return {
    ...(options.interfaceAddress ? { interfaceAddress: options.interfaceAddress } : {}),
    onUp,
    onFailed: (error: Error) =>
      options.logger?.warn({ err: error }, `mDNS browsing is not possible here: ${error.message}`),
    onWarning: (error: Error) => options.logger?.debug?.({ err: error }, `mDNS: ${error.message}`),
  };
}

/** Resolves after `ms`, at `early`, or at once when mDNS fails (nothing more can arrive). */
function browseWindow(ms: number, browser: HubBrowser, early?: Promise<void>): Promise<void> {
  return new Promise((resolve) => {
    const finish = () => {
      clearTimeout(timer);
      clearInterval(poll);
      resolve();
    };
    const timer = setTimeout(finish, ms);
    const poll = setInterval(() => browser.failed && finish(), 50);
    void early?.then(finish);
  });
}

/** The first promise to resolve with a hub, or undefined once all resolved without one. */
function firstFound(promises: Promise<FoundHub | undefined>[]): Promise<FoundHub | undefined> {
  if (promises.length === 0) return Promise.resolve(undefined);
  return new Promise((resolve) => {
    let pending = promises.length;
    for (const promise of promises) {
      void promise.then((hub) => {
        pending -= 1;
        if (hub) resolve(hub);
        else if (pending === 0) resolve(undefined);
      });
    }
  });
}

function attemptOf(source: HubSource, outcome: HelloOutcome): HubAttempt {
  if (outcome.ok) return { source, url: outcome.url, outcome: 'confirmed', hubId: outcome.hello.hubId };
  return {
    source,
    url: outcome.url,
    outcome: outcome.reason,
    message: outcome.message,
    ...(outcome.hubId ? { hubId: outcome.hubId } : {}),
  };
}

function notFoundMessage(options: FindHubOptions, attempts: HubAttempt[]): string {
  if (attempts.length === 0) {
    return options.mdns === false
      ? 'No hub address is known: type the address of the hub (shown on the reception PC).'
      : 'No hub answered on this network: check that the hub is running, or type its address.';
  }
  return `The hub was not found. ${attempts.map((attempt) => attempt.message ?? attempt.url).join(' ')}`;
}
