import { type ChildProcess, spawn } from 'node:child_process';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';

const repoRoot = fileURLToPath(new URL('../../../', import.meta.url));

export type ChildEvent = { event: string } & Record<string, unknown>;

/**
 * A TypeScript script run inside a network namespace (`ip netns exec`), talking JSON lines:
 * events on stdout, commands on stdin. Its stderr is kept for failure messages.
 */
export class JsonChild {
  readonly events: ChildEvent[] = [];
  private stderr = '';
  private readonly waiters = new Set<() => void>();
  readonly exited: Promise<number | null>;
  private readonly child: ChildProcess;

  constructor(namespace: string, script: string, config: unknown) {
    const path = fileURLToPath(new URL(script, import.meta.url));
    this.child = spawn(
      'ip',
      ['netns', 'exec', namespace, process.execPath, '--import', 'tsx', path, JSON.stringify(config)],
      { cwd: repoRoot, stdio: ['pipe', 'pipe', 'pipe'] },
    );
    this.child.stderr?.on('data', (chunk: Buffer) => {
      this.stderr = (this.stderr + chunk.toString()).slice(-8_000);
    });
    createInterface({ input: this.child.stdout! }).on('line', (line) => {
      try {
        this.events.push(JSON.parse(line) as ChildEvent);
      } catch {
        this.stderr += `\n[stdout] ${line}`;
      }
      for (const wake of this.waiters) wake();
    });
    this.exited = new Promise((resolve) =>
      this.child.once('exit', (code) => {
        for (const wake of this.waiters) wake();
        resolve(code);
      }),
    );
  }

  get pid(): number | undefined {
    return this.child.pid;
  }

  send(command: object): void {
    this.child.stdin?.write(`${JSON.stringify(command)}\n`);
  }

  /** The first event (already seen or coming, from the `from`-th on) matching `test`. */
  waitFor(
    test: (event: ChildEvent) => boolean,
    what: string,
    { timeoutMs = 30_000, from = 0 }: { timeoutMs?: number; from?: number } = {},
  ): Promise<ChildEvent> {
    return new Promise((resolve, reject) => {
      const check = () => {
        const found = this.events.slice(from).find(test);
        if (found) return finish(() => resolve(found));
        if (this.child.exitCode !== null || this.child.signalCode !== null)
          finish(() => reject(this.failure(`exited before ${what}`)));
      };
      const timer = setTimeout(
        () => finish(() => reject(this.failure(`no ${what} within ${timeoutMs} ms`))),
        timeoutMs,
      );
      const finish = (settle: () => void) => {
        clearTimeout(timer);
        this.waiters.delete(check);
        settle();
      };
      this.waiters.add(check);
      check();
    });
  }

  kill(signal: NodeJS.Signals = 'SIGKILL'): void {
    if (this.child.exitCode === null && this.child.signalCode === null) this.child.kill(signal);
  }

  private failure(message: string): Error {
    const seen = this.events.map((event) => JSON.stringify(event)).join('\n');
    return new Error(`${message}\nevents:\n${seen}\nstderr:\n${this.stderr}`);
  }
}
