/**
 * Test child (run inside a network namespace): starts hubs with mDNS on, reports on stdout as
 * JSON lines (`started`, `advertising`, `mdns-error`, `stopped`) and obeys stdin commands
 * (`{"cmd":"stop","name":…}`, `{"cmd":"restart","name":…}`, `{"cmd":"free-port"}`, `{"cmd":"exit"}`).
 * Config: `{ hubs: [{ name, mdnsInterfaces? }], occupyMdnsPort?: boolean, retryingAdvertiser?: boolean }`:
 * `occupyMdnsPort` takes port 5353 without SO_REUSEADDR first (until `free-port`);
 * `retryingAdvertiser` adds an advertiser `R` for the first hub's port that rescans every 300 ms.
 */
import { createSocket, type Socket } from 'node:dgram';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import pino from 'pino';
import { startMdnsAdvertiser } from '@server/discovery/mdns-advertiser';
import { type RunningHub, startHub } from '@server/hub/hub-server';
import { checkHub } from '@main/client-core/discovery/hello-check';

interface HubConfig {
  name: string;
  mdnsInterfaces?: string[];
}

interface Config {
  hubs: HubConfig[];
  occupyMdnsPort?: boolean;
  retryingAdvertiser?: boolean;
}

const config = JSON.parse(process.argv[2] ?? '{}') as Config;
const print = (event: object) => process.stdout.write(`${JSON.stringify(event)}\n`);
const dirs = new Map<string, string>();
const hubs = new Map<string, RunningHub>();
const cleanups: (() => Promise<void> | void)[] = [];

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

async function occupyMdnsPort(): Promise<Socket> {
  const socket = createSocket({ type: 'udp4', reuseAddr: false });
  await new Promise<void>((resolve) => socket.bind(5353, '0.0.0.0', resolve));
  return socket;
}

/** Starts (or restarts, on the same data directory: same hub id) one hub with mDNS on. */
async function start({ name, mdnsInterfaces }: HubConfig): Promise<RunningHub> {
  const dataDir = dirs.get(name) ?? mkdtempSync(join(tmpdir(), 'clinic-mdns-hub-'));
  dirs.set(name, dataDir);
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
  return hub;
}

async function main(): Promise<void> {
  const occupied = config.occupyMdnsPort ? await occupyMdnsPort() : undefined;
  for (const hub of config.hubs) await start(hub);
  const first = hubs.get(config.hubs[0]?.name ?? '');
  if (config.retryingAdvertiser && first) {
    const advertiser = startMdnsAdvertiser({
      // Its own id: two advertisers of one hub id on one link are a name conflict (see the probe).
      hubId: 'retrying-advertiser',
      port: first.port,
      host: '0.0.0.0',
      rescanMs: 300,
      logger: loggerFor('R'),
    });
    cleanups.push(() => advertiser.stop());
  }
  createInterface({ input: process.stdin }).on('line', (line) => {
    const command = JSON.parse(line) as { cmd: string; name?: string };
    const config = command.name ? configOf(command.name) : undefined;
    if (command.cmd === 'stop' && config) {
      const hub = hubs.get(config.name);
      hubs.delete(config.name);
      void hub?.stop().then(() => print({ event: 'stopped', name: config.name }));
    }
    if (command.cmd === 'restart' && config) void start(config);
    if (command.cmd === 'free-port') occupied?.close(() => print({ event: 'port-freed' }));
    if (command.cmd === 'exit') void exit(0);
  });
}

function configOf(name: string): HubConfig | undefined {
  return config.hubs.find((hub) => hub.name === name);
}

async function exit(code: number): Promise<void> {
  for (const cleanup of cleanups) await cleanup();
  for (const hub of hubs.values()) await hub.stop();
  for (const dir of dirs.values()) rmSync(dir, { recursive: true, force: true });
  process.exit(code);
}

process.stdin.on('end', () => void exit(0));
main().catch((error: unknown) => {
  print({ event: 'crashed', message: error instanceof Error ? error.message : String(error) });
  void exit(1);
});
