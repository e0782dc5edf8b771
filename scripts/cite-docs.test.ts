import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';

const script = fileURLToPath(new URL('./cite-docs.mjs', import.meta.url));
// Spelled with \u00a7 so that this file holds no old citation itself.
const S = '\u00a7';
const OLD_SPEC = `SPEC ${S}`;
const OLD_DESIGN = `DESIGN ${S}`;
// Citations of headings this repository lacks are built at run time, so its own check passes.
const ARCH = 'docs/architecture.md';

const PRODUCT = `# Product\n\n## ${S}4 Slots\n\n## ${S}5 Lifecycle\n\n## ${S}6 Rescheduling\n\n## ${S}12 Documents\n`;
const ARCHITECTURE = '# Architecture\n\n## Layering\n\n## The contract\n\n## Decisions\n';

const roots: string[] = [];
afterEach(() => {
  for (const root of roots.splice(0)) rmSync(root, { recursive: true, force: true });
});

function checkout(files: Record<string, string>): string {
  const root = mkdtempSync(join(tmpdir(), 'clinic-cite-'));
  roots.push(root);
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(dirname(join(root, path)), { recursive: true });
    writeFileSync(join(root, path), text);
  }
  return root;
}

function run(root: string, ...args: string[]) {
  const result = spawnSync(process.execPath, [script, '--root', root, ...args], { encoding: 'utf8' });
  return { code: result.status, out: result.stdout, err: result.stderr };
}

const read = (root: string, path: string) => readFileSync(join(root, path), 'utf8');

const sources = {
  'docs/product.md': PRODUCT,
  'docs/architecture.md': ARCHITECTURE,
  'shared/slots.ts': `/** Free slots (${OLD_SPEC}4). */\n// Moves (${OLD_SPEC}5, ${S}6) and (${OLD_SPEC}4–6).\n`,
  'server/policy.ts': `/** The one policy (${OLD_DESIGN}6), the contract (${OLD_DESIGN}3, ${S}6). */\n`,
  'renderer/Slip.tsx': `it('prints the slip (${OLD_SPEC}4, ${S}12; ${OLD_DESIGN}2)', () => {});\n`,
  '.dependency-cruiser.cjs': `/** Boundaries (${OLD_DESIGN}2). */\n`,
  'README.md': `See ${OLD_SPEC}12.\n`,
  'node_modules/lib/index.ts': `// ${OLD_SPEC}4\n`,
  'dist/main/index.js': `// ${OLD_SPEC}4\n`,
  '.git/HEAD.md': `${OLD_SPEC}4\n`,
};

describe('scripts/cite-docs.mjs', () => {
  it('--check lists every old citation outside node_modules, dist and .git, and exits 1', () => {
    const root = checkout(sources);
    const { code, out } = run(root, '--check');
    expect(code).toBe(1);
    expect(out).toContain('shared/slots.ts:1: old citation');
    expect(out).toContain('shared/slots.ts:2: old citation');
    expect(out).toContain('server/policy.ts:1: old citation');
    expect(out).toContain('renderer/Slip.tsx:1: old citation');
    expect(out).toContain('.dependency-cruiser.cjs:1: old citation');
    expect(out).toContain('README.md:1: old citation');
    expect(out).not.toMatch(/node_modules|dist\/|\.git\//);
    expect(out).toContain('Citations: 9 to fix.');
  });

  it('a dry run counts what would change and writes nothing', () => {
    const root = checkout(sources);
    const { code, out } = run(root);
    expect(code).toBe(0);
    expect(out).toContain('Dry run: 9 citations in 5 files would change');
    expect(read(root, 'shared/slots.ts')).toBe(sources['shared/slots.ts']);
  });

  it('--write points the citations at docs/product.md and the mapped architecture headings', () => {
    const root = checkout(sources);
    expect(run(root, '--write').code).toBe(0);
    expect(read(root, 'shared/slots.ts')).toBe(
      `/** Free slots (docs/product.md ${S}4). */\n` +
        `// Moves (docs/product.md ${S}5, ${S}6) and (docs/product.md ${S}4–6).\n`,
    );
    // Section 6 has no "Security invariants" heading in this checkout: its fallback is used.
    expect(read(root, 'server/policy.ts')).toBe(
      '/** The one policy (docs/architecture.md (Decisions)), ' +
        'the contract (docs/architecture.md (The contract; Decisions)). */\n',
    );
    expect(read(root, 'renderer/Slip.tsx')).toBe(
      `it('prints the slip (docs/product.md ${S}4, ${S}12; docs/architecture.md (Layering))', () => {});\n`,
    );
    expect(read(root, '.dependency-cruiser.cjs')).toBe(
      '/** Boundaries (docs/architecture.md (Layering)). */\n',
    );
    expect(read(root, 'node_modules/lib/index.ts')).toBe(sources['node_modules/lib/index.ts']);
    expect(read(root, 'dist/main/index.js')).toBe(sources['dist/main/index.js']);
    const check = run(root, '--check');
    expect(check.code).toBe(0);
    expect(check.out).toContain('all point into the repository');
  });

  it('prefers the first mapped heading the architecture document has', () => {
    const root = checkout({
      ...sources,
      'docs/architecture.md': `${ARCHITECTURE}\n## Security invariants\n`,
    });
    expect(run(root, '--write').code).toBe(0);
    expect(read(root, 'server/policy.ts')).toContain(`(${ARCH} (Security invariants))`);
  });

  it('refuses to write anything when a citation names a section the documents lack', () => {
    const root = checkout({ ...sources, 'shared/other.ts': `// ${OLD_SPEC}9 and ${OLD_DESIGN}7\n` });
    const { code, err } = run(root, '--write');
    expect(code).toBe(1);
    expect(err).toContain(`shared/other.ts: ${OLD_SPEC}9: docs/product.md has no section ${S}9`);
    expect(err).toContain('no heading of docs/architecture.md is mapped to its section 7');
    expect(read(root, 'shared/slots.ts')).toBe(sources['shared/slots.ts']);
  });

  it('--check reports citations of sections and headings that do not exist', () => {
    const root = checkout({
      'docs/product.md': PRODUCT,
      'docs/architecture.md': ARCHITECTURE,
      'shared/a.ts': `// docs/product.md ${S}4 and docs/product.md ${S}5–7\n// ${ARCH} (Sync protocol)\n`,
    });
    const { code, out } = run(root, '--check');
    expect(code).toBe(1);
    expect(out).toContain(`shared/a.ts:1: docs/product.md ${S}5–7: no such section`);
    expect(out).toContain(`shared/a.ts:2: ${ARCH} (Sync protocol): no heading "Sync protocol"`);
    expect(out).toContain('Citations: 2 to fix.');
  });
});
