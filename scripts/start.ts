/**
 * `npm start`: the desktop app. Where the Electron runtime cannot be obtained (it is downloaded
 * by electron's install script, which this project's allowScripts does not run by default), it
 * says so plainly and starts the headless demo hub with the browser UI instead, printing its URL.
 * `npm start -- --browser` asks for that browser mode even where Electron is installed.
 * Other arguments (`npm start -- --no-mdns --port 4810`) go to that hub.
 */
import { spawn, spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { DEMO_PASSWORD } from '@server/demo/demo-staff';
import { defaultDataDir } from '@server/hub/data-dir';
import { electronRuntime } from './electron-runtime';
import { rendererBuildIsStale } from './renderer-build';

const root = join(import.meta.dirname, '..');
const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';

function run(command: string, args: string[]): void {
  const result = spawnSync(command, args, {
    cwd: root,
    stdio: 'inherit',
    shell: process.platform === 'win32',
  });
  if (result.status !== 0) process.exit(result.status ?? 1);
}

function exitWith(child: ReturnType<typeof spawn>): void {
  for (const signal of ['SIGINT', 'SIGTERM'] as const) process.on(signal, () => child.kill(signal));
  child.on('exit', (code) => process.exit(code ?? 0));
}

/** The hub logs JSON lines; the line announcing browser mode carries the addresses to open. */
function browserAddresses(line: string): { url: string; lanUrls: string[] } | null {
  try {
    const entry = JSON.parse(line) as { url?: unknown; lanUrls?: unknown };
    if (typeof entry.url !== 'string' || !Array.isArray(entry.lanUrls)) return null;
    return { url: entry.url, lanUrls: entry.lanUrls.filter((item) => typeof item === 'string') };
  } catch {
    return null;
  }
}

function startBrowserDemo(hubArgs: string[], reason: string): void {
  const demoDir = `${defaultDataDir()}-demo`;
  console.log(`${reason}\nStarting the headless demo hub with the browser UI instead (data: ${demoDir}).\n`);
  const hub = spawn(
    process.execPath,
    ['--import', 'tsx', join(root, 'scripts', 'hub.ts'), '--demo', '--data-dir', demoDir, ...hubArgs],
    { cwd: root, stdio: ['inherit', 'pipe', 'inherit'] },
  );
  createInterface({ input: hub.stdout }).on('line', (line) => {
    console.log(line);
    const addresses = browserAddresses(line);
    if (!addresses) return;
    const others = addresses.lanUrls.filter((url) => url !== addresses.url);
    console.log(
      [
        '',
        `Clinic is running. Open ${addresses.url}/ in a browser.`,
        ...(others.length > 0
          ? [`Other computers on this network: ${others.map((url) => `${url}/`).join('  ')}`]
          : []),
        `Sign in as admin, reena (reception) or dr.menon (doctor); password ${DEMO_PASSWORD}.`,
        'Press Ctrl+C to stop.',
        '',
      ].join('\n'),
    );
  });
  exitWith(hub);
}

const args = process.argv.slice(2);
const browserAsked = args.includes('--browser');
const hubArgs = args.filter((arg) => arg !== '--browser');

if (rendererBuildIsStale(root)) run(npm, ['run', 'build:renderer']);

const electron = browserAsked ? null : electronRuntime();
if (electron) {
  run(npm, ['run', 'build:main']);
  exitWith(spawn(electron, ['.'], { cwd: root, stdio: 'inherit' }));
} else {
  startBrowserDemo(
    hubArgs,
    browserAsked
      ? 'Browser mode, as asked (--browser).'
      : [
          'The Electron runtime is not installed on this machine, so the desktop app cannot open here.',
          '(Install it with `node node_modules/electron/install.js` where its download host is reachable.)',
        ].join('\n'),
  );
}
