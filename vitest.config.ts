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
    coverage: {
      provider: 'v8',
      include: ['shared/**/*.ts'],
      exclude: ['**/*.test.ts', '**/__fixtures__/**'],
      reporter: ['text-summary', 'text', 'html'],
      thresholds: { 'shared/**': { lines: 90 } },
    },
  },
});
