import { sql } from 'kysely';
import type { Payment } from '@shared/domain/billing.schema';
import { splitByMode } from '@shared/rules/money';
import { type HandlerMap, handler } from '@server/core/handler';
import { clinicDayBounds } from './clinic-day';

const sumBy = <K extends string>(rows: { key: K | null; value: number | string | null }[]) =>
  new Map(rows.filter((r) => r.key !== null).map((r) => [r.key as K, Number(r.value ?? 0)]));

/** Collection and revenue reports (docs/product.md §9). */
export const reportHandlers: HandlerMap = {
  'billing.dailyCollection': handler('billing.dailyCollection', {
    run: (input, ctx) => {
      const { from, to } = clinicDayBounds(input.date, ctx.settings().timeZone);
      const payments = ctx.db.all(
        ctx.db.q
          .selectFrom('payments')
          .selectAll()
          .where('at', '>=', from)
          .where('at', '<', to)
          .orderBy('at')
          .orderBy(sql`rowid`),
      ) as Payment[];
      const byMode = splitByMode(payments);
      const refunds = payments.filter((p) => p.amount < 0).reduce((sum, p) => sum + p.amount, 0);
      return {
        date: input.date,
        byMode,
        total: byMode.cash + byMode.card + byMode.upi,
        refunds,
        payments,
      };
    },
  }),

  'billing.doctorRevenue': handler('billing.doctorRevenue', {
    run: (input, ctx) => {
      const zone = ctx.settings().timeZone;
      const from = clinicDayBounds(input.fromDate, zone).from;
      const to = clinicDayBounds(input.toDate, zone).to;
      const { db } = ctx;
      const billed = sumBy(
        db.all(
          db.q
            .selectFrom('bills')
            .select((eb) => ['doctorId as key', eb.fn.sum<number>('total').as('value')])
            .where('createdAt', '>=', from)
            .where('createdAt', '<', to)
            .groupBy('doctorId'),
        ),
      );
      const collected = sumBy(
        db.all(
          db.q
            .selectFrom('payments')
            .innerJoin('bills', 'bills.id', 'payments.billId')
            .select((eb) => ['bills.doctorId as key', eb.fn.sum<number>('payments.amount').as('value')])
            .where('payments.at', '>=', from)
            .where('payments.at', '<', to)
            .groupBy('bills.doctorId'),
        ),
      );
      const consultations = sumBy(
        db.all(
          db.q
            .selectFrom('appointments')
            .select((eb) => ['doctorId as key', eb.fn.countAll<number>().as('value')])
            .where('status', '=', 'COMPLETED')
            .where('clinicDate', '>=', input.fromDate)
            .where('clinicDate', '<=', input.toDate)
            .groupBy('doctorId'),
        ),
      );
      const doctors = db.all(db.q.selectFrom('doctors').select(['id', 'active']).orderBy('fullName'));
      return doctors
        .map((doctor) => ({
          doctorId: doctor.id,
          billed: billed.get(doctor.id) ?? 0,
          collected: collected.get(doctor.id) ?? 0,
          consultations: consultations.get(doctor.id) ?? 0,
          active: doctor.active === 1,
        }))
        .filter((row) => row.active || row.billed !== 0 || row.collected !== 0 || row.consultations !== 0)
        .map(({ active: _active, ...row }) => row);
    },
  }),
};
