import { randomUUID } from 'node:crypto';
import type { Actor } from '@shared/domain/user.schema';
import { hashPassword, verifyPassword } from '@server/auth/password';
import type { Db } from '@server/db/database';

export interface CachedUser {
  username: string;
  userId: string;
  token: string | null;
  actor: Actor;
  clientId: string;
}

/**
 * Sign-ins remembered on this desktop (docs/product.md §15 offline unlock): an argon2id verifier of the
 * password (never the password), the last session token, the actor, and the user's sync client.
 */
export class OfflineAuth {
  constructor(private readonly db: Db) {}

  find(username: string): CachedUser | undefined {
    const row = this.db.sqlite.prepare('SELECT * FROM client_users WHERE username = ?').get(username) as
      (Omit<CachedUser, 'actor'> & { actor: string }) | undefined;
    return row && { ...row, actor: JSON.parse(row.actor) as Actor };
  }

  async remember(
    username: string,
    password: string,
    token: string,
    actor: Actor,
    now: string,
  ): Promise<CachedUser> {
    const verifier = await hashPassword(password);
    const existing = this.find(username);
    // One sync client per user on this desktop, so a change is always pushed by its author.
    const clientId = existing?.userId === actor.userId ? existing.clientId : randomUUID();
    this.db.sqlite
      .prepare(
        `INSERT INTO client_users (username, userId, verifier, token, actor, clientId, nextMutationId, updatedAt)
         VALUES (?, ?, ?, ?, ?, ?, 1, ?)
         ON CONFLICT(username) DO UPDATE SET userId = excluded.userId, verifier = excluded.verifier,
           token = excluded.token, actor = excluded.actor, clientId = excluded.clientId,
           nextMutationId = CASE WHEN client_users.clientId = excluded.clientId THEN client_users.nextMutationId ELSE 1 END,
           updatedAt = excluded.updatedAt`,
      )
      .run(username, actor.userId, verifier, token, JSON.stringify(actor), clientId, now);
    return { username, userId: actor.userId, token, actor, clientId };
  }

  async verify(username: string, password: string): Promise<CachedUser | null> {
    const row = this.db.sqlite
      .prepare('SELECT verifier FROM client_users WHERE username = ?')
      .get(username) as { verifier: string } | undefined;
    if (!row || !(await verifyPassword(row.verifier, password))) return null;
    return this.find(username) ?? null;
  }

  updateSession(username: string, token: string | null, actor: Actor): void {
    this.db.sqlite
      .prepare('UPDATE client_users SET token = ?, actor = ? WHERE username = ?')
      .run(token, JSON.stringify(actor), username);
  }

  /** A disabled user can no longer unlock this desktop. */
  forget(username: string): void {
    this.db.sqlite
      .prepare("UPDATE client_users SET verifier = '', token = NULL WHERE username = ?")
      .run(username);
  }
}
