/**
 * A load process of the gateway benchmark, forked with an IPC channel, so that its clients' work
 * never runs in the hub's event loop. Messages in:
 * - `{ slots: SlotsLoad }`: `clients` concurrent patient apps asking GET /api/v1/slots for `durationMs`; answers `{ slotsDone: { ok, other, latencies } }`.
 * - `{ stopSlots: true }`: the slot clients stop after their current request.
 * - `{ desk: DeskLoad }`: one front desk over the LAN port (Socket.IO, as a desktop's hub calls
 *   go) booking one appointment after another; answers `{ deskDone: { latencies } }`.
 * - `{ close: true }`.
 */
import { performance } from 'node:perf_hooks';
import { callOver, connectTo } from '@server/testing/socket-hub';

interface SlotsLoad {
  api: string;
  tokens: string[];
  doctorIds: string[];
  dates: string[];
  clients: number;
  durationMs: number;
}

interface DeskLoad {
  hubUrl: string;
  token: string;
  deviceId: string;
  bookings: { id: string; patientId: string; doctorId: string; startsAt: string }[];
}

type Message = { slots: SlotsLoad } | { stopSlots: true } | { desk: DeskLoad } | { close: true };

/** When the slot clients stop (a `stopSlots` message brings it forward). */
let stopAt = 0;

const send = (message: object) => process.send?.(message);

async function slots(load: SlotsLoad) {
  stopAt = performance.now() + load.durationMs;
  let ok = 0;
  let other = 0;
  const latencies: number[] = [];
  let n = 0;
  await Promise.all(
    Array.from({ length: load.clients }, async (_, client) => {
      while (performance.now() < stopAt) {
        const i = n++;
        const doctorId = load.doctorIds[i % load.doctorIds.length]!;
        const date = load.dates[Math.floor(i / load.doctorIds.length) % load.dates.length]!;
        const start = performance.now();
        // Node's fetch keeps its connections alive, as an app does.
        const response = await fetch(`${load.api}/slots?doctorId=${doctorId}&date=${date}`, {
          headers: { authorization: `Bearer ${load.tokens[client % load.tokens.length]}` },
        });
        await response.text();
        latencies.push(performance.now() - start);
        if (response.status === 200) ok += 1;
        else other += 1;
      }
    }),
  );
  return { ok, other, latencies };
}

async function desk(load: DeskLoad) {
  const socket = await connectTo(load.hubUrl, { token: load.token, deviceId: load.deviceId });
  const latencies: number[] = [];
  try {
    for (const booking of load.bookings) {
      const start = performance.now();
      await callOver(socket, 'appointments.book', booking);
      latencies.push(performance.now() - start);
    }
  } finally {
    socket.disconnect();
  }
  return { latencies };
}

process.on('message', (message: Message) => {
  if ('slots' in message) {
    void slots(message.slots).then((slotsDone) => send({ slotsDone }));
  } else if ('stopSlots' in message) {
    stopAt = 0;
  } else if ('desk' in message) {
    void desk(message.desk).then(
      (deskDone) => send({ deskDone }),
      (error: unknown) => send({ deskDone: { error: String(error) } }),
    );
  } else {
    process.exit(0);
  }
});
send({ ready: true });
