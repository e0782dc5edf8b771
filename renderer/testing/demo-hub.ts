import { cpSync, existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { seededTemplate } from './demo-template';
import { repoRoot, spawnHub } from './hub-process';

export { seededTemplate } from './demo-template';
export { type ChildHub, repoRoot, spawnHub } from './hub-process';

export const rendererBuild = join(repoRoot, 'dist', 'renderer');
export const companionBuild = join(repoRoot, 'dist', 'companion');

export interface DemoHub {
  /** The hub's address; the staff app is served at its root (browser mode). */
  url: string;
  /** The patient gateway serving the companion app at its root (only with `companion`). */
  appUrl: string | null;
  dataDir: string;
  /** What the hub logged so far (JSON lines' `msg`), for failure messages. */
  log: string[];
  /**
   * Moves the hub's clock forward (only with `movableClock`; the browser keeps the real time) and
   * pokes the screens, as a corrected clock would be heard; `quiet`: no poke (nothing happens).
   */
  advanceClock(minutes: number, options?: { quiet?: boolean }): Promise<void>;
  /**
   * What the patient app's gateway does for a request (only with `movableClock`): the hub's
   * dispatcher called with the patient's session token (null before sign-in). Rejects with the
   * refusal's code and message.
   */
  callAsApp(name: string, input: unknown, token: string | null): Promise<unknown>;
  /** Stops the hub process and starts it again on the same data and port (a hub restart). */
  restart(): Promise<void>;
  stop(): Promise<void>;
}

/**
 * A hub on a copy of the demo clinic, serving the built renderer, on a free 127.0.0.1 port,
 * started the way people start it (`npm run hub -- --demo --no-mdns …`, here through tsx).
 * The demo is seeded once and kept as a template (once per test run, see demo-template.ts); each
 * hub gets its own copy, so tests may change data freely.
 */
export async function startDemoHub(
  options: {
    movableClock?: boolean;
    /** Changes the copied data directory before the hub starts on it (e.g. tampering). */
    prepare?: (dataDir: string) => void;
    /** Opens the patient gateway (a free port) serving the built companion app (dist/companion). */
    companion?: boolean;
  } = {},
): Promise<DemoHub> {
  if (!existsSync(join(rendererBuild, 'index.html'))) {
    throw new Error('The renderer is not built: run `npm run build:renderer` first (npm test does).');
  }
  const template = await seededTemplate();
  const dataDir = mkdtempSync(join(tmpdir(), 'clinic-ui-hub-'));
  cpSync(template, dataDir, { recursive: true, filter: (src) => !/hub\.pid$|seeded\.ok$/.test(src) });
  options.prepare?.(dataDir);
  if (options.companion && !existsSync(join(companionBuild, 'companion.html'))) {
    throw new Error('The companion app is not built: run `npm run build:renderer` first (npm test does).');
  }
  const args = ['--data-dir', dataDir, '--renderer-dir', rendererBuild];
  if (options.companion) args.push('--gateway-port', '0', '--companion-dir', companionBuild);
  let hub = await spawnHub(args, undefined, options);
  const url = hub.url;
  const appUrl = hub.gatewayUrl;
  return {
    url,
    appUrl,
    dataDir,
    log: hub.log,
    advanceClock: (minutes, options) => hub.advanceClock(minutes, options),
    callAsApp: (name, input, token) => hub.callAsApp(name, input, token),
    async restart() {
      await hub.stop();
      // The last --port wins over spawnHub's own `--port 0`.
      const ports = [
        '--port',
        new URL(url).port,
        ...(appUrl ? ['--gateway-port', new URL(appUrl).port] : []),
      ];
      hub = await spawnHub([...args, ...ports], undefined, options);
    },
    async stop() {
      await hub.stop();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
