/**
 * Web Push in the companion's service worker: the "push" part of issue 20 fills this in (push
 * and notificationclick handlers). Kept apart from sw.ts so the two change independently.
 */
export function installPushHandlers(_sw: ServiceWorkerGlobalScope): void {}
