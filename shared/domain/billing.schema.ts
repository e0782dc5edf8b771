import { z } from 'zod';
import {
  currencyCodeSchema,
  idSchema,
  instantSchema,
  minorUnitsSchema,
  nonNegativeMinorUnitsSchema,
  positiveMinorUnitsSchema,
  requiredText,
  text,
} from './common.schema';

export const billItemKindSchema = z.enum(['consultation', 'procedure', 'test', 'medicine', 'other'], {
  error: 'must be consultation, procedure, test, medicine or other',
});

export const billItemInputSchema = z.strictObject({
  kind: billItemKindSchema,
  description: requiredText(200),
  quantity: z.number().int({ error: 'must be a whole number' }).min(1).max(10_000),
  unitPrice: nonNegativeMinorUnitsSchema,
});
export const billItemSchema = z.strictObject({ ...billItemInputSchema.shape, id: idSchema });
export type BillItem = z.infer<typeof billItemSchema>;

export const discountSchema = z.discriminatedUnion('kind', [
  z.strictObject({
    kind: z.literal('amount'),
    amount: nonNegativeMinorUnitsSchema,
    reason: text(200).default(''),
  }),
  z.strictObject({
    kind: z.literal('percent'),
    /** 10 % = 1000 basis points: integers only. */
    basisPoints: z.number().int().min(0).max(10_000),
    reason: text(200).default(''),
  }),
]);
export type Discount = z.infer<typeof discountSchema>;

export const billStatusSchema = z.enum(['PENDING', 'PARTIALLY_PAID', 'PAID']);
export type BillStatus = z.infer<typeof billStatusSchema>;

export const billSchema = z.strictObject({
  id: idSchema,
  /** Assigned by the hub, e.g. B-2026-000123; null while provisional. */
  number: z
    .string()
    .regex(/^B-\d{4}-\d{6,}$/)
    .nullable(),
  patientId: idSchema,
  appointmentId: idSchema.nullable(),
  doctorId: idSchema.nullable(),
  currency: currencyCodeSchema,
  items: z.array(billItemSchema),
  discount: discountSchema.nullable(),
  subtotal: nonNegativeMinorUnitsSchema,
  discountTotal: nonNegativeMinorUnitsSchema,
  total: nonNegativeMinorUnitsSchema,
  paid: minorUnitsSchema,
  outstanding: minorUnitsSchema,
  status: billStatusSchema,
  createdAt: instantSchema,
  updatedAt: instantSchema,
});
export type Bill = z.infer<typeof billSchema>;

export const paymentModeSchema = z.enum(['cash', 'card', 'upi'], { error: 'must be cash, card or upi' });
export type PaymentMode = z.infer<typeof paymentModeSchema>;

/** Refunds are negative payments with a reason (docs/product.md §9). */
export const paymentSchema = z.strictObject({
  id: idSchema,
  billId: idSchema,
  kind: z.enum(['payment', 'refund']),
  amount: minorUnitsSchema,
  mode: paymentModeSchema,
  reference: text(100).default(''),
  reason: text(300).default(''),
  /** Assigned by the hub, e.g. R-2026-000045. */
  receiptNumber: z
    .string()
    .regex(/^R-\d{4}-\d{6,}$/)
    .nullable(),
  recordedBy: idSchema,
  at: instantSchema,
});
export type Payment = z.infer<typeof paymentSchema>;

export const paymentInputSchema = z.strictObject({
  id: idSchema,
  billId: idSchema,
  amount: positiveMinorUnitsSchema,
  mode: paymentModeSchema,
  reference: text(100).default(''),
});
