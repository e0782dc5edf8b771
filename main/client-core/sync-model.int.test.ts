import { randomUUID } from 'node:crypto';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ApiFailure } from '@shared/contract/errors';
import {
  at,
  type Clinic,
  type Desktop,
  hubDown,
  hubUp,
  newDesktop,
  removeDesktopDirs,
  settled,
  signedIn,
  startClinic,
} from '@main/client-core/testing/clinic';

type Step =
  | { kind: 'hub'; up: boolean }
  | { kind: 'book'; desk: number; slot: number; patient: number }
  | { kind: 'cancel' | 'checkIn'; desk: number; pick: number }
  | { kind: 'pay'; desk: number; patient: number; amount: number };

const SLOTS = ['09:00', '09:30', '10:00', '10:30', '11:00', '11:30'];
const stepArb: fc.Arbitrary<Step> = fc.oneof(
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('hub' as const), up: fc.boolean() }) },
  {
    weight: 4,
    arbitrary: fc.record({
      kind: fc.constant('book' as const),
      desk: fc.nat(2),
      slot: fc.nat(SLOTS.length - 1),
      patient: fc.nat(4),
    }),
  },
  {
    weight: 2,
    arbitrary: fc.record({
      kind: fc.constantFrom('cancel' as const, 'checkIn' as const),
      desk: fc.nat(2),
      pick: fc.nat(20),
    }),
  },
  {
    weight: 1,
    arbitrary: fc.record({
      kind: fc.constant('pay' as const),
      desk: fc.nat(2),
      patient: fc.nat(4),
      amount: fc.integer({ min: 100, max: 5_000 }),
    }),
  },
);

/** Runs one random history; returns nothing, asserts inside. */
async function runHistory(steps: Step[]): Promise<void> {
  const clinic: Clinic = await startClinic({ patients: 5 });
  const desks: Desktop[] = [0, 1, 2].map((i) => newDesktop(clinic.server.url, `desk${i}`));
  let port: number | null = null;
  try {
    const users = [clinic.users.receptionist, clinic.users.receptionist2, clinic.users.receptionist];
    for (const [i, d] of desks.entries()) await signedIn(d, users[i]!);
    const made = desks.map(() => new Set<string>());
    for (const step of steps) {
      if (step.kind === 'hub') {
        if (!step.up && port === null) port = await hubDown(clinic);
        else if (step.up && port !== null) {
          await hubUp(clinic, port);
          port = null;
        }
        continue;
      }
      const desk = desks[step.desk]!;
      try {
        if (step.kind === 'book') {
          const id = randomUUID();
          await desk.core.call('appointments.book', {
            id,
            patientId: clinic.patientIds[step.patient]!,
            doctorId: clinic.doctorId,
            startsAt: at('2026-11-23', SLOTS[step.slot]!),
          });
          made[step.desk]!.add(id);
        } else if (step.kind === 'pay') {
          const billId = randomUUID();
          await desk.core.call('billing.createBill', {
            id: billId,
            patientId: clinic.patientIds[step.patient]!,
            items: [{ kind: 'procedure', description: 'Dressing', quantity: 1, unitPrice: step.amount }],
          });
          made[step.desk]!.add(billId);
          await desk.core.call('billing.recordPayment', {
            id: randomUUID(),
            billId,
            amount: step.amount,
            mode: 'cash',
          });
        } else {
          const page = await desk.core.call('appointments.list', {
            doctorId: clinic.doctorId,
            fromDate: '2026-11-23',
            toDate: '2026-11-23',
          });
          const live = page.items.filter((a) => a.status === 'CONFIRMED');
          const target = live[step.pick % Math.max(live.length, 1)];
          if (!target) continue;
          if (step.kind === 'cancel')
            await desk.core.call('appointments.cancel', { id: target.id, reason: 'model' });
          else await desk.core.call('queue.checkIn', { appointmentId: target.id });
        }
      } catch (error) {
        // A change refused on the spot (slot taken locally, wrong state) was never made.
        if (!(error instanceof ApiFailure)) throw error;
      }
    }
    if (port !== null) await hubUp(clinic, port);
    await settled(desks);
    await settled(desks);

    const hubDb = clinic.server.hub.db.sqlite;
    // No double booking.
    const active = hubDb
      .prepare("SELECT startsAt FROM appointments WHERE status IN ('REQUESTED','CONFIRMED','CHECKED_IN')")
      .all() as { startsAt: string }[];
    expect(new Set(active.map((a) => a.startsAt)).size).toBe(active.length);
    // Convergence: every desktop shows the hub's appointments and bills.
    const hubAppointments = (
      hubDb.prepare('SELECT id, status FROM appointments').all() as { id: string; status: string }[]
    )
      .map((a) => `${a.id}:${a.status}`)
      .sort();
    const hubBills = (hubDb.prepare('SELECT id, paid FROM bills').all() as { id: string; paid: number }[])
      .map((b) => `${b.id}:${b.paid}`)
      .sort();
    for (const desk of desks) {
      const page = await desk.core.call('appointments.list', {
        doctorId: clinic.doctorId,
        fromDate: '2026-11-23',
        toDate: '2026-11-23',
        limit: 200,
      });
      expect(page.items.map((a) => `${a.id}:${a.status}`).sort()).toEqual(hubAppointments);
      const bills = await desk.core.call('billing.list', { limit: 200 });
      expect(bills.items.map((b) => `${b.id}:${b.paid}`).sort()).toEqual(hubBills);
    }
    // Nothing lost: each change made is on the hub, or its author has it in needs attention.
    for (const [i, desk] of desks.entries()) {
      const flagged = new Set(desk.core.needsAttention().map((e) => (e.input as { id?: string }).id));
      for (const id of made[i]!) {
        const onHub = hubDb
          .prepare('SELECT 1 FROM appointments WHERE id = ? UNION SELECT 1 FROM bills WHERE id = ?')
          .get(id, id);
        expect(onHub !== undefined || flagged.has(id), `change ${id} of desk ${i}`).toBe(true);
      }
    }
  } finally {
    for (const d of desks) await d.close();
    await clinic.close();
    removeDesktopDirs();
  }
}

describe('client core sync model (fast-check)', { timeout: 120_000 }, () => {
  it('N desktops, random offline periods and book/cancel/check-in/pay: no double booking, convergence, nothing lost', async () => {
    const seed = Number(process.env.SYNC_MODEL_SEED ?? Date.now() % 1_000_000);
    console.log(`sync model seed ${seed} (rerun with SYNC_MODEL_SEED=${seed})`);
    await fc.assert(fc.asyncProperty(fc.array(stepArb, { minLength: 8, maxLength: 24 }), runHistory), {
      numRuns: 3,
      seed,
      endOnFailure: true,
    });
  });
});
