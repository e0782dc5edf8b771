import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach } from 'vitest';
import { localToInstant } from '@shared/rules/zoned-time';
import { fixedClock } from '@server/core/clock';
import type { Db } from '@server/db/database';
import { insertDoctor, insertPatient, weekdaySchedule } from '@server/testing/fixtures';
import { TEST_PASSWORD } from '@server/testing/test-hub';
import { startSocketHub, type SocketTestHub } from '@server/testing/socket-hub';
import { type ClientCore, createClientCore } from '@main/client-core/client-core';

export { TEST_PASSWORD };
/** The test hub's pinned now: Monday 2026-11-23 08:00 in Kolkata. */
export const NOW = '2026-11-23T02:30:00.000Z';
export const at = (date: string, time: string) => localToInstant(date, time, 'Asia/Kolkata');

/** Rows inserted by fixtures travel only once the change log names them. */
export function logAll(db: Db, entity: string): void {
  db.sqlite
    .prepare(`INSERT INTO changes (entity, entityId, op, at) SELECT ?, id, 'upsert', ? FROM "${entity}"`)
    .run(entity, NOW);
}

export interface Clinic {
  server: SocketTestHub;
  doctorId: string;
  patientIds: string[];
  users: { receptionist: string; receptionist2: string; doctor: string };
  close(): Promise<void>;
}

/** A hub on 127.0.0.1 with a doctor on the docs/product.md §4 schedule, a few patients, and staff accounts. */
export async function startClinic(options: { patients?: number } = {}): Promise<Clinic> {
  const server = await startSocketHub();
  const { hub } = server;
  const doctor = insertDoctor(hub.db, { sessionMinutes: 30, bufferOverride: { before: 0, after: 0 } });
  weekdaySchedule(hub.db, doctor.id);
  const patientIds = Array.from(
    { length: options.patients ?? 3 },
    (_, i) => insertPatient(hub.db, { fullName: `Patient ${i + 1}` }).id,
  );
  for (const entity of ['doctors', 'weekly_windows', 'patients']) logAll(hub.db, entity);
  await hub.signIn('receptionist', { username: 'reception1' });
  await hub.signIn('receptionist', { username: 'reception2' });
  await hub.signIn('doctor', { username: 'doctor1', doctorId: doctor.id });
  return {
    server,
    doctorId: doctor.id,
    patientIds,
    users: { receptionist: 'reception1', receptionist2: 'reception2', doctor: 'doctor1' },
    close: () => server.close(),
  };
}

export interface Desktop {
  core: ClientCore;
  dir: string;
  close(): Promise<void>;
}

const dirs: string[] = [];

/** A desktop on a new data folder, or on `dir`; `deviceId` is the machine's (default: a new one). */
export function newDesktop(hubUrl: string, name: string, dir?: string, deviceId?: string): Desktop {
  const dataDir = dir ?? mkdtempSync(join(tmpdir(), `clinic-desktop-${name}-`));
  if (!dir) dirs.push(dataDir);
  const core = createClientCore({
    dataDir,
    hubUrl,
    deviceId: deviceId ?? `${name}-${randomUUID().slice(0, 8)}`,
    deviceName: name,
    clock: fixedClock(NOW),
    pullIntervalMs: 2_000,
  });
  return { core, dir: dataDir, close: () => core.close() };
}

export function removeDesktopDirs(): void {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
}

/**
 * A hub per test, closed after it with the desktops the test lists in `desktops` (their folders
 * removed). Call in a `describe`; `start` starts the test's hub.
 */
export function clinicPerTest(): {
  desktops: Desktop[];
  start: (options?: { patients?: number }) => Promise<Clinic>;
} {
  let clinic: Clinic | undefined;
  const desktops: Desktop[] = [];
  afterEach(async () => {
    for (const d of desktops.splice(0)) await d.close();
    await clinic?.close();
    clinic = undefined;
    removeDesktopDirs();
  });
  return { desktops, start: async (options) => (clinic = await startClinic(options)) };
}

