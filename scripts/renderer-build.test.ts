import { mkdirSync, mkdtempSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { rendererBuildIsStale } from './renderer-build';

const roots: string[] = [];
afterEach(() => {
  for (const root of roots.splice(0)) rmSync(root, { recursive: true, force: true });
});

/** A checkout with one source file and, optionally, a build; times are seconds since the epoch. */
function checkout(files: Record<string, number>): string {
  const root = mkdtempSync(join(tmpdir(), 'clinic-start-'));
  roots.push(root);
  for (const [path, at] of Object.entries(files)) {
    mkdirSync(dirname(join(root, path)), { recursive: true });
    writeFileSync(join(root, path), '');
    utimesSync(join(root, path), at, at);
  }
  return root;
}

describe('rendererBuildIsStale', () => {
  it('is stale when nothing has been built', () => {
    expect(rendererBuildIsStale(checkout({ 'renderer/main.tsx': 100 }))).toBe(true);
  });

  it('is fresh when the build is newer than every source', () => {
    const root = checkout({
      'renderer/screens/Board.tsx': 100,
      'shared/booking.schema.ts': 150,
      'vite.config.ts': 90,
      'dist/renderer/index.html': 200,
    });
    expect(rendererBuildIsStale(root)).toBe(false);
  });

  it.each(['renderer/screens/doctor/Queue.tsx', 'shared/rules/slots.ts', 'package-lock.json'])(
    'is stale when %s changed after the build',
    (changed) => {
      const root = checkout({ 'renderer/main.tsx': 100, 'dist/renderer/index.html': 200, [changed]: 300 });
      expect(rendererBuildIsStale(root)).toBe(true);
    },
  );

  it('ignores tests and test helpers, which are not part of the build', () => {
    const root = checkout({
      'renderer/main.tsx': 100,
      'renderer/e2e/board.int.test.ts': 300,
      'renderer/testing/browser.ts': 300,
      'renderer/screens/doctor/doctor-shots.testing.ts': 300,
      'shared/rules/slots.test.ts': 300,
      'dist/renderer/index.html': 200,
    });
    expect(rendererBuildIsStale(root)).toBe(false);
  });
});
