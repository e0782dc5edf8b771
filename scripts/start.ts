/**
 * `npm start`: the desktop app. Where the Electron runtime cannot be obtained (it is downloaded
 * by electron's install script, which this project's allowScripts does not run by default), it
 * says so plainly and starts the headless demo hub with the browser UI instead.
 * Extra arguments (`npm start -- --no-mdns --port 4810`) go to that hub.
 */
import { spawn, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { defaultDataDir } from '@server/hub/data-dir';

const root = join(import.meta.dirname, '..');

function electronRuntime(): string | null {
  try {
    const binary = createRequire(import.meta.url)('electron') as unknown;
    return typeof binary === 'string' && existsSync(binary) ? binary : null;
  } catch {
    return null;
  }
}

function run(command: string, args: string[]): void {
  const result = spawnSync(command, args, {
    cwd: root,
    stdio: 'inherit',
    shell: process.platform === 'win32',
  });
  if (result.status !== 0) process.exit(result.status ?? 1);
}

function forward(command: string, args: string[]): void {
  const child = spawn(command, args, { cwd: root, stdio: 'inherit', shell: process.platform === 'win32' });
  for (const signal of ['SIGINT', 'SIGTERM'] as const) process.on(signal, () => child.kill(signal));
  child.on('exit', (code) => process.exit(code ?? 0));
}

const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
if (!existsSync(join(root, 'dist', 'renderer', 'index.html'))) run(npm, ['run', 'build:renderer']);

const electron = electronRuntime();
if (electron) {
  run(npm, ['run', 'build:main']);
  forward(electron, ['.']);
} else {
  const demoDir = `${defaultDataDir()}-demo`;
  console.log(
    [
      'The Electron runtime is not installed on this machine, so the desktop app cannot open here.',
      '(Install it with `node node_modules/electron/install.js` where its download host is reachable.)',
      `Starting the headless demo hub with the browser UI instead (data: ${demoDir}).`,
      'Open the browser URL it prints below; sign in with a demo user from the README.',
      '',
    ].join('\n'),
  );
  forward(process.execPath, [
    '--import',
    'tsx',
    join(root, 'scripts', 'hub.ts'),
    '--demo',
    '--data-dir',
    demoDir,
    ...process.argv.slice(2),
  ]);
}
