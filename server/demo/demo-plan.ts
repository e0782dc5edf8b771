import { addDays, localToInstant, weekdayOf } from '@shared/rules/zoned-time';
import { bookRegular, newPatientVisit, walkIn } from './demo-booking';
import { MINUTE_MS, type DemoSim } from './demo-sim';
import { blocksOn } from './demo-staff';

const HISTORY_DAYS = 30;
const UPCOMING_DAYS = 3;
/** Patients typed in from the old paper register on the first day. */
const INITIAL_PATIENTS = 60;
const BOOKED_DAYS_AHEAD = [0, 0, 1, 1, 1, 2, 2, 3, 4, 6];

export const historyStart = (today: string) => addDays(today, -HISTORY_DAYS);

/** The clinic's month as events: the first registrations, bookings for every working day, walk-ins, new patients. */
export function planMonth(sim: DemoSim, today: string, setupMs: number): void {
  const { rng, zone } = sim;
  const earliest = setupMs + 3 * 60 * MINUTE_MS;
  const local = (date: string, time: string) => Date.parse(localToInstant(date, time, zone));
  /** Before now (the past is all that happens) and after the setup. */
  const inPast = (ms: number) =>
    ms <= sim.nowMs - MINUTE_MS ? ms : Math.max(earliest, sim.nowMs - sim.minutes(1, 240));
  const deskDay = (date: string) => (weekdayOf(date) === 7 ? addDays(date, -1) : date);

  const initial = sim.patients.slice(0, INITIAL_PATIENTS);
  initial.forEach((patient, index) => {
    sim.schedule(setupMs + (60 + index * 2) * MINUTE_MS, `register ${patient.id}`, async () => {
      await sim.driver.as('reena', 'patients.register', { id: patient.id, details: patient.details });
      sim.registered.add(patient.id);
    });
  });

  const first = historyStart(today);
  for (let date = first; date <= addDays(today, UPCOMING_DAYS); date = addDays(date, 1)) {
    const weekday = weekdayOf(date);
    for (const doctor of sim.doctors) {
      const blocks = blocksOn(doctor.spec, weekday);
      if (blocks.length === 0) continue;
      const count = date < today ? rng.int(2, 7) : date === today ? rng.int(8, 11) : rng.int(2, 5);
      for (let i = 0; i < count; i++) {
        const ahead = rng.pick(BOOKED_DAYS_AHEAD);
        const day = deskDay(addDays(date, -ahead));
        const at =
          ahead === 0 ? local(day, '08:00') + sim.minutes(0, 40) : local(day, '09:00') + sim.minutes(0, 630);
        const run = () => bookRegular(sim, doctor, date);
        sim.schedule(inPast(Math.max(at, earliest)), `book ${doctor.spec.key} ${date}`, run);
      }
      if (date <= today && rng.chance(0.25)) {
        const block = blocks[0]!;
        const from = local(date, block.start) + 30 * MINUTE_MS;
        const to = local(date, block.end) - 45 * MINUTE_MS;
        const at = from + Math.floor((rng.next() * (to - from)) / MINUTE_MS) * MINUTE_MS;
        sim.schedule(at, `walk-in ${doctor.spec.key} ${date}`, () => walkIn(sim, doctor));
      }
    }
  }

  const days = Math.round((sim.nowMs - setupMs) / 86_400_000);
  for (const patient of sim.patients.slice(INITIAL_PATIENTS)) {
    sim.schedule(newPatientTime(sim, setupMs, days, inPast, deskDay), `new patient ${patient.id}`, () =>
      newPatientVisit(sim, patient),
    );
  }
}

function newPatientTime(
  sim: DemoSim,
  setupMs: number,
  days: number,
  inPast: (ms: number) => number,
  deskDay: (date: string) => string,
): number {
  const setupDate = new Date(setupMs).toISOString().slice(0, 10);
  const date = deskDay(addDays(setupDate, sim.rng.int(1, Math.max(1, days))));
  const at = Date.parse(localToInstant(date, '08:30', sim.zone)) + sim.minutes(0, 630);
  return inPast(at);
}
