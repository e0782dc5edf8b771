import { failure } from '@shared/contract/errors';
import type { User } from '@shared/domain/user.schema';
import { loginThrottleKeys, type ThrottleKeys } from '@server/auth/login-throttle';
import { decoyHash } from '@server/auth/password';
import { userFromRow } from '@server/db/codecs';
import { type HandlerContext, type HandlerMap, handler } from '@server/core/handler';
import { requireActor } from '@server/repositories/ownership';

export function issueSession(ctx: HandlerContext, user: User, deviceId: string) {
  const session = ctx.hub.sessions.create(user.id, deviceId, new Date(ctx.now), ctx.settings(), user.role);
  ctx.db.run(ctx.db.q.updateTable('users').set({ lastLoginAt: ctx.now }).where('id', '=', user.id));
  return { ...session, user: { ...user, lastLoginAt: ctx.now } };
}

/**
 * A refused sign-in, staff or patient: counted by the throttle (unless it was refused because
 * the throttle already blocks) and audited, in one transaction. Runs in `prepare`, so the
 * audit row is appended directly (there is no handler transaction to join).
 */
export function recordFailedSignIn(
  ctx: Pick<HandlerContext, 'db' | 'hub' | 'now'>,
  failed: {
    keys: ThrottleKeys;
    now: Date;
    deviceId: string;
    action: 'auth.loginFailed' | 'auth.patientLoginFailed';
    userId: string | null;
    details: Record<string, unknown>;
    /** False when the throttle refused the attempt: it is audited but not counted again. */
    count?: boolean;
  },
): void {
  ctx.db.transaction(() => {
    if (failed.count ?? true) ctx.hub.throttle.recordFailure(failed.keys, failed.now);
    ctx.hub.audit.append({
      at: ctx.now,
      actorUserId: null,
      actorRole: null,
      deviceId: failed.deviceId,
      kind: 'auth',
      action: failed.action,
      entity: 'users',
      entityId: failed.userId,
      patientId: null,
      details: failed.details,
    });
  });
}

function findLoginUser(ctx: Pick<HandlerContext, 'db'>, username: string) {
  return ctx.db.first(
    ctx.db.q
      .selectFrom('users')
      .innerJoin('credentials', 'credentials.userId', 'users.id')
      .selectAll('users')
      .select('credentials.passwordHash')
      .where('users.username', '=', username),
  );
}

