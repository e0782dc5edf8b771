import { fork } from 'node:child_process';
import { repoRoot } from './demo-hub';

export interface IpcChild {
  /** Sends `request` with a fresh `id`; resolves with the `result` of the answer carrying that id. */
  ask(request: object): Promise<unknown>;
  /** Sends `closeMessage` (or closes the channel) and waits for the exit; SIGKILL after 10 s. */
  stop(): Promise<void>;
}

/**
 * A backend script (TypeScript, through tsx) in its own process, spoken to over Node IPC the way
 * Electron's main process is spoken to over its IPC: it sends `{ ready: true }` once started and
 * answers `{ id, result }`; any other message goes to `onPush`.
 */
export async function forkIpcChild(
  script: string,
  args: string[],
  options: { onPush?: (message: Record<string, unknown>) => void; closeMessage?: object } = {},
): Promise<IpcChild> {
  const child = fork(script, args, {
    execArgv: ['--import', 'tsx'],
    cwd: repoRoot,
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  const answers = new Map<number, (result: unknown) => void>();
  let nextId = 1;
  await new Promise<void>((resolve, reject) => {
    child.once('exit', (code) => reject(new Error(`${script} exited (${code})`)));
    child.on('message', (message: Record<string, unknown>) => {
      if (message.ready) resolve();
      else if (typeof message.id === 'number') answers.get(message.id)?.(message.result);
      else options.onPush?.(message);
    });
  });
  return {
    ask: (request) =>
      new Promise<unknown>((resolve) => {
        const id = nextId++;
        answers.set(id, (result) => {
          answers.delete(id);
          resolve(result);
        });
        child.send({ ...request, id });
      }),
    async stop() {
      if (child.exitCode !== null) return;
      const exited = new Promise((resolve) => child.once('exit', resolve));
      if (options.closeMessage) child.send(options.closeMessage);
      else child.disconnect();
      const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
      await exited;
      clearTimeout(timer);
    },
  };
}
