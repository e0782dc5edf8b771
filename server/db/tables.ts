/**
 * Kysely table types. Column names follow shared/ domain fields; JSON columns are TEXT and
 * booleans INTEGER 0/1 (see codecs.ts for the conversion to entities).
 */
import type { Generated } from 'kysely';
import type { Appointment } from '@shared/domain/appointment.schema';

type Json = string;
type Flag = 0 | 1;

export interface HubMetaTable {
  key: string;
  value: string;
}
export interface CounterTable {
  name: string;
  value: number;
}
export interface SettingsTable {
  id: number;
  data: Json;
}

export interface UserTable {
  id: string;
  username: string;
  displayName: string;
  role: string;
  doctorId: string | null;
  patientId: string | null;
  disabled: Flag;
  createdAt: string;
  lastLoginAt: string | null;
}
export interface CredentialTable {
  userId: string;
  passwordHash: string;
  updatedAt: string;
}
export interface SessionTable {
  tokenHash: string;
  userId: string;
  deviceId: string;
  createdAt: string;
  lastSeenAt: string;
  idleExpiresAt: string;
  absoluteExpiresAt: string;
  revokedAt: string | null;
  revokeReason: string | null;
}
export interface LoginThrottleTable {
  key: string;
  failures: number;
  firstFailureAt: string;
  blockedUntil: string | null;
}
/** A patient app account's one live code (017-account-codes): activation or password reset. */
export interface AccountCodeTable {
  userId: string;
  id: string;
  purpose: 'activation' | 'password_reset';
  codeHash: string;
  createdAt: string;
  expiresAt: string;
  attempts: number;
}

export interface ChangeTable {
  seq: Generated<number>;
  entity: string;
  entityId: string;
  op: 'upsert' | 'delete';
  at: string;
}
export interface SyncClientTable {
  clientId: string;
  userId: string | null;
  deviceName: string;
  kind: string;
  lastMutationId: number;
  lastSeenAt: string | null;
  /** Changes waiting on the desktop, as it last reported them (sync.outbox). */
  pendingMutations: number;
  /** The device the client runs on (null: seen before migration 005). */
  deviceId: string | null;
}
/** A device that signed in (migration 013): its own name for itself and the admin's. */
export interface DeviceTable {
  deviceId: string;
  kind: string;
  /** What the device calls itself: a desktop's name, a browser's "Chrome on Windows"; '' if none. */
  reportedName: string;
  /** The admin's name for it (devices.rename); shown instead of reportedName. */
  name: string | null;
  firstSeenAt: string;
  lastSeenAt: string;
}
export interface ProcessedMutationTable {
  clientId: string;
  mutationId: number;
  name: string;
  status: 'applied' | 'rejected';
  response: Json;
  processedAt: string;
  /** What the mutation was (`mutationFingerprint`); null: processed before migration 006. */
  fingerprint: string | null;
}
export interface AuditLogTable {
  seq: number;
  at: string;
  actorUserId: string | null;
  actorRole: string | null;
  deviceId: string;
  kind: 'change' | 'read' | 'auth';
  action: string;
  entity: string;
  entityId: string | null;
  patientId: string | null;
  details: Json;
  prevHash: string;
  hash: string;
}

export interface PatientTable {
  id: string;
  code: string;
  provisionalCode: string | null;
  fullName: string;
  nameFolded: string;
  dateOfBirth: string | null;
  dateOfBirthEstimated: number;
  sex: string;
  phone: string | null;
  phoneNormalized: string | null;
  email: string | null;
  address: string;
  bloodGroup: string | null;
  allergies: Json;
  allergiesRecorded: number;
  chronicConditions: Json;
  insurance: Json | null;
  emergencyContact: Json | null;
  preferredLanguage: string;
  /** JSON array of 'sms' / 'email'. */
  messageOptOuts: Json;
  emailAttachments: number;
  createdAt: string;
  updatedAt: string;
}
export interface DoctorTable {
  id: string;
  userId: string | null;
  fullName: string;
  specialization: string;
  qualification: string;
  registrationNumber: string;
  fees: Json;
  sessionMinutes: number;
  bufferOverride: Json | null;
  tokenPrefix: string;
  active: Flag;
}
export interface RoomTable {
  id: string;
  name: string;
  type: string;
  status: string;
}
export interface WeeklyWindowTable {
  id: string;
  doctorId: string;
  weekday: number;
  start: string;
  end: string;
  roomId: string | null;
}
export interface ScheduleExceptionTable {
  id: string;
  doctorId: string;
  date: string;
  kind: 'leave' | 'extra';
  window: Json | null;
  reason: string;
}
/**
 * The hub's own columns of an appointment row (never on the contract's Appointment): the times
 * in epoch ms and the clinic date, for indexes and the claims triggers, and `slotless`, a
 * queued walk-in that claims no time. appointment-row.ts derives them.
 */
export type AppointmentHubColumns = {
  startMs: number;
  endMs: number;
  clinicDate: string;
  slotless: Flag;
};
/** The contract's Appointment as stored (flags 0/1) plus the hub's own columns. */
export type AppointmentTable = Omit<Appointment, 'provisional'> & {
  provisional: Flag;
} & AppointmentHubColumns;
export interface ClaimTable {
  unit: number;
  appointmentId: string;
}

export interface StatusTransitionTable {
  id: string;
  appointmentId: string;
  from: string | null;
  to: string;
  actorUserId: string;
  actorRole: string;
  deviceId: string;
  at: string;
  reason: string | null;
  undoOf: string | null;
}
export interface RescheduleRecordTable {
  id: string;
  appointmentId: string;
  oldStartsAt: string;
  oldEndsAt: string;
  oldDoctorId: string;
  newStartsAt: string;
  newEndsAt: string;
  newDoctorId: string;
  changedBy: string;
  reason: string;
  at: string;
  deviceId: string;
}
export interface RescheduleRequestTable {
  id: string;
  appointmentId: string;
  preferredDate: string | null;
  preferredStartsAt: string | null;
  note: string;
  status: string;
  createdAt: string;
  decidedBy: string | null;
  decidedAt: string | null;
  decisionReason: string | null;
}
