import { z } from 'zod';
import {
  emailSchema,
  idSchema,
  instantSchema,
  isoDateSchema,
  personNameSchema,
  phoneSchema,
  roleSchema,
} from '@shared/domain/common.schema';
import { patientCodeSchema } from '@shared/domain/patient.schema';
import { clinicSettingsSchema } from '@shared/domain/settings.schema';
import { passwordSchema, userSchema, usernameSchema } from '@shared/domain/user.schema';
import { byIdSchema, okSchema } from './common';
import { command, query } from './define';

const deviceIdSchema = z.string().min(1).max(100);

/** A patient signs in with their phone number or their patient code. */
const patientLoginSchema = z.union([phoneSchema, patientCodeSchema]);

/** Activation and password reset alike: the one-time code sent to the patient, and the new password. */
const codeAndPasswordSchema = z.strictObject({
  login: patientLoginSchema,
  code: z.string().regex(/^\d{6}$/, { error: 'must be the 6-digit code' }),
  password: passwordSchema,
  deviceId: deviceIdSchema,
});

export const sessionSchema = z.strictObject({
  /** Opaque random token; the hub stores only its hash. */
  token: z.string().min(22),
  user: userSchema,
  idleExpiresAt: instantSchema,
  absoluteExpiresAt: instantSchema,
});

export const authContract = {
  'auth.setupStatus': query(
    'Whether the hub still needs its first admin (first start on a new data directory).',
    z.strictObject({}),
    z.strictObject({ needsSetup: z.boolean(), clinicName: z.string().nullable() }),
    'online-only',
  ),
  'auth.setup': command(
    'First start only: create the clinic settings and the first admin account.',
    z.strictObject({
      settings: clinicSettingsSchema,
      admin: z.strictObject({
        username: usernameSchema,
        displayName: personNameSchema,
        password: passwordSchema,
      }),
      deviceId: deviceIdSchema,
    }),
    sessionSchema,
    'online-only',
  ),
  'auth.login': command(
    'Staff sign-in with username and password; throttled after repeated failures.',
    z.strictObject({
      username: usernameSchema,
      password: z.string().min(1).max(256),
      deviceId: deviceIdSchema,
    }),
    sessionSchema,
    'online-only',
  ),
  'auth.patientLogin': command(
    'Patient sign-in with phone number or patient code, and password.',
    z.strictObject({
      login: patientLoginSchema,
      password: z.string().min(1).max(256),
      deviceId: deviceIdSchema,
    }),
    sessionSchema,
    'online-only',
  ),
  'auth.patientSignUp': command(
    'Companion app self-registration: creates the patient (duplicate-checked) and sends an activation code.',
    z.strictObject({
      fullName: personNameSchema,
      phone: phoneSchema,
      dateOfBirth: isoDateSchema,
      email: emailSchema.nullable().default(null),
    }),
    z.strictObject({ sentTo: z.string() }),
    'online-only',
  ),
  'auth.requestActivation': command(
    'Patient first-time activation: send a one-time code by SMS or email.',
    z.strictObject({ login: patientLoginSchema }),
    z.strictObject({ sentTo: z.string() }),
    'online-only',
  ),
  'auth.activate': command(
    'Patient first-time activation: the code from SMS/email and a new password.',
    codeAndPasswordSchema,
    sessionSchema,
    'online-only',
  ),
  'auth.requestPasswordReset': command(
    'Patient password reset: send a one-time code by SMS or email (the same answer whether or not the login exists).',
    z.strictObject({ login: patientLoginSchema }),
    z.strictObject({ sentTo: z.string() }),
    'online-only',
  ),
  'auth.resetPassword': command(
    'Patient password reset: the code from SMS/email and a new password; every other session ends.',
    codeAndPasswordSchema,
    sessionSchema,
    'online-only',
  ),
  'auth.session': query(
    'The signed-in user of this session.',
    z.strictObject({}),
    sessionSchema.omit({ token: true }),
    'online-only',
  ),
  'auth.logout': command(
    'End this session everywhere it is used.',
    z.strictObject({}),
    okSchema,
    'online-only',
  ),
  'auth.changePassword': command(
    'Change the signed-in user’s password; other sessions of that user end.',
    z.strictObject({ currentPassword: z.string().min(1).max(256), newPassword: passwordSchema }),
    okSchema,
    'online-only',
  ),
} as const;

export const usersContract = {
  'users.list': query(
    'All accounts (staff and patients with app access).',
    z.strictObject({}),
    z.array(userSchema),
    'replica',
  ),
  'users.create': command(
    'Create a staff account; doctors are linked to their doctor profile.',
    z.strictObject({
      id: idSchema,
      username: usernameSchema,
      displayName: personNameSchema,
      role: roleSchema.exclude(['patient']),
      doctorId: idSchema.nullable().default(null),
      password: passwordSchema,
    }),
    userSchema,
    'online-only',
  ),
  'users.update': command(
    'Change an account’s name, role or doctor link; a role change ends its sessions.',
    z.strictObject({
      id: idSchema,
      displayName: personNameSchema.optional(),
      role: roleSchema.exclude(['patient']).optional(),
      doctorId: idSchema.nullable().optional(),
    }),
    userSchema,
    'online-only',
  ),
  'users.setDisabled': command(
    'Disable (revoking every session and live connection) or re-enable an account.',
    z.strictObject({ id: idSchema, disabled: z.boolean() }),
    userSchema,
    'online-only',
  ),
  'users.resetPassword': command(
    'Admin sets a new password; the user’s sessions end.',
    z.strictObject({ id: idSchema, password: passwordSchema }),
    okSchema,
    'online-only',
  ),
  'users.get': query('One account.', byIdSchema, userSchema, 'replica'),
} as const;
