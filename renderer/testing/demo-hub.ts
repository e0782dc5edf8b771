import { type ChildProcess, spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import {
  cpSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';

export const repoRoot = fileURLToPath(new URL('../../', import.meta.url));
export const rendererBuild = join(repoRoot, 'dist', 'renderer');
const TEMPLATE_PREFIX = 'clinic-ui-demo-';
const READY = 'seeded.ok';

export interface DemoHub {
  /** The hub's address; the staff app is served at its root (browser mode). */
  url: string;
  dataDir: string;
  /** What the hub logged so far (JSON lines' `msg`), for failure messages. */
  log: string[];
  /**
   * Moves the hub's clock forward (only with `movableClock`; the browser keeps the real time) and
   * pokes the screens, as a corrected clock would be heard; `quiet`: no poke (nothing happens).
   */
  advanceClock(minutes: number, options?: { quiet?: boolean }): Promise<void>;
  /** Stops the hub process and starts it again on the same data and port (a hub restart). */
  restart(): Promise<void>;
  stop(): Promise<void>;
}

/**
 * A hub on a copy of the demo clinic, serving the built renderer, on a free 127.0.0.1 port,
 * started the way people start it (`npm run hub -- --demo --no-mdns …`, here through tsx).
 * The demo is seeded once and kept as a template (in the temp folder, per day and per version
 * of the demo and migrations); each hub gets its own copy, so tests may change data freely.
 */
export async function startDemoHub(
  options: {
    movableClock?: boolean;
    /** Changes the copied data directory before the hub starts on it (e.g. tampering). */
    prepare?: (dataDir: string) => void;
  } = {},
): Promise<DemoHub> {
  if (!existsSync(join(rendererBuild, 'index.html'))) {
    throw new Error('The renderer is not built: run `npm run build:renderer` first (npm test does).');
  }
  const template = await seededTemplate();
  const dataDir = mkdtempSync(join(tmpdir(), 'clinic-ui-hub-'));
  cpSync(template, dataDir, { recursive: true, filter: (src) => !/hub\.pid$|seeded\.ok$/.test(src) });
  options.prepare?.(dataDir);
  const args = ['--data-dir', dataDir, '--renderer-dir', rendererBuild];
  let hub = await spawnHub(args, undefined, options);
  const url = hub.url;
  return {
    url,
    dataDir,
    log: hub.log,
    advanceClock: (minutes, options) => hub.advanceClock(minutes, options),
    async restart() {
      await hub.stop();
      // The last --port wins over spawnHub's own `--port 0`.
      hub = await spawnHub([...args, '--port', new URL(url).port], undefined, options);
    },
    async stop() {
      await hub.stop();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** The seeded demo data directory, seeding it first if no test process has done so yet. */
export async function seededTemplate(): Promise<string> {
  const template = join(
    tmpdir(),
    `${TEMPLATE_PREFIX}${new Date().toISOString().slice(0, 10)}-${demoVersion()}`,
  );
  if (existsSync(join(template, READY))) return template;
  const lock = `${template}.lock`;
  const deadline = Date.now() + 10 * 60_000;
  for (;;) {
    try {
      mkdirSync(lock);
      break;
    } catch {
      if (existsSync(join(template, READY))) return template;
      if (isStale(lock)) rmSync(lock, { recursive: true, force: true });
      if (Date.now() > deadline) throw new Error(`Gave up waiting for another process to seed ${template}`);
      await new Promise((resolve) => setTimeout(resolve, 500));
    }
  }
  try {
    if (existsSync(join(template, READY))) return template;
    removeOldTemplates(template);
    const work = `${template}.tmp-${process.pid}`;
    rmSync(work, { recursive: true, force: true });
    const hub = await spawnHub(['--demo', '--data-dir', work], 8 * 60_000);
    await hub.stop();
    rmSync(join(work, 'hub.pid'), { force: true });
    rmSync(template, { recursive: true, force: true });
    renameSync(work, template);
    writeFileSync(join(template, READY), new Date().toISOString());
    return template;
  } finally {
    rmSync(lock, { recursive: true, force: true });
  }
}

/** Changes to the demo or the schema make a new template. */
function demoVersion(): string {
  const hash = createHash('sha256');
  for (const dir of ['server/demo', 'server/db/migrations']) {
    for (const name of readdirSync(join(repoRoot, dir)).sort()) {
      if (name.endsWith('.test.ts')) continue;
      hash.update(name).update(readFileSync(join(repoRoot, dir, name)));
    }
  }
  return hash.digest('hex').slice(0, 12);
}

function isStale(path: string): boolean {
  try {
    return Date.now() - statSync(path).mtimeMs > 10 * 60_000;
  } catch {
    return false;
  }
}

function removeOldTemplates(current: string): void {
  for (const name of readdirSync(tmpdir())) {
    const path = join(tmpdir(), name);
    if (name.startsWith(TEMPLATE_PREFIX) && path !== current && !name.endsWith('.lock') && isStale(path)) {
      rmSync(path, { recursive: true, force: true });
    }
  }
}

export interface ChildHub {
  url: string;
  /** The hub's own process (tsx runs it as a child of the process `spawn` started). */
  pid: number;
  log: string[];
  /** See DemoHub.advanceClock. */
  advanceClock(minutes: number, options?: { quiet?: boolean }): Promise<void>;
  stop(): Promise<void>;
}

/**
 * Runs `scripts/hub.ts` with mDNS off on a free 127.0.0.1 port and waits until it listens.
 * With `movableClock`, runs `server/testing/movable-clock-hub.ts` instead (the same hub, its clock
 * moved forward over IPC; it takes only --data-dir and --renderer-dir).
 */
export async function spawnHub(
  args: string[],
  startTimeoutMs = 120_000,
  options: { movableClock?: boolean } = {},
): Promise<ChildHub> {
  // In its own process group (detached): tsx runs the hub as a child of the process spawned here,
  // and killing the group stops both; killing only tsx would leave the hub running as an orphan.
  const child: ChildProcess = options.movableClock
    ? spawn(process.execPath, ['--import', 'tsx', 'server/testing/movable-clock-hub.ts', ...args], {
        cwd: repoRoot,
        detached: true,
        stdio: ['ignore', 'pipe', 'pipe', 'ipc'],
      })
    : spawn(
        join(repoRoot, 'node_modules', '.bin', 'tsx'),
        ['scripts/hub.ts', '--no-mdns', '--port', '0', '--host', '127.0.0.1', ...args],
        { cwd: repoRoot, detached: true, stdio: ['ignore', 'pipe', 'pipe'] },
      );
  const killGroup = (signal: NodeJS.Signals) => {
    try {
      if (process.platform === 'win32') child.kill(signal);
      else process.kill(-child.pid!, signal);
    } catch {
      // The group is gone already.
    }
  };
  // A test process that ends without stopping its hub (a crash, a time-out) takes the hub along.
  const onExit = () => killGroup('SIGKILL');
  process.once('exit', onExit);
  const log: string[] = [];
  const exited = new Promise<number | null>((resolve) =>
    child.once('exit', (code) => {
      process.off('exit', onExit);
      resolve(code);
    }),
  );
  child.stderr?.on('data', (chunk: Buffer) => log.push(chunk.toString()));
  const listening = await new Promise<{ port: number; pid: number }>((resolve, reject) => {
    const timer = setTimeout(() => {
      killGroup('SIGKILL');
      reject(new Error(`The hub did not start listening in time:\n${log.join('\n')}`));
    }, startTimeoutMs);
    createInterface({ input: child.stdout! }).on('line', (line) => {
      let entry: { msg?: string; port?: number; pid?: number };
      try {
        entry = JSON.parse(line) as typeof entry;
      } catch {
        entry = { msg: line };
      }
      log.push(entry.msg ?? line);
      if (entry.msg?.startsWith('LAN sync listening') && typeof entry.port === 'number') {
        clearTimeout(timer);
        resolve({ port: entry.port, pid: entry.pid ?? child.pid! });
      }
    });
    void exited.then((code) => {
      clearTimeout(timer);
      reject(new Error(`The hub exited (${code}) before listening:\n${log.join('\n')}`));
    });
  });
  return {
    url: `http://127.0.0.1:${listening.port}`,
    pid: listening.pid,
    log,
    advanceClock(minutes, { quiet = false } = {}) {
      if (!options.movableClock) return Promise.reject(new Error('This hub runs on the real clock'));
      return new Promise((resolve) => {
        child.once('message', () => resolve());
        child.send({ advanceMinutes: minutes, quiet });
      });
    },
    async stop() {
      if (child.exitCode !== null) return;
      killGroup('SIGTERM');
      const code = await Promise.race([
        exited,
        new Promise<'hung'>((r) => setTimeout(() => r('hung'), 30_000)),
      ]);
      if (code === 'hung') {
        killGroup('SIGKILL');
        throw new Error(`The hub did not stop on SIGTERM:\n${log.join('\n')}`);
      }
    },
  };
}
