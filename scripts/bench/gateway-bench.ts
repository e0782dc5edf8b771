import { fork } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import pino from 'pino';
import { fixedClock } from '@server/core/clock';
import type { Caller } from '@server/core/dispatcher';
import { createGateway } from '@server/gateway/gateway-server';
import { storedId } from '@server/gateway/retry-key';
import { startHub } from '@server/hub/hub-server';
import { lastSmsCode, patientIdByPhone } from '@server/testing/app-codes';
import { TEST_PASSWORD } from '@server/testing/test-hub';
import { benchDoctors, percentile } from './bench-hub';
import { forkDesktop } from './bench-sync';
import { insertPatients } from './generate-data';

const NOW = '2026-11-23T02:30:00.000Z'; // Monday 08:00 in Kolkata
const DAY = 86_400_000;
const SLOT_CLIENTS = 8;
const SLOTS_MS = 5_000;
const RAW_SLOTS_MS = 2_000;
const DESK_BOOKINGS = 150;
const APP_BOOKINGS = 40;
const APP_PATIENTS = 4;
const LOAD_CAP_MS = 120_000;

const round = (value: number, digits = 1) => Number(value.toFixed(digits));

/**
 * Issue 19's gateway figures, on one hub (its LAN port and its gateway on 127.0.0.1, in this
 * process) with the clients in processes of their own: patient apps asking for free slots
 * (`gateway_slots_rps`, against the same slots.list through the dispatcher without HTTP), an app
 * booking until a desktop's replica can read it (`gateway_book_to_desk_p99_ms`, against the LAN's
 * raw Socket.IO round trip from that desktop), and one front desk booking over the LAN port idle
 * and while the apps hammer availability (the ratio of the two p99s). The gateway's per-address
 * limit is raised here: the figures are the hub's capacity, not the limit's. Never fails on a number.
 */
