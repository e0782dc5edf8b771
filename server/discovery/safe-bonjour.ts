import { createSocket } from 'node:dgram';
import type { EventEmitter } from 'node:events';
import Bonjour, { type ServiceConfig } from 'bonjour-service';

const MDNS_GROUP = '224.0.0.251';
/** Long enough for a goodbye packet to leave; short enough that stopping never hangs. */
const CLOSE_TIMEOUT_MS = 1_500;

export interface SafeBonjourOptions {
  /**
   * Send and join the mDNS group on this IPv4 address's interface only. Without it the library
   * default applies (every interface joined, sends where the routing table says).
   */
  interfaceAddress?: string;
  /** A failure of the mDNS socket (port in use, no permission, interface gone). Never thrown. */
  onError: (error: Error) => void;
  /** Transient trouble (a send that failed, an undecodable packet). */
  onWarning?: (error: Error) => void;
}

export interface SafeBonjour {
  readonly bonjour: Bonjour;
  /** Sends goodbyes for everything published (bounded in time), then closes the socket. */
  close(): Promise<void>;
}

/**
 * A bonjour-service instance that cannot crash the process. The pitfalls handled here:
 * - multicast-dns emits `error` on its emitter (bind failure, EADDRINUSE, EACCES): an `error`
 *   event without a listener throws, so a listener is attached before the socket binds;
 * - bonjour-service's default error callback (a failed reply to a query) throws: one is passed;
 * - with `interfaceAddress`, the socket is ours: bound to 0.0.0.0:5353 (a socket bound to a
 *   unicast address receives no multicast on Linux), the multicast interface set and the group
 *   joined on that interface only, before anything is sent. If that fails the instance is closed
 *   before its first packet, so it can never fall back to the default interface.
 */
export function openSafeBonjour(options: SafeBonjourOptions): SafeBonjour {
  const { interfaceAddress, onError } = options;
  const onWarning = options.onWarning ?? (() => undefined);
  const replyFailed = (error: unknown) => onWarning(asError(error));

  const socket = interfaceAddress ? createSocket({ type: 'udp4', reuseAddr: true }) : undefined;
  const config: MulticastDnsOptions | undefined = socket
    ? { socket, bind: '0.0.0.0', multicast: false }
    : undefined;
  // bonjour-service types its first argument as a service config but hands it to multicast-dns,
  // which binds in its constructor: every event handled below comes later.
  const bonjour = new Bonjour(config as Partial<ServiceConfig> | undefined, replyFailed);
  const mdns = multicastDnsOf(bonjour);
  if (!mdns) {
    bonjour.destroy();
    throw new Error('bonjour-service internals changed: cannot attach the mDNS error handlers');
  }
  mdns.on('error', (error: unknown) => onError(asError(error)));
  mdns.on('warning', (error: unknown) => onWarning(asError(error)));
  if (socket && interfaceAddress) {
    // Runs before the library's own `listening` handlers, hence before anything is sent.
    socket.prependOnceListener('listening', () => {
      try {
        socket.setMulticastInterface(interfaceAddress);
        socket.addMembership(MDNS_GROUP, interfaceAddress);
        socket.setMulticastTTL(255);
        socket.setMulticastLoopback(true);
      } catch (error) {
        onError(new Error(`cannot use the interface ${interfaceAddress}: ${asError(error).message}`));
        mdns.destroy();
      }
    });
  }

  let closing: Promise<void> | undefined;
  return {
    bonjour,
    close() {
      closing ??= (async () => {
        await withTimeout((done) => bonjour.unpublishAll(() => done()));
        await withTimeout((done) => bonjour.destroy(() => done()));
      })();
      return closing;
    },
  };
}

/** What multicast-dns accepts (its `socket` and `bind` options are not in its README, but stable). */
interface MulticastDnsOptions {
  socket: ReturnType<typeof createSocket>;
  bind: string;
  multicast: boolean;
}

interface MulticastDns extends EventEmitter {
  destroy(callback?: () => void): void;
}

/** bonjour-service keeps its multicast-dns emitter private (`server.mdns`). */
function multicastDnsOf(bonjour: Bonjour): MulticastDns | undefined {
  const candidate = (bonjour as unknown as { server?: { mdns?: unknown } }).server?.mdns;
  if (!candidate || typeof (candidate as EventEmitter).on !== 'function') return undefined;
  return candidate as MulticastDns;
}

function withTimeout(start: (done: () => void) => void): Promise<void> {
  return new Promise((resolve) => {
    const timer = setTimeout(resolve, CLOSE_TIMEOUT_MS);
    timer.unref();
    const done = () => {
      clearTimeout(timer);
      resolve();
    };
    try {
      start(done);
    } catch {
      done();
    }
  });
}

function asError(error: unknown): Error {
  return error instanceof Error ? error : new Error(String(error));
}
