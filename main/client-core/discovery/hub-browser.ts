import { isIPv4 } from 'node:net';
import type { Browser, Service } from 'bonjour-service';
import { HUB_SERVICE_TYPE } from '@server/discovery/hub-service';
import { openSafeBonjour, type SafeBonjour } from '@server/discovery/safe-bonjour';

/** A hub seen by mDNS: only a proposal until the hello handshake confirms it. */
export interface HubCandidate {
  /** The DNS-SD instance name. */
  name: string;
  /** Sync URLs to try in order: the address the answer came from, then the A records. */
  urls: string[];
  port: number;
  /** What the TXT record claims; never trusted without the handshake. */
  advertisedHubId?: string;
  clinicName?: string;
}

export interface HubBrowserOptions {
  /** Browse on this IPv4 address's interface only (default: every interface). */
  interfaceAddress?: string;
  onUp?: (candidate: HubCandidate) => void;
  onDown?: (candidate: HubCandidate) => void;
  /** mDNS cannot work here (port 5353 taken, no permission, …): nothing will be found. */
  onFailed?: (error: Error) => void;
  /** Transient mDNS trouble, for the log. */
  onWarning?: (error: Error) => void;
}

/** Queries again after 1 s, 2 s, 4 s, … (RFC 6762 §5.2), at most once a minute. */
const FIRST_REQUERY_MS = 1_000;
const MAX_REQUERY_MS = 60_000;

/**
 * Browses for `_clinic-hub._tcp`. The pitfalls handled: a hub that announced before browsing
 * started is found by querying (again after 1 s, 2 s, … in case a packet was lost); a hub that
 * says goodbye (TTL 0) leaves the list at once and records whose TTL ran out are dropped; a
 * multicast failure is reported through `onFailed`, never thrown.
 */
export class HubBrowser {
  private readonly mdns: SafeBonjour;
  private readonly browser: Browser;
  private timer: NodeJS.Timeout | undefined;
  private stopped = false;
  private failure: Error | null = null;

  private constructor(private readonly options: HubBrowserOptions) {
    this.mdns = openSafeBonjour({
      ...(options.interfaceAddress ? { interfaceAddress: options.interfaceAddress } : {}),
      onError: (error) => this.fail(error),
      onWarning: (error) => options.onWarning?.(error),
    });
    this.browser = this.mdns.bonjour.find({ type: HUB_SERVICE_TYPE });
    this.browser.on('up', (service: Service) => options.onUp?.(toCandidate(service)));
    this.browser.on('srv-update', (service: Service) => options.onUp?.(toCandidate(service)));
    this.browser.on('txt-update', (service: Service) => options.onUp?.(toCandidate(service)));
    this.browser.on('down', (service: Service) => options.onDown?.(toCandidate(service)));
    this.requery(FIRST_REQUERY_MS);
  }

  /** Starts browsing; never throws (a failure to open mDNS is reported through `onFailed`). */
  static start(options: HubBrowserOptions = {}): HubBrowser | { failed: Error } {
    try {
      return new HubBrowser(options);
    } catch (error) {
      const failed = error instanceof Error ? error : new Error(String(error));
      options.onFailed?.(failed);
      return { failed };
    }
  }

  /** Why browsing cannot work, if it cannot. */
  get failed(): Error | null {
    return this.failure;
  }

  /** The hubs currently announced (goodbyes and expired records removed). */
  candidates(): HubCandidate[] {
    if (!this.stopped) this.browser.expire();
    return this.browser.services.map(toCandidate);
  }

  async stop(): Promise<void> {
    if (this.stopped) return;
    this.stopped = true;
    clearTimeout(this.timer);
    this.browser.stop();
    await this.mdns.close();
  }

  private requery(delayMs: number): void {
    this.timer = setTimeout(() => {
      if (this.stopped) return;
      this.browser.expire();
      this.browser.update();
      this.requery(Math.min(delayMs * 2, MAX_REQUERY_MS));
    }, delayMs);
    this.timer.unref();
  }

  private fail(error: Error): void {
    if (this.failure) return;
    this.failure = error;
    this.options.onFailed?.(error);
  }
}

export function toCandidate(service: Service): HubCandidate {
  const addresses = [service.referer?.address, ...(service.addresses ?? [])].filter(
    (address): address is string => typeof address === 'string' && isIPv4(address),
  );
  const urls = [...new Set(addresses)].map((address) => `http://${address}:${service.port}`);
  const txt = (service.txt ?? {}) as Record<string, unknown>;
  const text = (value: unknown) => (typeof value === 'string' && value ? value : undefined);
  const advertisedHubId = text(txt.hubId);
  const clinicName = text(txt.clinic);
  return {
    name: service.name,
    urls,
    port: service.port,
    ...(advertisedHubId ? { advertisedHubId } : {}),
    ...(clinicName ? { clinicName } : {}),
  };
}
