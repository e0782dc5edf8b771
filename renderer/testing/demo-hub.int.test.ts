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

async function noneLeft(text: string): Promise<void> {
  while (processesNaming(text).length > 0) await new Promise((resolve) => setTimeout(resolve, 100));
}

describe.runIf(process.platform === 'linux')('the browser tests’ hub harness', () => {
  it('leaves no hub process behind when the hub does not start in time', async () => {
    // Seeding the demo takes far longer than 8 s, so the start times out while the hub (a child
    // of tsx) is seeding.
    await expect(spawnHub(['--demo', '--data-dir', dataDir], 8_000)).rejects.toThrow(
      /did not start listening in time/,
    );
    await noneLeft(dataDir);
    expect(processesNaming(dataDir)).toEqual([]);
  }, 120_000);
});
