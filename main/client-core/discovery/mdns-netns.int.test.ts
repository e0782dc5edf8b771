import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FindHubResult, FoundHub } from './find-hub';
import type { HubCandidate } from './hub-browser';
import { type ChildEvent, JsonChild } from './json-child.testing';
import { createLab, LAB, namespacesUnavailable, type NetnsLab } from './netns-lab.testing';

/*
 * mDNS end to end, only inside network namespaces this test creates (netns-lab.testing.ts):
 * nothing here advertises or browses on the machine's own interfaces.
 */
const unavailable = namespacesUnavailable();
if (unavailable)
  console.warn(`mDNS discovery tests skipped: ${unavailable} (they need root or CAP_NET_ADMIN)`);

const HUB_CHILD = './mdns-hub.child.ts';
const BROWSE_CHILD = './mdns-browse.child.ts';

interface Started {
  hubId: string;
  port: number;
}

describe.skipIf(unavailable !== null)('mDNS discovery between network namespaces', () => {
  let lab: NetnsLab | undefined;
  const children: JsonChild[] = [];
  const hubs = new Map<string, Started>();
  let hubProcess: JsonChild;

  function spawn(namespace: string, script: string, config: unknown): JsonChild {
    const child = new JsonChild(namespace, script, config);
    children.push(child);
    return child;
  }

  async function started(child: JsonChild, name: string): Promise<Started> {
    const event = await child.waitFor((e) => e.event === 'started' && e.name === name, `${name} started`);
    expect(event.helloOk).toBe(true);
    const hub = { hubId: event.hubId as string, port: event.port as number };
    hubs.set(name, hub);
    return hub;
  }

  function advertising(child: JsonChild, name: string, iface: string): Promise<ChildEvent> {
    return child.waitFor(
      (e) => e.event === 'advertising' && e.name === name && e.interface === iface,
      `${name} advertising on ${iface}`,
    );
  }

  const idOf = (name: string) => hubs.get(name)!.hubId;
  const sorted = (ids: string[]) => [...ids].sort();

  beforeAll(async () => {
    lab = createLab();
    // A: link 1 only (by name); B: link 2 only (by address); C: every interface (the default).
    hubProcess = spawn(lab.hub, HUB_CHILD, {
      hubs: [
        { name: 'A', mdnsInterfaces: [LAB.link1.hub.name] },
        { name: 'B', mdnsInterfaces: [LAB.link2.hub.address] },
        { name: 'C' },
      ],
    });
    for (const name of ['A', 'B', 'C']) await started(hubProcess, name);
    await Promise.all([
      advertising(hubProcess, 'A', LAB.link1.hub.name),
      advertising(hubProcess, 'B', LAB.link2.hub.name),
      advertising(hubProcess, 'C', LAB.link1.hub.name),
      advertising(hubProcess, 'C', LAB.link2.hub.name),
    ]);
  }, 90_000);

  afterAll(async () => {
    for (const child of children) child.kill();
    await Promise.all(children.map((child) => child.exited));
    lab?.destroy();
  }, 30_000);

  it('finds hubs announced before browsing began, confirmed by hello, only on their interfaces', async () => {
    const desk = spawn(lab!.desk, BROWSE_CHILD, {
      steps: [
        { kind: 'discover', browseMs: 4_000 },
        // The last-known address is dead: the hub found by mDNS is used.
        { kind: 'find', expectedHubId: idOf('A'), lastKnownUrl: `http://${LAB.link1.hub.address}:1` },
      ],
    });
    const other = spawn(lab!.other, BROWSE_CHILD, { steps: [{ kind: 'discover', browseMs: 4_000 }] });
    await Promise.all([
      desk.waitFor((e) => e.event === 'done', 'desk done', { timeoutMs: 45_000 }),
      other.waitFor((e) => e.event === 'done', 'other done', { timeoutMs: 45_000 }),
    ]);

    const onDesk = desk.events.find((e) => e.event === 'discovered')!.hubs as FoundHub[];
    const onOther = other.events.find((e) => e.event === 'discovered')!.hubs as FoundHub[];
    expect(sorted(onDesk.map((hub) => hub.hubId))).toEqual(sorted([idOf('A'), idOf('C')]));
    expect(sorted(onOther.map((hub) => hub.hubId))).toEqual(sorted([idOf('B'), idOf('C')]));
    for (const [found, address] of [
      [onDesk, LAB.link1.hub.address],
      [onOther, LAB.link2.hub.address],
    ] as const) {
      for (const hub of found) {
        const { port } = [...hubs.values()].find((h) => h.hubId === hub.hubId)!;
        expect(hub).toMatchObject({ source: 'mdns', url: `http://${address}:${port}`, epoch: 1 });
        expect(hub.hello).toMatchObject({ hubId: hub.hubId, protocolVersion: 1 });
      }
    }

    const result = desk.events.find((e) => e.event === 'found')!.result as FindHubResult;
    expect(result.found).toBe(true);
    if (!result.found) return;
    expect(result.hub).toMatchObject({
      source: 'mdns',
      hubId: idOf('A'),
      url: `http://${LAB.link1.hub.address}:${hubs.get('A')!.port}`,
    });
    expect(result.attempts).toContainEqual(
      expect.objectContaining({ source: 'last-known', outcome: 'unreachable' }),
    );
  }, 90_000);

  it('drops a hub that says goodbye and sees it again when it restarts; the handshake filters one that vanished without a word', async () => {
    const late = spawn(lab!.hub, HUB_CHILD, { hubs: [{ name: 'D' }] });
    await started(late, 'D');
    await advertising(late, 'D', LAB.link1.hub.name);

    const desk = spawn(lab!.desk, BROWSE_CHILD, { steps: [{ kind: 'watch' }] });
    const seen = (event: string, name: string) => (e: ChildEvent) =>
      e.event === event && (e.candidate as HubCandidate).advertisedHubId === idOf(name);
    await Promise.all(
      ['A', 'C', 'D'].map((name) => desk.waitFor(seen('up', name), `${name} up on the desk`)),
    );

    hubProcess.send({ cmd: 'stop', name: 'A' });
    await hubProcess.waitFor((e) => e.event === 'stopped' && e.name === 'A', 'A stopped');
    await desk.waitFor(seen('down', 'A'), 'the goodbye of A');

    // Restarted (same data directory, same hub id, another port): announced afresh.
    const mark = desk.events.length;
    const before = hubProcess.events.length;
    hubProcess.send({ cmd: 'restart', name: 'A' });
    const again = await hubProcess.waitFor((e) => e.event === 'started' && e.name === 'A', 'A restarted', {
      from: before,
    });
    await desk.waitFor(seen('up', 'A'), 'A up again', { from: mark });

    late.kill('SIGKILL');
    await late.exited;
    desk.send({ cmd: 'finish' });
    const watched = await desk.waitFor((e) => e.event === 'watched', 'the watch result');
    const candidates = watched.candidates as HubCandidate[];
    // D's records stay until their TTL (it sent no goodbye); only the handshake can tell.
    expect(sorted(candidates.map((candidate) => candidate.advertisedHubId!))).toEqual(
      sorted([idOf('A'), idOf('C'), idOf('D')]),
    );
    const confirmed = watched.confirmed as { hubId: string; url: string }[];
    expect(sorted(confirmed.map((hub) => hub.hubId))).toEqual(sorted([idOf('A'), idOf('C')]));
    expect(confirmed).toContainEqual({
      hubId: idOf('A'),
      url: `http://${LAB.link1.hub.address}:${again.port as number}`,
    });
  }, 90_000);

  it('keeps the hub running when mDNS cannot work (port 5353 taken), falls back, and retries', async () => {
    // In the "other" namespace, which runs no hub: its port 5353 is taken without SO_REUSEADDR.
    const hub = spawn(lab!.other, HUB_CHILD, {
      hubs: [{ name: 'E' }],
      occupyMdnsPort: true,
      retryingAdvertiser: true,
    });
    const { port, hubId } = await started(hub, 'E');
    for (const name of ['E', 'R']) {
      const error = await hub.waitFor(
        (e) => e.event === 'mdns-error' && e.name === name,
        `the mDNS error of ${name}`,
      );
      expect(error.message).toMatch(/EADDRINUSE/);
    }

    const browse = (steps: unknown[]) => spawn(lab!.other, BROWSE_CHILD, { steps });
    const blocked = browse([
      { kind: 'discover', browseMs: 4_000 },
      { kind: 'find', expectedHubId: hubId, manualAddress: `127.0.0.1:${port}` },
    ]);
    await blocked.waitFor((e) => e.event === 'done', 'browsing done', { timeoutMs: 45_000 });
    // Browsing cannot open port 5353 either: nothing is found (B and C are on this link), no crash.
    expect(blocked.events.find((e) => e.event === 'discovered')!.hubs).toEqual([]);
    const result = blocked.events.find((e) => e.event === 'found')!.result as FindHubResult;
    expect(result).toMatchObject({ found: true, hub: { source: 'manual', hubId } });

    // Once the port is free, the next scan advertises.
    hub.send({ cmd: 'free-port' });
    await hub.waitFor((e) => e.event === 'advertising' && e.name === 'R', 'R advertising after the retry');
    const freed = browse([{ kind: 'discover', browseMs: 4_000 }]);
    await freed.waitFor((e) => e.event === 'done', 'browsing done', { timeoutMs: 45_000 });
    const hubs = freed.events.find((e) => e.event === 'discovered')!.hubs as FoundHub[];
    // B and C (hub namespace, link 2) answer too, now that this namespace can browse.
    expect(hubs).toContainEqual(
      expect.objectContaining({ hubId, source: 'mdns', url: `http://${LAB.link2.other.address}:${port}` }),
    );
    expect(hub.events.some((e) => e.event === 'crashed')).toBe(false);
  }, 90_000);
});
