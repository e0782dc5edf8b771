import { createHash } from 'node:crypto';
import {
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { clinicDate } from '@shared/rules/zoned-time';
import { repoRoot, spawnHub } from './hub-process';

/** Set by the test run's global setup (demo-template.setup.ts): the run's own template folder. */
export const RUN_TEMPLATE_ENV = 'CLINIC_DEMO_TEMPLATE_DIR';
const TEMPLATE_PREFIX = 'clinic-ui-demo-';
const READY = 'seeded.ok';
/** The demo clinic's time zone (server/demo/demo-staff.ts): its "today" is that zone's date. */
const DEMO_ZONE = 'Asia/Kolkata';

/**
 * The seeded demo data directory, seeding it first if no process has done so yet. In a vitest run
 * it is seeded once per run (the first test that needs it seeds, the others wait for it), so the
 * demo's "today so far" is the run's; elsewhere (screenshots, benchmarks) once per clinic day and
 * version of the demo and migrations, kept in the temp folder.
 */
export async function seededTemplate(): Promise<string> {
  const runDir = process.env[RUN_TEMPLATE_ENV];
  const template = runDir
    ? join(runDir, 'template')
    : join(tmpdir(), `${TEMPLATE_PREFIX}${clinicDate(Date.now(), DEMO_ZONE)}-${demoVersion()}`);
  if (existsSync(join(template, READY))) return template;
  const lock = `${template}.lock`;
  const deadline = Date.now() + 10 * 60_000;
  for (;;) {
    try {
      mkdirSync(lock);
      writeFileSync(join(lock, 'pid'), String(process.pid));
      break;
    } catch {
      if (existsSync(join(template, READY))) return template;
      if (isAbandoned(lock)) rmSync(lock, { recursive: true, force: true });
      if (Date.now() > deadline) throw new Error(`Gave up waiting for another process to seed ${template}`);
      await new Promise((resolve) => setTimeout(resolve, 250)); // polls for the seeded marker
    }
  }
  try {
    if (existsSync(join(template, READY))) return template;
    if (!runDir) removeOldTemplates(template);
    const work = `${template}.tmp-${process.pid}`;
    rmSync(work, { recursive: true, force: true });
    const hub = await spawnHub(['--demo', '--data-dir', work], 8 * 60_000);
    await hub.stop();
    rmSync(join(work, 'hub.pid'), { force: true });
    rmSync(template, { recursive: true, force: true });
    renameSync(work, template);
    writeFileSync(join(template, READY), new Date().toISOString());
    return template;
  } finally {
    rmSync(lock, { recursive: true, force: true });
  }
}

/** Changes to the demo or the schema make a new template. */
function demoVersion(): string {
  const hash = createHash('sha256');
  for (const dir of ['server/demo', 'server/db/migrations']) {
    for (const name of readdirSync(join(repoRoot, dir)).sort()) {
      if (name.endsWith('.test.ts')) continue;
      hash.update(name).update(readFileSync(join(repoRoot, dir, name)));
    }
  }
  return hash.digest('hex').slice(0, 12);
}

/** The process seeding under this lock has ended (a crashed worker), or the lock is very old. */
function isAbandoned(lock: string): boolean {
  try {
    const pid = Number(readFileSync(join(lock, 'pid'), 'utf8'));
    if (pid > 0) {
      try {
        process.kill(pid, 0);
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code === 'ESRCH') return true;
      }
    }
  } catch {
    // No pid written yet (the lock was just taken), or gone meanwhile.
  }
  return isStale(lock);
}

function isStale(path: string): boolean {
  try {
    return Date.now() - statSync(path).mtimeMs > 10 * 60_000;
  } catch {
    return false;
  }
}

function removeOldTemplates(current: string): void {
  for (const name of readdirSync(tmpdir())) {
    const path = join(tmpdir(), name);
    if (name.startsWith(TEMPLATE_PREFIX) && path !== current && !name.endsWith('.lock') && isStale(path)) {
      rmSync(path, { recursive: true, force: true });
    }
  }
}
