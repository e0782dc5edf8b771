import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { startSocketHub } from '@server/testing/socket-hub';
import { busyPortMessage } from './busy-port';

const repoRoot = fileURLToPath(new URL('../../', import.meta.url));
const cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

async function hubOnPort(): Promise<number> {
  const hub = await startSocketHub();
  cleanups.push(() => hub.close());
  return Number(new URL(hub.url).port);
}

async function otherProgramOnPort(): Promise<number> {
  const server: Server = createServer((socket) => socket.destroy());
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  cleanups.push(() => new Promise<void>((resolve) => server.close(() => resolve())));
  return (server.address() as { port: number }).port;
}

describe('a busy LAN sync port', () => {
  it('names the port, says a clinic hub already runs there, and how to choose another', async () => {
    const port = await hubOnPort();
    const message = await busyPortMessage(port, '127.0.0.1', { portFlag: '--port' });
    expect(message).toContain(`Port ${port} is already in use on 127.0.0.1.`);
    expect(message).toContain('A clinic hub is already running there');
    expect(message).toContain(`--port ${port + 1}`);
  });

  it('says when another program, not a hub, holds it', async () => {
    const port = await otherProgramOnPort();
    const message = await busyPortMessage(port, '127.0.0.1', { portFlag: '--port' });
    expect(message).toContain(`Port ${port} is already in use`);
    expect(message).toContain('Another program');
    expect(message).not.toContain('clinic hub is already running');
  });

  it('`npm run hub -- --demo` says so in words and exits before seeding, without a stack', async () => {
    const port = await hubOnPort();
    const dataDir = mkdtempSync(join(tmpdir(), 'clinic-busy-port-'));
    cleanups.push(() => rmSync(dataDir, { recursive: true, force: true }));
    const child = spawn(
      process.execPath,
      [
        '--import',
        'tsx',
        'scripts/hub.ts',
        '--demo',
        '--no-mdns',
        '--host',
        '127.0.0.1',
        '--port',
        String(port),
        '--data-dir',
        dataDir,
      ],
      { cwd: repoRoot, stdio: ['ignore', 'pipe', 'pipe'] },
    );
    cleanups.push(() => void child.kill()); // a failing run must not leave a hub seeding
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    const code = await new Promise<number | null>((resolve) => child.once('exit', resolve));
    expect(code).toBe(2);
    expect(stderr).toContain(
      `Port ${port} is already in use on 127.0.0.1. A clinic hub is already running there`,
    );
    expect(stderr).toContain(`npm run hub -- --port ${port + 1}`);
    expect(`${stdout}${stderr}`).not.toMatch(/EADDRINUSE|"stack"|\n\s+at /);
    expect(stdout).not.toContain('seeding the demo clinic'); // reported first, not after a minute
    expect(existsSync(join(dataDir, 'clinic.db'))).toBe(false);
  }, 120_000);
});
