// Where test support code lives and how it is named (issue 18 item 6; docs/architecture.md (Testing)):
//
//   - support shared by the tests of an area (or used across folders) lives in that area's
//     `testing/` folder (renderer/testing, server/testing, main/client-core/testing,
//     main/backend/testing), under plain names: `testing/socket-hub.ts`;
//   - support for the tests of one folder lives beside them as `<name>.testing.ts` (the import
//     boundary check refuses a `.testing.ts` file imported from another folder);
//   - a script a test starts as a process of its own is `<name>.child.ts`, wherever it lives;
//   - names say what the support provides, never only that it is test support (`test-setup`,
//     `test-support`, `*-fixtures.testing.ts`).
// Production code never imports any of it: a rule of .dependency-cruiser.cjs.
//
//   node scripts/test-support.mjs --check [--root DIR]   exit 1 listing every violation
import { readFileSync, readdirSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { fileURLToPath, URL } from 'node:url';

const AREAS = ['shared', 'server', 'main', 'renderer'];
const SKIPPED_DIRS = new Set(['node_modules', 'dist', 'coverage', '.vite']);
/** Packages only tests and their support use: production code importing one is test support in disguise. */
const TEST_ONLY_PACKAGES = /^(vitest|playwright-core|@playwright\/|axe-core|smtp-server|mailparser)/;

const isTest = (path) => /\.test\.tsx?$/.test(path);
const inTestingFolder = (path) => /(^|\/)testing\//.test(path);
const isTestingFile = (path) => /\.testing\.tsx?$/.test(path);
const isChild = (path) => /\.child\.tsx?$/.test(path);
const isSetup = (path) => /\.setup\.tsx?$/.test(path);

function* sourceFiles(root, dir) {
  for (const entry of readdirSync(join(root, dir), { withFileTypes: true })) {
    const path = `${dir}/${entry.name}`;
    if (entry.isDirectory()) {
      if (!SKIPPED_DIRS.has(entry.name)) yield* sourceFiles(root, path);
    } else if (/\.tsx?$/.test(entry.name) && !entry.name.endsWith('.d.ts')) {
      yield path;
    }
  }
}

function importedPackages(text) {
  const found = [];
  for (const match of text.matchAll(/(?:\bfrom\s+|\bimport\s*\(\s*|\bimport\s+)(['"])([^'"]+)\1/g)) {
    found.push(match[2]);
  }
  return found;
}

/** Every violation of the convention in the checkout at `root`, as "path: problem". */
export function findViolations(root) {
  const problems = [];
  for (const area of AREAS) {
    let files;
    try {
      files = [...sourceFiles(root, area)];
    } catch {
      continue; // an area a checkout does not have
    }
    for (const path of files) {
      const name = path.slice(path.lastIndexOf('/') + 1);
      const support = inTestingFolder(path) || isTestingFile(path) || isChild(path);
      if (inTestingFolder(path) && isTestingFile(path)) {
        problems.push(`${path}: in a testing/ folder the name needs no .testing suffix`);
      }
      if (/(^|[-.])(test-support|test-setup|test-helpers?|test-utils?)[-.]/.test(name)) {
        problems.push(`${path}: name test support after what it provides, not "test support"`);
      }
      if (/-fixtures?\.testing\.tsx?$/.test(name)) {
        problems.push(`${path}: ".testing" already says it is test support; drop "-fixtures"`);
      }
      if (isTest(path) || isSetup(path)) continue;
      const text = readFileSync(join(root, path), 'utf8');
      if (!support) {
        const testOnly = importedPackages(text).filter((p) => TEST_ONLY_PACKAGES.test(p));
        if (testOnly.length > 0) {
          problems.push(
            `${path}: imports ${testOnly.join(', ')}, so it is test support: move it to the area's testing/ folder, or name it <name>.testing.ts beside the tests that use it`,
          );
        }
      } else if (!isChild(path) && !/^export\s/m.test(text)) {
        problems.push(`${path}: exports nothing, so a test runs it as a process: name it <name>.child.ts`);
      }
    }
  }
  return problems;
}

function main(argv) {
  const rootAt = argv.indexOf('--root');
  const root = rootAt >= 0 ? resolve(argv[rootAt + 1]) : fileURLToPath(new URL('..', import.meta.url));
  if (!argv.includes('--check')) {
    console.error('usage: node scripts/test-support.mjs --check [--root DIR]');
    return 2;
  }
  const problems = findViolations(root);
  for (const problem of problems) console.error(problem);
  if (problems.length > 0) {
    console.error(
      `\n${problems.length} test support file(s) break the convention (scripts/test-support.mjs, ${relative(process.cwd(), join(root, 'docs/architecture.md'))} (Testing)).`,
    );
    return 1;
  }
  console.log('test support: every file where the convention puts it');
  return 0;
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  process.exitCode = main(process.argv.slice(2));
}
