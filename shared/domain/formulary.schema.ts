import { z } from 'zod';
import { idSchema, instantSchema, requiredText } from './common.schema';
import { prescriptionItemSchema } from './consultation.schema';

/**
 * A medicine the clinic added to the shipped formulary (admin): its generic name ("A + B" for a
 * combination), brand names sold under it, and the drug classes it belongs to (a shipped class
 * such as "NSAIDs" or "Penicillins", or a new one).
 */
export const formularyEntryDetailsSchema = z.strictObject({
  generic: requiredText(120),
  brands: z.array(requiredText(80)).max(30).default([]),
  classes: z.array(requiredText(80)).max(10).default([]),
});

export const formularyEntrySchema = z.strictObject({
  ...formularyEntryDetailsSchema.shape,
  id: idSchema,
  createdBy: idSchema,
  createdAt: instantSchema,
});
export type FormularyEntry = z.infer<typeof formularyEntrySchema>;
export type FormularyEntryDetails = Pick<FormularyEntry, 'generic' | 'brands' | 'classes'>;

/** A doctor's saved prescription rows ("viral fever adult"; one row: a favourite), applied on purpose. */
export const prescriptionTemplateSchema = z.strictObject({
  id: idSchema,
  doctorId: idSchema,
  name: requiredText(80),
  items: z.array(prescriptionItemSchema).min(1, { error: 'must hold at least one medicine' }).max(50),
  createdAt: instantSchema,
  updatedAt: instantSchema,
});
export type PrescriptionTemplate = z.infer<typeof prescriptionTemplateSchema>;
