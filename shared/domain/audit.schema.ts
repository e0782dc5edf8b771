import { z } from 'zod';
import { idSchema, instantSchema, roleSchema } from './common.schema';

/**
 * One append-only entry of the audit log: every change and every read of medical content
 * (docs/product.md §11). `hash` chains over the previous entry's hash, so an edit or deletion is detectable.
 */
export const auditEventSchema = z.strictObject({
  seq: z.number().int().min(1),
  at: instantSchema,
  actorUserId: idSchema.nullable(),
  actorRole: roleSchema.nullable(),
  deviceId: z.string().max(100),
  kind: z.enum(['change', 'read', 'auth']),
  /** The contract operation, e.g. appointments.book or consultations.get. */
  action: z.string().max(100),
  entity: z.string().max(50),
  entityId: z.string().max(100).nullable(),
  patientId: idSchema.nullable(),
  /** Non-clinical details (ids, statuses, reasons); never consultation text. */
  details: z.record(z.string(), z.unknown()),
  prevHash: z.string().regex(/^[a-f0-9]{64}$/),
  hash: z.string().regex(/^[a-f0-9]{64}$/),
});
export type AuditEvent = z.infer<typeof auditEventSchema>;
