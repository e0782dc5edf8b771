import { z } from 'zod';
import { billSchema, paymentSchema } from '@shared/domain/billing.schema';
import { consultationSummarySchema } from '@shared/domain/consultation.schema';

/**
 * A signed consultation as the patient sees it (docs/product.md §8): diagnosis, advice,
 * prescription, tests and follow-up. The fields are named here one by one and the object strips
 * any other key, so the doctor's clinical or examination notes (or the complaint) cannot reach
 * the app even if the operation behind it ever returned them.
 */
export const patientConsultationSchema = z.object(
  consultationSummarySchema.pick({
    id: true,
    appointmentId: true,
    doctorId: true,
    signedAt: true,
    diagnosis: true,
    advice: true,
    prescription: true,
    tests: true,
    followUpDate: true,
  }).shape,
);

/** A payment or refund on the patient's bill: not which staff account recorded it. */
export const patientPaymentSchema = z.object(paymentSchema.omit({ recordedBy: true }).shape);

export const patientBillViewSchema = z.object({
  bill: z.object(billSchema.shape),
  payments: z.array(patientPaymentSchema),
});
