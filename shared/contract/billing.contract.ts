import { z } from 'zod';
import {
  idSchema,
  isoDateSchema,
  minorUnitsSchema,
  positiveMinorUnitsSchema,
  pageSchema,
} from '@shared/domain/common.schema';
import {
  billItemInputSchema,
  billSchema,
  billStatusSchema,
  discountSchema,
  paymentInputSchema,
  paymentModeSchema,
  paymentSchema,
} from '@shared/domain/billing.schema';
import { byIdSchema, dateRangeSchema, documentSchema, pageOf, reasonSchema } from './common';
import { command, query } from './define';

export const billViewSchema = z.strictObject({ bill: billSchema, payments: z.array(paymentSchema) });

const modeTotalsSchema = z.strictObject({
  cash: minorUnitsSchema,
  card: minorUnitsSchema,
  upi: minorUnitsSchema,
});

export const billingContract = {
  'billing.createBill': command(
    'Create a bill before completion (e.g. prepaid telemedicine); completion creates one otherwise.',
    z.strictObject({
      id: idSchema,
      patientId: idSchema,
      appointmentId: idSchema.nullable().default(null),
      items: z.array(billItemInputSchema).max(100).default([]),
    }),
    billViewSchema,
    'queue',
  ),
  'billing.addItems': command(
    'Add procedures, tests, medicines to a bill.',
    z.strictObject({
      billId: idSchema,
      items: z
        .array(billItemInputSchema.extend({ id: idSchema }))
        .min(1)
        .max(100),
    }),
    billViewSchema,
    'queue',
  ),
  'billing.removeItem': command(
    'Remove an item from a bill with no payments yet.',
    z.strictObject({ billId: idSchema, itemId: idSchema }),
    billViewSchema,
    'queue',
  ),
  'billing.setDiscount': command(
    'Set or clear the bill’s discount (amount or percent).',
    z.strictObject({ billId: idSchema, discount: discountSchema.nullable() }),
    billViewSchema,
    'queue',
  ),
  'billing.recordPayment': command(
    'Record a cash, card or UPI payment (partial allowed, never more than outstanding).',
    paymentInputSchema,
    billViewSchema,
    'queue',
  ),
  'billing.refund': command(
    'Refund under the clinic’s policy, recorded as a negative payment with a reason.',
    z.strictObject({
      id: idSchema,
      billId: idSchema,
      amount: positiveMinorUnitsSchema,
      mode: paymentModeSchema,
      reason: reasonSchema,
    }),
    billViewSchema,
    'queue',
  ),
  'billing.get': query('One bill with its payments.', byIdSchema, billViewSchema, 'replica'),
  'billing.list': query(
    'Bills filtered by status, patient and date range.',
    z.strictObject({
      statuses: z.array(billStatusSchema).optional(),
      patientId: idSchema.optional(),
      fromDate: isoDateSchema.optional(),
      toDate: isoDateSchema.optional(),
      ...pageSchema.shape,
    }),
    pageOf(billSchema),
    'replica',
  ),
  'billing.mine': query(
    'The signed-in patient’s bills and receipts.',
    z.strictObject({}),
    z.array(billViewSchema),
    'replica',
  ),
  'billing.receiptPdf': query(
    'Bill/receipt PDF with bill and receipt numbers, A4 or A5.',
    z.strictObject({ billId: idSchema, paper: z.enum(['A4', 'A5']).default('A5') }),
    documentSchema,
    'online-only',
  ),
  'billing.dailyCollection': query(
    'Collections of one clinic day by payment mode, refunds subtracted.',
    z.strictObject({ date: isoDateSchema }),
    z.strictObject({
      date: isoDateSchema,
      byMode: modeTotalsSchema,
      total: minorUnitsSchema,
      refunds: minorUnitsSchema,
      payments: z.array(paymentSchema),
    }),
    'replica',
  ),
  'billing.doctorRevenue': query(
    'Revenue per doctor in a date range.',
    dateRangeSchema,
    z.array(
      z.strictObject({
        doctorId: idSchema,
        billed: minorUnitsSchema,
        collected: minorUnitsSchema,
        consultations: z.number().int(),
      }),
    ),
    'replica',
  ),
} as const;
