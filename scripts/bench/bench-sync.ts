import { fork } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath, pathToFileURL } from 'node:url';
import BetterSqlite3 from 'better-sqlite3';
import {
  hubDown,
  hubUp,
  logAll,
  newDesktop,
  removeDesktopDirs,
  settled,
  signedIn,
  startClinic,
  TEST_PASSWORD,
  waitFor,
} from '@main/client-core/testing/clinic';
import { benchDoctors, percentile } from './bench-hub';
import { insertAppointments, insertPatients } from './generate-data';
import { startLanHub } from './lan-hub';

/**
 * Sync figures (issue 4): propagation desktop A → desktop B's replica against the raw Socket.IO
 * round trip of the same run, catch-up of 5,000 offline changes, and a fresh desktop's initial sync.
 */
export async function syncBenchmarks(figures: Record<string, number>): Promise<void> {
  await propagation(figures);
  await catchUp(figures);
  await initialSync(figures);
  rawBaseline(figures);
  removeDesktopDirs();
}

/**
 * Propagation: a patient registered on desktop A, from A's local commit until desktop B can read it
 * from its own replica (A's push, the hub's durable commit, the poke, B's pull and rebase). Hub (a real
 * `npm run hub` process), A and B run in three processes, as on a LAN, so that no side's
 * garbage collection or queued work lands in another's event loop. The raw baseline is `hello` round trips from B's
 * process to the same hub on a plain Socket.IO connection, taken between the samples (same
 * conditions: same processes, same heap and disk activity); a back-to-back series is reported too.
 */
async function propagation(figures: Record<string, number>) {
  const hub = await startLanHub(['reception-a', 'reception-b'], TEST_PASSWORD);
  const [a, b] = await Promise.all([
    forkDesktop(hub.url, 'reception-a'),
    forkDesktop(hub.url, 'reception-b'),
  ]);
  const samples: number[] = [];
  const rtt: number[] = [];
  for (let i = 0; i < 300; i++) {
    const id = randomUUID();
    await b.ask({ watch: id }, 'watching');
    const seen = b.ask(null, 'seen');
    const committed = await a.ask({ register: id }, 'committed');
    samples.push((await seen).at - committed.at);
    rtt.push(...(await b.ask({ rtt: 2 }, 'rtt')).rtt);
  }
  const quiet = (await b.ask({ rtt: 400 }, 'rtt')).rtt;
  figures.propagation_p50_ms = Number(percentile(samples, 50).toFixed(2));
  figures.propagation_p99_ms = Number(percentile(samples, 99).toFixed(2));
  figures.socketio_rtt_p50_ms = Number(percentile(rtt, 50).toFixed(3));
  figures.socketio_rtt_p99_ms = Number(percentile(rtt, 99).toFixed(3));
  figures.socketio_rtt_back_to_back_p99_ms = Number(percentile(quiet, 99).toFixed(3));
  figures.propagation_vs_rtt_p99 = Number(
    (figures.propagation_p99_ms / figures.socketio_rtt_p99_ms).toFixed(1),
  );
  await Promise.all([a.close(), b.close()]);
  await hub.stop();
}

interface DesktopAnswer {
  at: number;
  rtt: number[];
}

export interface ForkedDesktop {
  /** Sends `message` (if any) and resolves with the next answer carrying the key `answer`. */
  ask(message: object | null, answer: string): Promise<DesktopAnswer>;
  close(): Promise<void>;
}

