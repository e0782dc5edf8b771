import { failure } from '@shared/contract/errors';
import { FREE_PAIRING_FAILURES_PER_SOURCE, pairingThrottleKey } from '@server/auth/login-throttle';
import type { Db } from '@server/db/database';
import { type HandlerContext, type HandlerMap, handler } from '@server/core/handler';
import {
  assertChoicesExist,
  displayFromRow,
  getDisplayRow,
  hashSecret,
  newCredential,
  newPairingCode,
  PAIRING_MINUTES,
  settingsColumns,
} from '@server/display/displays.repository';

/** A fresh pairing code for a display; only its hash is stored. */
function issueCode(ctx: HandlerContext, id: string) {
  const pairingCode = newPairingCode();
  const pairingExpiresAt = new Date(Date.parse(ctx.now) + PAIRING_MINUTES * 60_000).toISOString();
  ctx.db.run(
    ctx.db.q
      .updateTable('displays')
      .set({ pairingCodeHash: hashSecret(pairingCode), pairingExpiresAt })
      .where('id', '=', id),
  );
  return { display: displayFromRow(getDisplayRow(ctx.db, id)), pairingCode, pairingExpiresAt };
}

/** The display a pairing code opens now: unknown, used, expired and revoked ones open none. */
function pairableRow(db: Db, code: string, now: string) {
  const row = db.first(
    db.q.selectFrom('displays').selectAll().where('pairingCodeHash', '=', hashSecret(code)),
  );
  return row && row.revokedAt === null && row.pairingExpiresAt && row.pairingExpiresAt > now ? row : null;
}

const invalidCode = () =>
  failure(
    'VALIDATION',
    'That pairing code is not valid (wrong, used or expired). Ask the admin for a new one.',
    {
      fields: [{ field: 'code', message: 'is not a valid pairing code' }],
    },
  );

function audit(ctx: HandlerContext, action: string, id: string, details: Record<string, unknown> = {}) {
  ctx.audit({ kind: 'change', action, entity: 'display', entityId: id, patientId: null, details });
}

/** The display feed of this display is recomputed (or, revoked, its sockets closed) after commit. */
function changedDisplay(ctx: HandlerContext, id: string) {
  ctx.afterCommit(() => ctx.events.displayChanged(id));
}

/** Waiting-room displays (docs/product.md §7): added, changed and revoked by the admin; paired by the TV. */
export const displayHandlers: HandlerMap = {
  'displays.list': handler('displays.list', {
    run: (_input, ctx) =>
      ctx.db.all(ctx.db.q.selectFrom('displays').selectAll().orderBy('createdAt')).map(displayFromRow),
  }),

  'displays.create': handler('displays.create', {
    run: (input, ctx) => {
      assertChoicesExist(ctx.db, input.settings);
      ctx.db.run(
        ctx.db.q
          .insertInto('displays')
          .values({ id: input.id, ...settingsColumns(input.settings), createdAt: ctx.now })
          .onConflict((oc) => oc.column('id').doNothing()),
      );
      audit(ctx, 'displays.create', input.id, { name: input.settings.name });
      return issueCode(ctx, input.id);
    },
  }),

  'displays.update': handler('displays.update', {
    run: (input, ctx) => {
      const row = getDisplayRow(ctx.db, input.id);
      assertChoicesExist(ctx.db, input.settings);
      ctx.db.run(
        ctx.db.q
          .updateTable('displays')
          .set({ ...settingsColumns(input.settings), revision: row.revision + 1 })
          .where('id', '=', input.id),
      );
      audit(ctx, 'displays.update', input.id);
      changedDisplay(ctx, input.id);
      return displayFromRow(getDisplayRow(ctx.db, input.id));
    },
  }),

  'displays.newPairingCode': handler('displays.newPairingCode', {
    run: (input, ctx) => {
      getDisplayRow(ctx.db, input.id);
      audit(ctx, 'displays.newPairingCode', input.id);
      return issueCode(ctx, input.id);
    },
  }),

  'displays.revoke': handler('displays.revoke', {
    run: (input, ctx) => {
      getDisplayRow(ctx.db, input.id);
      ctx.db.run(
        ctx.db.q
          .updateTable('displays')
          .set({ revokedAt: ctx.now, credentialHash: null, pairingCodeHash: null, pairingExpiresAt: null })
          .where('id', '=', input.id),
      );
      audit(ctx, 'displays.revoke', input.id);
      changedDisplay(ctx, input.id);
      return { ok: true as const };
    },
  }),

  'displays.testAnnouncement': handler('displays.testAnnouncement', {
    run: (input, ctx) => {
      const row = getDisplayRow(ctx.db, input.id);
      if (row.revokedAt !== null || row.credentialHash === null) {
        throw failure('POLICY', 'This display is not paired; pair it first.');
      }
      ctx.afterCommit(() => ctx.events.displayTest(input.id));
      return { ok: true as const };
    },
  }),

  /**
   * One use: the code is cleared, and the display's previous credential stops working. Wrong codes
   * are throttled per source address like sign-ins (auth/login-throttle.ts): a code is ~40 bits
   * and lives 15 minutes, and this operation is public.
   */
  'displays.pair': handler('displays.pair', {
    // The wrong code is counted before the transaction: a refusal rolls the transaction back.
    prepare: (input, ctx) => {
      const key = pairingThrottleKey(ctx.source.address);
      const now = new Date(ctx.now);
      const wait = ctx.hub.throttle.retryAfterMsFor(key, now);
      if (wait > 0) {
        throw failure(
          'RATE_LIMITED',
          `Too many wrong pairing codes from this device. Try again in ${Math.ceil(wait / 1000)} seconds.`,
        );
      }
      if (!pairableRow(ctx.db, input.code, ctx.now)) {
        ctx.db.transaction(() =>
          ctx.hub.throttle.recordFailureFor(key, FREE_PAIRING_FAILURES_PER_SOURCE, now),
        );
        throw invalidCode();
      }
      return Promise.resolve(undefined);
    },
    run: (input, ctx) => {
      const row = pairableRow(ctx.db, input.code, ctx.now);
      if (!row) throw invalidCode();
      const credential = newCredential();
      ctx.db.run(
        ctx.db.q
          .updateTable('displays')
          .set({
            credentialHash: hashSecret(credential),
            pairingCodeHash: null,
            pairingExpiresAt: null,
            pairedAt: ctx.now,
          })
          .where('id', '=', row.id),
      );
      audit(ctx, 'displays.pair', row.id);
      // A TV paired again replaces the old credential: sockets using it are closed.
      changedDisplay(ctx, row.id);
      return { displayId: row.id, credential };
    },
  }),
};
