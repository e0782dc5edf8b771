// Type-checks each folder with its own tsconfig, so that shared/ is compiled without DOM or
// Node types and renderer/ without Node types. Folders with no sources yet are reported, not failed.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';

const projects = [
  'shared/tsconfig.json',
  'shared/tsconfig.test.json',
  'server/tsconfig.json',
  'main/tsconfig.json',
  'renderer/tsconfig.json',
  'renderer/tsconfig.test.json',
  'renderer/companion/tsconfig.sw.json',
  'scripts/tsconfig.json',
];

function hasSources(dir) {
  return readdirSync(dir, { withFileTypes: true, recursive: true }).some(
    (entry) => entry.isFile() && /\.tsx?$/.test(entry.name) && !entry.parentPath.includes('__fixtures__'),
  );
}

let failed = false;
for (const project of projects) {
  const dir = project.slice(0, project.indexOf('/'));
  if (!existsSync(project) || !hasSources(dir)) {
    console.log(`typecheck ${project}: no sources yet`);
    continue;
  }
  const started = Date.now();
  const result = spawnSync(
    process.execPath,
    [join('node_modules', 'typescript', 'bin', 'tsc'), '-p', project],
    {
      stdio: 'inherit',
    },
  );
  console.log(`typecheck ${project}: ${result.status === 0 ? 'ok' : 'FAILED'} (${Date.now() - started} ms)`);
  failed ||= result.status !== 0;
}
process.exit(failed ? 1 : 0);
