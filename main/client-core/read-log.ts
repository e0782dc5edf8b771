import { randomUUID } from 'node:crypto';
import type { ReplicaRead } from '@shared/contract/sync.contract';
import type { AuditEntry } from '@server/core/audit-log.repository';
import type { Db } from '@server/db/database';

const READS_PER_MESSAGE = 500;

/**
 * Reads of medical content this desktop served from its replica, kept (in the replica's own
 * transaction) until the hub has audited them: the hub's audit log covers what a doctor read on
 * a desktop, online or offline (docs/architecture.md (Security invariants)). Sent by the sync loop with `sync.reads`, per user.
 */
export class ReadLog {
  constructor(private readonly db: Db) {}

  record(
    userId: string,
    at: string,
    entry: Pick<AuditEntry, 'action' | 'entity' | 'entityId' | 'patientId' | 'details'>,
  ): void {
    this.db.sqlite
      .prepare(
        `INSERT INTO client_reads (id, userId, at, action, entity, entityId, patientId, details)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
      )
      .run(
        randomUUID(),
        userId,
        at,
        entry.action,
        entry.entity,
        entry.entityId,
        entry.patientId,
        JSON.stringify(entry.details),
      );
  }

  pending(userId: string): ReplicaRead[] {
    const rows = this.db.sqlite
      .prepare(
        `SELECT id, at, action, entity, entityId, patientId, details FROM client_reads
         WHERE userId = ? ORDER BY rowid LIMIT ?`,
      )
      .all(userId, READS_PER_MESSAGE) as (Omit<ReplicaRead, 'details'> & { details: string })[];
    return rows.map((row) => ({ ...row, details: JSON.parse(row.details) as Record<string, unknown> }));
  }

  remove(ids: readonly string[]): void {
    const remove = this.db.sqlite.prepare('DELETE FROM client_reads WHERE id = ?');
    this.db.sqlite.transaction(() => {
      for (const id of ids) remove.run(id);
    })();
  }
}
