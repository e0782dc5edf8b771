import { createHmac } from 'node:crypto';
import type { Role } from '@shared/domain/common.schema';
import type BetterSqlite3 from 'better-sqlite3';
import type { Db } from '@server/db/database';

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

/** What a check of the audit chain found: the first bad entry, if any, and what is wrong with it. */
export interface ChainVerdict {
  ok: boolean;
  checked: number;
  firstBadSeq: number | null;
  problem: string | null;
}

export const GENESIS = '0'.repeat(64);

export function entryHash(key: Buffer, seq: number, prevHash: string, entry: AuditEntry): string {
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
 * Walks the chain from entry 1 (or after a trusted one) in pages of `pageSize` rows, so that a caller may let the event
 * loop turn between pages (years of entries take seconds). Each entry must follow the previous
 * one and carry its own HMAC.
 */
export class ChainWalk {
  private nextSeq: number;
  private prevHash: string;
  private checked = 0;
  private failure: ChainVerdict | null = null;
  private readonly page: BetterSqlite3.Statement<[number, number], Record<string, unknown>>;

  constructor(
    db: Db,
    private readonly key: Buffer,
    /** Where to start: after a trusted entry (an anchor's), or at the beginning. */
    after: { seq: number; hash: string } = { seq: 0, hash: GENESIS },
    private readonly pageSize = 5_000,
  ) {
    this.nextSeq = after.seq + 1;
    this.prevHash = after.hash;
    this.page = db.sqlite.prepare('SELECT * FROM audit_log WHERE seq >= ? ORDER BY seq LIMIT ?');
  }

  /** Checks the next page; true while there may be more. */
  step(): boolean {
    if (this.failure) return false;
    const rows = this.page.all(this.nextSeq, this.pageSize);
    for (const row of rows) {
      const seq = row.seq as number;
      const bad = (problem: string) => {
        this.failure = { ok: false, checked: this.checked, firstBadSeq: seq, problem };
        return false;
      };
      if (seq !== this.nextSeq) return bad(`entry ${this.nextSeq} is missing`);
      if (row.prevHash !== this.prevHash) return bad(`entry ${seq} does not follow entry ${seq - 1}`);
      const entry = {
        ...(row as unknown as AuditEntry),
        details: JSON.parse(row.details as string) as Record<string, unknown>,
      };
      if (entryHash(this.key, seq, this.prevHash, entry) !== row.hash) return bad(`entry ${seq} was altered`);
      this.prevHash = row.hash;
      this.nextSeq += 1;
      this.checked += 1;
    }
    return rows.length === this.pageSize;
  }

  /** The verdict so far, and the last entry that checked out (seq 0 and GENESIS for none). */
  result(): { verdict: ChainVerdict; lastSeq: number; lastHash: string } {
    const verdict = this.failure ?? { ok: true, checked: this.checked, firstBadSeq: null, problem: null };
    return { verdict, lastSeq: this.nextSeq - 1, lastHash: this.prevHash };
  }
}
