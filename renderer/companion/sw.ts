import { clientsClaim } from 'workbox-core';
import { cleanupOutdatedCaches, createHandlerBoundToURL, precacheAndRoute } from 'workbox-precaching';
import { NavigationRoute, registerRoute } from 'workbox-routing';
import { apiNetworkFirst, isCachedApiRequest } from './sw-api-cache';
import { installPushHandlers } from './sw-push';

declare const self: ServiceWorkerGlobalScope;

/**
 * The companion app's service worker (built by vite-plugin-pwa, injectManifest): the app shell
 * (HTML, scripts, styles, icons, every screen's chunk) precached so the app opens without a
 * network; any page address opens the shell (the app routes in the browser); the API's GETs
 * network first with a per-session copy for offline use (sw-api-cache.ts). Writes (booking,
 * cancelling) are never cached or queued: they need a connection, and the app says so.
 */
precacheAndRoute(self.__WB_MANIFEST);
cleanupOutdatedCaches();
registerRoute(new NavigationRoute(createHandlerBoundToURL('companion.html'), { denylist: [/^\/api\//] }));
registerRoute(isCachedApiRequest, apiNetworkFirst, 'GET');
installPushHandlers(self);

// A new version takes over at once: the shell is small and the API stays the same version.
void self.skipWaiting();
clientsClaim();
