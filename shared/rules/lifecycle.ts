import { DateTime } from 'luxon';
import type { Role } from '@shared/domain/common.schema';
import type { AppointmentStatus } from '@shared/domain/appointment.schema';

/** docs/product.md §5: REQUESTED → CONFIRMED → CHECKED_IN → COMPLETED, and CANCELLED, NO_SHOW. */
export type LifecycleAction = 'confirm' | 'decline' | 'cancel' | 'checkIn' | 'complete' | 'markNoShow';

export const FINAL_STATUSES: readonly AppointmentStatus[] = ['COMPLETED', 'CANCELLED', 'NO_SHOW'];
export const STAFF_ROLES: readonly Role[] = ['receptionist', 'doctor', 'admin'];

interface TransitionRule {
  from: readonly AppointmentStatus[];
  to: AppointmentStatus;
  roles: readonly Role[];
  reasonRequired: boolean;
}

export const transitionRules: Readonly<Record<LifecycleAction, TransitionRule>> = {
  confirm: { from: ['REQUESTED'], to: 'CONFIRMED', roles: STAFF_ROLES, reasonRequired: false },
  decline: { from: ['REQUESTED'], to: 'CANCELLED', roles: ['doctor', 'admin'], reasonRequired: true },
  cancel: {
    from: ['REQUESTED', 'CONFIRMED', 'CHECKED_IN'],
    to: 'CANCELLED',
    roles: [...STAFF_ROLES, 'patient'],
    reasonRequired: true,
  },
  checkIn: { from: ['REQUESTED', 'CONFIRMED'], to: 'CHECKED_IN', roles: STAFF_ROLES, reasonRequired: false },
  complete: { from: ['CHECKED_IN'], to: 'COMPLETED', roles: ['doctor'], reasonRequired: false },
  markNoShow: { from: ['REQUESTED', 'CONFIRMED'], to: 'NO_SHOW', roles: STAFF_ROLES, reasonRequired: false },
};

/** Statuses a patient may cancel from (staff may cancel any non-final appointment). */
const PATIENT_CANCELLABLE: readonly AppointmentStatus[] = ['REQUESTED', 'CONFIRMED'];
/** Transitions that can be undone on the same clinic day; COMPLETED is never undone (signed, billed). */
const UNDOABLE_TARGETS: readonly AppointmentStatus[] = ['CONFIRMED', 'CHECKED_IN', 'CANCELLED', 'NO_SHOW'];

/**
 * What the doctor has begun on a checked-in visit: a draft record with text, or a consultation
 * started from the queue. Taking such a visit out of the queue (undo check-in, cancel) would pull
 * the record away from the doctor's screen, so only the doctor may do it (issue 16).
 */
export type DoctorWork = 'draft' | 'consultation_started';

export type TransitionCheck =
  | { ok: true; to: AppointmentStatus }
  | { ok: false; code: 'FORBIDDEN' | 'INVALID_TRANSITION' | 'POLICY' | 'VALIDATION'; message: string };

export interface TransitionContext {
  action: LifecycleAction;
  status: AppointmentStatus;
  startsAt: string;
  role: Role;
  now: string;
  zone: string;
  cancellationWindowMinutes: number;
  reason?: string | undefined;
  /** For complete: whether the appointment's consultation record is finalized (signed). */
  consultationFinalized?: boolean | undefined;
  /** For cancel of a checked-in visit: what the doctor has begun on it (see DoctorWork). */
  doctorWork?: DoctorWork | null | undefined;
  /** Deciding whether to offer the action: the reason is asked for afterwards, so not checked. */
  reasonFollows?: boolean | undefined;
}

const label: Record<AppointmentStatus, string> = {
  REQUESTED: 'requested',
  CONFIRMED: 'confirmed',
  CHECKED_IN: 'checked in',
  COMPLETED: 'completed',
  CANCELLED: 'cancelled',
  NO_SHOW: 'marked as no-show',
};

const refuse = (code: Exclude<TransitionCheck, { ok: true }>['code'], message: string): TransitionCheck => ({
  ok: false,
  code,
  message,
});

export function clinicDay(instant: string, zone: string): string {
  return DateTime.fromISO(instant, { zone: 'utc' }).setZone(zone).toISODate() ?? '';
}

/** Whether a patient may still cancel: up to `windowMinutes` before the start. */
export function insideCancellationWindow(startsAt: string, now: string, windowMinutes: number): boolean {
  return Date.parse(now) <= Date.parse(startsAt) - windowMinutes * 60_000;
}

