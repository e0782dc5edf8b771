import { z } from 'zod';
import { idSchema, inDateOrder, isoDateSchema, text } from '@shared/domain/common.schema';

export const byIdSchema = z.strictObject({ id: idSchema });
export const okSchema = z.strictObject({ ok: z.literal(true) });
export const reasonSchema = text(500).pipe(
  z.string().min(3, { error: 'give a reason (at least 3 characters)' }),
);
export const dateRangeSchema = inDateOrder(
  z.strictObject({ fromDate: isoDateSchema, toDate: isoDateSchema }),
);

export function pageOf<T extends z.ZodType>(item: T) {
  return z.strictObject({ items: z.array(item), total: z.number().int().min(0) });
}

/** A generated document (PDF), base64-encoded so every transport can carry it. */
export const documentSchema = z.strictObject({
  fileName: z.string(),
  mimeType: z.literal('application/pdf'),
  base64: z.string(),
});
