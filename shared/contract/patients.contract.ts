import { z } from 'zod';
import { idSchema, isoDateSchema, phoneSchema, text, patchOf } from '@shared/domain/common.schema';
import { appointmentSchema } from '@shared/domain/appointment.schema';
import { billSchema } from '@shared/domain/billing.schema';
import {
  patientDetailsSchema,
  patientSchema,
  provisionalPatientCodeSchema,
} from '@shared/domain/patient.schema';
import { byIdSchema } from './common';
import { command, query } from './define';

export const duplicateCandidateSchema = z.strictObject({
  patient: patientSchema,
  matchedOn: z.array(z.enum(['name+phone', 'name+dateOfBirth'])),
});

export const patientProfileSchema = z.strictObject({
  patient: patientSchema,
  /** Derived from the date of birth on the clinic's today. */
  ageYears: z.number().int().nullable(),
  appointments: z.array(appointmentSchema),
  bills: z.array(billSchema),
});

export const patientsContract = {
  'patients.register': command(
    'Register a patient; the hub assigns PAT000123 (a desktop offline assigns a provisional code). ' +
      'Refused with CONFLICT listing duplicates unless acknowledgeDuplicates is true.',
    z.strictObject({
      id: idSchema,
      details: patientDetailsSchema,
      acknowledgeDuplicates: z.boolean().default(false),
      /** The code a desktop gave the patient while offline; kept and searchable after sync. */
      provisionalCode: provisionalPatientCodeSchema.nullable().default(null),
    }),
    patientSchema,
    'queue',
    // Offline the patient is known by the code the handler kept (a variant if another desktop's
    // patient here has it) until the hub assigns PAT…; online no code is made and nothing is marked.
    {
      table: 'patients',
      id: 'id',
      set: { code: { from: 'provisionalCode' } },
      offlineCode: 'provisionalCode',
    },
  ),
  'patients.update': command(
    'Update demographics (staff, or the patient their own).',
    z.strictObject({ id: idSchema, details: patchOf(patientDetailsSchema) }),
    patientSchema,
    'queue',
  ),
  'patients.checkDuplicates': query(
    'Existing patients with the same name and phone, or name and date of birth.',
    z.strictObject({
      fullName: text(120),
      phone: phoneSchema.nullable().default(null),
      dateOfBirth: isoDateSchema.nullable().default(null),
    }),
    z.array(duplicateCandidateSchema),
    'replica',
  ),
  'patients.search': query(
    'Search by name (prefix of any word, case- and accent-insensitive), phone, or code (also provisional).',
    z.strictObject({ text: text(120), limit: z.number().int().min(1).max(100).default(20) }),
    z.array(patientSchema),
    'replica',
  ),
  'patients.get': query('One patient.', byIdSchema, patientSchema, 'replica'),
  'patients.getMany': query(
    'Several patients at once (a list’s names), in no set order; ids not found or not visible are left out.',
    z.strictObject({ ids: z.array(idSchema).min(1).max(500) }),
    z.array(patientSchema),
    'replica',
  ),
  'patients.profile': query(
    'Demographics, allergies and conditions, appointments and bills.',
    byIdSchema,
    patientProfileSchema,
    'replica',
  ),
  'patients.inviteToApp': command(
    'Invite a registered patient to the companion app: creates their app account if needed and sends an activation code.',
    byIdSchema,
    z.strictObject({ sentTo: z.string() }),
    'online-only',
  ),
  'patients.me': query('The signed-in patient’s own record.', z.strictObject({}), patientSchema, 'replica'),
} as const;