/** The doctor's appointments from the desktop's replica, as sortable `id:status:startsAt` lines. */
export async function appointmentsOf(desktop: Desktop, doctorId: string): Promise<string[]> {
  const page = await desktop.core.call('appointments.list', {
    doctorId,
    fromDate: '2026-11-23',
    toDate: '2026-12-31',
    limit: 200,
  });
  return page.items.map((a) => `${a.id}:${a.status}:${a.startsAt}`).sort();
}

/** Polls until `check` passes (no fixed sleeps in tests). */
export async function waitFor<T>(check: () => T | Promise<T>, what: string, timeoutMs = 20_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let last: unknown;
  for (;;) {
    try {
      const value = await check();
      if (value !== false && value !== undefined && value !== null) return value;
    } catch (error) {
      last = error;
    }
    if (Date.now() > deadline)
      throw new Error(`timed out waiting for ${what}${last instanceof Error ? `: ${last.message}` : ''}`);
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}

export async function signedIn(desktop: Desktop, username: string): Promise<void> {
  await desktop.core.signIn(username, TEST_PASSWORD);
  await waitFor(() => desktop.core.connectionState().online, `${username}'s desktop to be online`);
  await desktop.core.syncNow();
}

/** Stops the hub's sync port (the hub's data stays), as if the reception PC dropped off the LAN. */
export async function hubDown(clinic: Clinic): Promise<number> {
  const port = Number(new URL(clinic.server.url).port);
  await clinic.server.endpoint.close();
  return port;
}

/** Serves the same hub again on the same port; desktops reconnect by themselves. */
export async function hubUp(clinic: Clinic, port: number): Promise<void> {
  const { createSocketEndpoint } = await import('@server/sync/socket-endpoint');
  const endpoint = createSocketEndpoint({
    core: clinic.server.hub.core,
    dispatcher: clinic.server.hub.dispatcher,
  });
  await endpoint.listen(port, '127.0.0.1');
  (clinic.server as { endpoint: typeof endpoint }).endpoint = endpoint;
}

export async function settled(desktops: Desktop[], timeoutMs = 20_000): Promise<void> {
  await waitFor(
    () =>
      desktops.every((d) => d.core.connectionState().online && d.core.connectionState().pendingCount === 0),
    'desktops to be online with nothing waiting',
    timeoutMs,
  );
  for (const d of desktops) await d.core.syncNow();
}

/**
 * Replaces the running hub by one restored from `backupFile` (new epoch), on the same port:
 * the hub's data directory is its test hub's `dir`.
 */
export async function restoreHubFrom(clinic: Clinic, backupFile: string): Promise<void> {
  const { restoreDatabase } = await import('@server/db/backup');
  const { openDatabase } = await import('@server/db/database');
  const { HubCore } = await import('@server/core/hub-core');
  const { createDispatcher } = await import('@server/core/dispatcher');
  const { handlers } = await import('@server/handlers/registry');
  const { createSocketEndpoint } = await import('@server/sync/socket-endpoint');
  const pino = (await import('pino')).default;
  const port = await hubDown(clinic);
  const { hub } = clinic.server;
  hub.db.close();
  const file = join(hub.dir, 'clinic.db');
  restoreDatabase(backupFile, file);
  const db = openDatabase(file);
  const core = new HubCore({
    db,
    auditKey: Buffer.alloc(32),
    clock: hub.clock,
    logger: pino({ level: 'silent' }),
  });
  const dispatcher = createDispatcher(core, handlers);
  Object.assign(hub, { db, core, dispatcher });
  const endpoint = createSocketEndpoint({ core, dispatcher });
  await endpoint.listen(port, '127.0.0.1');
  (clinic.server as { endpoint: typeof endpoint }).endpoint = endpoint;
}

export function userIdOf(clinic: Clinic, username: string): string {
  const row = clinic.server.hub.db.sqlite
    .prepare('SELECT id FROM users WHERE username = ?')
    .get(username) as {
    id: string;
  };
  return row.id;
}
