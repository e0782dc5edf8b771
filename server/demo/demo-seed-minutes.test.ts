import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { foldName } from '@shared/rules/patient-identity';
import { clinicDate } from '@shared/rules/zoned-time';
import { type Db, openDatabase } from '@server/db/database';
import { planDemo } from './demo-clinic';
import { DemoDriver } from './demo-driver';
import { type DemoPatient, demoPatients } from './demo-patients';
import { DemoRandom } from './demo-random';
import { setUpClinic } from './demo-setup';
import type { SeededDoctor } from './demo-sim';

/** Far more draws than planning a demo takes (~60,000): a loop that never ends fails instead of hanging. */
const DRAW_BUDGET = 2_000_000;

/** The demo's generator, counting its draws and throwing past a budget. */
class BudgetRandom extends DemoRandom {
  draws = 0;
  limit = Number.POSITIVE_INFINITY;

  override next(): number {
    if (++this.draws > this.limit) throw new Error(`more than ${DRAW_BUDGET} random draws`);
    return super.next();
  }
}

/** A pseudo-random minute in 2025–2030 (seeded, so a failure names a minute that fails again). */
function minutes(count: number): number[] {
  const pick = new DemoRandom(20_261_206);
  const from = Date.parse('2025-01-01T00:00:00Z') / 60_000;
  return Array.from({ length: count }, () => from + pick.int(0, 6 * 525_600));
}

describe('planning the demo clinic at any start minute', () => {
  let dir: string;
  let db: Db;
  let driver: DemoDriver;
  let doctors: SeededDoctor[];
  let setupDraws: number;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'clinic-demo-minutes-'));
    db = openDatabase(join(dir, 'clinic.db'));
    driver = new DemoDriver({
      db,
      auditKey: Buffer.alloc(32, 7),
      start: new Date('2026-10-01T04:30:00Z'),
      logger: pino({ level: 'silent' }),
    });
    // The set-up draws the same number of values whatever they are: the plan of minute m starts
    // from DemoRandom(m) after that many draws, as in seedDemoClinic.
    const rng = new BudgetRandom(1);
    doctors = await setUpClinic(driver, rng);
    setupDraws = rng.draws;
  });
  afterAll(() => {
    db?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  /** The minute's generator where seedDemoClinic draws the patients, with a budget from there. */
  const afterSetUp = (minute: number) => {
    const rng = new BudgetRandom(minute);
    for (let i = 0; i < setupDraws; i++) rng.next();
    rng.limit = rng.draws + DRAW_BUDGET;
    return rng;
  };
  const distinctPeople = (patients: readonly DemoPatient[]) => {
    expect(new Set(patients.map((p) => foldName(p.details.fullName))).size).toBe(patients.length);
    const contacts = patients.flatMap((p) => p.details.emergencyContact?.name ?? []);
    const people = [...patients.map((p) => p.details.fullName), ...contacts];
    expect(new Set(people).size).toBe(people.length);
  };

  const reported = Math.floor(Date.parse('2026-12-06T22:23:25Z') / 60_000);
  it.each([reported, ...minutes(20)])('plans the month for minute %i', (minute) => {
    const sim = planDemo(driver, afterSetUp(minute), doctors, minute * 60_000 + 25_000);
    expect(sim.patients).toHaveLength(200);
    distinctPeople(sim.patients);
  });

  // The patients alone are quick to draw (planning the month takes ~20x as long): many more minutes.
  it('draws 200 distinct patients at 300 other minutes', () => {
    for (const minute of minutes(320).slice(20)) {
      const today = clinicDate(minute * 60_000, 'Asia/Kolkata');
      distinctPeople(demoPatients(afterSetUp(minute), today));
    }
  }, 120_000); // ~20 ms a minute alone, far longer beside other tests on 2 cores
});
