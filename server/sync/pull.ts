import {
  type Change,
  type PullResponse,
  pullRequestSchema,
  type SyncedEntity,
  syncedEntitySchema,
} from '@shared/contract/sync.contract';
import type { Actor } from '@shared/domain/user.schema';
import { keepOwned } from '@shared/permissions/ownership';
import { redactRow, visibilityOf } from '@shared/permissions/visibility';
import type { HubCore } from '@server/core/hub-core';
import { decode } from '@server/db/codecs';
import type { Db } from '@server/db/database';
import { parentResolver } from '@server/repositories/ownership';
import { lastMutationIdFor } from './sync-clients.repository';
import { checkedInEntities, keepCheckedIn, leavingRows, rowsOfVisits } from './visit-scope';
import { parseMessage } from './wire';

type Row = Record<string, unknown>;
interface LoggedChange {
  seq: number;
  entity: string;
  entityId: string;
}

/**
 * One page of changes after the client's cursor (docs/architecture.md (Sync protocol)), as the actor's role may see them:
 * the current row of each changed record, its columns filtered, rows the role may not hold left
 * out entirely (not even their id travels).
 */
export function pullChanges(
  core: HubCore,
  actor: Actor,
  clientId: string | null,
  rawRequest: unknown,
): PullResponse {
  const request = parseMessage(pullRequestSchema, rawRequest, 'sync.pull');
  const { hubId, epoch } = core.identity();
  const lastMutationId = lastMutationIdFor(core.db, clientId, actor);
  if (request.epoch !== epoch) {
    return { hubId, epoch, resetRequired: true, changes: [], nextCursor: 0, hasMore: false, lastMutationId };
  }

  const logged = core.db.all(
    core.db.q
      .selectFrom('changes')
      .select(['seq', 'entity', 'entityId'])
      .where('seq', '>', request.cursor)
      .orderBy('seq')
      .limit(request.limit + 1),
  );
  const hasMore = logged.length > request.limit;
  const page = logged.slice(0, request.limit);
  const nextCursor = page.at(-1)?.seq ?? request.cursor;

  // The latest change of each record in the page; its current row says what the record is now.
  const latest = new Map<string, LoggedChange & { entity: SyncedEntity }>();
  for (const change of page) {
    const entity = syncedEntitySchema.safeParse(change.entity);
    if (!entity.success) {
      core.logger.warn({ seq: change.seq, entity: change.entity }, 'change log names an unknown entity');
      continue;
    }
    const key = `${change.entity}:${change.entityId}`;
    latest.delete(key);
    latest.set(key, { ...change, entity: entity.data });
  }
  addVisitRows(core.db, actor, latest, nextCursor);

  const byEntity = new Map<SyncedEntity, string[]>();
  for (const change of latest.values()) {
    const ids = byEntity.get(change.entity) ?? [];
    ids.push(change.entityId);
    byEntity.set(change.entity, ids);
  }
  const visible = new Map<string, Row>();
  const existing = new Set<string>();
  /** Rows the role held while their visit was checked in, out of its view since (sent as deletes). */
  const leaving = new Set<string>();
  for (const [entity, ids] of byEntity) {
    // Tables the role holds no row of are not even read: nothing of them can travel.
    const visibility = visibilityOf(actor.role, entity);
    if (visibility.rows === 'none') continue;
    let rows = loadRows(core.db, entity, ids);
    for (const row of rows) existing.add(`${entity}:${String(row.id)}`);
    if (visibility.rows === 'own') rows = keepOwned(actor, entity, rows, parentResolver(core.db));
    if (visibility.rows === 'checkedIn') {
      const all = rows;
      rows = keepCheckedIn(core.db, all);
      const kept = new Set(rows);
      const hidden = all.filter((row) => !kept.has(row));
      for (const row of leavingRows(core.db, entity, hidden, request.cursor, nextCursor))
        leaving.add(`${entity}:${String(row.id)}`);
    }
    for (const row of rows) {
      const redacted = redactRow(actor.role, entity, toEntity(entity, row));
      if (redacted) visible.set(`${entity}:${String(row.id)}`, redacted);
    }
  }

  const changes: Change[] = [];
  for (const [key, change] of latest) {
    const row = visible.get(key);
    if (row) {
      changes.push({ seq: change.seq, entity: change.entity, entityId: change.entityId, op: 'upsert', row });
    } else if (
      leaving.has(key) ||
      (!existing.has(key) && visibilityOf(actor.role, change.entity).rows !== 'none')
    ) {
      // Gone (its ownership can no longer be checked) or out of view: only the id travels.
      changes.push({
        seq: change.seq,
        entity: change.entity,
        entityId: change.entityId,
        op: 'delete',
        row: null,
      });
    }
  }
  changes.sort((a, b) => a.seq - b.seq);
  return { hubId, epoch, resetRequired: false, changes, nextCursor, hasMore, lastMutationId };
}

/**
 * A role's 'checkedIn' rows follow their appointment: each appointment changed in the page brings
 * its rows along (at the appointment's seq), so that they arrive when it is checked in and leave
 * when it no longer is (server/sync/visit-scope.ts).
 */
function addVisitRows(
  db: Db,
  actor: Actor,
  latest: Map<string, LoggedChange & { entity: SyncedEntity }>,
  last: number,
): void {
  const entities = checkedInEntities(actor.role);
  if (entities.length === 0) return;
  const seqOf = new Map<string, number>();
  for (const change of latest.values()) {
    if (change.entity === 'appointments') seqOf.set(change.entityId, change.seq);
  }
  for (const entity of entities) {
    for (const { id, appointmentId } of rowsOfVisits(db, entity, [...seqOf.keys()], last)) {
      const key = `${entity}:${id}`;
      if (!latest.has(key)) latest.set(key, { seq: seqOf.get(appointmentId)!, entity, entityId: id });
    }
  }
}

function loadRows(db: Db, entity: SyncedEntity, ids: string[]): Row[] {
  if (entity === 'settings') {
    const row = db.first(db.q.selectFrom('settings').select('data').where('id', '=', 1));
    return row && ids.includes('1') ? [{ id: '1', data: row.data }] : [];
  }
  const rows: Row[] = [];
  for (let i = 0; i < ids.length; i += 500) {
    const chunk = ids.slice(i, i + 500);
    // `entity` is one of the synced table names (checked above), never client text.
    const statement = db.sqlite.prepare(
      `SELECT * FROM "${entity}" WHERE id IN (${chunk.map(() => '?').join(',')})`,
    );
    rows.push(...(statement.all(...chunk) as Row[]));
  }
  return rows;
}

function toEntity(entity: SyncedEntity, row: Row): Row {
  if (entity === 'settings') return JSON.parse(row.data as string) as Row;
  const decoded = decode<Row>(entity, row);
  // A bill item's entity lives inside its bill; on the wire it is its own row and keeps its link.
  if (entity === 'bill_items') return { ...decoded, billId: row.billId, position: row.position };
  // A replica cannot derive these two (the clinic date needs the zone at booking time, and a
  // queued walk-in's lack of claimed time is not visible in the row), so they travel.
  if (entity === 'appointments')
    return { ...decoded, clinicDate: row.clinicDate, slotless: row.slotless === 1 };
  return decoded;
}
