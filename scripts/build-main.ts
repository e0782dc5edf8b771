/**
 * `npm run build:main`: bundles the Electron main process (ESM) and the sandboxed preload
 * (CommonJS: a sandboxed preload cannot load modules) into dist/main/. Native and
 * data-carrying packages stay external and are resolved from node_modules at run time.
 */
import { join } from 'node:path';
import { build } from 'esbuild';

const root = join(import.meta.dirname, '..');
const alias = {
  '@shared': join(root, 'shared'),
  '@server': join(root, 'server'),
  '@main': join(root, 'main'),
};
const common = {
  bundle: true,
  platform: 'node',
  target: 'node22',
  sourcemap: true,
  alias,
  logLevel: 'info',
} as const;

await build({
  ...common,
  entryPoints: [join(root, 'main', 'electron', 'main.ts')],
  outfile: join(root, 'dist', 'main', 'index.js'),
  format: 'esm',
  packages: 'external',
  banner: {
    js: "import { createRequire as __clinicRequire } from 'node:module'; const require = __clinicRequire(import.meta.url);",
  },
});
await build({
  ...common,
  entryPoints: [join(root, 'main', 'electron', 'preload.ts')],
  outfile: join(root, 'dist', 'main', 'preload.cjs'),
  format: 'cjs',
  external: ['electron'],
});
