/**
 * A client desktop's backend (client core + the adapter the Electron main process uses) in a
 * process of its own, serving the renderer's bridge over Node IPC instead of Electron IPC. Browser
 * tests (renderer/testing/desktop-app.ts) connect a Chromium page to it as `window.clinic`, so the
 * renderer runs exactly as on a desktop that is not the hub: replica, outbox, offline work.
 * Usage (forked with an IPC channel): desktop-bridge.child.ts DATA_DIR HUB_URL DEVICE_ID
 *
 * In: `{ id, method: 'call', name, input, token }`, `{ id, method: 'connectionState' }`,
 * `{ id, method: 'needsAttention' }`, `{ id, method: 'dismissAttention', attentionId }`,
 * `{ method: 'close' }`. Out: `{ id, result }`, `{ push: 'event', name, payload }`,
 * `{ push: 'state', state }`, and `{ ready: true }` once started.
 */
import { join } from 'node:path';
import { eventsContract, type EventName } from '@shared/contract/events.contract';
import type { OperationName } from '@shared/contract/index';
import { createClientCore } from '@main/client-core/client-core';
import { clientBackend } from '@main/backend/client-backend';
import { KnownUsers } from '@main/backend/known-users';

type Request =
  | { id: number; method: 'call'; name: OperationName; input: unknown; token: string | null }
  | { id: number; method: 'connectionState' | 'needsAttention' }
  | { id: number; method: 'dismissAttention'; attentionId: string }
  | { method: 'close' };

const [dataDir, hubUrl, deviceId] = process.argv.slice(2) as [string, string, string];
const core = createClientCore({ dataDir, hubUrl, deviceId, deviceName: `Test desktop ${deviceId}` });
const backend = clientBackend(core, new KnownUsers(join(dataDir, 'known-users.json')));
const send = (message: object) => process.send?.(message);

for (const name of Object.keys(eventsContract) as EventName[]) {
  backend.onEvent(name, (payload) => send({ push: 'event', name, payload }));
}
backend.onConnectionState((state) => send({ push: 'state', state }));

process.on('message', (request: Request) => {
  if (request.method === 'close') {
    void backend.close().then(() => process.exit(0));
    return;
  }
  const { id } = request;
  const answer = (result: unknown) => send({ id, result });
  switch (request.method) {
    case 'call':
      void backend.call(request.name, request.input as never, request.token).then(answer);
      break;
    case 'connectionState':
      answer(backend.connectionState());
      break;
    case 'needsAttention':
      answer(backend.needsAttention?.() ?? []);
      break;
    case 'dismissAttention':
      answer(backend.dismissAttention?.(request.attentionId) ?? false);
      break;
  }
});

send({ ready: true });
