/**
 * A new desktop's first-run backend (main/backend/desktop-setup-service.ts, as the Electron main
 * process installs it) in a process of its own, answering over Node IPC. Browser tests
 * (renderer/testing/first-run-app.ts) wire a Chromium page's `window.clinic.desktopSetup` to it.
 * Usage (forked with an IPC channel): desktop-setup.child.ts CONFIG_FILE DEVICE_ID [ANNOUNCED]
 *
 * ANNOUNCED (JSON `[{ url, clinicName }]`) stands in for the services mDNS would announce on a LAN
 * (multicast must not leave this machine; discovery itself is tested in network namespaces); each
 * is confirmed by the real handshake before it is listed, exactly as a browsed service is.
 * In: `{ id, method: 'needed' | 'discover' | 'becomeHub' }`, `{ id, method: 'connect', address }`.
 * Out: `{ id, result }`, `{ restarted: true }` when the app would relaunch, `{ ready: true }`.
 */
import type { DiscoveredHub } from '@shared/contract/desktop-bridge';
import { createDesktopSetup } from '@main/backend/desktop-setup-service';
import { checkHub } from '@main/client-core/discovery/index';

type Request =
  | { id: number; method: 'needed' | 'discover' | 'becomeHub' }
  | { id: number; method: 'connect'; address: unknown };

const [configFile, deviceId, announced = '[]'] = process.argv.slice(2) as [string, string, string?];
const send = (message: object) => process.send?.(message);

async function announcedHubs(): Promise<DiscoveredHub[]> {
  const services = JSON.parse(announced) as { url: string; clinicName: string | null }[];
  const checked = await Promise.all(
    services.map(async (service) => ({
      service,
      outcome: await checkHub(service.url, { identity: { deviceId }, timeoutMs: 3_000 }),
    })),
  );
  return checked.flatMap(({ service, outcome }) =>
    outcome.ok ? [{ url: outcome.url, hubId: outcome.hello.hubId, clinicName: service.clinicName }] : [],
  );
}

const setup = createDesktopSetup({
  configFile,
  deviceId,
  needed: true,
  restart: () => send({ restarted: true }),
  discover: announcedHubs,
});

process.on('message', (request: Request) => {
  const answer = (result: unknown) => send({ id: request.id, result });
  if (request.method === 'needed') answer(setup.needed());
  else if (request.method === 'discover') void setup.discover().then(answer);
  else if (request.method === 'becomeHub') answer(setup.becomeHub());
  else if (request.method === 'connect') void setup.connect(request.address).then(answer);
});
process.on('disconnect', () => process.exit(0));
send({ ready: true });
