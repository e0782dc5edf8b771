import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

const folder = (name: string) => fileURLToPath(new URL(`./${name}/`, import.meta.url));

/**
 * The staff app (renderer/index.html) built to dist/renderer, which the hub serves in browser mode
 * and Electron loads from disk. `npm run dev:renderer` serves it with hot reload and forwards
 * Socket.IO to a hub on 127.0.0.1:4810 (`npm run hub -- --demo …`).
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
    outDir: folder('dist/renderer'),
    emptyOutDir: true,
    // The CSP allows no inline scripts: no module-preload polyfill snippet.
    modulePreload: { polyfill: false },
    chunkSizeWarningLimit: 2000,
    // Two entry points: the staff app and the waiting-room display (served at /display).
    rolldownOptions: {
      input: { main: `${folder('renderer')}index.html`, display: `${folder('renderer')}display.html` },
    },
    reportCompressedSize: false,
  },
  server: {
    host: '127.0.0.1',
    proxy: { '/socket.io': { target: 'http://127.0.0.1:4810', ws: true } },
  },
});
