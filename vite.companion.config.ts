import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';
import { VitePWA } from 'vite-plugin-pwa';

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
  // The companion's own public files (icons, favicon), not the staff app's renderer/public.
  publicDir: folder('renderer/companion/public'),
  plugins: [
    react(),
    // The service worker (renderer/companion/sw.ts → /sw.js) precaches the app shell: the HTML,
    // every script and style (the first screen's and each area's lazy chunk: all small, and a
    // screen opened first while offline must be there), the icons. pwa/register.ts registers it.
    VitePWA({
      strategies: 'injectManifest',
      srcDir: 'companion',
      filename: 'sw.ts',
      injectRegister: false,
      includeManifestIcons: false,
      manifest: {
        id: '/',
        name: 'Clinic',
        short_name: 'Clinic',
        description: 'Your appointments, queue position, visit summaries and documents from the clinic.',
        start_url: '/',
        scope: '/',
        display: 'standalone',
        orientation: 'portrait',
        // teal.700, the clinic's accent (renderer/theme/tokens.ts), as in companion.html's theme-color.
        theme_color: '#285e61',
        background_color: '#285e61',
        icons: [
          { src: '/icons/icon-192.png', sizes: '192x192', type: 'image/png', purpose: 'any' },
          { src: '/icons/icon-512.png', sizes: '512x512', type: 'image/png', purpose: 'any' },
          { src: '/icons/maskable-512.png', sizes: '512x512', type: 'image/png', purpose: 'maskable' },
        ],
      },
      injectManifest: {
        globPatterns: ['**/*.{html,js,css,png,svg,woff2}'],
        maximumFileSizeToCacheInBytes: 3 * 1024 * 1024,
      },
      devOptions: { enabled: false },
    }),
  ],
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
