import { writeFileSync } from 'node:fs';
import { insertAppointments, insertPatients } from './generate-data';
import { benchDoctors, benchHub, percentile, timeAsyncMs, timeMs } from './bench-hub';
import { syncBenchmarks } from './bench-sync';
import { analyticsAtScale } from './analytics-bench';
import { hubProcessRssMb } from './hub-memory';
import { uiPropagation } from './ui-bench';
import { notificationsBench } from './notifications-bench';
import { displayBench } from './display-bench';
import { gatewayBench } from './gateway-bench';
import { companionBench } from './companion-bench';

/**
 * npm run bench [-- --json FILE] [--only booking|queries|sync|analytics|ui|notifications|display|gateway|companion]: performance figures of the hub with ratios against raw
 * baselines measured in the same run. Not a test: it never fails on a number.
 */
const jsonFile = process.argv.includes('--json')
  ? process.argv[process.argv.indexOf('--json') + 1]
  : undefined;
const NOW = '2026-11-23T02:30:00.000Z'; // Monday 08:00 in Kolkata
const DAY = 86_400_000;
const BOOKING_CLIENTS = 8;
const figures: Record<string, number> = {};

async function bookingThroughput() {
  const hub = await benchHub(NOW);
  const doctors = benchDoctors(hub.db, 5, 15);
  const patients = insertPatients(hub.db, 2_000);
  const firstSlot = Date.parse('2026-11-24T02:30:00.000Z'); // tomorrow 08:00
  const bookings = patients.map((patientId, i) => ({
    id: crypto.randomUUID(),
    patientId,
    doctorId: doctors[i % doctors.length]!,
    startsAt: new Date(
      firstSlot +
        Math.floor(i / doctors.length) * 15 * 60_000 +
        Math.floor(i / (doctors.length * 48)) * (DAY - 48 * 15 * 60_000),
    ).toISOString(),
  }));
  // One desk booking alone, then eight clients at once (receptionists and patient apps on a busy
  // morning), which is where the hub's group commit lets bookings share a durable commit.
  const sequential = bookings.slice(0, 500);
  const sequentialMs = await timeAsyncMs(async () => {
    for (const booking of sequential) await hub.call(hub.receptionist, 'appointments.book', booking);
  });
  figures.booking_sequential_per_s = Math.round((sequential.length / sequentialMs) * 1000);
  const concurrent = bookings.slice(sequential.length);
  let next = 0;
  const elapsed = await timeAsyncMs(() =>
    Promise.all(
      Array.from({ length: BOOKING_CLIENTS }, async () => {
        while (next < concurrent.length) {
          await hub.call(hub.receptionist, 'appointments.book', concurrent[next++]!);
        }
      }),
    ),
  );
  figures.booking_per_s = Math.round((concurrent.length / elapsed) * 1000);
  const rows = hub.db.sqlite.prepare('SELECT * FROM appointments').all() as Record<string, unknown>[];
  hub.close();

  // The same rows, inserted plainly (one transaction each, same durability), into a fresh database.
  const raw = await benchHub(NOW);
  for (const id of doctors)
    raw.db.sqlite
      .prepare(
        `INSERT INTO doctors (id, fullName, specialization, registrationNumber, fees, sessionMinutes, tokenPrefix) VALUES (?, 'Dr', 'GP', ?, '{}', 15, 'B')`,
      )
      .run(id, id);
  const patientInsert = raw.db.sqlite.prepare(
    `INSERT INTO patients (id, code, fullName, nameFolded, sex, createdAt, updatedAt) VALUES (?, ?, 'x', 'x', 'unknown', '', '')`,
  );
  raw.db.sqlite.transaction(() => patients.forEach((id, i) => patientInsert.run(id, `PAT${i}`)))();
  const columns = Object.keys(rows[0]!);
  const insert = raw.db.sqlite.prepare(
    `INSERT INTO appointments (${columns.map((c) => `"${c}"`).join(', ')}) VALUES (${columns.map(() => '?').join(', ')})`,
  );
  const rawElapsed = timeMs(() => {
    for (const row of rows) raw.db.sqlite.transaction(() => insert.run(...columns.map((c) => row[c])))();
  });
  figures.raw_insert_per_s = Math.round((rows.length / rawElapsed) * 1000);
  figures.booking_vs_raw = Number((figures.booking_per_s / figures.raw_insert_per_s).toFixed(2));
  raw.close();
}