export const authHandlers: HandlerMap = {
  'auth.setupStatus': handler('auth.setupStatus', {
    run: (_input, ctx) => ({
      needsSetup: !ctx.hub.isSetUp(),
      clinicName: ctx.hub.isSetUp() ? ctx.settings().clinicName : null,
    }),
  }),

  'auth.setup': handler('auth.setup', {
    prepare: (input, ctx) => ctx.hub.passwords.hash(input.admin.password),
    run: (input, ctx, passwordHash) => {
      if (ctx.hub.isSetUp()) throw failure('CONFLICT', 'This hub is already set up; sign in as an admin.');
      ctx.hub.saveSettings(input.settings);
      const user: User = {
        id: ctx.newId(),
        username: input.admin.username,
        displayName: input.admin.displayName,
        role: 'admin',
        doctorId: null,
        patientId: null,
        disabled: false,
        createdAt: ctx.now,
        lastLoginAt: null,
      };
      ctx.db.run(ctx.db.q.insertInto('users').values({ ...user, disabled: 0 }));
      ctx.db.run(
        ctx.db.q.insertInto('credentials').values({ userId: user.id, passwordHash, updatedAt: ctx.now }),
      );
      ctx.changed('settings', '1');
      ctx.changed('users', user.id);
      ctx.audit({
        kind: 'auth',
        action: 'auth.setup',
        entity: 'users',
        entityId: user.id,
        patientId: null,
        details: { username: user.username },
        actorUserId: user.id,
        actorRole: 'admin',
        deviceId: input.deviceId,
      });
      return issueSession(ctx, user, input.deviceId);
    },
  }),

  'auth.login': handler('auth.login', {
    // The password is checked before the transaction: argon2 must not hold the write lock.
    prepare: async (input, ctx) => {
      // Per account from this source, per source, and loosely per account from sources it never
      // signed in from: an attacker elsewhere slows only themselves and strangers, never its desks.
      const keys = loginThrottleKeys(input.username, {
        address: ctx.source.address,
        deviceId: input.deviceId,
      });
      const now = new Date(ctx.now);
      const wait = ctx.hub.throttle.retryAfterMs(keys, now);
      if (wait > 0) {
        throw failure(
          'RATE_LIMITED',
          `Too many failed sign-ins from this device. Try again in ${Math.ceil(wait / 1000)} seconds.`,
        );
      }
      const row = findLoginUser(ctx, input.username);
      const valid = await ctx.hub.passwords.verify(row?.passwordHash ?? (await decoyHash()), input.password);
      if (!valid || !row || row.role === 'patient') {
        recordFailedSignIn(ctx, {
          keys,
          now,
          deviceId: input.deviceId,
          action: 'auth.loginFailed',
          userId: row?.id ?? null,
          details: { username: input.username },
        });
        throw failure('UNAUTHENTICATED', 'Wrong username or password.');
      }
      return { keys, userId: row.id };
    },
    run: (input, ctx, { keys, userId }) => {
      const row = ctx.db.first(ctx.db.q.selectFrom('users').selectAll().where('id', '=', userId));
      if (!row) throw failure('UNAUTHENTICATED', 'Wrong username or password.');
      if (row.disabled)
        throw failure('UNAUTHENTICATED', 'This account is disabled. Please contact the clinic admin.');
      ctx.hub.throttle.succeeded(keys, new Date(ctx.now));
      ctx.audit({
        kind: 'auth',
        action: 'auth.login',
        entity: 'users',
        entityId: row.id,
        patientId: null,
        details: {},
        actorUserId: row.id,
        actorRole: userFromRow(row).role,
        deviceId: input.deviceId,
      });
      return issueSession(ctx, userFromRow(row), input.deviceId);
    },
  }),

  'auth.session': handler('auth.session', {
    run: (_input, ctx) => {
      const actor = requireActor(ctx);
      const row = ctx.db.first(
        ctx.db.q
          .selectFrom('sessions')
          .innerJoin('users', 'users.id', 'sessions.userId')
          .selectAll('users')
          .select(['sessions.idleExpiresAt', 'sessions.absoluteExpiresAt'])
          .where('users.id', '=', actor.userId)
          .where('sessions.revokedAt', 'is', null)
          .orderBy('sessions.lastSeenAt', 'desc')
          .limit(1),
      );
      if (!row) throw failure('UNAUTHENTICATED', 'Please sign in again.');
      return {
        user: userFromRow(row),
        idleExpiresAt: row.idleExpiresAt,
        absoluteExpiresAt: row.absoluteExpiresAt,
      };
    },
  }),

  'auth.logout': handler('auth.logout', {
    run: (_input, ctx) => {
      const actor = requireActor(ctx);
      ctx.hub.sessions.revokeUser(actor.userId, new Date(ctx.now), 'logout');
      ctx.audit({
        kind: 'auth',
        action: 'auth.logout',
        entity: 'users',
        entityId: actor.userId,
        patientId: null,
        details: {},
      });
      ctx.afterCommit(() => ctx.events.revoked(actor.userId, 'logout'));
      return { ok: true as const };
    },
  }),

  'auth.changePassword': handler('auth.changePassword', {
    prepare: async (input, ctx) => {
      const actor = requireActor(ctx);
      const row = ctx.db.first(
        ctx.db.q.selectFrom('credentials').selectAll().where('userId', '=', actor.userId),
      );
      if (!row || !(await ctx.hub.passwords.verify(row.passwordHash, input.currentPassword))) {
        throw failure('VALIDATION', 'The current password is not right.', {
          fields: [{ field: 'currentPassword', message: 'is not right' }],
        });
      }
      return ctx.hub.passwords.hash(input.newPassword);
    },
    run: (_input, ctx, passwordHash) => {
      const actor = requireActor(ctx);
      ctx.db.run(
        ctx.db.q
          .updateTable('credentials')
          .set({ passwordHash, updatedAt: ctx.now })
          .where('userId', '=', actor.userId),
      );
      ctx.hub.sessions.revokeUser(actor.userId, new Date(ctx.now), 'password_changed');
      ctx.audit({
        kind: 'auth',
        action: 'auth.changePassword',
        entity: 'users',
        entityId: actor.userId,
        patientId: null,
        details: {},
      });
      ctx.afterCommit(() => ctx.events.revoked(actor.userId, 'logout'));
      return { ok: true as const };
    },
  }),
};
