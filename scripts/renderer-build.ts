import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

/** What the renderer build is made from; tests and test helpers are not part of it. */
const sourceFolders = ['renderer', 'shared'];
const sourceFiles = ['vite.config.ts', 'package-lock.json'];
const notInBuild = /\.test\.tsx?$|\.testing\.tsx?$|^(e2e|testing|node_modules)$/;

function newestChange(path: string): number {
  const stats = statSync(path);
  if (!stats.isDirectory()) return stats.mtimeMs;
  let newest = 0;
  for (const entry of readdirSync(path)) {
    if (notInBuild.test(entry)) continue;
    newest = Math.max(newest, newestChange(join(path, entry)));
  }
  return newest;
}

/**
 * Whether `dist/renderer` is missing or older than any source it is built from, so that
 * `npm start` never serves yesterday's screens after a `git pull`.
 */
export function rendererBuildIsStale(root: string): boolean {
  const built = join(root, 'dist', 'renderer', 'index.html');
  if (!existsSync(built)) return true;
  const builtAt = statSync(built).mtimeMs;
  const sources = [...sourceFolders, ...sourceFiles].map((name) => join(root, name)).filter(existsSync);
  return sources.some((source) => newestChange(source) > builtAt);
}

/** `npm run build:renderer` in the repository, its output shown; throws if the build fails. */
export function buildRenderer(root: string): void {
  const build = spawnSync('npm', ['run', 'build:renderer'], {
    cwd: root,
    stdio: 'inherit',
    shell: process.platform === 'win32',
  });
  if (build.status !== 0) throw new Error('npm run build:renderer failed');
}
