import { addDays, clinicDate } from '@shared/rules/zoned-time';
import type { DemoPatient } from './demo-patients';
import { MINUTE_MS, type DemoSim, type SeededDoctor, type Visit } from './demo-sim';
import { markNoShow, planArrival, queued } from './demo-visit-flow';

const CANCEL_REASONS = [
  'Patient called: travelling out of town',
  'Patient is unwell and will come another day',
  'Clash with an office meeting; will call to rebook',
  'Family function; patient asked to cancel',
  'Feeling better, visit not needed now',
];
const RESCHEDULE_REASONS = [
  'Patient asked for a later time: stuck at work',
  'Patient requested another day: child has exams',
  'Running late in traffic; moved to a later slot',
  'Patient asked to come with a family member',
];
const NOTES = [
  '',
  '',
  '',
  '',
  'Bring previous reports',
  'Prefers Kannada',
  'Needs wheelchair at the entrance',
];

/** Who a doctor sees: children go to the paediatrician, adult women to the gynaecologist. */
export function fits(doctor: SeededDoctor, patient: DemoPatient): boolean {
  switch (doctor.spec.key) {
    case 'iyer':
      return patient.age < 16;
    case 'fernandes':
      return patient.sex === 'female' && patient.age >= 16;
    case 'menon':
      return patient.age >= 14;
    case 'singh':
      return patient.age >= 12;
    case 'bose':
      return patient.age >= 10;
  }
}

interface OpenSlot {
  start: string;
  date: string;
}

async function openSlots(sim: DemoSim, doctor: SeededDoctor, fromDate: string, toDate: string) {
  const days = await sim.driver.as(sim.frontDesk(), 'slots.list', { doctorId: doctor.id, fromDate, toDate });
  return days.flatMap((day) => day.slots.map((slot): OpenSlot => ({ start: slot.start, date: day.date })));
}

async function book(sim: DemoSim, doctor: SeededDoctor, patient: DemoPatient, slot: OpenSlot): Promise<void> {
  const id = sim.rng.uuid();
  const bookedAt = sim.driver.nowMs;
  await sim.driver.as(sim.frontDesk(), 'appointments.book', {
    id,
    patientId: patient.id,
    doctorId: doctor.id,
    startsAt: slot.start,
    type: sim.previousCase(doctor, patient.id) ? 'FOLLOW_UP' : 'NEW_VISIT',
    note: sim.rng.pick(NOTES),
  });
  const visit: Visit = {
    id,
    patient,
    doctor,
    startMs: Date.parse(slot.start),
    date: slot.date,
    state: 'booked',
  };
  sim.visits.set(id, visit);
  sim.setBusy(patient.id, slot.date, true);
  planFate(sim, visit, bookedAt);
}

/** A phone or desk booking of a registered patient (often one the doctor has seen before). */
export async function bookRegular(sim: DemoSim, doctor: SeededDoctor, date: string): Promise<void> {
  const { rng } = sim;
  const candidates = sim.patients.filter(
    (p) => sim.registered.has(p.id) && fits(doctor, p) && !sim.isBusyOn(p.id, date),
  );
  const returning = candidates.filter((p) => sim.previousCase(doctor, p.id));
  const patient =
    returning.length > 0 && rng.chance(0.45) ? rng.pick(returning) : candidates[0] && rng.pick(candidates);
  if (!patient) return;
  const slots = await openSlots(sim, doctor, date, date);
  if (slots.length === 0) return;
  await book(sim, doctor, patient, rng.pick(slots));
}

