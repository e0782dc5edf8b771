import { type SyncedEntity, syncedEntities } from '@shared/contract/sync.contract';
import type { Role } from '@shared/domain/common.schema';
import { visibilityOf } from '@shared/permissions/visibility';
import type { Db } from '@server/db/database';

type Row = Record<string, unknown>;

/**
 * 'checkedIn' visibility (shared/permissions/visibility.ts): a role holds a visit's row (e.g. a
 * nurse's consultation vitals) only while its appointment is checked in. The row itself need not
 * change when that starts or ends (the appointment does), so a pull page's changed appointments
 * bring their rows along: upserted while checked in, removed once the visit left that state.
 */
export function checkedInEntities(role: Role): SyncedEntity[] {
  return syncedEntities.filter((entity) => visibilityOf(role, entity).rows === 'checkedIn');
}

const CHUNK = 500;

function chunked<T>(ids: readonly string[], query: (chunk: string[], marks: string) => T[]): T[] {
  const found: T[] = [];
  for (let i = 0; i < ids.length; i += CHUNK) {
    const chunk = ids.slice(i, i + CHUNK);
    found.push(...query(chunk, chunk.map(() => '?').join(',')));
  }
  return found;
}

/** The rows whose appointment is checked in now. */
export function keepCheckedIn(db: Db, rows: Row[]): Row[] {
  const appointmentIds = [...new Set(rows.map((row) => String(row.appointmentId)))];
  const checkedIn = new Set(
    chunked(appointmentIds, (chunk, marks) =>
      db.sqlite
        .prepare(`SELECT id FROM appointments WHERE status = 'CHECKED_IN' AND id IN (${marks})`)
        .all(...chunk),
    ).map((row) => (row as { id: string }).id),
  );
  return rows.filter((row) => checkedIn.has(String(row.appointmentId)));
}

/** The ids of `entity` rows (a 'checkedIn' table: it has `appointmentId`) of these appointments. */
export function rowsOfVisits(
  db: Db,
  entity: SyncedEntity,
  appointmentIds: readonly string[],
): { id: string; appointmentId: string }[] {
  // `entity` is one of the synced table names, never client text.
  return chunked(appointmentIds, (chunk, marks) =>
    db.sqlite
      .prepare(`SELECT id, appointmentId FROM "${entity}" WHERE appointmentId IN (${marks})`)
      .all(...chunk),
  ) as { id: string; appointmentId: string }[];
}

/**
 * The appointments that stopped being checked in within the page (cursor, last]: a status
 * transition out of CHECKED_IN was logged there. A desktop may hold their rows only if it pulled
 * them before, i.e. only then can they need removing; a desktop starting from 0 holds none.
 */
export function leftCheckedIn(db: Db, cursor: number, last: number): Set<string> {
  if (cursor === 0 || last <= cursor) return new Set();
  const rows = db.sqlite
    .prepare(
      `SELECT DISTINCT t.appointmentId AS id FROM changes c
         JOIN status_transitions t ON t.id = c.entityId
        WHERE c.seq > ? AND c.seq <= ? AND c.entity = 'status_transitions' AND t."from" = 'CHECKED_IN'`,
    )
    .all(cursor, last) as { id: string }[];
  return new Set(rows.map((row) => row.id));
}
