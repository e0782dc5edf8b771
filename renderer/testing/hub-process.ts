import { type ChildProcess, spawn } from 'node:child_process';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';

export const repoRoot = fileURLToPath(new URL('../../', import.meta.url));

export interface ChildHub {
  url: string;
  /** The patient gateway's address, when the hub was started with one (--gateway-port). */
  gatewayUrl: string | null;
  /** The hub's own process (tsx runs it as a child of the process `spawn` started). */
  pid: number;
  log: string[];
  /** See DemoHub.advanceClock. */
  advanceClock(minutes: number, options?: { quiet?: boolean }): Promise<void>;
  /** See DemoHub.callAsApp. */
  callAsApp(name: string, input: unknown, token: string | null): Promise<unknown>;
  stop(): Promise<void>;
}

/**
 * Runs `scripts/hub.ts` with mDNS off on a free 127.0.0.1 port and waits until it listens.
 * With `movableClock`, runs `server/testing/movable-clock-hub.child.ts` instead (the same hub, its clock
 * moved forward over IPC; it takes only --data-dir, --renderer-dir, --gateway-port and --companion-dir).
 * With --gateway-port, it also waits for the patient gateway to listen.
 */
export async function spawnHub(
  args: string[],
  startTimeoutMs = 120_000,
  options: {
    movableClock?: boolean;
    /** Gives up on the start (as when it does not listen in time). */
    signal?: AbortSignal;
  } = {},
): Promise<ChildHub> {
  // In its own process group (detached): tsx runs the hub as a child of the process spawned here,
  // and killing the group stops both; killing only tsx would leave the hub running as an orphan.
  const child: ChildProcess = options.movableClock
    ? spawn(process.execPath, ['--import', 'tsx', 'server/testing/movable-clock-hub.child.ts', ...args], {
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
  const expectGateway = args.includes('--gateway-port') || args.includes('--gateway');
  const gateway: { port: number | null } = { port: null };
  let lan: { port: number; pid: number } | null = null;
  const listening = await new Promise<{ port: number; pid: number }>((resolve, reject) => {
    const giveUp = (why: string) => {
      killGroup('SIGKILL');
      reject(new Error(`The hub ${why}:\n${log.join('\n')}`));
    };
    const timer = setTimeout(() => giveUp('did not start listening in time'), startTimeoutMs);
    const onAbort = () => {
      clearTimeout(timer);
      giveUp('start was given up');
    };
    options.signal?.addEventListener('abort', onAbort, { once: true });
    createInterface({ input: child.stdout! }).on('line', (line) => {
      let entry: { msg?: string; port?: number; pid?: number; gatewayPort?: number };
      try {
        entry = JSON.parse(line) as typeof entry;
      } catch {
        entry = { msg: line };
      }
      log.push(entry.msg ?? line);
      if (entry.msg?.startsWith('LAN sync listening') && typeof entry.port === 'number') {
        lan = { port: entry.port, pid: entry.pid ?? child.pid! };
      }
      if (entry.msg?.startsWith('patient gateway listening') && typeof entry.gatewayPort === 'number') {
        gateway.port = entry.gatewayPort;
      }
      if (lan && (!expectGateway || gateway.port !== null)) {
        clearTimeout(timer);
        options.signal?.removeEventListener('abort', onAbort);
        resolve(lan);
      }
    });
    void exited.then((code) => {
      clearTimeout(timer);
      options.signal?.removeEventListener('abort', onAbort);
      reject(new Error(`The hub exited (${code}) before listening:\n${log.join('\n')}`));
    });
  });
  let appCalls = 0;
  return {
    url: `http://127.0.0.1:${listening.port}`,
    gatewayUrl: gateway.port === null ? null : `http://127.0.0.1:${gateway.port}`,
    pid: listening.pid,
    log,
    advanceClock(minutes, { quiet = false } = {}) {
      if (!options.movableClock) return Promise.reject(new Error('This hub runs on the real clock'));
      return new Promise((resolve) => {
        const onMessage = (message: { offsetMinutes?: number }) => {
          if (message.offsetMinutes === undefined) return;
          child.off('message', onMessage);
          resolve();
        };
        child.on('message', onMessage);
        child.send({ advanceMinutes: minutes, quiet });
      });
    },
    callAsApp(name, input, token) {
      if (!options.movableClock) return Promise.reject(new Error('This hub takes no calls over IPC'));
      const id = ++appCalls;
      return new Promise((resolve, reject) => {
        type Answer = { callId?: number; result?: unknown; error?: { code: string; message: string } };
        const onMessage = (message: Answer) => {
          if (message.callId !== id) return;
          child.off('message', onMessage);
          if (message.error) reject(new Error(`${name}: ${message.error.code}: ${message.error.message}`));
          else resolve(message.result);
        };
        child.on('message', onMessage);
        child.send({ call: { id, name, input, token } });
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
