/**
 * Test child (run inside a network namespace): starts hubs with mDNS on, reports on stdout as
 * JSON lines (`started`, `advertising`, `mdns-error`, `stopped`) and obeys stdin commands
 * (`{"cmd":"stop","name":…}`, `{"cmd":"exit"}`).
 * Config: `{ hubs: [{ name, mdnsInterfaces? }], occupyMdnsPort?: boolean }`.
 */
import { createSocket } from 'node:dgram';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import pino from 'pino';
import { type RunningHub, startHub } from '@server/hub/hub-server';
import { checkHub } from '@main/client-core/discovery/hello-check';

interface Config {
  hubs: { name: string; mdnsInterfaces?: string[] }[];
  occupyMdnsPort?: boolean;
}

const config = JSON.parse(process.argv[2] ?? '{}') as Config;
const print = (event: object) => process.stdout.write(`${JSON.stringify(event)}\n`);
const dirs: string[] = [];
const hubs = new Map<string, RunningHub>();

/** A pino logger that turns the advertiser's log lines into events for the test. */
function loggerFor(name: string) {
  return pino(
    { level: 'debug' },
    {
      write(line: string) {
        process.stderr.write(line);
        const entry = JSON.parse(line) as { msg?: string; level?: number; mdnsInterface?: { name: string } };
        const msg = entry.msg ?? '';
        if (msg.startsWith('mDNS: advertising'))
          print({ event: 'advertising', name, interface: entry.mdnsInterface?.name });
        if (msg.startsWith('mDNS') && (entry.level ?? 0) >= 50)
          print({ event: 'mdns-error', name, message: msg });
      },
    },
  );
}

async function occupyMdnsPort(): Promise<void> {
  const socket = createSocket({ type: 'udp4', reuseAddr: false });
  await new Promise<void>((resolve) => socket.bind(5353, '0.0.0.0', resolve));
}

async function main(): Promise<void> {
  if (config.occupyMdnsPort) await occupyMdnsPort();
  for (const { name, mdnsInterfaces } of config.hubs) {
    const dataDir = mkdtempSync(join(tmpdir(), 'clinic-mdns-hub-'));
    dirs.push(dataDir);
    const hub = await startHub({
      dataDir,
      port: 0,
      host: '0.0.0.0',
      mdns: true,
      ...(mdnsInterfaces ? { mdnsInterfaces } : {}),
      logger: loggerFor(name),
    });
    hubs.set(name, hub);
    const hello = await checkHub(hub.url, { identity: { deviceId: 'hub-child' }, timeoutMs: 10_000 });
    print({ event: 'started', name, hubId: hub.core.identity().hubId, port: hub.port, helloOk: hello.ok });
  }
  createInterface({ input: process.stdin }).on('line', (line) => {
    const command = JSON.parse(line) as { cmd: string; name?: string };
    if (command.cmd === 'stop' && command.name) {
      const hub = hubs.get(command.name);
      hubs.delete(command.name);
      void hub?.stop().then(() => print({ event: 'stopped', name: command.name }));
    }
    if (command.cmd === 'exit') void exit(0);
  });
}

async function exit(code: number): Promise<void> {
  for (const hub of hubs.values()) await hub.stop();
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
  process.exit(code);
}

process.stdin.on('end', () => void exit(0));
main().catch((error: unknown) => {
  print({ event: 'crashed', message: error instanceof Error ? error.message : String(error) });
  void exit(1);
});
