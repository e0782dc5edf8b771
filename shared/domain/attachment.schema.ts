import { z } from 'zod';
import { idSchema, instantSchema, requiredText, roleSchema } from './common.schema';

export const ATTACHMENT_MAX_BYTES = 10 * 1024 * 1024;
export const attachmentMimeTypes = ['application/pdf', 'image/jpeg', 'image/png', 'image/webp'] as const;

/** A report or image attached to an appointment (docs/product.md §11), same access rules as the appointment. */
export const attachmentSchema = z.strictObject({
  id: idSchema,
  appointmentId: idSchema,
  fileName: requiredText(200),
  mimeType: z.enum(attachmentMimeTypes, { error: 'must be a PDF, JPEG, PNG or WebP file' }),
  sizeBytes: z
    .number()
    .int()
    .min(1)
    .max(ATTACHMENT_MAX_BYTES, { error: `must be at most ${ATTACHMENT_MAX_BYTES / 1024 / 1024} MB` }),
  sha256: z.string().regex(/^[a-f0-9]{64}$/),
  uploadedBy: idSchema,
  uploaderRole: roleSchema,
  at: instantSchema,
});
export type Attachment = z.infer<typeof attachmentSchema>;
