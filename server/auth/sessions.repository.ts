import { createHash, randomBytes } from 'node:crypto';
import type { ClinicSettings } from '@shared/domain/settings.schema';
import type { User } from '@shared/domain/user.schema';
import { failure } from '@shared/contract/errors';
import type { Db } from '@server/db/database';
import { userFromRow } from '@server/db/codecs';
import { type ParameterOf, preparedQuery } from '@server/db/prepared-query';

export interface ActiveSession {
  tokenHash: string;
  user: User;
  deviceId: string;
  idleExpiresAt: string;
  absoluteExpiresAt: string;
}

export const hashToken = (token: string) => createHash('sha256').update(token).digest('hex');

/**
 * A companion-app session on a patient's phone: signed in for a week of not using the app and a
 * month in all. Staff sessions follow the clinic's settings (shared desks lock far sooner).
 */
export const PATIENT_SESSION_IDLE_MS = 7 * 24 * 3_600_000;
export const PATIENT_SESSION_ABSOLUTE_MS = 30 * 24 * 3_600_000;

/** How long a session of this role lasts: unused (idle, sliding) and at most (absolute). */
export function sessionLifetimes(role: User['role'], settings: ClinicSettings) {
  return role === 'patient'
    ? { idleMs: PATIENT_SESSION_IDLE_MS, absoluteMs: PATIENT_SESSION_ABSOLUTE_MS }
    : { idleMs: settings.sessionIdleMinutes * 60_000, absoluteMs: settings.sessionAbsoluteHours * 3_600_000 };
}

/** Only refresh the idle expiry when it moved by this much, so reads do not write on every call. */
const TOUCH_EVERY_MS = 60_000;

const sessionByToken = preparedQuery((q, p: ParameterOf<{ tokenHash: string }>) =>
  q
    .selectFrom('sessions')
    .innerJoin('users', 'users.id', 'sessions.userId')
    .selectAll('users')
    .select([
      'sessions.tokenHash',
      'sessions.deviceId',
      'sessions.idleExpiresAt',
      'sessions.absoluteExpiresAt',
      'sessions.revokedAt',
    ])
    .where('sessions.tokenHash', '=', p('tokenHash')),
);

/** Opaque random session tokens (256 bits), stored hashed, with idle and absolute expiry (docs/product.md §15). */
export class Sessions {
  constructor(private readonly db: Db) {}

  create(userId: string, deviceId: string, now: Date, settings: ClinicSettings, role: User['role']) {
    const token = randomBytes(32).toString('base64url');
    const { idleMs, absoluteMs } = sessionLifetimes(role, settings);
    const idleExpiresAt = new Date(now.getTime() + idleMs).toISOString();
    const absoluteExpiresAt = new Date(now.getTime() + absoluteMs).toISOString();
    this.db.run(
      this.db.q.insertInto('sessions').values({
        tokenHash: hashToken(token),
        userId,
        deviceId,
        createdAt: now.toISOString(),
        lastSeenAt: now.toISOString(),
        idleExpiresAt,
        absoluteExpiresAt,
        revokedAt: null,
        revokeReason: null,
      }),
    );
    return { token, idleExpiresAt, absoluteExpiresAt };
  }

  /** The live session of a token, its idle expiry slid forward; throws UNAUTHENTICATED otherwise. */
  validate(token: string, now: Date, settings: ClinicSettings): ActiveSession {
    const tokenHash = hashToken(token);
    const row = sessionByToken.first(this.db, { tokenHash });
    const nowIso = now.toISOString();
    if (!row || row.revokedAt !== null)
      throw failure('UNAUTHENTICATED', 'Your session has ended. Please sign in again.');
    if (row.disabled)
      throw failure('UNAUTHENTICATED', 'This account is disabled. Please contact the clinic admin.');
    if (row.absoluteExpiresAt <= nowIso || row.idleExpiresAt <= nowIso) {
      throw failure('UNAUTHENTICATED', 'Your session has expired. Please sign in again.');
    }
    let idleExpiresAt = row.idleExpiresAt;
    const user = userFromRow(row);
    const slid = new Date(now.getTime() + sessionLifetimes(user.role, settings).idleMs);
    if (slid.getTime() - Date.parse(row.idleExpiresAt) >= TOUCH_EVERY_MS) {
      idleExpiresAt = slid.toISOString() < row.absoluteExpiresAt ? slid.toISOString() : row.absoluteExpiresAt;
      this.db.run(
        this.db.q
          .updateTable('sessions')
          .set({ idleExpiresAt, lastSeenAt: nowIso })
          .where('tokenHash', '=', tokenHash),
      );
    }
    return {
      tokenHash,
      user,
      deviceId: row.deviceId,
      idleExpiresAt,
      absoluteExpiresAt: row.absoluteExpiresAt,
    };
  }

  revokeToken(tokenHash: string, now: Date, reason: string): void {
    this.db.run(
      this.db.q
        .updateTable('sessions')
        .set({ revokedAt: now.toISOString(), revokeReason: reason })
        .where('tokenHash', '=', tokenHash)
        .where('revokedAt', 'is', null),
    );
  }

  /** Ends every session of a user (logout everywhere, disable, password or role change). */
  revokeUser(userId: string, now: Date, reason: string, exceptTokenHash?: string): number {
    let query = this.db.q
      .updateTable('sessions')
      .set({ revokedAt: now.toISOString(), revokeReason: reason })
      .where('userId', '=', userId)
      .where('revokedAt', 'is', null);
    if (exceptTokenHash) query = query.where('tokenHash', '!=', exceptTokenHash);
    return Number(this.db.run(query).changes);
  }
}
