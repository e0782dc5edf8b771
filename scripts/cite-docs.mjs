// Points the code's citations at the repository's own documents (issue 18 item 5). The product
// specification and the architecture sketch used to live outside the repository; comments, tests and
// docs cite them as "<SPEC> §n" and "<DESIGN> §n". docs/product.md keeps the specification's section
// numbers, so a specification citation keeps its numbers; an architecture citation becomes the
// heading of docs/architecture.md that now holds that section's subject (MAPPING below).
//
//   node scripts/cite-docs.mjs            dry run: what would change, nothing written
//   node scripts/cite-docs.mjs --write    rewrite the files (then run prettier on them)
//   node scripts/cite-docs.mjs --check    exit 1 listing every old citation left, and every
//                                         citation of docs/product.md or docs/architecture.md
//                                         whose section or heading does not exist
//   --root DIR                            the checkout to work on (default: this one)
//
// The old names are spelled with \u00a7 below so that this file does not cite them itself.
import { readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { dirname, extname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const S = '\u00a7';
const PRODUCT_DOC = 'docs/product.md';
const ARCHITECTURE_DOC = 'docs/architecture.md';

/**
 * Architecture section → headings of docs/architecture.md, in order of preference: the first one
 * the document has is used. The first names are the sections proposed for the document (issue 18
 * notes); the later ones are where the subject lives today.
 */
export const MAPPING = {
  1: ['Processes', 'server/ — the hub'],
  2: ['Layering'],
  3: ['The contract'],
  4: ['Data', 'Decisions'],
  5: ['Sync protocol', 'main/client-core — the offline-first desktop'],
  6: ['Security invariants', 'Decisions'],
  7: ['Testing', 'renderer/ — the staff app'],
};

const SKIPPED_DIRS = new Set(['node_modules', 'dist', '.git', 'coverage', 'release', '.vite']);
const TEXT_EXTENSIONS = new Set([
  '.ts',
  '.tsx',
  '.mts',
  '.cts',
  '.js',
  '.jsx',
  '.mjs',
  '.cjs',
  '.md',
  '.json',
  '.yml',
  '.yaml',
  '.html',
  '.css',
]);

/** An old citation: the document's name, then §n with more numbers (", §m", "/§m", "–m", "–§m"). */
const OLD_CITATION = new RegExp(
  `\\b(SPEC|DESIGN) ${S}(\\d+)((?:\\s*[,/]\\s*${S}\\d+|\\s*[–-]\\s*${S}?\\d+)*)`,
  'g',
);
const OLD_MENTION = new RegExp(`\\b(SPEC|DESIGN) ${S}`, 'g');
const PRODUCT_CITATION = new RegExp(
  `${PRODUCT_DOC.replace('.', '\\.')} ${S}(\\d+)((?:\\s*[,/]\\s*${S}\\d+|\\s*[–-]\\s*${S}?\\d+)*)`,
  'g',
);
const ARCHITECTURE_CITATION = new RegExp(`${ARCHITECTURE_DOC.replace('.', '\\.')} \\(([^()]+)\\)`, 'g');

/** The section numbers a citation names: "4", ", §5–7" → 4, 5, 6, 7. */
export function sectionNumbers(first, rest) {
  const numbers = [Number(first)];
  for (const [, separator, value] of rest.matchAll(new RegExp(`\\s*([,/–-])\\s*${S}?(\\d+)`, 'g'))) {
    const n = Number(value);
    if (separator === ',' || separator === '/') numbers.push(n);
    else for (let k = numbers[numbers.length - 1] + 1; k <= n; k++) numbers.push(k);
  }
  return numbers;
}

function headingsOf(markdown) {
  return markdown
    .split('\n')
    .map((line) => /^#{1,6}\s+(.+?)\s*$/.exec(line)?.[1])
    .filter((heading) => heading !== undefined);
}

/** The documents' sections and headings, read from the checkout. */
export function loadDocs(root) {
  const read = (path) => {
    try {
      return readFileSync(join(root, path), 'utf8');
    } catch {
      return '';
    }
  };
  const productSections = new Set(
    headingsOf(read(PRODUCT_DOC))
      .map((heading) => new RegExp(`^${S}(\\d+)\\b`).exec(heading)?.[1])
      .filter((n) => n !== undefined)
      .map(Number),
  );
  return { productSections, architectureHeadings: new Set(headingsOf(read(ARCHITECTURE_DOC))) };
}

/** The heading an architecture section maps to in this checkout, or null. */
export function headingFor(section, docs) {
  return (MAPPING[section] ?? []).find((heading) => docs.architectureHeadings.has(heading)) ?? null;
}

/** One file's text with its old citations rewritten; problems name the citation. */
export function rewrite(text, docs) {
  const problems = [];
  let count = 0;
  const output = text.replace(OLD_CITATION, (match, doc, first, rest) => {
    const numbers = sectionNumbers(first, rest);
    if (doc === 'SPEC') {
      const missing = numbers.filter((n) => !docs.productSections.has(n));
      if (missing.length > 0) {
        problems.push(`${match}: ${PRODUCT_DOC} has no section ${missing.map((n) => S + n).join(', ')}`);
        return match;
      }
      count++;
      return `${PRODUCT_DOC} ${S}${first}${rest}`;
    }
    const headings = [];
    for (const n of numbers) {
      const heading = headingFor(n, docs);
      if (heading === null) {
        problems.push(`${match}: no heading of ${ARCHITECTURE_DOC} is mapped to its section ${n}`);
        return match;
      }
      if (!headings.includes(heading)) headings.push(heading);
    }
    count++;
    return `${ARCHITECTURE_DOC} (${headings.join('; ')})`;
  });
  return { output, count, problems };
}

/** Old citations left in a text, and new ones whose section or heading does not exist. */
export function findProblems(text, docs) {
  const found = [];
  text.split('\n').forEach((line, index) => {
    const at = index + 1;
    for (const match of line.matchAll(OLD_MENTION)) {
      found.push({ line: at, message: `old citation: ${line.slice(match.index).slice(0, 60).trim()}` });
    }
    for (const match of line.matchAll(PRODUCT_CITATION)) {
      const missing = sectionNumbers(match[1], match[2]).filter((n) => !docs.productSections.has(n));
      if (missing.length > 0)
        found.push({ line: at, message: `${match[0]}: no such section in ${PRODUCT_DOC}` });
    }
    for (const match of line.matchAll(ARCHITECTURE_CITATION)) {
      const unknown = match[1]
        .split('; ')
        .map((heading) => heading.replace(/^"(.*)"$/, '$1'))
        .filter((heading) => !docs.architectureHeadings.has(heading));
      if (unknown.length > 0) {
        found.push({
          line: at,
          message: `${match[0]}: no heading "${unknown.join('", "')}" in ${ARCHITECTURE_DOC}`,
        });
      }
    }
  });
  return found;
}

/** Text files of the checkout, skipping dependencies, build output and symbolic links. */
export function sourceFiles(root, dir = root) {
  const files = [];
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (entry.isSymbolicLink()) continue;
    const path = join(dir, entry.name);
    if (entry.isDirectory()) {
      if (!SKIPPED_DIRS.has(entry.name)) files.push(...sourceFiles(root, path));
    } else if (entry.isFile() && TEXT_EXTENSIONS.has(extname(entry.name))) {
      files.push(relative(root, path).split('\\').join('/'));
    }
  }
  return files.sort();
}

function main(argv) {
  const args = argv.slice(2);
  const rootAt = args.indexOf('--root');
  const root = resolve(rootAt >= 0 ? args[rootAt + 1] : join(dirname(fileURLToPath(import.meta.url)), '..'));
  const docs = loadDocs(root);
  const files = sourceFiles(root);

  if (args.includes('--check')) {
    let total = 0;
    for (const file of files) {
      for (const { line, message } of findProblems(readFileSync(join(root, file), 'utf8'), docs)) {
        console.log(`${file}:${line}: ${message}`);
        total++;
      }
    }
    console.log(total === 0 ? 'Citations: all point into the repository.' : `Citations: ${total} to fix.`);
    return total === 0 ? 0 : 1;
  }

  const write = args.includes('--write');
  const changes = [];
  const problems = [];
  for (const file of files) {
    const text = readFileSync(join(root, file), 'utf8');
    const result = rewrite(text, docs);
    problems.push(...result.problems.map((problem) => `${file}: ${problem}`));
    if (result.count > 0) changes.push({ file, ...result });
  }
  for (const { file, count } of changes) console.log(`${file}: ${count} citation${count === 1 ? '' : 's'}`);
  const citations = changes.reduce((sum, change) => sum + change.count, 0);
  if (problems.length > 0) {
    for (const problem of problems) console.error(problem);
    console.error(`Nothing written: ${problems.length} citation(s) cannot be mapped.`);
    return 1;
  }
  if (write) {
    for (const { file, output } of changes) writeFileSync(join(root, file), output);
    console.log(`Rewrote ${citations} citations in ${changes.length} files; now run prettier on them.`);
  } else {
    console.log(
      `Dry run: ${citations} citations in ${changes.length} files would change (--write to apply).`,
    );
  }
  return 0;
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  process.exitCode = main(process.argv);
}
