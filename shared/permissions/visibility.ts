import type { Role } from '@shared/domain/common.schema';
import type { SyncedEntity } from '@shared/contract/sync.contract';

/**
 * What each role may hold of each synced table (docs/architecture.md (Security invariants)): which rows and which columns ('all'
 * or a list). Rows: 'all'; 'own' (the role's own rows, by own-scope.ts); 'checkedIn' (rows of a visit, by their
 * `appointmentId`, only while that appointment is checked in: they leave the replica when it
 * stops being so); 'none'. A receptionist's replica, wire and screen never carry consultation
 * content, so consultations, addenda and attachments are 'none' for them.
 */
export interface EntityVisibility {
  rows: 'all' | 'own' | 'checkedIn' | 'none';
  columns: 'all' | readonly string[];
}

const all: EntityVisibility = { rows: 'all', columns: 'all' };
const own: EntityVisibility = { rows: 'own', columns: 'all' };
const none: EntityVisibility = { rows: 'none', columns: [] };

const staffAll = { receptionist: all, doctor: all, nurse: all, admin: all } as const;
const clinicalOnly = { patient: none, receptionist: none, nurse: none, admin: none } as const;

/**
 * What a nurse needs to record vitals: the record's identity and its vitals, nothing written by
 * the doctor. `status` travels with what defines it (finalized = signed: `signedAt`, `signedBy`),
 * so that the row a replica holds is a consistent one under the hub's own schema.
 */
const nurseConsultationColumns = [
  'id',
  'appointmentId',
  'patientId',
  'doctorId',
  'status',
  'signedAt',
  'signedBy',
  'vitals',
  'createdAt',
  'updatedAt',
] as const;

/** The patient's read-only summary (docs/product.md §8): never clinical or examination notes. */
export const patientConsultationColumns = [
  'id',
  'appointmentId',
  'patientId',
  'doctorId',
  'status',
  'signedAt',
  'diagnosis',
  'advice',
  'prescription',
  'tests',
  'followUpDate',
] as const;

const userColumns = ['id', 'username', 'displayName', 'role', 'doctorId', 'patientId', 'disabled'] as const;

export const visibilityPolicy: Readonly<Record<SyncedEntity, Readonly<Record<Role, EntityVisibility>>>> = {
  settings: { ...staffAll, patient: all },
  users: {
    receptionist: { rows: 'all', columns: userColumns },
    doctor: { rows: 'all', columns: userColumns },
    nurse: { rows: 'all', columns: userColumns },
    admin: all,
    patient: { rows: 'own', columns: userColumns },
  },
  patients: { ...staffAll, patient: own },
  doctors: { ...staffAll, patient: all },
  rooms: { ...staffAll, patient: none },
  weekly_windows: { ...staffAll, patient: all },
  schedule_exceptions: { ...staffAll, patient: none },
  appointments: { ...staffAll, patient: own },
  status_transitions: { ...staffAll, patient: own },
  reschedule_records: { ...staffAll, patient: own },
  reschedule_requests: { ...staffAll, patient: own },
  queue_entries: { ...staffAll, patient: own },
  queue_moves: { ...staffAll, nurse: none, patient: none },
  consultations: {
    doctor: all,
    // Like consultations.vitals: a nurse records vitals for checked-in patients (docs/product.md §1) only.
    nurse: { rows: 'checkedIn', columns: nurseConsultationColumns },
    patient: { rows: 'own', columns: patientConsultationColumns },
    receptionist: none,
    admin: none,
  },
  addenda: { ...clinicalOnly, doctor: all },
  bills: { receptionist: all, admin: all, doctor: none, nurse: none, patient: own },
  bill_items: { receptionist: all, admin: all, doctor: none, nurse: none, patient: own },
  payments: { receptionist: all, admin: all, doctor: none, nurse: none, patient: own },
  waitlist_entries: { receptionist: all, doctor: all, admin: all, nurse: none, patient: own },
  attachments: { ...clinicalOnly, doctor: all, patient: own },
  // The clinic's formulary additions: no patient data; every staff desktop may check against them.
  formulary_entries: { ...staffAll, patient: none },
  // Doctors' templates hold no patient data; a doctor's screen lists only their own.
  prescription_templates: { ...clinicalOnly, doctor: all },
};

/**
 * Each role's view, bumped whenever its rows or columns narrow: a desktop's replica made under
 * an older one may hold rows the role no longer sees, and is refetched (a replica without a
 * version is at 1). Nurse 2: consultations only of checked-in visits.
 */
export const visibilityVersions: Readonly<Record<Role, number>> = {
  patient: 1,
  receptionist: 1,
  doctor: 1,
  nurse: 2,
  admin: 1,
};

export function visibilityOf(role: Role, entity: SyncedEntity): EntityVisibility {
  return visibilityPolicy[entity][role];
}

/** Keeps only the columns the role may see; returns null when the role may see no row of the table. */
export function redactRow<T extends Record<string, unknown>>(
  role: Role,
  entity: SyncedEntity,
  row: T,
): Partial<T> | null {
  const { rows, columns } = visibilityOf(role, entity);
  if (rows === 'none') return null;
  if (columns === 'all') return { ...row };
  const kept: Partial<T> = {};
  for (const column of columns) {
    if (Object.prototype.hasOwnProperty.call(row, column)) kept[column as keyof T] = row[column as keyof T];
  }
  return kept;
}
