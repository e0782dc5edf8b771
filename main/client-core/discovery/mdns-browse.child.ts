/**
 * Test child (run inside a network namespace): browses for hubs and reports on stdout as JSON
 * lines. Config: `{ steps: [{ kind: 'discover' | 'find' | 'watch', … }] }`, run in order:
 * - `discover`: discoverHubs → `{ event: 'discovered', hubs }`
 * - `find`: findHub with the given options → `{ event: 'found', result }`
 * - `watch`: a HubBrowser reporting `up` / `down` until `{"cmd":"finish"}` on stdin, then
 *   `{ event: 'watched', candidates, confirmed }` (candidates still listed, and those the
 *   hello handshake confirmed).
 */
import { createInterface } from 'node:readline';
import { checkHub } from '@main/client-core/discovery/hello-check';
import { discoverHubs, findHub, type FindHubOptions } from '@main/client-core/discovery/find-hub';
import { HubBrowser } from '@main/client-core/discovery/hub-browser';

type Step =
  | { kind: 'discover'; browseMs: number }
  | ({ kind: 'find' } & Omit<FindHubOptions, 'identity'>)
  | { kind: 'watch' };

const { steps } = JSON.parse(process.argv[2] ?? '{}') as { steps: Step[] };
const print = (event: object) => process.stdout.write(`${JSON.stringify(event)}\n`);
const identity = { deviceId: 'desk-test', deviceName: 'Desk in a namespace' };
/** Generous: the machine may be loaded; these tests are about what is found, not how fast. */
const handshakeTimeoutMs = 15_000;
const lines = createInterface({ input: process.stdin });
const logger = {
  warn: (details: object, message: string) => process.stderr.write(`${message} ${JSON.stringify(details)}\n`),
};

function nextCommand(cmd: string): Promise<void> {
  return new Promise((resolve) => {
    const onLine = (line: string) => {
      if ((JSON.parse(line) as { cmd?: string }).cmd !== cmd) return;
      lines.off('line', onLine);
      resolve();
    };
    lines.on('line', onLine);
  });
}

async function watch(): Promise<void> {
  const browser = HubBrowser.start({
    onUp: (candidate) => print({ event: 'up', candidate }),
    onDown: (candidate) => print({ event: 'down', candidate }),
    onFailed: (error) => print({ event: 'failed', message: error.message }),
  });
  if (!(browser instanceof HubBrowser)) return;
  print({ event: 'watching' });
  await nextCommand('finish');
  const candidates = browser.candidates();
  await browser.stop();
  const confirmed = [];
  for (const candidate of candidates) {
    for (const url of candidate.urls) {
      const outcome = await checkHub(url, { identity, timeoutMs: handshakeTimeoutMs });
      if (outcome.ok) confirmed.push({ url, hubId: outcome.hello.hubId });
    }
  }
  print({ event: 'watched', candidates, confirmed });
}

async function main(): Promise<void> {
  for (const step of steps) {
    if (step.kind === 'discover') {
      print({
        event: 'discovered',
        hubs: await discoverHubs({ identity, browseMs: step.browseMs, handshakeTimeoutMs, logger }),
      });
    } else if (step.kind === 'find') {
      const { kind: _kind, ...options } = step;
      print({ event: 'found', result: await findHub({ handshakeTimeoutMs, ...options, identity, logger }) });
    } else {
      await watch();
    }
  }
  print({ event: 'done' });
  process.exit(0);
}

main().catch((error: unknown) => {
  print({ event: 'crashed', message: error instanceof Error ? error.message : String(error) });
  process.exit(1);
});
