import type { PaymentMode } from '@shared/domain/billing.schema';
import { clinicDate } from '@shared/rules/zoned-time';
import { TEST_PRICES } from './demo-case-types';
import { chooseCase, consultationContent, vitalsFor } from './demo-consultation';
import { MINUTE_MS, type DemoSim, type SeededDoctor, type Visit } from './demo-sim';

const MODES: readonly PaymentMode[] = ['upi', 'upi', 'upi', 'upi', 'cash', 'cash', 'cash', 'card', 'card'];

/** The patient turns up a few minutes early (now and then a little late) and is checked in. */
export function planArrival(sim: DemoSim, visit: Visit): void {
  const at = sim.rng.chance(0.06) ? visit.startMs + sim.minutes(3, 12) : visit.startMs - sim.minutes(2, 20);
  sim.schedule(at, `check-in ${visit.id}`, () => arrive(sim, visit));
}

export async function arrive(sim: DemoSim, visit: Visit): Promise<void> {
  if (visit.state !== 'booked') return;
  const entry = await sim.driver.as(sim.frontDesk(), 'queue.checkIn', {
    appointmentId: visit.id,
    priority: sim.rng.chance(0.03) ? 'urgent' : 'normal',
  });
  queued(sim, visit, entry.id);
}

/** In the doctor's queue: the nurse may take vitals; the doctor calls when free. */
export function queued(sim: DemoSim, visit: Visit, entryId: string): void {
  visit.state = 'waiting';
  visit.entryId = entryId;
  visit.kase = chooseCase(
    sim.rng,
    visit.doctor.spec.key,
    visit.patient,
    sim.previousCase(visit.doctor, visit.patient.id),
  );
  sim.doctorDay(visit.doctor.id).waiting.add(visit.id);
  const now = sim.driver.nowMs;
  if (sim.rng.chance(0.65)) sim.schedule(now + sim.minutes(2, 6), 'vitals', () => recordVitals(sim, visit));
  sim.schedule(Math.max(now + MINUTE_MS, visit.startMs - 5 * MINUTE_MS), 'call next', () =>
    callNext(sim, visit.doctor),
  );
}

async function recordVitals(sim: DemoSim, visit: Visit): Promise<void> {
  if (visit.state !== 'waiting') return;
  const result = await sim.driver.as('nurse.leela', 'consultations.recordVitals', {
    id: sim.rng.uuid(),
    appointmentId: visit.id,
    vitals: vitalsFor(sim.rng, visit.patient, visit.kase?.fever === true),
  });
  visit.consultationId = result.consultationId;
  visit.nurseVitals = true;
}

export async function callNext(sim: DemoSim, doctor: SeededDoctor): Promise<void> {
  const day = sim.doctorDay(doctor.id);
  if (day.busy || day.waiting.size === 0) return;
  const entry = await sim.driver.as(doctor.spec.username, 'queue.callNext', { doctorId: doctor.id });
  const visit = entry ? sim.visits.get(entry.appointmentId) : undefined;
  if (!visit) throw new Error(`the queue of ${doctor.spec.key} called ${entry?.token ?? 'nobody'}`);
  day.waiting.delete(visit.id);
  day.busy = visit;
  visit.state = 'called';
  sim.schedule(sim.driver.nowMs + sim.minutes(1, 2), 'start', () => startConsultation(sim, visit));
}

export async function startConsultation(sim: DemoSim, visit: Visit): Promise<void> {
  await sim.driver.as(visit.doctor.spec.username, 'queue.startConsultation', { id: visit.entryId! });
  visit.state = 'consulting';
  const session = visit.doctor.spec.details.sessionMinutes ?? 15;
  // Today the doctors run a little behind, so the waiting room is not empty.
  const today = visit.date === clinicDate(sim.nowMs, sim.zone);
  const minutes = Math.max(6, Math.round(session * ((today ? 0.95 : 0.6) + sim.rng.next() * 0.6)));
  const now = sim.driver.nowMs;
  sim.schedule(now + (minutes - 3) * MINUTE_MS, 'write record', () => writeRecord(sim, visit));
  sim.schedule(now + (minutes - 1) * MINUTE_MS, 'sign record', () => signRecord(sim, visit));
  sim.schedule(now + minutes * MINUTE_MS, 'complete', () => complete(sim, visit));
}

