import type { User } from '@shared/domain/user.schema';
import type { Database } from './schema';
import type { AppointmentHubColumns } from './tables';

/**
 * How rows differ from entities: JSON columns are TEXT, booleans are 0/1, and some columns are
 * the hub's own (search keys, epoch ms) and never leave it.
 */
interface Codec {
  json?: readonly string[];
  bool?: readonly string[];
  internal?: readonly string[];
}

/** Dropped when a row is read as an Appointment; appointment-row.ts builds them. */
const appointmentHubColumns = [
  'startMs',
  'endMs',
  'clinicDate',
  'slotless',
] as const satisfies readonly (keyof AppointmentHubColumns)[];

export const codecs: Partial<Record<keyof Database, Codec>> = {
  users: { bool: ['disabled'] },
  patients: {
    json: ['allergies', 'chronicConditions', 'insurance', 'emergencyContact', 'messageOptOuts'],
    bool: ['emailAttachments', 'dateOfBirthEstimated', 'allergiesRecorded'],
    internal: ['nameFolded', 'phoneNormalized'],
  },
  doctors: { json: ['fees', 'bufferOverride'], bool: ['active'] },
  schedule_exceptions: { json: ['window'] },
  appointments: { bool: ['provisional'], internal: appointmentHubColumns },
  consultations: { json: ['vitals', 'diagnosis', 'prescription', 'tests', 'draftConflicts'] },
  bills: { json: ['discount'] },
  bill_items: { internal: ['billId', 'position'] },
  waitlist_entries: { json: ['offer'] },
  formulary_entries: { json: ['brands', 'classes'] },
  prescription_templates: { json: ['items'] },
  leave_requests: { json: ['window'] },
};

/** A stored row as its entity: JSON parsed, flags as booleans, internal columns dropped. */
export function decode<T>(table: keyof Database, row: Record<string, unknown>): T {
  const codec = codecs[table];
  if (!codec) return { ...row } as T;
  const entity: Record<string, unknown> = { ...row };
  for (const column of codec.json ?? []) {
    const value = entity[column];
    entity[column] = typeof value === 'string' ? JSON.parse(value) : value;
  }
  for (const column of codec.bool ?? []) entity[column] = entity[column] === 1;
  for (const column of codec.internal ?? []) delete entity[column];
  return entity as T;
}

/** An entity's columns as stored: JSON stringified, booleans 0/1 (internal columns are the caller's). */
export function encode(table: keyof Database, entity: Record<string, unknown>): Record<string, unknown> {
  const codec = codecs[table];
  const row: Record<string, unknown> = { ...entity };
  for (const column of codec?.json ?? []) {
    if (column in row) row[column] = row[column] === null ? null : JSON.stringify(row[column]);
  }
  for (const column of codec?.bool ?? []) {
    if (column in row) row[column] = row[column] ? 1 : 0;
  }
  return row;
}

/**
 * An entity as its table's row, typed for kysely, where the table has no columns of its own: the
 * entity must name every column (flags and JSON are converted by `encode`).
 */
export function encodeRow<T extends keyof Database>(
  table: T,
  entity: Record<keyof Database[T], unknown>,
): Database[T] {
  return encode(table, entity) as Database[T];
}

export function userFromRow(row: Database['users'] & Record<string, unknown>): User {
  return {
    id: row.id,
    username: row.username,
    displayName: row.displayName,
    role: row.role as User['role'],
    doctorId: row.doctorId,
    patientId: row.patientId,
    disabled: row.disabled === 1,
    createdAt: row.createdAt,
    lastLoginAt: row.lastLoginAt,
  };
}
