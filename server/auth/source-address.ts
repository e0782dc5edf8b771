import { isIP } from 'node:net';

/**
 * The source of in-process callers (no network address: the hub's own desktop, tests). They all
 * share this one throttle bucket; a gateway that calls the hub in-process on behalf of remote
 * clients (the patient gateway, say) must pass each client's real address instead, or one
 * client's failures would slow every other.
 */
export const THIS_MACHINE = 'this-machine';

/**
 * What one sign-in source is, for the throttle: an IPv4 address as it is (an IPv4-mapped IPv6
 * address counts as its IPv4 address), an IPv6 address by its /64 network, since whoever holds
 * one address of a /64 can usually take any other (SLAAC privacy addresses) and so start afresh
 * with every batch of guesses.
 */
export function sourceGroup(address: string | null): string {
  if (!address) return THIS_MACHINE;
  const bare = address.split('%')[0]!; // an IPv6 zone id (fe80::1%eth0) names the interface, not the host
  if (isIP(bare) === 4) return bare;
  if (isIP(bare) !== 6) return address;
  const groups = ipv6Groups(bare);
  if (groups.slice(0, 5).every((g) => g === 0) && groups[5] === 0xffff) {
    const [high, low] = [groups[6]!, groups[7]!];
    return [high >> 8, high & 0xff, low >> 8, low & 0xff].join('.');
  }
  return `${groups
    .slice(0, 4)
    .map((g) => g.toString(16))
    .join(':')}::/64`;
}

/** The eight 16-bit groups of a valid IPv6 address (`::` expanded, a dotted IPv4 tail converted). */
function ipv6Groups(address: string): number[] {
  let text = address.toLowerCase();
  const tailAt = text.lastIndexOf(':') + 1;
  if (text.includes('.', tailAt)) {
    const [a, b, c, d] = text.slice(tailAt).split('.').map(Number) as [number, number, number, number];
    text = `${text.slice(0, tailAt)}${((a << 8) | b).toString(16)}:${((c << 8) | d).toString(16)}`;
  }
  const [head, rest] = text.split('::') as [string, string | undefined];
  const before = head ? head.split(':') : [];
  const after = rest ? rest.split(':') : [];
  const zeros = rest === undefined ? [] : Array<string>(8 - before.length - after.length).fill('0');
  return [...before, ...zeros, ...after].map((g) => parseInt(g, 16));
}
