import type { NotificationKind } from '@shared/domain/notification.schema';

/** Kinds that also go to the patient's phones by Web Push when they reach the inbox. */
export const PUSH_KINDS: ReadonlySet<NotificationKind> = new Set<NotificationKind>([
  'reminder',
  'turn_near',
  'waitlist_offer',
]);

/**
 * The browsers' push services (Chrome/Android, Firefox, Safari, Edge). The hub POSTs to whatever
 * endpoint a patient's phone registers, so any other https address would let a patient make the
 * hub send requests into the clinic's own network (server-side request forgery).
 */
const PUSH_SERVICE_HOSTS: readonly RegExp[] = [
  /^fcm\.googleapis\.com$/,
  /^updates\.push\.services\.mozilla\.com$/,
  /(^|\.)push\.apple\.com$/,
  /(^|\.)notify\.windows\.com$/,
];

/**
 * In-app messages of a push kind reached a patient's inbox (committed): the push sender, if the
 * hub runs one, sends them after commit. A hint only, never inside a transaction; the inbox
 * stays the record whatever the push does.
 */
export class PushSignal {
  private readonly listeners = new Set<(ids: readonly string[]) => void>();
  /** Tests only: accept http://127.0.0.1 endpoints (a push service the test serves). */
  allowLoopbackHttp = false;

  delivered(ids: readonly string[]): void {
    if (ids.length === 0) return;
    for (const listener of this.listeners) listener(ids);
  }

  onDelivered(listener: (ids: readonly string[]) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /**
   * The endpoint a browser gave, or why it is refused: https to a known push service only
   * (loopback http in tests).
   */
  endpointProblem(endpoint: string): string | null {
    let url: URL;
    try {
      url = new URL(endpoint);
    } catch {
      return 'must be a URL';
    }
    if (this.allowLoopbackHttp && url.protocol === 'http:' && url.hostname === '127.0.0.1') return null;
    if (url.protocol !== 'https:') return 'must be an https URL';
    if (url.port !== '' || !PUSH_SERVICE_HOSTS.some((host) => host.test(url.hostname))) {
      return 'must be a browser push service (Google, Mozilla, Apple or Microsoft)';
    }
    return null;
  }
}
