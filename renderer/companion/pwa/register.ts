/**
 * Registers the companion's service worker (renderer/companion/sw.ts, built to /sw.js) after the
 * first screen has loaded, so workbox-window is not part of the first download. Only in a build:
 * the dev server serves no service worker.
 */
export function registerServiceWorker(): void {
  if (!import.meta.env.PROD || !('serviceWorker' in navigator)) return;
  const register = () => {
    void import('workbox-window').then(({ Workbox }) => new Workbox('/sw.js', { scope: '/' }).register());
  };
  if (document.readyState === 'complete') register();
  else window.addEventListener('load', register, { once: true });
}
