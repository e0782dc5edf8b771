import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { RUN_TEMPLATE_ENV } from './demo-template';

const RUN_PREFIX = 'clinic-demo-run-';

/**
 * vitest's global setup: a folder for this run's demo template (seeded by the first test that
 * needs it, see seededTemplate), named in the environment the test workers inherit, and removed
 * when the run ends. Folders of runs whose process has ended (killed runs) are removed first.
 * A folder named in the environment already is used and kept (e.g. to rerun one browser test file
 * without seeding again: CLINIC_DEMO_TEMPLATE_DIR=/tmp/demo npx vitest run …).
 */
export default function setup(): (() => void) | undefined {
  if (process.env[RUN_TEMPLATE_ENV]) return undefined;
  for (const name of readdirSync(tmpdir())) {
    const pid = Number(/^clinic-demo-run-(\d+)-/.exec(name)?.[1]);
    if (pid > 0 && !isAlive(pid)) rmSync(join(tmpdir(), name), { recursive: true, force: true });
  }
  const dir = mkdtempSync(join(tmpdir(), `${RUN_PREFIX}${process.pid}-`));
  process.env[RUN_TEMPLATE_ENV] = dir;
  return () => rmSync(dir, { recursive: true, force: true });
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code !== 'ESRCH';
  }
}
