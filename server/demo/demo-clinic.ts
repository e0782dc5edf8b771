import type { Logger } from 'pino';
import { clinicDate, localToInstant } from '@shared/rules/zoned-time';
import type { Db } from '@server/db/database';
import { DemoDriver } from './demo-driver';
import { demoPatients } from './demo-patients';
import { historyStart, planMonth } from './demo-plan';
import { DemoRandom } from './demo-random';
import { setUpClinic } from './demo-setup';
import { DemoSim, type SeededDoctor, yieldToEventLoop } from './demo-sim';
import { DEMO_PASSWORD, DEMO_SETTINGS, DEMO_USERS } from './demo-staff';
import { settleToday } from './demo-today';

export { DEMO_PASSWORD, DEMO_USERS } from './demo-staff';

export interface DemoSummary {
  users: number;
  doctors: number;
  patients: number;
  appointments: number;
  consultations: number;
  bills: number;
  payments: number;
}

export interface SeedDemoOptions {
  db: Db;
  auditKey: Buffer;
  /** The demo's today: a month of history before it, the day so far, a few days booked ahead. */
  now: Date;
  logger: Logger;
  /** Stops the seeding (it then rejects with the signal's reason), e.g. on SIGTERM. */
  signal?: AbortSignal;
}

/**
 * Seeds a demo clinic (Sunrise Family Clinic, Bengaluru) on a hub that is not set up yet, through
 * the hub's own handlers on a moving clock, so that every record, change-log row and audit entry is
 * what the app itself writes. Deterministic for a given `now`. Does nothing on a set-up hub.
 */
export async function seedDemoClinic(options: SeedDemoOptions): Promise<DemoSummary | null> {
  const { db, logger } = options;
  const started = performance.now();
  const nowMs = options.now.getTime();
  const today = clinicDate(nowMs, ZONE);
  const driver = new DemoDriver({
    db,
    auditKey: options.auditKey,
    start: new Date(setupTime(today)),
    logger,
  });
  if (driver.core.isSetUp()) {
    logger.warn(
      'Demo data is only created on an empty data directory; this hub is already set up, so it starts with its own data.',
    );
    return null;
  }
  logger.info({ today }, 'seeding the demo clinic (a month of history; progress every 10%)…');
  const rng = demoRandom(nowMs);
  const doctors = await setUpClinic(driver, rng);
  const sim = planDemo(driver, rng, doctors, nowMs);
  await sim.run(options.signal, progressLog(db, logger, setupTime(today), nowMs));
  await yieldToEventLoop(options.signal);
  await settleToday(sim);

  const summary = countRecords(db);
  if (sim.problems.length > 0) {
    logger.warn(
      { count: sim.problems.length, first: sim.problems.slice(0, 10) },
      'some demo steps were refused by the hub and skipped',
    );
  }
  logger.info(
    { ...summary, seconds: Math.round((performance.now() - started) / 100) / 10 },
    `demo clinic ready: ${summary.patients} patients, ${summary.appointments} appointments, ` +
      `${summary.consultations} consultations`,
  );
  logger.info(
    { users: DEMO_USERS.map((u) => `${u.username} (${u.role})`) },
    `demo sign-in: any of these usernames with the password ${DEMO_PASSWORD}`,
  );
  return summary;
}

const ZONE = DEMO_SETTINGS.timeZone;

/** The demo is seeded from the start minute: the same minute, the same clinic. */
export const demoRandom = (nowMs: number) => new DemoRandom(Math.floor(nowMs / 60_000));

/** The admin set the hub up a week before the month of history. */
const setupTime = (today: string) =>
  Date.parse(localToInstant(historyStart(today), '10:00', ZONE)) - 7 * 86_400_000;

/** The patients and the month's events (none run yet), drawn after the clinic's set-up. */
export function planDemo(
  driver: DemoDriver,
  rng: DemoRandom,
  doctors: readonly SeededDoctor[],
  nowMs: number,
): DemoSim {
  const today = clinicDate(nowMs, ZONE);
  const sim = new DemoSim(driver, rng, ZONE, nowMs, doctors, demoPatients(rng, today));
  planMonth(sim, today, setupTime(today));
  return sim;
}

/** One log line at every tenth of the simulated month, with what exists so far. */
function progressLog(db: Db, logger: Logger, fromMs: number, toMs: number): (atMs: number) => void {
  let logged = 0;
  return (atMs) => {
    const percent = Math.floor(((atMs - fromMs) / (toMs - fromMs)) * 10) * 10;
    if (percent <= logged || percent >= 100) return;
    logged = percent;
    const { patients, appointments, consultations } = countRecords(db);
    logger.info(
      { percent, patients, appointments, consultations },
      `seeding the demo clinic: ${percent}% (${clinicDate(atMs, ZONE)}; ${patients} patients, ` +
        `${appointments} appointments, ${consultations} consultations so far)`,
    );
  };
}

function countRecords(db: Db): DemoSummary {
  const count = (table: string) =>
    (db.sqlite.prepare(`SELECT COUNT(*) AS n FROM ${table}`).get() as { n: number }).n;
  return {
    users: count('users'),
    doctors: count('doctors'),
    patients: count('patients'),
    appointments: count('appointments'),
    consultations: count('consultations'),
    bills: count('bills'),
    payments: count('payments'),
  };
}
