import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';

const script = fileURLToPath(new URL('./test-support.mjs', import.meta.url));
const repo = fileURLToPath(new URL('..', import.meta.url));

const roots: string[] = [];
afterEach(() => {
  for (const root of roots.splice(0)) rmSync(root, { recursive: true, force: true });
});

function checkout(files: Record<string, string>): string {
  const root = mkdtempSync(join(tmpdir(), 'clinic-test-support-'));
  roots.push(root);
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(dirname(join(root, path)), { recursive: true });
    writeFileSync(join(root, path), text);
  }
  return root;
}

function check(root: string) {
  const result = spawnSync(process.execPath, [script, '--check', '--root', root], { encoding: 'utf8' });
  return { status: result.status, output: result.stdout + result.stderr };
}

describe('test support naming check (docs/architecture.md (Testing))', () => {
  it('passes this repository', () => {
    const { status, output } = check(repo);
    expect(output).toContain('every file where the convention puts it');
    expect(status).toBe(0);
  });

  it('passes support in a testing/ folder, <name>.testing.ts beside its tests, and <name>.child.ts scripts', () => {
    const root = checkout({
      'server/testing/test-hub.ts': "import { expect } from 'vitest';\nexport const hub = expect;\n",
      'server/queue/queue-world.testing.ts': "import { expect } from 'vitest';\nexport const w = expect;\n",
      'server/queue/queue.test.ts': "import { w } from './queue-world.testing';\nexport const t = w;\n",
      'main/testing/desktop.child.ts': 'process.stdout.write("ready\\n");\n',
      'renderer/testing/demo.setup.ts': 'export default function setup() {}\n',
      'renderer/app.tsx': "import { useState } from 'react';\nexport const s = useState;\n",
    });
    const { status, output } = check(root);
    expect(output).toContain('every file where the convention puts it');
    expect(status).toBe(0);
  });

  it('names each file that breaks the convention, and why', () => {
    const root = checkout({
      'server/testing/world.testing.ts': 'export const w = 1;\n',
      'server/sync/socket-test-support.ts': "import { expect } from 'vitest';\nexport const s = expect;\n",
      'server/handlers/queue/queue-fixtures.ts': "import { vi } from 'vitest';\nexport const q = vi;\n",
      'server/handlers/admin/analytics-fixtures.testing.ts': 'export const a = 1;\n',
      'main/testing/sync-process.ts': 'process.stdout.write("ready\\n");\n',
      'renderer/screens/book-steps.ts':
        "import type { Page } from 'playwright-core';\nexport type P = Page;\n",
    });
    const { status, output } = check(root);
    expect(status).toBe(1);
    expect(output).toContain(
      'server/testing/world.testing.ts: in a testing/ folder the name needs no .testing suffix',
    );
    expect(output).toContain('server/sync/socket-test-support.ts: name test support after what it provides');
    expect(output).toContain('server/sync/socket-test-support.ts: imports vitest, so it is test support');
    expect(output).toContain(
      'server/handlers/queue/queue-fixtures.ts: imports vitest, so it is test support',
    );
    expect(output).toContain('server/handlers/admin/analytics-fixtures.testing.ts: ".testing" already says');
    expect(output).toContain('main/testing/sync-process.ts: exports nothing, so a test runs it as a process');
    expect(output).toContain(
      'renderer/screens/book-steps.ts: imports playwright-core, so it is test support',
    );
    expect(output).toContain('7 test support file(s) break the convention');
  });
});
