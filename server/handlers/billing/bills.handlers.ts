import { failure } from '@shared/contract/errors';
import { notFound } from '@shared/contract/not-found';
import { type HandlerMap, handler } from '@server/core/handler';
import { getAppointment, getPatient } from '@server/repositories/lookups.repository';
import { assertOwn, requireActor } from '@server/repositories/ownership';
import {
  auditBill,
  createBill,
  insertBillItems,
  recomputeBill,
  writeDiscount,
} from './bill-writes.repository';
import {
  billFromRow,
  billForAppointment,
  billPayments,
  billView,
  findBillRow,
  getBill,
} from './bills.repository';
import { clinicDayBounds } from './clinic-day';

/** Bills: creation, items, discounts and reading them (docs/product.md §9). */
export const billHandlers: HandlerMap = {
  'billing.createBill': handler('billing.createBill', {
    run: (input, ctx) => {
      const patient = getPatient(ctx.db, input.patientId);
      let doctorId: string | null = null;
      if (input.appointmentId !== null) {
        const appointment = getAppointment(ctx.db, input.appointmentId);
        if (appointment.patientId !== patient.id) {
          throw failure('VALIDATION', `That appointment is not ${patient.fullName}’s.`, {
            fields: [{ field: 'appointmentId', message: 'belongs to another patient' }],
          });
        }
        const existing = billForAppointment(ctx.db, appointment.id);
        if (existing) {
          throw failure(
            'CONFLICT',
            `This appointment already has bill ${existing.number ?? ''}; add items to it.`,
          );
        }
        doctorId = appointment.doctorId;
      }
      const bill = createBill(ctx, {
        id: input.id,
        patientId: patient.id,
        appointmentId: input.appointmentId,
        doctorId,
        items: input.items.map((item) => ({ ...item, id: ctx.newId() })),
      });
      auditBill(ctx, 'billing.createBill', bill);
      return billView(ctx.db, bill);
    },
  }),

  'billing.addItems': handler('billing.addItems', {
    run: (input, ctx) => {
      getBill(ctx.db, input.billId);
      insertBillItems(ctx, input.billId, input.items);
      const bill = recomputeBill(ctx, input.billId);
      auditBill(ctx, 'billing.addItems', bill, { items: input.items.length });
      return billView(ctx.db, bill);
    },
  }),

  'billing.removeItem': handler('billing.removeItem', {
    run: (input, ctx) => {
      const before = getBill(ctx.db, input.billId);
      if (!before.items.some((item) => item.id === input.itemId)) {
        throw failure('NOT_FOUND', 'That item is not on this bill.');
      }
      if (billPayments(ctx.db, before.id).length > 0) {
        throw failure(
          'POLICY',
          `Bill ${before.number ?? ''} already has payments; items can no longer be removed. ` +
            'Give a discount or a refund instead.',
        );
      }
      ctx.db.run(ctx.db.q.deleteFrom('bill_items').where('id', '=', input.itemId));
      ctx.changed('bill_items', input.itemId, 'delete');
      const bill = recomputeBill(ctx, input.billId);
      auditBill(ctx, 'billing.removeItem', bill, { itemId: input.itemId });
      return billView(ctx.db, bill);
    },
  }),

  'billing.setDiscount': handler('billing.setDiscount', {
    run: (input, ctx) => {
      getBill(ctx.db, input.billId);
      writeDiscount(ctx, input.billId, input.discount);
      const bill = recomputeBill(ctx, input.billId);
      auditBill(ctx, 'billing.setDiscount', bill, { discountTotal: bill.discountTotal });
      return billView(ctx.db, bill);
    },
  }),

  'billing.get': handler('billing.get', {
    run: (input, ctx) => {
      // Checked on the row, before its items are read: another patient's bill takes the same
      // work as a missing one (docs/architecture.md (Security invariants)).
      const row = findBillRow(ctx.db, input.id);
      if (!row) throw notFound('bill');
      assertOwn(ctx, 'bills', row, 'bill');
      return billView(ctx.db, billFromRow(ctx.db, row));
    },
  }),

  'billing.list': handler('billing.list', {
    run: (input, ctx) => {
      const zone = ctx.settings().timeZone;
      let query = ctx.db.q.selectFrom('bills');
      if (input.statuses && input.statuses.length > 0) query = query.where('status', 'in', input.statuses);
      if (input.patientId) query = query.where('patientId', '=', input.patientId);
      if (input.fromDate) query = query.where('createdAt', '>=', clinicDayBounds(input.fromDate, zone).from);
      if (input.toDate) query = query.where('createdAt', '<', clinicDayBounds(input.toDate, zone).to);
      const count = ctx.db.first(query.select((eb) => eb.fn.countAll<number>().as('n')));
      const rows = ctx.db.all(
        query
          .selectAll()
          .orderBy('createdAt', 'desc')
          .orderBy('number', 'desc')
          .limit(input.limit)
          .offset(input.offset),
      );
      return { items: rows.map((row) => billFromRow(ctx.db, row)), total: Number(count?.n ?? 0) };
    },
  }),

  'billing.mine': handler('billing.mine', {
    run: (_input, ctx) => {
      const { patientId } = requireActor(ctx);
      if (!patientId) return [];
      return ctx.db
        .all(
          ctx.db.q
            .selectFrom('bills')
            .selectAll()
            .where('patientId', '=', patientId)
            .orderBy('createdAt', 'desc')
            .orderBy('number', 'desc'),
        )
        .map((row) => billView(ctx.db, billFromRow(ctx.db, row)));
    },
  }),
};
