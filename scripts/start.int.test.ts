import { type ChildProcess, spawn } from 'node:child_process';
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { createInterface } from 'node:readline';
import { afterAll, describe, expect, it } from 'vitest';
import { seededTemplate } from '@renderer/testing/demo-hub';
import { electronRuntime } from './electron-runtime';
import { rendererBuildIsStale } from './renderer-build';

const repo = resolve(import.meta.dirname, '..');
const dataHome = mkdtempSync(join(tmpdir(), 'clinic-start-'));
let start: ChildProcess | undefined;
afterAll(() => {
  start?.kill('SIGTERM'); // start.ts passes it on to the hub it started
  rmSync(dataHome, { recursive: true, force: true });
});

describe('npm start', () => {
  it('without the Electron runtime, says so and serves the demo clinic in the browser at the URL it prints', async () => {
    // Where Electron is installed, --browser asks for the same fallback.
    const asked = electronRuntime() ? ['--browser'] : [];
    // npm test builds the renderer first; a rebuild here would empty dist/renderer under the
    // browser tests running beside this one.
    expect(
      rendererBuildIsStale(repo),
      'dist/renderer is older than its sources: npm run build:renderer',
    ).toBe(false);
    // The demo clinic, seeded once for all browser tests: `--demo` keeps a set-up data folder.
    cpSync(await seededTemplate(), join(dataHome, 'clinic-hub-demo'), {
      recursive: true,
      filter: (src) => !/hub\.pid$|seeded\.ok$/.test(src),
    });
    start = spawn(
      process.execPath,
      ['--import', 'tsx', 'scripts/start.ts', ...asked, '--no-mdns', '--host', '127.0.0.1', '--port', '0'],
      { cwd: repo, env: { ...process.env, XDG_DATA_HOME: dataHome }, stdio: ['ignore', 'pipe', 'inherit'] },
    );
    const child = start;
    const exited = new Promise<number | null>((done) => child.on('exit', (code) => done(code)));
    try {
      const printed: string[] = [];
      const url = await new Promise<string>((found, failed) => {
        createInterface({ input: child.stdout! }).on('line', (line) => {
          printed.push(line);
          const match = /^Clinic is running\. Open (http:\/\/\S+\/) in a browser\.$/.exec(line);
          if (match) found(match[1]!);
        });
        void exited.then((code) => failed(new Error(`npm start exited (${code}):\n${printed.join('\n')}`)));
      });

      const intro = printed.slice(0, 3).join('\n');
      expect(intro).toContain(
        asked.length > 0 ? 'Browser mode, as asked' : 'The Electron runtime is not installed on this machine',
      );
      expect(intro).toContain(`data: ${join(dataHome, 'clinic-hub-demo')}`);
      expect(printed).toContain(
        'Sign in as admin, reena (reception) or dr.menon (doctor); password clinic-demo-2026.',
      );
      const page = await fetch(url);
      expect(page.status).toBe(200);
      expect(await page.text()).toContain('<div id="root">');
    } finally {
      child.kill('SIGTERM');
    }
    expect(await exited).toBe(0);
  }, 600_000); // may wait for another test process to seed the demo template first
});
