import { isIP } from 'node:net';

/**
 * Which proxies in front of the gateway are believed about the client (`--gateway-trust-proxy`):
 * the addresses or CIDR ranges of the proxies themselves (checked against each hop), or a
 * number of hops (the nearest ones, whatever their address: only when the gateway's port is
 * reachable through the proxy alone). Never "everyone": with that, request.ip would be the
 * left-most X-Forwarded-For entry, which the client writes.
 */
export type TrustProxy = { hops: number } | { addresses: readonly string[] };

/** A bare `--gateway-trust-proxy`: a proxy or tunnel on this machine (loopback), one hop. */
export const LOOPBACK_PROXY: TrustProxy = { addresses: ['loopback'] };

/** proxy-addr's names for ranges (Fastify passes the list to it). */
const RANGE_NAMES = new Set(['loopback', 'linklocal', 'uniquelocal']);

/**
 * Parses the flag's value: a whole number of hops (1–10), or comma-separated addresses/CIDRs
 * (or `loopback`, `linklocal`, `uniquelocal`). Throws a message naming the flag and the entry.
 */
export function parseTrustProxy(value: string): TrustProxy {
  const text = value.trim();
  if (/^\d+$/.test(text)) {
    const hops = Number(text);
    if (hops < 1 || hops > 10) throw new Error('--gateway-trust-proxy: a number of hops must be 1–10');
    return { hops };
  }
  const addresses = text
    .split(',')
    .map((item) => item.trim())
    .filter((item) => item !== '');
  if (addresses.length === 0) throw new Error('--gateway-trust-proxy needs a hop count or proxy addresses');
  for (const entry of addresses) {
    if (!isAddressOrRange(entry)) {
      throw new Error(
        `--gateway-trust-proxy: "${entry}" is not an IP address, a CIDR range (10.0.0.0/8) or a hop count`,
      );
    }
  }
  return { addresses };
}

function isAddressOrRange(entry: string): boolean {
  if (RANGE_NAMES.has(entry)) return true;
  const [address = '', prefix, ...rest] = entry.split('/');
  const version = isIP(address);
  if (version === 0 || rest.length > 0) return false;
  if (prefix === undefined) return true;
  if (!/^\d{1,3}$/.test(prefix)) return false;
  return Number(prefix) <= (version === 4 ? 32 : 128);
}

/**
 * Fastify's `trustProxy` for the setting. Fastify 5 refuses a plain number (it would trust no
 * hop at all), so a hop count is a function of the hop's position; addresses go as a list.
 * The same trust decides request.ip (rate limits, the sign-in throttle) and request.protocol
 * (X-Forwarded-Proto, so HSTS).
 */
export function fastifyTrustProxy(
  trust: TrustProxy | undefined,
): false | string[] | ((address: string, hop: number) => boolean) {
  if (!trust) return false;
  if ('hops' in trust) {
    const { hops } = trust;
    return (_address, hop) => hop < hops;
  }
  return [...trust.addresses];
}

/** For the start-up log line. */
export function describeTrustProxy(trust: TrustProxy | undefined): string | false {
  if (!trust) return false;
  return 'hops' in trust ? `${trust.hops} hop(s)` : trust.addresses.join(',');
}

/**
 * `--gateway-trust-proxy` given without a value (last, or before another flag) means the
 * loopback proxy: the command line as parseArgs should read it.
 */
export function withBareTrustProxy(args: readonly string[]): string[] {
  return args.map((arg, index) => {
    const next = args[index + 1];
    const bare = arg === '--gateway-trust-proxy' && (next === undefined || next.startsWith('-'));
    return bare ? '--gateway-trust-proxy=loopback' : arg;
  });
}
