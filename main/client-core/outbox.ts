import type BetterSqlite3 from 'better-sqlite3';
import type { Mutation } from '@shared/contract/sync.contract';
import type { Actor } from '@shared/domain/user.schema';
import type { Db } from '@server/db/database';

export interface OutboxRow {
  seq: number;
  clientId: string;
  mutationId: number;
  userId: string;
  actor: Actor;
  name: string;
  input: unknown;
  createdAt: string;
  state: 'pending' | 'acked';
  /** The client id the row was first queued under, when it has moved to a new one since. */
  origin: string | null;
}

interface StoredRow extends Omit<OutboxRow, 'actor' | 'input'> {
  actor: string;
  input: string;
}

const toRow = (row: StoredRow): OutboxRow => ({
  ...row,
  actor: JSON.parse(row.actor) as Actor,
  input: JSON.parse(row.input) as unknown,
});

/**
 * The outbox (docs/architecture.md (Sync protocol)): local changes numbered 1, 2, 3 … per sync client, written in the same
 * transaction as their optimistic effect. 'acked' rows were applied by the hub and stay until a
 * complete pull has brought their effects, so the replica never shows them vanishing.
 */
export class Outbox {
  private readonly statements = new Map<string, BetterSqlite3.Statement>();

  constructor(private readonly db: Db) {}

  /** Prepared once, reused (a catch-up records thousands of outcomes). */
  private sql(text: string): BetterSqlite3.Statement {
    let statement = this.statements.get(text);
    if (!statement) this.statements.set(text, (statement = this.db.sqlite.prepare(text)));
    return statement;
  }

  /** The next mutation id of a client (inside the caller's transaction). */
  allocate(clientId: string): number {
    const row = this.sql(
      'UPDATE client_users SET nextMutationId = nextMutationId + 1 WHERE clientId = ? RETURNING nextMutationId - 1 AS id',
    ).get(clientId) as { id: number } | undefined;
    if (!row) throw new Error(`unknown sync client ${clientId}`);
    return row.id;
  }

  insert(row: Omit<OutboxRow, 'seq' | 'state' | 'origin'>): void {
    this.sql(
      `INSERT INTO client_outbox (clientId, mutationId, userId, actor, name, input, createdAt, state)
         VALUES (?, ?, ?, ?, ?, ?, ?, 'pending')`,
    ).run(
      row.clientId,
      row.mutationId,
      row.userId,
      JSON.stringify(row.actor),
      row.name,
      JSON.stringify(row.input),
      row.createdAt,
    );
  }

  /** Every row not yet confirmed by a complete pull, in the order they were made (for rebase). */
  all(): OutboxRow[] {
    return (this.sql('SELECT * FROM client_outbox ORDER BY seq').all() as StoredRow[]).map(toRow);
  }

  pending(clientId: string, limit: number): Mutation[] {
    const rows = this.sql(
      "SELECT * FROM client_outbox WHERE clientId = ? AND state = 'pending' ORDER BY mutationId LIMIT ?",
    ).all(clientId, limit) as StoredRow[];
    return rows.map((r) => ({
      mutationId: r.mutationId,
      name: r.name,
      input: JSON.parse(r.input) as unknown,
      createdAt: r.createdAt,
      ...(r.origin ? { origin: r.origin } : {}),
    }));
  }

  get(clientId: string, mutationId: number): OutboxRow | undefined {
    const row = this.sql('SELECT * FROM client_outbox WHERE clientId = ? AND mutationId = ?').get(
      clientId,
      mutationId,
    ) as StoredRow | undefined;
    return row && toRow(row);
  }

  /**
   * Changes waiting per sync client of this desktop (each user who signed in here), zeros
   * included, so the hub also learns when a held user's changes have gone.
   */
  pendingByClient(): { clientId: string; count: number }[] {
    return this.sql(
      `SELECT u.clientId AS clientId, count(o.seq) AS count FROM client_users u
         LEFT JOIN client_outbox o ON o.clientId = u.clientId AND o.state = 'pending'
        GROUP BY u.clientId ORDER BY u.clientId`,
    ).all() as { clientId: string; count: number }[];
  }

  countPending(): number {
    return (
      this.sql("SELECT count(*) AS n FROM client_outbox WHERE state = 'pending'").get() as {
        n: number;
      }
    ).n;
  }

  markAcked(clientId: string, mutationId: number): void {
    this.sql("UPDATE client_outbox SET state = 'acked' WHERE clientId = ? AND mutationId = ?").run(
      clientId,
      mutationId,
    );
  }

  remove(clientId: string, mutationId: number): void {
    this.sql('DELETE FROM client_outbox WHERE clientId = ? AND mutationId = ?').run(clientId, mutationId);
  }

  /** Also drops those of a client id this desktop has replaced (`reRegisterClient`). */
  dropAcked(clientId: string): number {
    return this.sql(
      `DELETE FROM client_outbox WHERE state = 'acked'
         AND (clientId = ? OR clientId NOT IN (SELECT clientId FROM client_users))`,
    ).run(clientId).changes;
  }

  /**
   * After a restored hub (new epoch) or a gap: the hub says it has processed this client's changes
   * up to `last` (pushing those again returns their stored outcomes). Every change above `last` is
   * one the hub does not hold (a restore from a backup taken before it arrived), so it is sent
   * again, acknowledged or not, renumbered from last + 1 in order: nothing entered is lost. Only a
   * number the hub told this client's owner is ever passed here (SyncEngine.adopt skips a null).
   */
  renumber(clientId: string, last: number): void {
    const { sqlite } = this.db;
    this.db.transaction(() => {
      const rows = sqlite
        .prepare('SELECT seq FROM client_outbox WHERE clientId = ? AND mutationId > ? ORDER BY mutationId')
        .all(clientId, last) as { seq: number }[];
      const move = sqlite.prepare("UPDATE client_outbox SET mutationId = ?, state = 'pending' WHERE seq = ?");
      // Two passes, so the UNIQUE (clientId, mutationId) never collides midway.
      for (const row of rows) move.run(-row.seq, row.seq);
      rows.forEach((row, i) => move.run(last + 1 + i, row.seq));
      sqlite
        .prepare('UPDATE client_users SET nextMutationId = ? WHERE clientId = ?')
        .run(last + 1 + rows.length, clientId);
    });
  }
}
