/**
 * One desktop of the propagation benchmark, in its own process as on a real LAN (a desktop's own
 * sync work must not queue behind the hub's or the other desktop's in one event loop).
 * Usage (forked with an IPC channel): bench-desktop.ts DATA_DIR HUB_URL USERNAME PASSWORD
 *
 * Messages in: `{ register: id }` registers a patient and answers `{ committed: id, at }` as soon
 * as the local transaction has committed; `{ watch: id }` answers `{ seen: id, at }` once the
 * patient can be read from this desktop's replica (`{ watch: id, kind: 'appointment' }`: the
 * appointment). `at` is wall-clock milliseconds with
 * sub-millisecond precision (`performance.timeOrigin + performance.now()`), comparable across
 * processes on one machine. `{ rtt: n }` answers `{ rtt: [ms…] }`: n raw Socket.IO round trips
 * (`hello`) to the same hub from this process, on a connection of its own.
 */
import { performance } from 'node:perf_hooks';
import { io } from 'socket.io-client';
import { createClientCore } from '@main/client-core/client-core';

type Message =
  | { register: string }
  | { watch: string; kind?: 'patient' | 'appointment' }
  | { rtt: number }
  | { close: true };

const [dataDir, hubUrl, username, password] = process.argv.slice(2) as [string, string, string, string];
const core = createClientCore({ dataDir, hubUrl, deviceId: `bench-${username}`, deviceName: username });
const raw = io(hubUrl, { auth: { deviceId: `bench-raw-${username}` }, transports: ['websocket'] });
const now = () => performance.timeOrigin + performance.now();
const send = (message: object) => process.send?.(message);

let committing: string | null = null;
/** Watched ids and what they name. */
const watched = new Map<string, 'patient' | 'appointment'>();

core.onChange((event) => {
  if (event.source === 'local' && committing) {
    send({ committed: committing, at: now() });
    committing = null;
  }
  for (const [id, kind] of watched) {
    (kind === 'appointment' ? core.call('appointments.get', { id }) : core.call('patients.get', { id })).then(
      () => {
        if (watched.delete(id)) send({ seen: id, at: now() });
      },
      () => undefined,
    );
  }
});

process.on('message', (message: Message) => {
  if ('register' in message) {
    committing = message.register;
    void core.call('patients.register', {
      id: message.register,
      details: { fullName: `Bench ${message.register.slice(0, 8)}`, sex: 'unknown' },
    });
  } else if ('watch' in message) {
    watched.set(message.watch, message.kind ?? 'patient');
    send({ watching: message.watch });
  } else if ('rtt' in message) {
    void roundTrips(message.rtt).then((rtt) => send({ rtt }));
  } else {
    raw.close();
    void core.close().then(() => process.exit(0));
  }
});

await core.signIn(username, password);
while (!core.connectionState().online) await new Promise((resolve) => setTimeout(resolve, 20));
await core.syncNow();
send({ ready: true });

async function roundTrips(count: number): Promise<number[]> {
  const times: number[] = [];
  for (let i = 0; i < count; i++) {
    const start = performance.now();
    await raw.emitWithAck('hello');
    times.push(performance.now() - start);
  }
  return times;
}
