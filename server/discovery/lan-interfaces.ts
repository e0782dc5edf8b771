import { isIPv4 } from 'node:net';
import { type NetworkInterfaceInfo, networkInterfaces } from 'node:os';

/** One network interface the hub advertises on: its name and the IPv4 address used on it. */
export interface LanInterface {
  name: string;
  address: string;
}

export type InterfaceTable = NodeJS.Dict<NetworkInterfaceInfo[]>;

export interface InterfaceChoice {
  /** Interface names (`eth0`) or IPv4 addresses chosen by the admin; empty: decided by `host`. */
  interfaces?: readonly string[];
  /** The address the sync port listens on. */
  host: string;
}

export interface ResolvedInterfaces {
  interfaces: LanInterface[];
  /** Why a choice gives nothing (for the log), e.g. an interface that is not up. */
  problems: string[];
}

/**
 * The interfaces to advertise on (one address per interface: mDNS group membership is per
 * interface). Chosen ones when given; otherwise the sync port's own address, or, for a wildcard
 * host, every LAN interface. Loopback and link-local (169.254/16) addresses are never used:
 * nothing on the LAN can reach them.
 */
export function resolveInterfaces(
  choice: InterfaceChoice,
  table: InterfaceTable = networkInterfaces(),
): ResolvedInterfaces {
  const lan = lanInterfaces(table);
  const problems: string[] = [];
  const found: LanInterface[] = [];
  const wanted = choice.interfaces?.map((item) => item.trim()).filter(Boolean) ?? [];

  if (wanted.length > 0) {
    for (const item of wanted) {
      const match = isIPv4(item) ? usableOwnerOf(item, table) : lan.find((entry) => entry.name === item);
      if (match) found.push(match);
      else problems.push(describeMissing(item, table));
    }
  } else if (isWildcard(choice.host)) {
    found.push(...lan);
    if (lan.length === 0) problems.push('no LAN interface is up (only loopback)');
  } else if (isLoopback(choice.host)) {
    problems.push(`the sync port listens on ${choice.host} (loopback): nothing on the LAN can reach it`);
  } else {
    const match = usableOwnerOf(choice.host, table);
    if (match) found.push(match);
    else problems.push(describeMissing(choice.host, table));
  }
  const unique = found.filter(
    (entry, index) => found.findIndex((other) => other.name === entry.name) === index,
  );
  return { interfaces: unique, problems };
}

/** Every interface that is up with a usable IPv4 address, with its first such address. */
export function lanInterfaces(table: InterfaceTable = networkInterfaces()): LanInterface[] {
  const result: LanInterface[] = [];
  for (const [name, entries] of Object.entries(table)) {
    const usable = (entries ?? []).find(isUsable);
    if (usable) result.push({ name, address: usable.address });
  }
  return result;
}

function isUsable(entry: NetworkInterfaceInfo): boolean {
  return entry.family === 'IPv4' && !entry.internal && !entry.address.startsWith('169.254.');
}

/** The interface holding this usable IPv4 address (an interface may have several). */
function usableOwnerOf(address: string, table: InterfaceTable): LanInterface | undefined {
  for (const [name, entries] of Object.entries(table)) {
    if ((entries ?? []).some((entry) => entry.address === address && isUsable(entry)))
      return { name, address };
  }
  return undefined;
}

export function isWildcard(host: string): boolean {
  return host === '' || host === '0.0.0.0' || host === '::';
}

function isLoopback(host: string): boolean {
  return host === 'localhost' || host === '::1' || host.startsWith('127.');
}

function describeMissing(item: string, table: InterfaceTable): string {
  const entries = Object.entries(table);
  if (isIPv4(item)) {
    const owner = entries.find(([, list]) => list?.some((entry) => entry.address === item));
    if (!owner) return `no interface has the address ${item}`;
    return `${item} is a loopback or link-local address: nothing on the LAN can reach it`;
  }
  const named = table[item];
  if (!named) return `there is no network interface named ${item}`;
  return `the interface ${item} has no usable IPv4 address (loopback, link-local or not up)`;
}