export async function forkDesktop(hubUrl: string, username: string): Promise<ForkedDesktop> {
  const dataDir = mkdtempSync(join(tmpdir(), `clinic-bench-${username}-`));
  const script = fileURLToPath(new URL('./bench-desktop.ts', import.meta.url));
  const child = fork(script, [dataDir, hubUrl, username, TEST_PASSWORD], {
    execArgv: ['--import', 'tsx'],
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  const waiting = new Map<string, { resolve: (a: DesktopAnswer) => void; reject: (e: Error) => void }>();
  child.on('message', (message: Record<string, unknown>) => {
    for (const [key, waiter] of waiting) {
      if (!(key in message)) continue;
      waiting.delete(key);
      waiter.resolve(message as unknown as DesktopAnswer);
    }
  });
  child.once('exit', (code) => {
    for (const waiter of waiting.values())
      waiter.reject(new Error(`bench desktop ${username} exited (${code})`));
  });
  const ask = (message: object | null, answer: string) =>
    new Promise<DesktopAnswer>((resolve, reject) => {
      waiting.set(answer, { resolve, reject });
      if (message) child.send(message);
    });
  await ask(null, 'ready');
  return {
    ask,
    close: async () => {
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.send({ close: true });
      await exited;
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

async function catchUp(figures: Record<string, number>) {
  const clinic = await startClinic();
  const desk = newDesktop(clinic.server.url, 'bench-offline');
  await signedIn(desk, clinic.users.receptionist);
  const port = await hubDown(clinic);
  await waitFor(() => !desk.core.connectionState().online, 'offline');
  for (let i = 0; i < 5_000; i++) {
    await desk.core.call('patients.register', {
      id: randomUUID(),
      details: { fullName: `Offline ${i}`, sex: 'unknown' },
    });
  }
  const start = performance.now();
  await hubUp(clinic, port);
  await settled([desk], 600_000);
  figures.catchup_5000_s = Number(((performance.now() - start) / 1000).toFixed(2));
  await desk.close();
  await clinic.close();
}

async function initialSync(figures: Record<string, number>) {
  const clinic = await startClinic();
  const { db } = clinic.server.hub;
  const doctors = benchDoctors(db, 5, 30);
  const patients = insertPatients(db, 20_000);
  insertAppointments(db, doctors, patients, 50_000, Date.parse('2025-06-01T00:00:00.000Z'));
  db.sqlite.prepare("DELETE FROM changes WHERE entity IN ('patients', 'doctors', 'appointments')").run();
  for (const entity of ['doctors', 'patients', 'appointments']) logAll(db, entity);
  const desk = newDesktop(clinic.server.url, 'bench-fresh');
  const start = performance.now();
  await signedIn(desk, clinic.users.receptionist);
  await waitFor(() => desk.core.connectionState().lastSyncAt !== null, 'first sync', 120_000);
  figures.initial_sync_s = Number(((performance.now() - start) / 1000).toFixed(2));
  const page = await desk.core.call('appointments.list', { limit: 1 });
  figures.initial_sync_appointments = page.total ?? 0;
  await desk.close();
  await clinic.close();
}

/**
 * The same machine's raw speed in this run (it is shared and often loaded): 70,000 rows of a
 * dozen columns inserted through one prepared statement, 5,000 per durable transaction, into a
 * plain WAL table with one index. Catch-up and initial sync are also given as ratios to it.
 */
function rawBaseline(figures: Record<string, number>) {
  const dir = mkdtempSync(join(tmpdir(), 'clinic-bench-raw-'));
  const sqlite = new BetterSqlite3(join(dir, 'raw.db'));
  sqlite.pragma('journal_mode = WAL');
  sqlite.pragma('synchronous = FULL');
  const columns = Array.from({ length: 12 }, (_, i) => `c${i}`);
  sqlite.exec(`CREATE TABLE t (id TEXT PRIMARY KEY, ${columns.map((c) => `${c} TEXT`).join(', ')})`);
  sqlite.exec('CREATE INDEX t_c0 ON t (c0)');
  const insert = sqlite.prepare(`INSERT INTO t VALUES (?, ${columns.map(() => '?').join(', ')})`);
  const start = performance.now();
  for (let page = 0; page < 14; page++) {
    sqlite.transaction(() => {
      for (let i = 0; i < 5_000; i++) insert.run(randomUUID(), ...columns.map((c) => `${c}-${page}-${i}`));
    })();
  }
  figures.raw_insert_70000_s = Number(((performance.now() - start) / 1000).toFixed(2));
  sqlite.close();
  rmSync(dir, { recursive: true, force: true });
  if (figures.catchup_5000_s !== undefined)
    figures.catchup_vs_raw = Number((figures.catchup_5000_s / figures.raw_insert_70000_s).toFixed(1));
  if (figures.initial_sync_s !== undefined)
    figures.initial_sync_vs_raw = Number((figures.initial_sync_s / figures.raw_insert_70000_s).toFixed(1));
}

/**
 * Standalone: `npx tsx scripts/bench/bench-sync.ts [propagation,catchup,initial]` runs only the
 * sync figures (or the named ones), with the raw Socket.IO baseline of the same run.
 */
if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const only = new Set((process.argv[2] ?? 'propagation,catchup,initial').split(','));
  const figures: Record<string, number> = {};
  if (only.has('propagation')) await propagation(figures);
  if (only.has('catchup')) await catchUp(figures);
  if (only.has('initial')) await initialSync(figures);
  if (only.has('catchup') || only.has('initial')) rawBaseline(figures);
  removeDesktopDirs();
  console.table(figures);
  process.exit(0);
}
