import { randomUUID } from 'node:crypto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { localToInstant } from '@shared/rules/zoned-time';
import { insertAppointmentRow, insertDoctor, insertPatient } from '@server/testing/fixtures';
import { failureOf } from '@server/testing/failure';
import { createTestHub, freshAdmin, type TestHub } from '@server/testing/test-hub';
import { clinicDays, MON, TUE, WED } from './clinic-days.testing';

describe('analytics.dashboard', () => {
  let hub: TestHub;
  let world: Awaited<ReturnType<typeof clinicDays>>;

  beforeEach(async () => {
    hub = await createTestHub();
    world = await clinicDays(hub);
  }, 60_000);
  afterEach(() => hub.close());

  it('gives the daily summary, revenue by mode, doctors, no-shows, hours, slots and patients exactly', async () => {
    const dashboard = await hub.call(await freshAdmin(hub), 'analytics.dashboard', {
      fromDate: MON,
      toDate: WED,
      granularity: 'day',
    });
    expect(dashboard.days).toEqual([
      { date: MON, total: 4, completed: 2, cancelled: 1, noShow: 1, revenue: 110_000 },
      { date: TUE, total: 3, completed: 2, cancelled: 0, noShow: 0, revenue: 70_000 },
      { date: WED, total: 0, completed: 0, cancelled: 0, noShow: 0, revenue: 15_000 },
    ]);
    expect(dashboard.revenue).toEqual([
      {
        period: MON,
        granularity: 'day',
        total: 110_000,
        byMode: { cash: 30_000, card: 60_000, upi: 20_000 },
      },
      { period: TUE, granularity: 'day', total: 70_000, byMode: { cash: 30_000, card: 0, upi: 40_000 } },
      { period: WED, granularity: 'day', total: 15_000, byMode: { cash: -5_000, card: 0, upi: 20_000 } },
    ]);
    // Iyer sorts before Menon by name. Menon: 2 completed, 1 no-show of 3 known outcomes.
    expect(dashboard.doctors).toEqual([
      { doctorId: world.iyer, consultations: 2, revenue: 100_000, noShowRate: 0 },
      { doctorId: world.menon, consultations: 2, revenue: 95_000, noShowRate: 0.3333 },
    ]);
    expect(dashboard.noShowRate).toBe(0.2);
    expect(dashboard.peakHours).toHaveLength(24);
    expect(dashboard.peakHours.filter((h) => h.visits > 0)).toEqual([
      { hour: 9, visits: 3 },
      { hour: 11, visits: 1 },
    ]);
    expect(dashboard.popularSlots).toEqual([
      { localTime: '09:00', bookings: 3 },
      { localTime: '10:00', bookings: 2 },
      { localTime: '09:30', bookings: 1 },
      { localTime: '11:00', bookings: 1 },
    ]);
    // Asha's second visit (Tuesday) makes her a returning patient that day.
    expect(dashboard.patientTrends).toEqual([
      { period: MON, newPatients: 2, returningPatients: 0 },
      { period: TUE, newPatients: 1, returningPatients: 1 },
      { period: WED, newPatients: 0, returningPatients: 0 },
    ]);
  });

  it('rolls revenue and patients up by ISO week and by month', async () => {
    const caller = await freshAdmin(hub);
    const weekly = await hub.call(caller, 'analytics.dashboard', {
      fromDate: MON,
      toDate: '2026-11-30',
      granularity: 'week',
    });
    expect(weekly.revenue).toEqual([
      {
        period: '2026-W48',
        granularity: 'week',
        total: 195_000,
        byMode: { cash: 55_000, card: 60_000, upi: 80_000 },
      },
      { period: '2026-W49', granularity: 'week', total: 0, byMode: { cash: 0, card: 0, upi: 0 } },
    ]);
    expect(weekly.patientTrends).toEqual([
      { period: '2026-W48', newPatients: 3, returningPatients: 0 },
      { period: '2026-W49', newPatients: 0, returningPatients: 0 },
    ]);
    expect(weekly.days).toHaveLength(8);

    const monthly = await hub.call(caller, 'analytics.dashboard', {
      fromDate: '2026-11-01',
      toDate: '2026-12-31',
      granularity: 'month',
    });
    expect(monthly.revenue.map((r) => [r.period, r.total])).toEqual([
      ['2026-11', 195_000],
      ['2026-12', 0],
    ]);
    // Tuesday alone: Asha had been seen before, so she returns.
    const tuesday = await hub.call(caller, 'analytics.dashboard', {
      fromDate: TUE,
      toDate: TUE,
      granularity: 'day',
    });
    expect(tuesday.patientTrends).toEqual([{ period: TUE, newPatients: 1, returningPatients: 1 }]);
    expect(tuesday.noShowRate).toBe(0);
  });

  it('is for the admin only, and refuses ranges backwards or too long naming the field', async () => {
    expect(
      await failureOf(
        hub.call(world.reception, 'analytics.dashboard', { fromDate: MON, toDate: WED, granularity: 'day' }),
      ),
    ).toMatchObject({ code: 'FORBIDDEN' });
    const caller = await freshAdmin(hub);
    const long = await failureOf(
      hub.call(caller, 'analytics.dashboard', {
        fromDate: '2020-01-01',
        toDate: '2026-12-31',
        granularity: 'month',
      }),
    );
    expect(long).toMatchObject({ code: 'VALIDATION', fields: [{ field: 'toDate' }] });
    const backwards = await failureOf(
      hub.call(caller, 'analytics.dashboard', { fromDate: WED, toDate: MON, granularity: 'day' }),
    );
    expect(backwards).toMatchObject({ code: 'VALIDATION' });
  });
});

