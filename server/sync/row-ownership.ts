import type { SyncedEntity } from '@shared/contract/sync.contract';
import type { Actor } from '@shared/domain/user.schema';
import type { Db } from '@server/db/database';

type Row = Record<string, unknown>;

/** How a row of a table belongs to someone, for tables a role sees only its 'own' rows of. */
type OwnerRule =
  | { kind: 'user' }
  | { kind: 'patient'; column: string; finalizedOnly?: boolean }
  | { kind: 'via'; column: string; parent: 'appointments' | 'bills' };

const ownerRules: Partial<Record<SyncedEntity, OwnerRule>> = {
  users: { kind: 'user' },
  patients: { kind: 'patient', column: 'id' },
  appointments: { kind: 'patient', column: 'patientId' },
  status_transitions: { kind: 'via', column: 'appointmentId', parent: 'appointments' },
  reschedule_records: { kind: 'via', column: 'appointmentId', parent: 'appointments' },
  reschedule_requests: { kind: 'via', column: 'appointmentId', parent: 'appointments' },
  queue_entries: { kind: 'patient', column: 'patientId' },
  // A patient sees a consultation's summary once the doctor has signed it, never a draft.
  consultations: { kind: 'patient', column: 'patientId', finalizedOnly: true },
  bills: { kind: 'patient', column: 'patientId' },
  bill_items: { kind: 'via', column: 'billId', parent: 'bills' },
  payments: { kind: 'via', column: 'billId', parent: 'bills' },
  waitlist_entries: { kind: 'patient', column: 'patientId' },
  attachments: { kind: 'via', column: 'appointmentId', parent: 'appointments' },
};

/**
 * Keeps the rows that belong to the actor ('own' visibility). Deny by default: a table without a
 * rule, or an actor without the identity the rule needs, keeps nothing.
 */
export function keepOwnRows(db: Db, actor: Actor, entity: SyncedEntity, rows: Row[]): Row[] {
  const rule = ownerRules[entity];
  if (!rule) return [];
  switch (rule.kind) {
    case 'user':
      return rows.filter((row) => row.id === actor.userId);
    case 'patient':
      if (!actor.patientId) return [];
      return rows.filter(
        (row) => row[rule.column] === actor.patientId && (!rule.finalizedOnly || row.status === 'finalized'),
      );
    case 'via': {
      if (!actor.patientId) return [];
      const parentIds = [...new Set(rows.map((row) => String(row[rule.column])))];
      const owned = new Set<string>();
      for (let i = 0; i < parentIds.length; i += 500) {
        const chunk = parentIds.slice(i, i + 500);
        const found = db.sqlite
          .prepare(
            `SELECT id FROM ${rule.parent} WHERE patientId = ? AND id IN (${chunk.map(() => '?').join(',')})`,
          )
          .all(actor.patientId, ...chunk) as { id: string }[];
        for (const { id } of found) owned.add(id);
      }
      return rows.filter((row) => owned.has(String(row[rule.column])));
    }
  }
}
