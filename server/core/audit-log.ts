import { createHmac } from 'node:crypto';
import type { Role } from '@shared/domain/common.schema';
import type { Db } from '@server/db/database';
import { type ParameterOf, preparedQuery } from '@server/db/prepared-query';
import type { AuditLogTable } from '@server/db/tables';

export interface AuditEntry {
  at: string;
  actorUserId: string | null;
  actorRole: Role | null;
  deviceId: string;
  kind: 'change' | 'read' | 'auth';
  action: string;
  entity: string;
  entityId: string | null;
  patientId: string | null;
  details: Record<string, unknown>;
}

const GENESIS = '0'.repeat(64);

const lastEntry = preparedQuery((q) =>
  q.selectFrom('audit_log').select(['seq', 'hash']).orderBy('seq', 'desc').limit(1),
);
const insertEntry = preparedQuery((q, p: ParameterOf<AuditLogTable>) =>
  q.insertInto('audit_log').values({
    seq: p('seq'),
    at: p('at'),
    actorUserId: p('actorUserId'),
    actorRole: p('actorRole'),
    deviceId: p('deviceId'),
    kind: p('kind'),
    action: p('action'),
    entity: p('entity'),
    entityId: p('entityId'),
    patientId: p('patientId'),
    details: p('details'),
    prevHash: p('prevHash'),
    hash: p('hash'),
  }),
);
// The head, so that cutting entries off the end is detected too.
const saveHead = preparedQuery((q, p: ParameterOf<{ head: string }>) =>
  q
    .insertInto('hub_meta')
    .values({ key: 'audit_head', value: p('head') })
    .onConflict((oc) => oc.column('key').doUpdateSet({ value: p('head') })),
);

function entryHash(key: Buffer, seq: number, prevHash: string, entry: AuditEntry): string {
  const canonical = JSON.stringify([
    seq,
    prevHash,
    entry.at,
    entry.actorUserId,
    entry.actorRole,
    entry.deviceId,
    entry.kind,
    entry.action,
    entry.entity,
    entry.entityId,
    entry.patientId,
    entry.details,
  ]);
  return createHmac('sha256', key).update(canonical).digest('hex');
}

/**
 * Append-only, hash-chained audit log (SPEC §11). Each entry's HMAC covers the previous hash, so
 * editing, deleting or reordering an entry breaks the chain; the key lives outside the database,
 * so whoever edits the file cannot recompute the chain.
 */
export class AuditLog {
  constructor(
    private readonly db: Db,
    private readonly key: Buffer,
  ) {}

  append(entry: AuditEntry): void {
    const last = lastEntry.first(this.db, {});
    const seq = (last?.seq ?? 0) + 1;
    const prevHash = last?.hash ?? GENESIS;
    const hash = entryHash(this.key, seq, prevHash, entry);
    insertEntry.run(this.db, { seq, ...entry, details: JSON.stringify(entry.details), prevHash, hash });
    saveHead.run(this.db, { head: `${seq}:${hash}` });
  }

  verify(): { ok: boolean; checked: number; firstBadSeq: number | null; problem: string | null } {
    let prevHash = GENESIS;
    let expectedSeq = 1;
    let checked = 0;
    for (const row of this.db.sqlite.prepare('SELECT * FROM audit_log ORDER BY seq').iterate() as Iterable<
      Record<string, unknown>
    >) {
      const seq = row.seq as number;
      const bad = (problem: string) => ({ ok: false, checked, firstBadSeq: seq, problem });
      if (seq !== expectedSeq) return bad(`entry ${expectedSeq} is missing`);
      if (row.prevHash !== prevHash) return bad(`entry ${seq} does not follow entry ${seq - 1}`);
      const entry = {
        ...(row as unknown as AuditEntry),
        details: JSON.parse(row.details as string) as Record<string, unknown>,
      };
      if (entryHash(this.key, seq, prevHash, entry) !== row.hash) return bad(`entry ${seq} was altered`);
      prevHash = row.hash;
      expectedSeq += 1;
      checked += 1;
    }
    const head = this.db.first(
      this.db.q.selectFrom('hub_meta').select('value').where('key', '=', 'audit_head'),
    );
    const expectedHead = checked === 0 ? undefined : `${expectedSeq - 1}:${prevHash}`;
    if (head?.value !== expectedHead) {
      return {
        ok: false,
        checked,
        firstBadSeq: expectedSeq,
        problem: 'entries after the last one were removed',
      };
    }
    return { ok: true, checked, firstBadSeq: null, problem: null };
  }
}