describe('analytics.dashboard in a zone with daylight saving', () => {
  let hub: TestHub;
  beforeEach(async () => {
    hub = await createTestHub({ timeZone: 'America/New_York', now: '2026-10-30T12:00:00.000Z' });
  }, 30_000);
  afterEach(() => hub.close());

  it('counts 09:00 as 09:00 on both sides of the change and takings by the local date', async () => {
    const zone = 'America/New_York';
    const doctorId = insertDoctor(hub.db, { fullName: 'Dr Ana Lopez' }).id;
    const patientId = insertPatient(hub.db, { fullName: 'Maria Garcia' }).id;
    for (const date of ['2026-10-31', '2026-11-02']) {
      const startsAt = localToInstant(date, '09:00', zone);
      insertAppointmentRow(hub.db, { doctorId, patientId, startsAt, status: 'COMPLETED', zone });
    }
    // 23:30 on Saturday 31 Oct (EDT) and on Sunday 1 Nov (EST): the next day in UTC both times.
    for (const [date, amount] of [
      ['2026-10-31', 10_000],
      ['2026-11-01', 7_000],
    ] as const) {
      hub.clock.set(localToInstant(date, '23:30', zone));
      const reception = await hub.signIn('receptionist');
      const { bill } = await hub.call(reception, 'billing.createBill', {
        id: randomUUID(),
        patientId,
        items: [{ kind: 'other', description: 'Dressing', quantity: 1, unitPrice: amount }],
      });
      await hub.call(reception, 'billing.recordPayment', {
        id: randomUUID(),
        billId: bill.id,
        amount,
        mode: 'cash',
      });
    }
    const caller = await freshAdmin(hub);
    const dashboard = await hub.call(caller, 'analytics.dashboard', {
      fromDate: '2026-10-31',
      toDate: '2026-11-02',
      granularity: 'day',
    });
    expect(dashboard.days.map((d) => [d.date, d.completed, d.revenue])).toEqual([
      ['2026-10-31', 1, 10_000],
      ['2026-11-01', 0, 7_000],
      ['2026-11-02', 1, 0],
    ]);
    expect(dashboard.peakHours.filter((h) => h.visits > 0)).toEqual([{ hour: 9, visits: 2 }]);
    expect(dashboard.popularSlots).toEqual([{ localTime: '09:00', bookings: 2 }]);
  });
});
