/**
 * When a message is tried again, and when it is not sent at all (docs/architecture.md, "Messages").
 * Pure rules: the delivery repository applies them inside its transactions.
 */

export interface RetryPolicy {
  /** The wait after the first temporary failure; it doubles after each further one. */
  baseMs: number;
  /** No wait is longer than this. */
  capMs: number;
  /** After this many attempts a temporary failure is final ('failed'). */
  maxAttempts: number;
}

/**
 * 30 s, 1 min, 2 min, … then hourly: the 10th failed attempt, some 1.5–3 h after the first, is
 * final. A mail server or internet line down for an afternoon's surgery loses nothing; longer
 * outages leave failed messages that staff send again with `notifications.retry`.
 */
export const defaultRetryPolicy: RetryPolicy = { baseMs: 30_000, capMs: 3_600_000, maxAttempts: 10 };

/**
 * The wait before the next attempt after `attempts` attempts (≥ 1) have failed: exponential with
 * "equal jitter" (half fixed, half random), so that many messages failing together (a mail server
 * down during a reminder drain) do not all come back in the same instant.
 */
export function retryDelayMs(policy: RetryPolicy, attempts: number, random: () => number = Math.random) {
  const exponent = Math.min(Math.max(attempts - 1, 0), 30);
  const full = Math.min(policy.capMs, policy.baseMs * 2 ** exponent);
  return Math.round(full / 2 + random() * (full / 2));
}

/** Appointment statuses a reminder still makes sense for. */
const remindable = new Set(['REQUESTED', 'CONFIRMED']);

export const MISSED_REMINDER = 'the appointment had already started when the reminder was due to go out';

/**
 * Why a reminder must not go out now, or null: the appointment has started (a hub that was down
 * when the reminder fell due sends only those still ahead), or it is no longer booked.
 */
export function reminderSkipReason(
  appointment: { status: string; startMs: number } | undefined,
  nowMs: number,
): string | null {
  if (!appointment) return 'the appointment no longer exists';
  if (!remindable.has(appointment.status))
    return `the appointment is ${appointment.status.toLowerCase().replace(/_/g, ' ')}`;
  if (appointment.startMs <= nowMs) return MISSED_REMINDER;
  return null;
}

/** Why e-mail is not sent when the clinic has no enabled mail server (see the delivery notes). */
export const EMAIL_NOT_SET_UP = 'e-mail is not set up at this clinic';
