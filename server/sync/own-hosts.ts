import { isIPv4, isIPv6 } from 'node:net';
import { hostname as machineName, networkInterfaces } from 'node:os';

export interface OwnHostsOptions {
  /** The hub's mDNS host name (server/discovery/hub-service.ts). */
  mdnsName?: string;
  /** Further names the clinic reaches the hub by (a name in the router's DNS, say). */
  extraNames?: readonly string[];
}

/**
 * Whether a request's Host names this hub (issue 14, item 7: DNS rebinding). A web page on
 * another site can point its own name at the hub's address; the browser then sends requests and
 * socket handshakes "same-origin" with that name in Host (and Origin, or no Origin at all). Only
 * the hub's own names and addresses, and loopback, are answered: `localhost`, the machine's name
 * (and `.local`), the mDNS name, any address of its interfaces (read at each check, as DHCP may
 * change them), 127.0.0.0/8 and ::1, plus configured names. The port is not part of the check.
 */
export function createOwnHostCheck(options: OwnHostsOptions = {}): (host: string | undefined) => boolean {
  const names = new Set(
    [
      'localhost',
      machineName(),
      `${machineName()}.local`,
      options.mdnsName ?? '',
      ...(options.extraNames ?? []),
    ]
      .map(normalizeName)
      .filter((name) => name !== ''),
  );
  return (host) => {
    const name = hostOf(host);
    if (name === null) return false;
    if (isIPv4(name) || isIPv6(name)) return isLoopback(name) || interfaceAddresses().has(name);
    return names.has(name);
  };
}

/** `name[:port]` or `[v6][:port]` → the lower-case name or address, or null when malformed. */
export function hostOf(host: string | undefined): string | null {
  if (!host || /[\s@/\\?#]/.test(host)) return null;
  let url: URL;
  try {
    url = new URL(`http://${host}`);
  } catch {
    return null;
  }
  const name = url.hostname.startsWith('[') ? url.hostname.slice(1, -1) : url.hostname;
  return normalizeName(name);
}

function normalizeName(name: string): string {
  const lower = name.trim().toLowerCase();
  const bare = lower.endsWith('.') ? lower.slice(0, -1) : lower;
  return bare.startsWith('::ffff:') && isIPv4(bare.slice(7)) ? bare.slice(7) : bare;
}

function isLoopback(address: string): boolean {
  return address === '::1' || (isIPv4(address) && address.startsWith('127.'));
}

function interfaceAddresses(): Set<string> {
  const addresses = new Set<string>();
  for (const list of Object.values(networkInterfaces())) {
    for (const entry of list ?? []) addresses.add(normalizeName(entry.address.split('%')[0]!));
  }
  return addresses;
}