/** A new patient at the desk: registered, then booked with a suitable doctor in the next days. */
export async function newPatientVisit(sim: DemoSim, patient: DemoPatient): Promise<void> {
  const { rng } = sim;
  await sim.driver.as(sim.frontDesk(), 'patients.register', { id: patient.id, details: patient.details });
  sim.registered.add(patient.id);
  const suitable = sim.doctors.filter((d) => fits(d, patient));
  const doctor =
    suitable.find((d) => d.spec.key === 'iyer') ??
    (rng.chance(0.45) ? suitable.find((d) => d.spec.key === 'menon') : undefined) ??
    rng.pick(suitable);
  const today = clinicDate(sim.driver.nowMs, sim.zone);
  const earliest = sim.driver.nowMs + 30 * MINUTE_MS;
  const slots = (await openSlots(sim, doctor, today, addDays(today, 3)))
    .filter((s) => Date.parse(s.start) >= earliest && !sim.isBusyOn(patient.id, s.date))
    .slice(0, 12);
  if (slots.length === 0) return;
  await book(sim, doctor, patient, rng.pick(slots));
}

/** Most visits happen; some are cancelled, moved or missed. */
function planFate(sim: DemoSim, visit: Visit, bookedAt: number): void {
  const { rng } = sim;
  const lead = visit.startMs - bookedAt;
  const r = rng.next();
  if (r < 0.05 && lead > 60 * MINUTE_MS) {
    const at = bookedAt + 10 * MINUTE_MS + rng.next() * (lead - 40 * MINUTE_MS);
    sim.schedule(at, `cancel ${visit.id}`, () => cancel(sim, visit));
  } else if (r < 0.065 && lead > 150 * MINUTE_MS) {
    const at = bookedAt + 10 * MINUTE_MS + rng.next() * (lead - 130 * MINUTE_MS);
    sim.schedule(at, `reschedule ${visit.id}`, () => reschedule(sim, visit));
  } else if (r < 0.12) {
    sim.schedule(visit.startMs + sim.minutes(20, 45), `no-show ${visit.id}`, () => markNoShow(sim, visit));
  } else {
    planArrival(sim, visit);
  }
}

async function cancel(sim: DemoSim, visit: Visit): Promise<void> {
  if (visit.state !== 'booked') return;
  await sim.driver.as(sim.frontDesk(), 'appointments.cancel', {
    id: visit.id,
    reason: sim.rng.pick(CANCEL_REASONS),
  });
  visit.state = 'cancelled';
  sim.setBusy(visit.patient.id, visit.date, false);
}

async function reschedule(sim: DemoSim, visit: Visit): Promise<void> {
  if (visit.state !== 'booked') return;
  const later = visit.startMs + 60 * MINUTE_MS;
  const options = (await openSlots(sim, visit.doctor, visit.date, addDays(visit.date, 3)))
    .filter(
      (s) =>
        Date.parse(s.start) >= later && (s.date === visit.date || !sim.isBusyOn(visit.patient.id, s.date)),
    )
    .slice(0, 10);
  if (options.length > 0) {
    const slot = sim.rng.pick(options);
    await sim.driver.as(sim.frontDesk(), 'appointments.reschedule', {
      id: visit.id,
      newStartsAt: slot.start,
      reason: sim.rng.pick(RESCHEDULE_REASONS),
    });
    sim.setBusy(visit.patient.id, visit.date, false);
    visit.startMs = Date.parse(slot.start);
    visit.date = slot.date;
    sim.setBusy(visit.patient.id, slot.date, true);
  }
  planArrival(sim, visit);
}

/** A walk-in without a booking, queued between the scheduled patients. */
export async function walkIn(sim: DemoSim, doctor: SeededDoctor): Promise<void> {
  const date = clinicDate(sim.driver.nowMs, sim.zone);
  const candidates = sim.patients.filter(
    (p) => sim.registered.has(p.id) && fits(doctor, p) && !sim.isBusyOn(p.id, date),
  );
  if (candidates.length === 0) return;
  const patient = sim.rng.pick(candidates);
  const id = sim.rng.uuid();
  const { appointment, entry } = await sim.driver.as(sim.frontDesk(), 'queue.walkIn', {
    appointmentId: id,
    doctorId: doctor.id,
    patientId: patient.id,
    placement: 'queue',
  });
  const visit: Visit = {
    id,
    patient,
    doctor,
    startMs: Date.parse(appointment.startsAt),
    date,
    state: 'booked',
  };
  sim.visits.set(id, visit);
  sim.setBusy(patient.id, date, true);
  queued(sim, visit, entry.id);
}
