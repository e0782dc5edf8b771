import type { ApiError } from '@shared/contract/errors';
import { API_PREFIX } from '@shared/gateway/api-prefix';
import { api } from '@renderer/companion/api/client';
import { CompanionApiError } from '@renderer/companion/api/api-error';
import { sessionStore } from '@renderer/companion/api/session-store';

/** The hub's VAPID public key, as the bytes pushManager.subscribe wants. */
export async function hubPushKey(): Promise<Uint8Array<ArrayBuffer>> {
  const { data } = await api.get<{ publicKey: string }>('/push/key');
  const base64 = data.publicKey.replace(/-/g, '+').replace(/_/g, '/');
  const raw = atob(base64 + '='.repeat((4 - (base64.length % 4)) % 4));
  return Uint8Array.from(raw, (c) => c.charCodeAt(0));
}

export function saveSubscription(subscription: PushSubscription): Promise<unknown> {
  return api.post('/push/subscriptions', subscription.toJSON());
}

/**
 * DELETE /push/subscriptions with the endpoint in the body (api.delete sends no body). Offline:
 * the browser's subscription is already gone, so nothing reaches this phone either way.
 */
export async function forgetSubscription(endpoint: string): Promise<void> {
  const session = sessionStore.get();
  const response = await fetch(`${API_PREFIX}/push/subscriptions`, {
    method: 'DELETE',
    headers: {
      'content-type': 'application/json',
      ...(session && { authorization: `Bearer ${session.token}` }),
    },
    body: JSON.stringify({ endpoint }),
  }).catch(() => null);
  if (!response)
    throw new CompanionApiError(0, { code: 'UNREACHABLE', message: 'No connection to the clinic' });
  if (!response.ok) {
    const body = (await response.json().catch(() => null)) as { error?: ApiError } | null;
    throw new CompanionApiError(
      response.status,
      body?.error ?? { code: 'INTERNAL', message: response.statusText },
    );
  }
}