async function writeRecord(sim: DemoSim, visit: Visit): Promise<void> {
  const content = consultationContent(sim.rng, visit.kase!, visit.patient, {
    date: visit.date,
    followUp: sim.previousCase(visit.doctor, visit.patient.id) !== undefined,
    vitals: !visit.nurseVitals,
  });
  const view = await sim.driver.as(visit.doctor.spec.username, 'consultations.saveDraft', {
    id: visit.consultationId ?? sim.rng.uuid(),
    appointmentId: visit.id,
    content,
    baseRevision: visit.draftRevision ?? null,
  });
  visit.consultationId = view.consultation.id;
  visit.draftRevision = view.consultation.draftRevision;
  visit.testsRequested = (content.tests ?? []).map((t) => t.name);
}

/** What the doctor has written so far of the consultation going on now. */
export async function writeFirstNotes(sim: DemoSim, visit: Visit): Promise<void> {
  const content = consultationContent(sim.rng, visit.kase!, visit.patient, {
    date: visit.date,
    followUp: false,
    vitals: !visit.nurseVitals,
  });
  const view = await sim.driver.as(visit.doctor.spec.username, 'consultations.saveDraft', {
    id: visit.consultationId ?? sim.rng.uuid(),
    appointmentId: visit.id,
    content: { chiefComplaint: content.chiefComplaint, vitals: content.vitals },
    baseRevision: visit.draftRevision ?? null,
  });
  visit.consultationId = view.consultation.id;
  visit.draftRevision = view.consultation.draftRevision;
}

async function signRecord(sim: DemoSim, visit: Visit): Promise<void> {
  await sim.driver.as(visit.doctor.spec.username, 'consultations.finalize', { id: visit.consultationId! });
}

async function complete(sim: DemoSim, visit: Visit): Promise<void> {
  const day = sim.doctorDay(visit.doctor.id);
  day.busy = null;
  await sim.driver.as(visit.doctor.spec.username, 'appointments.complete', { id: visit.id });
  visit.state = 'finished';
  sim.rememberCase(visit.doctor, visit.patient.id, visit.kase!);
  const now = sim.driver.nowMs;
  sim.schedule(now + sim.minutes(2, 8), 'payment', () => pay(sim, visit));
  sim.schedule(now, 'call next', () => callNext(sim, visit.doctor));
}

/** At the desk: tests done here are added, seniors get 10 % off, and the patient pays (mostly in full). */
async function pay(sim: DemoSim, visit: Visit): Promise<void> {
  const { db } = sim.driver.core;
  const bill = db.first(db.q.selectFrom('bills').select('id').where('appointmentId', '=', visit.id));
  if (!bill) throw new Error(`no bill for appointment ${visit.id}`);
  const desk = sim.frontDesk();
  const { rng } = sim;
  let view;
  const tests = (visit.testsRequested ?? []).filter((name) => TEST_PRICES[name] && rng.chance(0.6));
  if (tests.length > 0) {
    view = await sim.driver.as(desk, 'billing.addItems', {
      billId: bill.id,
      items: tests.map((name) => ({
        id: rng.uuid(),
        kind: 'test' as const,
        description: name,
        quantity: 1,
        unitPrice: TEST_PRICES[name]!,
      })),
    });
  }
  if (visit.patient.age >= 60 && rng.chance(0.4)) {
    view = await sim.driver.as(desk, 'billing.setDiscount', {
      billId: bill.id,
      discount: { kind: 'percent', basisPoints: 1000, reason: 'Senior citizen discount' },
    });
  }
  view ??= await sim.driver.as(desk, 'billing.get', { id: bill.id });
  const outstanding = view.bill.outstanding;
  const r = rng.next();
  if (outstanding <= 0 || r < 0.02) return; // "will pay at the next visit"
  const mode = rng.pick(MODES);
  const amount = r < 0.07 ? Math.max(10_000, Math.floor(outstanding / 20_000) * 10_000) : outstanding;
  await sim.driver.as(desk, 'billing.recordPayment', {
    id: rng.uuid(),
    billId: bill.id,
    amount: Math.min(amount, outstanding),
    mode,
    reference: paymentReference(sim, mode),
  });
}

function paymentReference(sim: DemoSim, mode: PaymentMode): string {
  const digits = (n: number) => Array.from({ length: n }, () => sim.rng.int(0, 9)).join('');
  if (mode === 'upi') return `UPI ${digits(12)}`;
  if (mode === 'card') return `Card ••${digits(4)}, auth ${digits(6)}`;
  return '';
}

export async function markNoShow(sim: DemoSim, visit: Visit): Promise<void> {
  if (visit.state !== 'booked') return;
  await sim.driver.as(sim.frontDesk(), 'appointments.markNoShow', {
    id: visit.id,
    reason: sim.rng.chance(0.5) ? 'Did not come; phone not answered' : '',
  });
  visit.state = 'noShow';
  sim.setBusy(visit.patient.id, visit.date, false);
}
