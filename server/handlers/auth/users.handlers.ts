import { failure } from '@shared/contract/errors';
import { notFound } from '@shared/contract/not-found';
import type { User } from '@shared/domain/user.schema';
import { userFromRow } from '@server/db/codecs';
import { type HandlerContext, type HandlerMap, handler } from '@server/core/handler';

function getUser(ctx: HandlerContext, id: string): User {
  const row = ctx.db.first(ctx.db.q.selectFrom('users').selectAll().where('id', '=', id));
  if (!row) throw notFound('account');
  return userFromRow(row);
}

function assertDoctorLink(ctx: HandlerContext, role: User['role'], doctorId: string | null) {
  if (role === 'doctor' && !doctorId) {
    throw failure('VALIDATION', 'A doctor account must be linked to a doctor profile.', {
      fields: [{ field: 'doctorId', message: 'is required for a doctor' }],
    });
  }
  if (doctorId && !ctx.db.first(ctx.db.q.selectFrom('doctors').select('id').where('id', '=', doctorId))) {
    throw failure('VALIDATION', 'No such doctor profile.', {
      fields: [{ field: 'doctorId', message: 'does not exist' }],
    });
  }
}

/** Ends a user's sessions and live connections (disable, role change, password reset). */
function endSessions(ctx: HandlerContext, userId: string, reason: 'disabled' | 'role_changed' | 'logout') {
  ctx.hub.sessions.revokeUser(userId, new Date(ctx.now), reason);
  ctx.afterCommit(() => ctx.events.revoked(userId, reason));
}

export const userHandlers: HandlerMap = {
  'users.list': handler('users.list', {
    run: (_input, ctx) =>
      ctx.db
        .all(ctx.db.q.selectFrom('users').selectAll().orderBy('displayName'))
        .map((row) => userFromRow(row)),
  }),

  'users.get': handler('users.get', { run: (input, ctx) => getUser(ctx, input.id) }),

  'users.create': handler('users.create', {
    prepare: (input, ctx) => ctx.hub.passwords.hash(input.password),
    run: (input, ctx, passwordHash) => {
      assertDoctorLink(ctx, input.role, input.doctorId);
      if (ctx.db.first(ctx.db.q.selectFrom('users').select('id').where('username', '=', input.username))) {
        throw failure('CONFLICT', `The username ${input.username} is taken.`, {
          fields: [{ field: 'username', message: 'is taken' }],
        });
      }
      const user: User = {
        id: input.id,
        username: input.username,
        displayName: input.displayName,
        role: input.role,
        doctorId: input.doctorId,
        patientId: null,
        disabled: false,
        createdAt: ctx.now,
        lastLoginAt: null,
      };
      ctx.db.run(ctx.db.q.insertInto('users').values({ ...user, disabled: 0 }));
      ctx.db.run(
        ctx.db.q.insertInto('credentials').values({ userId: user.id, passwordHash, updatedAt: ctx.now }),
      );
      if (input.doctorId) {
        ctx.db.run(ctx.db.q.updateTable('doctors').set({ userId: user.id }).where('id', '=', input.doctorId));
        ctx.changed('doctors', input.doctorId);
      }
      ctx.changed('users', user.id);
      return user;
    },
  }),

  'users.update': handler('users.update', {
    run: (input, ctx) => {
      const before = getUser(ctx, input.id);
      const role = input.role ?? before.role;
      const doctorId = input.doctorId === undefined ? before.doctorId : input.doctorId;
      if (before.role === 'patient')
        throw failure('POLICY', 'Patient accounts are managed from the patient’s record.');
      assertDoctorLink(ctx, role, role === 'doctor' ? doctorId : null);
      ctx.db.run(
        ctx.db.q
          .updateTable('users')
          .set({
            displayName: input.displayName ?? before.displayName,
            role,
            doctorId: role === 'doctor' ? doctorId : null,
          })
          .where('id', '=', input.id),
      );
      if (role !== before.role) endSessions(ctx, input.id, 'role_changed');
      ctx.changed('users', input.id);
      return getUser(ctx, input.id);
    },
  }),

  'users.setDisabled': handler('users.setDisabled', {
    run: (input, ctx) => {
      getUser(ctx, input.id);
      if (input.disabled && input.id === ctx.actor?.userId) {
        throw failure('POLICY', 'You cannot disable your own account; ask another admin.');
      }
      ctx.db.run(
        ctx.db.q
          .updateTable('users')
          .set({ disabled: input.disabled ? 1 : 0 })
          .where('id', '=', input.id),
      );
      if (input.disabled) endSessions(ctx, input.id, 'disabled');
      ctx.changed('users', input.id);
      return getUser(ctx, input.id);
    },
  }),

  'users.resetPassword': handler('users.resetPassword', {
    prepare: (input, ctx) => ctx.hub.passwords.hash(input.password),
    run: (input, ctx, passwordHash) => {
      getUser(ctx, input.id);
      ctx.db.run(
        ctx.db.q
          .insertInto('credentials')
          .values({ userId: input.id, passwordHash, updatedAt: ctx.now })
          .onConflict((oc) => oc.column('userId').doUpdateSet({ passwordHash, updatedAt: ctx.now })),
      );
      endSessions(ctx, input.id, 'logout');
      ctx.audit({
        kind: 'auth',
        action: 'users.resetPassword',
        entity: 'users',
        entityId: input.id,
        patientId: null,
        details: {},
      });
      return { ok: true as const };
    },
  }),
};
