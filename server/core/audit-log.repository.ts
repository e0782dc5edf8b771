import type { Db } from '@server/db/database';
import { type ParameterOf, preparedQuery } from '@server/db/prepared-query';
import type { AuditLogTable } from '@server/db/tables';
import { type AuditEntry, ChainWalk, type ChainVerdict, entryHash, GENESIS } from './audit-chain';

export type { AuditEntry, ChainVerdict } from './audit-chain';

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
// The head inside the database: a consistency check only, since whoever edits the file can
// rewrite it too. The anchor outside the database (AuditGuard) is what detects a cut-off end.
const saveHead = preparedQuery((q, p: ParameterOf<{ head: string }>) =>
  q
    .insertInto('hub_meta')
    .values({ key: 'audit_head', value: p('head') })
    .onConflict((oc) => oc.column('key').doUpdateSet({ value: p('head') })),
);

/** Checks the chain's end against something outside the database (see AuditGuard). */
export interface AuditAnchorCheck {
  /** After an append, once the transaction has ended. */
  appended(): void;
  /** What is wrong with the entries' end compared with the anchor, or null. */
  verdict(walked: { lastSeq: number; lastHash: string; checked: number }): ChainVerdict | null;
}

/**
 * Append-only, hash-chained audit log (docs/product.md §11). Each entry's HMAC covers the previous hash, so
 * editing, deleting or reordering an entry breaks the chain; the key lives outside the database,
 * so whoever edits the file cannot recompute the chain.
 */
export class AuditLog {
  private anchor: AuditAnchorCheck | null = null;

  constructor(
    private readonly db: Db,
    private readonly key: Buffer,
  ) {}

  /** Anchors the chain outside the database from now on. */
  anchorWith(anchor: AuditAnchorCheck): void {
    this.anchor = anchor;
  }

  append(entry: AuditEntry): void {
    const last = lastEntry.first(this.db, {});
    const seq = (last?.seq ?? 0) + 1;
    const prevHash = last?.hash ?? GENESIS;
    const hash = entryHash(this.key, seq, prevHash, entry);
    insertEntry.run(this.db, { seq, ...entry, details: JSON.stringify(entry.details), prevHash, hash });
    saveHead.run(this.db, { head: `${seq}:${hash}` });
    this.anchor?.appended();
  }

  /** The last entry (seq 0 and the genesis hash when there is none). */
  last(): { seq: number; hash: string } {
    const last = lastEntry.first(this.db, {});
    return { seq: last?.seq ?? 0, hash: last?.hash ?? GENESIS };
  }

  /** Walks the whole chain now (synchronously), then compares its end with the anchor. */
  verify(): ChainVerdict {
    const walk = new ChainWalk(this.db, this.key);
    while (walk.step());
    return this.conclude(walk);
  }

  /** The same, a page at a time with `pause` between pages (years of entries take seconds). */
  async verifyInPages(pause: () => Promise<void>): Promise<ChainVerdict> {
    // ~2,000 entries take some 50 ms: other work waits no longer than that.
    const walk = new ChainWalk(this.db, this.key, undefined, 2_000);
    while (walk.step()) await pause();
    return this.conclude(walk);
  }

  /** Only the entries after a trusted one (the anchored head). */
  verifyAfter(trusted: { seq: number; hash: string }): ChainVerdict {
    const walk = new ChainWalk(this.db, this.key, trusted);
    while (walk.step());
    return walk.result().verdict;
  }

  private conclude(walk: ChainWalk): ChainVerdict {
    const { verdict, lastSeq, lastHash } = walk.result();
    if (!verdict.ok) return verdict;
    const head = this.db.first(
      this.db.q.selectFrom('hub_meta').select('value').where('key', '=', 'audit_head'),
    );
    const expectedHead = verdict.checked === 0 ? undefined : `${lastSeq}:${lastHash}`;
    if (head?.value !== expectedHead) {
      return {
        ok: false,
        checked: verdict.checked,
        firstBadSeq: lastSeq + 1,
        problem: 'entries after the last one were removed',
      };
    }
    return this.anchor?.verdict({ lastSeq, lastHash, checked: verdict.checked }) ?? verdict;
  }
}
