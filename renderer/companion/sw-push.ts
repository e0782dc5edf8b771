/// <reference lib="webworker" />
/**
 * Web Push in the service worker (imported by sw.ts): a push from the hub shows a notification
 * (title, body; the payload's url kept for the tap), and a tap focuses the app's open window at
 * that url or opens one. The payload is what server/notifications/push-payload.ts sends.
 */

interface PushPayload {
  title: string;
  body: string;
  url: string;
}

function payloadOf(data: PushMessageData | null): PushPayload | null {
  try {
    const parsed = data?.json() as Partial<PushPayload> | undefined;
    if (!parsed || typeof parsed.title !== 'string') return null;
    return {
      title: parsed.title,
      body: typeof parsed.body === 'string' ? parsed.body : '',
      url: typeof parsed.url === 'string' && parsed.url.startsWith('/') ? parsed.url : '/',
    };
  } catch {
    return null;
  }
}

export function installPushHandlers(sw: ServiceWorkerGlobalScope): void {
  sw.addEventListener('push', (event) => {
    const payload = payloadOf(event.data);
    if (!payload) return;
    event.waitUntil(
      sw.registration.showNotification(payload.title, {
        body: payload.body,
        data: { url: payload.url },
      }),
    );
  });

  sw.addEventListener('notificationclick', (event) => {
    event.notification.close();
    const path = (event.notification.data as { url?: string } | null)?.url ?? '/';
    const target = new URL(path, sw.location.origin).href;
    event.waitUntil(
      (async () => {
        const windows = await sw.clients.matchAll({ type: 'window', includeUncontrolled: true });
        const open = windows.find((client) => new URL(client.url).origin === sw.location.origin);
        if (open) {
          await open.focus();
          if (open.url !== target) await open.navigate(target).catch(() => undefined);
          return;
        }
        await sw.clients.openWindow(target);
      })(),
    );
  });
}
