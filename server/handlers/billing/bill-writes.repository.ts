import { failure } from '@shared/contract/errors';
import type { Bill, BillItem, Discount } from '@shared/domain/billing.schema';
import { billTotals, formatMoney, paymentSummary } from '@shared/rules/money';
import { clinicDate } from '@shared/rules/zoned-time';
import type { HandlerContext } from '@server/core/handler';
import { encode } from '@server/db/codecs';
import { billPayments, getBill } from './bills.repository';

/** Year-scoped document numbers: B-2026-000001, R-2026-000001 (year of the clinic date). */
export function documentNumber(ctx: HandlerContext, prefix: 'B' | 'R', counter: 'bill' | 'receipt'): string {
  const year = clinicDate(ctx.now, ctx.settings().timeZone).slice(0, 4);
  const value = ctx.hub.nextCounter(`${counter}:${year}`);
  return `${prefix}-${year}-${String(value).padStart(6, '0')}`;
}

export interface NewBill {
  id: string;
  patientId: string;
  appointmentId: string | null;
  doctorId: string | null;
  items: BillItem[];
}

/** Creates a numbered bill in the clinic's currency with its items and exact totals. */
export function createBill(ctx: HandlerContext, input: NewBill): Bill {
  if (ctx.db.first(ctx.db.q.selectFrom('bills').select('id').where('id', '=', input.id))) {
    throw failure('CONFLICT', 'A bill with this id already exists.');
  }
  ctx.db.run(
    ctx.db.q.insertInto('bills').values({
      id: input.id,
      number: documentNumber(ctx, 'B', 'bill'),
      patientId: input.patientId,
      appointmentId: input.appointmentId,
      doctorId: input.doctorId,
      currency: ctx.settings().currency,
      discount: null,
      subtotal: 0,
      discountTotal: 0,
      total: 0,
      paid: 0,
      outstanding: 0,
      status: 'PAID',
      createdAt: ctx.now,
      updatedAt: ctx.now,
    }),
  );
  insertBillItems(ctx, input.id, input.items);
  return recomputeBill(ctx, input.id);
}

/** Appends items after the bill's existing ones (ids must be new). */
export function insertBillItems(ctx: HandlerContext, billId: string, items: readonly BillItem[]): void {
  if (items.length === 0) return;
  const ids = items.map((item) => item.id);
  if (new Set(ids).size !== ids.length) {
    throw failure('VALIDATION', 'Each bill item needs its own id.', {
      fields: [{ field: 'items', message: 'contains the same id twice' }],
    });
  }
  const taken = ctx.db.first(ctx.db.q.selectFrom('bill_items').select('id').where('id', 'in', ids));
  if (taken) throw failure('CONFLICT', 'One of these bill items was already added.');
  const last = ctx.db.first(
    ctx.db.q
      .selectFrom('bill_items')
      .select((eb) => eb.fn.max('position').as('position'))
      .where('billId', '=', billId),
  );
  let position = last?.position ?? 0;
  for (const item of items) {
    position += 1;
    ctx.db.run(
      ctx.db.q.insertInto('bill_items').values({
        id: item.id,
        billId,
        position,
        kind: item.kind,
        description: item.description,
        quantity: item.quantity,
        unitPrice: item.unitPrice,
      }),
    );
    ctx.changed('bill_items', item.id);
  }
}

/** Stores a new discount (or none); the totals follow in recomputeBill. */
export function writeDiscount(ctx: HandlerContext, billId: string, discount: Discount | null): void {
  ctx.db.run(
    ctx.db.q
      .updateTable('bills')
      .set({ discount: encode('bills', { discount }).discount as string | null })
      .where('id', '=', billId),
  );
}

/**
 * Recomputes subtotal, discount, total, net paid, outstanding and status from the items, the
 * discount and the payments (money.ts), and writes them. A total below what was already paid is
 * refused: the clinic refunds first.
 */
export function recomputeBill(ctx: HandlerContext, billId: string): Bill {
  const bill = getBill(ctx.db, billId);
  const totals = billTotals(bill.items, bill.discount);
  const summary = paymentSummary(totals.total, billPayments(ctx.db, billId));
  if (summary.paid > totals.total) {
    const money = (minor: number) => formatMoney(minor, bill.currency, ctx.settings().locale);
    throw failure(
      'POLICY',
      `The bill total would be ${money(totals.total)}, less than the ${money(summary.paid)} already paid; ` +
        'record a refund first.',
    );
  }
  ctx.db.run(
    ctx.db.q
      .updateTable('bills')
      .set({
        subtotal: totals.subtotal,
        discountTotal: totals.discount,
        total: totals.total,
        paid: summary.paid,
        outstanding: summary.outstanding,
        status: summary.status,
        updatedAt: ctx.now,
      })
      .where('id', '=', billId),
  );
  ctx.changed('bills', billId);
  return getBill(ctx.db, billId);
}

/** A richer change entry than the automatic one: bills are the patient's (amounts only, no clinical text). */
export function auditBill(
  ctx: HandlerContext,
  action: string,
  bill: Bill,
  details: Record<string, unknown> = {},
): void {
  ctx.audit({
    kind: 'change',
    action,
    entity: 'bills',
    entityId: bill.id,
    patientId: bill.patientId,
    details: { number: bill.number, total: bill.total, paid: bill.paid, status: bill.status, ...details },
  });
}