export async function gatewayBench(figures: Record<string, number>): Promise<void> {
  const dataDir = mkdtempSync(join(tmpdir(), 'clinic-bench-gateway-'));
  const hub = await startHub({
    dataDir,
    port: 0,
    host: '127.0.0.1',
    mdns: false,
    delivery: false,
    logger: pino({ level: 'silent' }),
    clock: fixedClock(NOW),
  });
  const call = <T>(caller: Caller, name: string, input: unknown) =>
    hub.dispatcher.call(name, input, caller) as Promise<T>;
  const { token: adminToken } = await call<{ token: string }>(
    { token: null, deviceId: 'bench' },
    'auth.setup',
    {
      settings: {
        clinicName: 'Bench Clinic',
        timeZone: 'Asia/Kolkata',
        defaultBuffers: { before: 0, after: 0 },
      },
      admin: { username: 'admin', displayName: 'Admin', password: TEST_PASSWORD },
      deviceId: 'bench',
    },
  );
  const admin: Caller = { token: adminToken, deviceId: 'bench' };
  for (const username of ['front-desk', 'replica-desk']) {
    await call(admin, 'users.create', {
      id: randomUUID(),
      username,
      displayName: username,
      role: 'receptionist',
      password: TEST_PASSWORD,
    });
  }
  const desk = await call<{ token: string }>({ token: null, deviceId: 'front-desk-pc' }, 'auth.login', {
    username: 'front-desk',
    password: TEST_PASSWORD,
    deviceId: 'front-desk-pc',
  });
  const doctors = benchDoctors(hub.core.db, 5, 15);
  const deskPatients = insertPatients(hub.core.db, DESK_BOOKINGS * 2);
  const gateway = createGateway({
    core: hub.core,
    dispatcher: hub.dispatcher,
    limit: { max: 1_000_000_000, windowMs: 60_000 },
    authLimit: { max: 1_000_000, windowMs: 60_000 },
  });
  const api = `http://127.0.0.1:${await gateway.listen(0, '127.0.0.1')}/api/v1`;
  const apps = [];
  for (let i = 0; i < APP_PATIENTS; i++) apps.push(await appPatient(hub.core.db, api, i));
  const appTokens = apps.map((app) => app.token);

  const load = await forkLoad();
  const deskLoad = await forkLoad();
  const replica = await forkDesktop(hub.url, 'replica-desk');
  try {
    // Free slots: the same query through the dispatcher alone (no HTTP), then through the gateway.
    const dates = Array.from({ length: 7 }, (_, d) =>
      new Date(Date.parse(NOW) + (d + 1) * DAY).toISOString().slice(0, 10),
    );
    let raw = 0;
    const rawStop = performance.now() + RAW_SLOTS_MS;
    while (performance.now() < rawStop) {
      const doctorId = doctors[raw % doctors.length]!;
      const date = dates[Math.floor(raw / doctors.length) % dates.length]!;
      await call({ token: desk.token, deviceId: 'front-desk-pc' }, 'slots.list', {
        doctorId,
        fromDate: date,
        toDate: date,
      });
      raw++;
    }
    figures.raw_slots_list_per_s = Math.round((raw / RAW_SLOTS_MS) * 1000);
    const slotsLoad = { api, tokens: appTokens, doctorIds: doctors, dates, clients: SLOT_CLIENTS };
    const alone = await load.ask({ slots: { ...slotsLoad, durationMs: SLOTS_MS } }, 'slotsDone');
    figures.gateway_slots_rps = Math.round((alone.ok / SLOTS_MS) * 1000);
    figures.gateway_slots_p99_ms = round(percentile(alone.latencies, 99));
    figures.gateway_slots_not_200 = alone.other;
    figures.gateway_slots_vs_raw = round(figures.gateway_slots_rps / figures.raw_slots_list_per_s, 2);

    // The front desk: idle, then while the apps ask for slots (the load stops when the desk is done).
    const bookings = deskBookings(doctors.slice(0, 4), deskPatients);
    const idle = await deskLoad.ask(
      { desk: deskBooking(hub.url, desk.token, bookings.slice(0, DESK_BOOKINGS)) },
      'deskDone',
    );
    const hammering = load.ask({ slots: { ...slotsLoad, durationMs: LOAD_CAP_MS } }, 'slotsDone');
    const loaded = await deskLoad.ask(
      { desk: deskBooking(hub.url, desk.token, bookings.slice(DESK_BOOKINGS)) },
      'deskDone',
    );
    load.send({ stopSlots: true });
    const during = await hammering;
    figures.desk_booking_p99_ms_idle = round(percentile(idle.latencies, 99));
    figures.desk_booking_p99_ms_under_gateway_load = round(percentile(loaded.latencies, 99));
    figures.desk_booking_under_load_vs_idle = round(
      figures.desk_booking_p99_ms_under_gateway_load / figures.desk_booking_p99_ms_idle,
      2,
    );
    figures.gateway_slots_served_during_desk = during.ok;

    // App booking → readable in a desktop's replica (the hub's poke, the replica's pull).
    const samples: number[] = [];
    const posts: number[] = [];
    const rtt: number[] = [];
    const firstSlot = Date.parse('2026-11-24T02:30:00.000Z'); // Tuesday 08:00
    for (let i = 0; i < APP_BOOKINGS; i++) {
      const retryKey = randomUUID();
      const app = apps[i % APP_PATIENTS]!;
      // The gateway stores the booking under an id derived from the app's retry key and patient.
      await replica.ask(
        { watch: storedId('appointment', app.patientId, retryKey), kind: 'appointment' },
        'watching',
      );
      const seen = replica.ask(null, 'seen');
      const sentAt = performance.timeOrigin + performance.now();
      const response = await fetch(`${api}/appointments`, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          authorization: `Bearer ${app.token}`,
        },
        body: JSON.stringify({
          id: retryKey,
          doctorId: doctors[4],
          startsAt: new Date(firstSlot + i * 15 * 60_000).toISOString(),
        }),
      });
      posts.push(performance.timeOrigin + performance.now() - sentAt);
      if (response.status !== 201)
        throw new Error(`app booking ${i}: ${response.status} ${await response.text()}`);
      samples.push((await seen).at - sentAt);
      rtt.push(...(await replica.ask({ rtt: 2 }, 'rtt')).rtt);
    }
    figures.gateway_book_http_p99_ms = round(percentile(posts, 99));
    figures.gateway_book_to_desk_p50_ms = round(percentile(samples, 50));
    figures.gateway_book_to_desk_p99_ms = round(percentile(samples, 99));
    figures.lan_socketio_rtt_p99_ms = round(percentile(rtt, 99), 3);
    figures.gateway_book_to_desk_vs_rtt_p99 = round(
      figures.gateway_book_to_desk_p99_ms / figures.lan_socketio_rtt_p99_ms,
    );
  } finally {
    await replica.close();
    load.close();
    deskLoad.close();
    await gateway.close();
    await hub.stop();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

async function appPatient(
  db: Parameters<typeof patientIdByPhone>[0],
  api: string,
  i: number,
): Promise<{ token: string; patientId: string }> {
  const phone = `+91 98450 6${String(i).padStart(4, '0')}`;
  const post = (path: string, body: unknown) =>
    fetch(`${api}${path}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
  await post('/auth/sign-up', { fullName: `App Patient ${i}`, phone, dateOfBirth: '1990-01-01' });
  const patientId = patientIdByPhone(db, phone.replace(/\D/g, '').slice(-10))!;
  const activated = await post('/auth/activate', {
    login: phone,
    code: lastSmsCode(db, patientId),
    password: 'bench app password',
    deviceId: `bench-phone-${i}`,
  });
  if (activated.status !== 200) throw new Error(`app patient ${i}: ${await activated.text()}`);
  return { token: ((await activated.json()) as { token: string }).token, patientId };
}

/** Distinct free slots from Wednesday on (the apps book Tuesday): 15-minute steps, 48 a day. */
function deskBookings(doctors: string[], patients: string[]) {
  const first = Date.parse('2026-11-25T02:30:00.000Z');
  return patients.map((patientId, i) => {
    const perDoctor = Math.floor(i / doctors.length);
    return {
      id: randomUUID(),
      patientId,
      doctorId: doctors[i % doctors.length]!,
      startsAt: new Date(
        first + Math.floor(perDoctor / 48) * DAY + (perDoctor % 48) * 15 * 60_000,
      ).toISOString(),
    };
  });
}

function deskBooking(hubUrl: string, token: string, bookings: ReturnType<typeof deskBookings>) {
  return { hubUrl, token, deviceId: 'front-desk-pc', bookings };
}

interface LoadAnswer {
  ok: number;
  other: number;
  latencies: number[];
  error?: string;
}

async function forkLoad() {
  const script = fileURLToPath(new URL('./gateway-load.ts', import.meta.url));
  const child = fork(script, [], {
    execArgv: ['--import', 'tsx'],
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  const waiting = new Map<string, (answer: LoadAnswer) => void>();
  child.on('message', (message: Record<string, LoadAnswer>) => {
    for (const [key, resolve] of waiting) {
      if (!(key in message)) continue;
      waiting.delete(key);
      resolve(message[key]!);
    }
  });
  const ask = (message: object | null, answer: string) =>
    new Promise<LoadAnswer>((resolve, reject) => {
      waiting.set(answer, (result) => (result.error ? reject(new Error(result.error)) : resolve(result)));
      if (message) child.send(message);
    });
  await new Promise<void>((resolve) => child.once('message', () => resolve()));
  return {
    ask,
    send: (message: object) => child.send(message),
    close: () => child.send({ close: true }),
  };
}
