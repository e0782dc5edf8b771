import { z } from 'zod';
import { idSchema, instantSchema, personNameSchema, roleSchema } from './common.schema';

export const usernameSchema = z
  .string()
  .trim()
  .toLowerCase()
  .regex(/^[a-z0-9][a-z0-9._-]{2,39}$/, {
    error: 'must be 3–40 letters, digits, dots, dashes or underscores',
  });

/** Long enough to resist guessing; no composition rules (NIST SP 800-63B). */
export const passwordSchema = z
  .string({ error: 'must be text' })
  .min(10, { error: 'must be at least 10 characters' })
  .max(256, { error: 'must be at most 256 characters' });

/** Every person has their own account (docs/product.md §1): no shared logins. */
export const userSchema = z.strictObject({
  id: idSchema,
  username: usernameSchema,
  displayName: personNameSchema,
  role: roleSchema,
  /** Set for doctors: the doctor profile this account acts as. */
  doctorId: idSchema.nullable(),
  /** Set for patients: the patient record this account belongs to. */
  patientId: idSchema.nullable(),
  disabled: z.boolean(),
  createdAt: instantSchema,
  lastLoginAt: instantSchema.nullable(),
});
export type User = z.infer<typeof userSchema>;

/** Who is acting: derived from the session on the hub, never from a payload. */
export const actorSchema = z.strictObject({
  userId: idSchema,
  role: roleSchema,
  doctorId: idSchema.nullable(),
  patientId: idSchema.nullable(),
  deviceId: z.string().max(100),
});
export type Actor = z.infer<typeof actorSchema>;

/** One person's sync client on a device: what the hub knows of their changes from there. */
export const deviceClientSchema = z.strictObject({
  clientId: z.string().max(100),
  userId: idSchema.nullable(),
  lastSeenAt: instantSchema.nullable(),
  /** Changes waiting in the device's outbox for this person, as the device last reported. */
  pendingMutations: z.number().int().min(0),
  lastMutationId: z.number().int().min(0),
});

/** A machine known to the hub (admin: connected devices), with each person's client on it. */
export const deviceSchema = z.strictObject({
  id: z.string().max(100),
  /** What screens show: the admin's name, else the device's own (host name, "Chrome on Windows"). */
  name: z.string().max(100),
  /** The admin's name for it (devices.rename), null if none. */
  givenName: z.string().max(100).nullable(),
  kind: z.enum(['desktop', 'browser', 'display', 'companion']),
  lastSeenAt: instantSchema.nullable(),
  lastUserId: idSchema.nullable(),
  /** All people's waiting changes on this machine. */
  pendingMutations: z.number().int().min(0),
  /** Most recently seen first. */
  clients: z.array(deviceClientSchema),
});
export type Device = z.infer<typeof deviceSchema>;

export const deviceNameSchema = z.strictObject({ id: z.string().max(100), name: z.string().max(100) });
export type DeviceName = z.infer<typeof deviceNameSchema>;
