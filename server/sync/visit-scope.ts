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

/**
 * The rows of `entity` (a 'checkedIn' table: it has `appointmentId`) of these appointments that
 * the change log knew by seq `last`. A row is never sent in a page ending before its own first
 * change, so a desktop at cursor c can hold only rows first logged by c (see `leavingRows`).
 */
export function rowsOfVisits(
  db: Db,
  entity: SyncedEntity,
  appointmentIds: readonly string[],
  last: number,
): { id: string; appointmentId: string }[] {
  // `entity` is one of the synced table names, never client text.
  return chunked(appointmentIds, (chunk, marks) =>
    db.sqlite
      .prepare(
        `SELECT t.id, t.appointmentId FROM "${entity}" t WHERE t.appointmentId IN (${marks})
            AND (SELECT min(c.seq) FROM changes c WHERE c.entity = ? AND c.entityId = t.id) <= ?`,
      )
      .all(...chunk, entity, last),
  ) as { id: string; appointmentId: string }[];
}

/**
 * Of rows out of view now, those a desktop at `cursor` may hold: first logged by then, and of a
 * visit that stopped being checked in within the page (cursor, last] (a status transition out of
 * CHECKED_IN was logged there). Each such transition is judged in exactly one page, so a row held
 * is always removed; one never sent (a visit checked in and out before the desktop first synced)
 * is not named at all.
 */
export function leavingRows(db: Db, entity: SyncedEntity, rows: Row[], cursor: number, last: number): Row[] {
  if (rows.length === 0 || cursor === 0 || last <= cursor) return [];
  const left = new Set(
    (
      db.sqlite
        .prepare(
          `SELECT DISTINCT t.appointmentId AS id FROM changes c
             JOIN status_transitions t ON t.id = c.entityId
            WHERE c.seq > ? AND c.seq <= ? AND c.entity = 'status_transitions' AND t."from" = 'CHECKED_IN'`,
        )
        .all(cursor, last) as { id: string }[]
    ).map((row) => row.id),
  );
  const candidates = rows.filter((row) => left.has(String(row.appointmentId)));
  const known = new Set(
    chunked(
      candidates.map((row) => String(row.id)),
      (chunk, marks) =>
        db.sqlite
          .prepare(
            `SELECT entityId AS id FROM changes WHERE entity = ? AND entityId IN (${marks})
              GROUP BY entityId HAVING min(seq) <= ?`,
          )
          .all(entity, ...chunk, cursor) as { id: string }[],
    ).map((row) => row.id),
  );
  return candidates.filter((row) => known.has(String(row.id)));
}
