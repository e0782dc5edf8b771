import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

const repo = resolve(import.meta.dirname, '..');
const bin = (name: string) => join(repo, 'node_modules', '.bin', name);
const workspaces: string[] = [];
/** Each case runs a real linter or compiler: seconds alone, several times that beside the browser suites. */
const SPAWNS_TOOLS = { timeout: 60_000 };

/** A throwaway tree laid out like the repository, so the real configs judge it. */
function tree(files: Record<string, string>): string {
  const root = mkdtempSync(join(tmpdir(), 'clinic-boundaries-'));
  workspaces.push(root);
  writeFileSync(join(root, 'tsconfig.json'), JSON.stringify({ compilerOptions: { baseUrl: '.' } }));
  for (const [path, content] of Object.entries(files)) {
    mkdirSync(dirname(join(root, path)), { recursive: true });
    writeFileSync(join(root, path), content);
  }
  return root;
}

function depcruise(root: string) {
  const result = spawnSync(
    bin('depcruise'),
    ['--config', join(repo, '.dependency-cruiser.cjs'), 'shared', 'server', 'main', 'renderer'],
    { cwd: root, encoding: 'utf8' },
  );
  return { status: result.status, output: result.stdout + result.stderr };
}

afterAll(() => {
  for (const root of workspaces) rmSync(root, { recursive: true, force: true });
});

describe('import boundary check (docs/architecture.md (Layering))', SPAWNS_TOOLS, () => {
  it('passes a tree that respects the layering', () => {
    const root = tree({
      'shared/rules.ts': 'export const rule = 1;\n',
      'server/hub.ts': "import { rule } from '../shared/rules';\nexport const hub = rule;\n",
      'main/core.ts': "import { hub } from '../server/hub';\nexport const core = hub;\n",
      'renderer/app.ts': "import { rule } from '../shared/rules';\nexport const app = rule;\n",
      // Test support used as the convention says (docs/architecture.md (Testing)).
      'server/testing/world.ts': "import { hub } from '../hub';\nexport const world = hub;\n",
      'server/queue/queue.testing.ts': "import { world } from '../testing/world';\nexport const q = world;\n",
      'server/queue/queue.test.ts': "import { q } from './queue.testing';\nexport const t = q;\n",
    });
    const { status, output } = depcruise(root);
    expect(output).toContain('no dependency violations');
    expect(status).toBe(0);
  });

  it('fails on each forbidden import direction', () => {
    const root = tree({
      'shared/rules.ts':
        "import { hub } from '../server/hub';\nimport { readFileSync } from 'node:fs';\nexport const rule = [hub, readFileSync];\n",
      'server/hub.ts': "import { app } from '../renderer/app';\nexport const hub = app;\n",
      'renderer/app.ts': "import { core } from '../main/core';\nexport const app = core;\n",
      'main/core.ts': "import { app as ui } from '../renderer/app';\nexport const core = ui;\n",
      'main/window.ts': "import { BrowserWindow } from 'electron';\nexport const w = BrowserWindow;\n",
    });
    const { status, output } = depcruise(root);
    expect(status).not.toBe(0);
    for (const rule of [
      'shared-is-self-contained',
      'shared-no-node-builtins',
      'server-only-shared',
      'renderer-only-shared',
      'main-not-renderer',
      'electron-only-in-main-electron',
    ]) {
      expect(output, rule).toContain(rule);
    }
  });
});

describe('test support boundaries (docs/architecture.md (Testing))', SPAWNS_TOOLS, () => {
  it('fails when production code imports test support, or a .testing.ts file serves another folder', () => {
    const root = tree({
      'shared/rules.ts': 'export const rule = 1;\n',
      'server/testing/world.ts': "import { rule } from '../../shared/rules';\nexport const world = rule;\n",
      'server/hub.ts': "import { world } from './testing/world';\nexport const hub = world;\n",
      'server/queue/queue.testing.ts': "import { rule } from '../../shared/rules';\nexport const q = rule;\n",
      'server/billing/bill.test.ts': "import { q } from '../queue/queue.testing';\nexport const t = q;\n",
      'main/core.ts': 'export const core = 1;\n',
      'renderer/app.ts': 'export const app = 1;\n',
    });
    const { status, output } = depcruise(root);
    expect(status).not.toBe(0);
    expect(output).toMatch(/production-not-test-support: server\/hub\.ts → server\/testing\/world\.ts/);
    expect(output).toMatch(
      /testing-file-serves-its-folder: server\/billing\/bill\.test\.ts → server\/queue\/queue\.testing\.ts/,
    );
  });
});

describe('per-folder type environments', SPAWNS_TOOLS, () => {
  it('refuses Node and DOM globals in shared/', () => {
    const root = tree({
      'shared/bad.ts': 'export const leaks = [process.env.HOME, document.title];\n',
      'tsconfig.check.json': JSON.stringify({
        extends: join(repo, 'shared', 'tsconfig.json'),
        compilerOptions: { baseUrl: '.', typeRoots: [join(repo, 'node_modules', '@types')] },
        include: ['shared/**/*.ts'],
        exclude: [],
      }),
    });
    const result = spawnSync(
      process.execPath,
      [join(repo, 'node_modules', 'typescript', 'bin', 'tsc'), '-p', 'tsconfig.check.json'],
      {
        cwd: root,
        encoding: 'utf8',
      },
    );
    expect(result.status).not.toBe(0);
    expect(result.stdout).toContain("Cannot find name 'process'");
    expect(result.stdout).toContain("Cannot find name 'document'");
  });
});

describe('ESLint rules', SPAWNS_TOOLS, () => {
  it('flags ../../ chains, floating promises and non-type imports of types', () => {
    // Typed lint rules need the file inside a tsconfig project, so the probe sits in server/ briefly.
    const file = join(repo, 'server', `eslint-probe-${process.pid}.ts`);
    writeFileSync(
      file,
      [
        "import { z } from '../../shared/nothing';",
        "import { ZodType } from 'zod';",
        'export const schema: ZodType | undefined = z;',
        'async function later(): Promise<void> {}',
        'export function fire(): void {',
        '  later();',
        '}',
        '',
      ].join('\n'),
    );
    try {
      const result = spawnSync(bin('eslint'), ['--no-ignore', '--format', 'json', file], {
        cwd: repo,
        encoding: 'utf8',
      });
      const [report] = JSON.parse(result.stdout) as [
        { messages: { ruleId: string | null; message: string }[] },
      ];
      const rules = report.messages.map((m) => m.ruleId ?? m.message);
      expect(rules).toEqual(
        expect.arrayContaining([
          'no-restricted-imports',
          '@typescript-eslint/no-floating-promises',
          '@typescript-eslint/consistent-type-imports',
        ]),
      );
    } finally {
      rmSync(file, { force: true });
    }
  });
});
