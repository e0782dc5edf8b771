import { failure } from '@shared/contract/errors';
import type { HandlerContext } from '@server/core/handler';

/**
 * Sign-up is the one way to make the hub write a record and send an SMS without an account, so
 * the whole clinic takes at most this many an hour (every address together; the gateway limits
 * each address further). Past it the app is asked to wait and the admin finds it in the audit log.
 */
export const SIGN_UPS_PER_HOUR = 30;

/** Every sign-up that wrote or sent something: a code (new or matched record) or "call the clinic". */
export const SIGN_UP_ACTIONS = ['auth.patientSignUp', 'auth.patientSignUpUnmatched'] as const;
const PAUSED_ACTION = 'auth.patientSignUpsPaused';
const HOUR_MS = 60 * 60_000;

export const SIGN_UPS_PAUSED =
  'The clinic is getting too many app sign-ups just now. Please try again later, or call the clinic.';

type CapContext = Pick<HandlerContext, 'db' | 'hub' | 'now'>;

function auditedSince(ctx: CapContext, actions: readonly string[], since: string) {
  const row = ctx.db.first(
    ctx.db.q
      .selectFrom('audit_log')
      .select((eb) => [eb.fn.countAll<number>().as('n'), eb.fn.min<string>('at').as('first')])
      .where('at', '>', since)
      .where('action', 'in', actions),
  );
  return { count: Number(row?.n ?? 0), first: row?.first ?? null };
}

/**
 * Refuses a sign-up (429 RATE_LIMITED) while the last hour already has the cap's sign-ups. The
 * first refusal of an hour is audited (and logged) for the admin; later ones within that hour
 * only answer, so a flood cannot fill the audit log. Call from `prepare` (outside the transaction).
 */
export function refuseSignUpPastCap(ctx: CapContext, deviceId: string, cap = SIGN_UPS_PER_HOUR): void {
  const since = new Date(Date.parse(ctx.now) - HOUR_MS).toISOString();
  const signUps = auditedSince(ctx, SIGN_UP_ACTIONS, since);
  if (signUps.count < cap) return;
  ctx.db.transaction(() => {
    if (auditedSince(ctx, [PAUSED_ACTION], since).count > 0) return;
    ctx.hub.audit.append({
      at: ctx.now,
      actorUserId: null,
      actorRole: null,
      deviceId,
      kind: 'auth',
      action: PAUSED_ACTION,
      entity: 'users',
      entityId: null,
      patientId: null,
      details: { signUpsLastHour: cap },
    });
    ctx.hub.logger.warn({ cap }, 'App sign-ups paused: the clinic-wide hourly cap was reached');
  });
  // When the oldest sign-up of the hour leaves the window, one more may come in.
  const freeAt = Date.parse(signUps.first ?? ctx.now) + HOUR_MS;
  const retryAfterSeconds = Math.max(1, Math.ceil((freeAt - Date.parse(ctx.now)) / 1000));
  throw failure('RATE_LIMITED', SIGN_UPS_PAUSED, { retryAfterSeconds });
}
