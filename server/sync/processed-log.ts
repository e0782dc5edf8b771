import type BetterSqlite3 from 'better-sqlite3';
import type { MutationOutcome } from '@shared/contract/sync.contract';
import type { Db } from '@server/db/database';

/**
 * Records processed mutations for the push applier, with statements prepared once (a catch-up
 * records thousands in a row). The client's row must exist (`touchClient`) in the same transaction.
 */
export class ProcessedLog {
  private readonly bump: BetterSqlite3.Statement<[number, string, number]>;
  private readonly insert: BetterSqlite3.Statement<[string, number, string, string, string, string, string]>;

  constructor(db: Db) {
    this.bump = db.sqlite.prepare(
      'UPDATE sync_clients SET lastMutationId = ? WHERE clientId = ? AND lastMutationId = ?',
    );
    this.insert = db.sqlite.prepare(
      `INSERT INTO processed_mutations (clientId, mutationId, name, status, response, processedAt, fingerprint)
       VALUES (?, ?, ?, ?, ?, ?, ?)`,
    );
  }

  /**
   * Marks a mutation processed inside the caller's transaction: the client's last mutation id
   * moves from the one before it (anything else means out of order, and throws), and its outcome
   * is stored, with the mutation's fingerprint, for a re-sent duplicate.
   */
  record(clientId: string, name: string, fingerprint: string, outcome: MutationOutcome, at: string): void {
    const { mutationId } = outcome;
    if (this.bump.run(mutationId, clientId, mutationId - 1).changes !== 1) {
      throw new Error(`mutation ${mutationId} of client ${clientId} is out of order`);
    }
    this.insert.run(clientId, mutationId, name, outcome.status, JSON.stringify(outcome), at, fingerprint);
  }
}
