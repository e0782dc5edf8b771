import { type Selectable, sql } from 'kysely';
import type { ResultOf } from '@shared/contract/index';
import { notFound } from '@shared/contract/not-found';
import type { Bill, BillItem, Payment } from '@shared/domain/billing.schema';
import { decode } from '@server/db/codecs';
import type { Db } from '@server/db/database';
import type { BillTable } from '@server/db/care-tables';

export type BillView = ResultOf<'billing.get'>;

export function billItems(db: Db, billId: string): BillItem[] {
  return db
    .all(db.q.selectFrom('bill_items').selectAll().where('billId', '=', billId).orderBy('position'))
    .map((row) => decode<BillItem>('bill_items', row));
}

/** Payments and refunds of a bill in the order they were recorded. */
export function billPayments(db: Db, billId: string): Payment[] {
  return db.all(
    db.q
      .selectFrom('payments')
      .selectAll()
      .where('billId', '=', billId)
      .orderBy('at')
      .orderBy(sql`rowid`),
  ) as Payment[];
}

export function billFromRow(db: Db, row: Selectable<BillTable>): Bill {
  return { ...decode<Omit<Bill, 'items'>>('bills', row), items: billItems(db, row.id) };
}

/** The bill's own row, without its items: what an ownership check needs. */
export function findBillRow(db: Db, id: string): Selectable<BillTable> | undefined {
  return db.first(db.q.selectFrom('bills').selectAll().where('id', '=', id));
}

export function findBill(db: Db, id: string): Bill | null {
  const row = findBillRow(db, id);
  return row ? billFromRow(db, row) : null;
}

export function getBill(db: Db, id: string): Bill {
  const bill = findBill(db, id);
  if (!bill) throw notFound('bill');
  return bill;
}

export function billForAppointment(db: Db, appointmentId: string): Bill | null {
  const row = db.first(db.q.selectFrom('bills').selectAll().where('appointmentId', '=', appointmentId));
  return row ? billFromRow(db, row) : null;
}

export function billView(db: Db, bill: Bill): BillView {
  return { bill, payments: billPayments(db, bill.id) };
}
