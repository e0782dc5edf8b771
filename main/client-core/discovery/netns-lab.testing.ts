import { randomBytes } from 'node:crypto';
import { spawnSync } from 'node:child_process';

/**
 * Network namespaces for mDNS tests, so that no multicast ever reaches the machine's real
 * interfaces. Topology (created inside the namespaces, nothing in the root namespace):
 *
 *   desk (d1 10.77.1.2) ── link 1 ── (h1 10.77.1.1) hub (h2 10.77.2.1) ── link 2 ── (o1 10.77.2.2) other
 */
export interface NetnsLab {
  hub: string;
  desk: string;
  other: string;
  destroy(): void;
}

export const LAB = {
  link1: { hub: { name: 'h1', address: '10.77.1.1' }, desk: { name: 'd1', address: '10.77.1.2' } },
  link2: { hub: { name: 'h2', address: '10.77.2.1' }, other: { name: 'o1', address: '10.77.2.2' } },
} as const;

function ip(...args: string[]): { ok: boolean; output: string } {
  const result = spawnSync('ip', args, { encoding: 'utf8', timeout: 10_000 });
  const output = `${result.stdout ?? ''}${result.stderr ?? ''}${result.error?.message ?? ''}`.trim();
  return { ok: result.status === 0, output };
}

function must(...args: string[]): void {
  const result = ip(...args);
  if (!result.ok) throw new Error(`ip ${args.join(' ')} failed: ${result.output}`);
}

/** Why namespaces cannot be made here (not root, no CAP_NET_ADMIN, no iproute2), or null. */
export function namespacesUnavailable(): string | null {
  const probe = `clinic-probe-${process.pid}-${randomBytes(3).toString('hex')}`;
  const added = ip('netns', 'add', probe);
  if (!added.ok) return `cannot create network namespaces (${added.output || 'ip netns add failed'})`;
  ip('netns', 'del', probe);
  return null;
}

export function createLab(): NetnsLab {
  const prefix = `clinic-mdns-${process.pid}-${randomBytes(3).toString('hex')}`;
  const lab: NetnsLab = {
    hub: `${prefix}-hub`,
    desk: `${prefix}-desk`,
    other: `${prefix}-other`,
    destroy() {
      for (const ns of [lab.hub, lab.desk, lab.other]) ip('netns', 'del', ns);
    },
  };
  try {
    for (const ns of [lab.hub, lab.desk, lab.other]) {
      must('netns', 'add', ns);
      must('-n', ns, 'link', 'set', 'lo', 'up');
    }
    const links = [
      { a: lab.hub, b: lab.desk, ...pair(LAB.link1.hub, LAB.link1.desk) },
      { a: lab.hub, b: lab.other, ...pair(LAB.link2.hub, LAB.link2.other) },
    ];
    for (const link of links) {
      must(
        'link',
        'add',
        link.aName,
        'netns',
        link.a,
        'type',
        'veth',
        'peer',
        'name',
        link.bName,
        'netns',
        link.b,
      );
      for (const [ns, name, address] of [
        [link.a, link.aName, link.aAddress],
        [link.b, link.bName, link.bAddress],
      ] as const) {
        must('-n', ns, 'addr', 'add', `${address}/24`, 'dev', name);
        must('-n', ns, 'link', 'set', name, 'up');
      }
    }
    // Browsers send where the routing table says: through their veth (there is no default route).
    // The hub namespace gets no multicast route on purpose: its advertiser must pick the
    // interface itself, or nothing it sends leaves.
    must('-n', lab.desk, 'route', 'add', '224.0.0.0/4', 'dev', LAB.link1.desk.name);
    must('-n', lab.other, 'route', 'add', '224.0.0.0/4', 'dev', LAB.link2.other.name);
  } catch (error) {
    lab.destroy();
    throw error;
  }
  return lab;
}

function pair(a: { name: string; address: string }, b: { name: string; address: string }) {
  return { aName: a.name, aAddress: a.address, bName: b.name, bAddress: b.address };
}