/** Decides whether a lifecycle action is allowed now, and to which status it leads. */
export function checkTransition(ctx: TransitionContext): TransitionCheck {
  const rule = transitionRules[ctx.action];
  if (!rule.roles.includes(ctx.role)) {
    return refuse('FORBIDDEN', `A ${ctx.role} cannot ${describeAction(ctx.action)} an appointment.`);
  }
  if (!rule.from.includes(ctx.status)) {
    return refuse(
      'INVALID_TRANSITION',
      `This appointment is ${label[ctx.status]}; it cannot be ${label[rule.to]} now.`,
    );
  }
  const staffReasonNeeded = rule.reasonRequired && ctx.role !== 'patient' && !ctx.reasonFollows;
  if (staffReasonNeeded && (ctx.reason ?? '').trim().length < 3) {
    return refuse('VALIDATION', `Give a reason to ${describeAction(ctx.action)} this appointment.`);
  }
  switch (ctx.action) {
    case 'cancel':
      if (ctx.role === 'patient') {
        if (!PATIENT_CANCELLABLE.includes(ctx.status)) {
          return refuse('INVALID_TRANSITION', 'You have already checked in; please ask the front desk.');
        }
        if (!insideCancellationWindow(ctx.startsAt, ctx.now, ctx.cancellationWindowMinutes)) {
          return refuse(
            'POLICY',
            `Appointments can be cancelled online up to ${formatWindow(ctx.cancellationWindowMinutes)} ` +
              'before they start; please call the clinic.',
          );
        }
      }
      if (ctx.status === 'CHECKED_IN') {
        const busy = doctorBusy(ctx.role, ctx.doctorWork, 'the visit cannot be cancelled');
        if (busy) return busy;
      }
      break;
    case 'markNoShow':
      if (Date.parse(ctx.now) < Date.parse(ctx.startsAt)) {
        return refuse(
          'POLICY',
          'A patient can be marked as no-show only after the appointment’s start time.',
        );
      }
      break;
    case 'checkIn':
      if (clinicDay(ctx.now, ctx.zone) !== clinicDay(ctx.startsAt, ctx.zone)) {
        return refuse('POLICY', 'Patients can be checked in only on the day of their appointment.');
      }
      break;
    case 'complete':
      if (!ctx.consultationFinalized) {
        return refuse('POLICY', 'Finalize (sign) the consultation record before completing the visit.');
      }
      break;
    case 'confirm':
    case 'decline':
      break;
  }
  return { ok: true, to: rule.to };
}

export interface UndoContext {
  transition: { from: AppointmentStatus | null; to: AppointmentStatus; at: string; undoOf: string | null };
  currentStatus: AppointmentStatus;
  role: Role;
  now: string;
  zone: string;
  /** For an undo of a check-in: what the doctor has begun on the visit (see DoctorWork). */
  doctorWork?: DoctorWork | null | undefined;
}

/**
 * Refuses to take a visit the doctor is working on out of the queue, unless the doctor does it.
 * The reason names what the doctor has begun, so the front desk knows whom to ask.
 */
function doctorBusy(
  role: Role,
  work: DoctorWork | null | undefined,
  refused: string,
): TransitionCheck | null {
  if (!work || role === 'doctor') return null;
  const begun =
    work === 'draft'
      ? 'The doctor has started writing this visit’s consultation record (a draft is saved)'
      : 'The doctor has started this consultation';
  return refuse(
    'POLICY',
    `${begun}, so ${refused} at the front desk: the record would be taken off the doctor’s screen. ` +
      'Ask the doctor first: only the doctor can take this visit out of the queue now.',
  );
}

/** Undo of a mistaken transition: staff, same clinic day, only the latest transition (docs/product.md §5). */
export function checkUndo(ctx: UndoContext): TransitionCheck {
  if (!STAFF_ROLES.includes(ctx.role))
    return refuse('FORBIDDEN', 'Only clinic staff can undo a status change.');
  const { transition } = ctx;
  if (transition.from === null || transition.to !== ctx.currentStatus) {
    return refuse('INVALID_TRANSITION', 'Only the latest status change of an appointment can be undone.');
  }
  if (transition.undoOf !== null) {
    return refuse('INVALID_TRANSITION', 'An undo cannot itself be undone; make the change again instead.');
  }
  if (!UNDOABLE_TARGETS.includes(transition.to)) {
    return refuse('INVALID_TRANSITION', `A ${label[transition.to]} visit cannot be undone.`);
  }
  if (clinicDay(transition.at, ctx.zone) !== clinicDay(ctx.now, ctx.zone)) {
    return refuse('POLICY', 'A status change can be undone only on the day it was made.');
  }
  if (transition.to === 'CHECKED_IN') {
    const busy = doctorBusy(ctx.role, ctx.doctorWork, 'the check-in cannot be undone');
    if (busy) return busy;
  }
  return { ok: true, to: transition.from };
}

/**
 * Whether a screen should offer the action now: exactly what checkTransition will accept when the
 * reason is given, judged at `now` by the hub's clock (a no-show only after the start time, a
 * check-in only on the day), so nothing is offered that the hub then refuses (issue 16).
 */
export function offersTransition(ctx: Omit<TransitionContext, 'reason' | 'reasonFollows'>): boolean {
  return checkTransition({ ...ctx, reasonFollows: true }).ok;
}

export function isFinal(status: AppointmentStatus): boolean {
  return FINAL_STATUSES.includes(status);
}

function describeAction(action: LifecycleAction): string {
  const words: Record<LifecycleAction, string> = {
    confirm: 'confirm',
    decline: 'decline',
    cancel: 'cancel',
    checkIn: 'check in',
    complete: 'complete',
    markNoShow: 'mark as no-show',
  };
  return words[action];
}

function formatWindow(minutes: number): string {
  if (minutes % 60 === 0) return `${minutes / 60} hour${minutes === 60 ? '' : 's'}`;
  return `${minutes} minutes`;
}
