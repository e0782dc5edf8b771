import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

const folder = (name: string) => fileURLToPath(new URL(`./${name}/`, import.meta.url));

/**
 * The companion app (renderer/companion.html, the patients' phone app) built to dist/companion,
 * which the patient gateway serves at its root. A build of its own, apart from the staff app's:
 * its service worker precaches only the companion's files, and its first screen can never pull
 * in a staff screen. `npm run dev:companion` forwards /api to a hub's gateway on 127.0.0.1:4820.
 */
export default defineConfig({
  root: folder('renderer'),
  base: '/',
  plugins: [react()],
  resolve: {
    alias: {
      '@shared/': folder('shared'),
      '@renderer/': folder('renderer'),
    },
  },
  build: {
    outDir: folder('dist/companion'),
    emptyOutDir: true,
    modulePreload: { polyfill: false },
    rolldownOptions: { input: { companion: `${folder('renderer')}companion.html` } },
    reportCompressedSize: false,
  },
  server: {
    host: '127.0.0.1',
    proxy: { '/api': { target: 'http://127.0.0.1:4820' } },
  },
});
