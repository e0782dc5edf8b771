/**
 * Registers the companion's service worker (renderer/companion/sw.ts, built to /sw.js) once the
 * first screen has loaded, so workbox-window is not part of the first download. The dev server
 * serves no service worker: there the registration fails quietly and the app runs without one.
 */
export function registerServiceWorker(): void {
  if (!('serviceWorker' in navigator)) return;
  const register = () => {
    import('workbox-window')
      .then(({ Workbox }) => new Workbox('/sw.js', { scope: '/' }).register())
      .catch(() => undefined);
  };
  if (document.readyState === 'complete') register();
  else window.addEventListener('load', register, { once: true });
}
