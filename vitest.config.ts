import { availableParallelism } from 'node:os';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

const folder = (name: string) => fileURLToPath(new URL(`./${name}/`, import.meta.url));

export default defineConfig({
  resolve: {
    alias: {
      '@shared/': folder('shared'),
      '@server/': folder('server'),
      '@main/': folder('main'),
      '@renderer/': folder('renderer'),
    },
  },
  test: {
    include: ['{shared,server,main,renderer,scripts}/**/*.test.{ts,tsx}'],
    exclude: ['**/node_modules/**', '**/__fixtures__/**'],
    // The demo clinic the browser tests copy is seeded once per run (renderer/testing/demo-template.ts).
    globalSetup: ['renderer/testing/demo-template.setup.ts'],
    // Integration and browser tests start hubs, desktops and Chromium and share two cores with
    // whatever else the machine runs: vitest's 5 s default failed them under load (CI). A test
    // still waits for conditions, never for time; these limits only bound a hang.
    testTimeout: 180_000,
    hookTimeout: 240_000,
    // Most test files wait on hubs, desktops and Chromium in other processes; vitest's default
    // (cores − 1) would run them one at a time on two cores and leave the CPU partly idle
    // (two workers still left a third of it idle).
    maxWorkers: Math.max(3, availableParallelism() - 1),
    coverage: {
      provider: 'v8',
      include: ['shared/**/*.ts'],
      exclude: ['**/*.test.ts', '**/__fixtures__/**'],
      reporter: ['text-summary', 'text', 'html'],
      thresholds: { 'shared/**': { lines: 90 } },
    },
  },
});