async function queriesAtScale() {
  const hub = await benchHub(NOW);
  const doctors = benchDoctors(hub.db, 5, 30);
  const patients = insertPatients(hub.db, 100_000);
  insertAppointments(hub.db, doctors, patients, 100_000, Date.parse('2025-06-01T00:00:00.000Z'));
  figures.appointments_in_db = (
    hub.db.sqlite.prepare('SELECT count(*) AS n FROM appointments').get() as { n: number }
  ).n;

  const slotSamples: number[] = [];
  const rawSlotSamples: number[] = [];
  const month = { doctorId: doctors[0]!, fromDate: '2026-12-01', toDate: '2026-12-31' };
  const rawQuery = hub.db.sqlite.prepare(
    `SELECT startMs, endMs FROM appointments WHERE doctorId = ? AND startMs < ? AND endMs > ? AND status IN ('REQUESTED','CONFIRMED','CHECKED_IN')`,
  );
  for (let i = 0; i < 40; i++) {
    slotSamples.push(await timeAsyncMs(() => hub.call(hub.receptionist, 'slots.list', month)));
    rawSlotSamples.push(
      timeMs(() => rawQuery.all(doctors[0], Date.parse('2027-01-01'), Date.parse('2026-12-01'))),
    );
  }
  figures.slots_month_p50_ms = Number(percentile(slotSamples, 50).toFixed(2));
  figures.slots_month_raw_query_p50_ms = Number(percentile(rawSlotSamples, 50).toFixed(3));

  const searches = [
    'ash',
    'ravi ku',
    'nunez',
    'PAT004321',
    '98',
    'priya sh',
    'me',
    'zoe',
    'fatima k',
    'arjun',
  ];
  const searchSamples: number[] = [];
  const rawSearchSamples: number[] = [];
  const rawSearch = hub.db.sqlite.prepare(
    `SELECT p.id FROM patients_fts f JOIN patients p ON p.rowid = f.rowid WHERE patients_fts MATCH ? LIMIT 20`,
  );
  for (let round = 0; round < 5; round++) {
    for (const text of searches) {
      searchSamples.push(await timeAsyncMs(() => hub.call(hub.receptionist, 'patients.search', { text })));
      rawSearchSamples.push(timeMs(() => rawSearch.all(`"${text.split(' ')[0]!.toLowerCase()}"*`)));
    }
  }
  figures.search_p50_ms = Number(percentile(searchSamples, 50).toFixed(2));
  figures.search_raw_fts_p50_ms = Number(percentile(rawSearchSamples, 50).toFixed(3));
  figures.bench_process_rss_mb = Math.round(process.memoryUsage().rss / 1024 / 1024);
  hub.db.close();
  figures.hub_rss_mb = await hubProcessRssMb(
    hub.dir,
    { username: 'reception', password: hub.password },
    { month, searches },
  );
  hub.close();
}

const targets: Record<string, string> = {
  booking_per_s: '≥ 1000',
  booking_vs_raw: '≥ 0.3',
  slots_month_p50_ms: '< 5',
  search_p50_ms: '< 10',
  hub_rss_mb: '< 250',
  propagation_p99_ms: '< 50 and ≤ 5 × socketio_rtt_p99_ms',
  propagation_vs_rtt_p99: '≤ 5',
  catchup_5000_s: '< 5',
  initial_sync_s: '< 10',
  ui_propagation_max_ms: '< 1000',
  ui_propagation_p99_ms: '< 150',
  booking_p99_draining_vs_idle: '≤ 2',
  display_call_p99_ms: '< 300',
  gateway_book_to_desk_p99_ms: '< 500',
  desk_booking_under_load_vs_idle: '≤ 2',
  companion_first_load_kb_gz: '≤ 250',
  companion_queue_update_p99_ms: '',
};

const phases: Record<string, () => Promise<void>> = {
  booking: bookingThroughput,
  queries: queriesAtScale,
  sync: () => syncBenchmarks(figures),
  analytics: () => analyticsAtScale(figures),
  ui: () => uiPropagation(figures),
  display: () => displayBench(figures),
  gateway: () => gatewayBench(figures),
  companion: () => companionBench(figures),
  notifications: async () => {
    Object.assign(figures, await notificationsBench());
    figures.booking_p99_draining_vs_idle = Number(
      (figures.booking_p99_ms_while_draining! / figures.booking_p99_ms_idle!).toFixed(2),
    );
  },
};
const only = process.argv.includes('--only') ? process.argv[process.argv.indexOf('--only') + 1] : undefined;
if (only !== undefined && !(only in phases)) {
  throw new Error(`--only takes one of: ${Object.keys(phases).join(', ')}`);
}
for (const [name, run] of Object.entries(phases)) if (only === undefined || only === name) await run();
console.table(
  Object.entries(figures).map(([key, value]) => ({ figure: key, value, target: targets[key] ?? '' })),
);
if (jsonFile) writeFileSync(jsonFile, JSON.stringify(figures, null, 2) + '\n');
