import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { spawnHub } from './demo-hub';

const dataDir = mkdtempSync(join(tmpdir(), 'clinic-harness-'));
afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

/** The live processes whose command line names `text` (Linux: /proc). */
function processesNaming(text: string): number[] {
  return readdirSync('/proc')
    .filter((name) => /^\d+$/.test(name))
    .filter((pid) => {
      try {
        return readFileSync(`/proc/${pid}/cmdline`, 'utf8').includes(text);
      } catch {
        return false; // ended meanwhile
      }
    })
    .map(Number);
}

/** Polls until `done` holds (bounded by the test's timeout). */
async function until(done: () => boolean): Promise<void> {
  while (!done()) await new Promise((resolve) => setTimeout(resolve, 100));
}

describe.runIf(process.platform === 'linux')('the browser tests’ hub harness', () => {
  it('leaves no hub process behind when it gives up on a hub that has not started yet', async () => {
    // Given up once tsx has started the hub (its child) and before the hub listens: with --demo the
    // hub seeds the demo clinic first, which takes seconds. The same path runs on a start time-out.
    const controller = new AbortController();
    const started = spawnHub(['--demo', '--data-dir', dataDir], 120_000, { signal: controller.signal });
    await until(() => processesNaming(dataDir).length >= 2);
    controller.abort();
    await expect(started).rejects.toThrow(/start was given up/);
    await until(() => processesNaming(dataDir).length === 0);
    expect(processesNaming(dataDir)).toEqual([]);
  }, 120_000);
});
