import { describe, expect, it } from 'vitest';
import { appointmentStatuses, type AppointmentStatus } from '@shared/domain/appointment.schema';
import type { Role } from '@shared/domain/common.schema';
import {
  checkTransition,
  checkUndo,
  insideCancellationWindow,
  isFinal,
  type LifecycleAction,
  offersTransition,
  type TransitionContext,
} from './lifecycle';

const zone = 'Asia/Kolkata';
// 2026-11-23 10:00 in Kolkata.
const startsAt = '2026-11-23T04:30:00.000Z';
const base: TransitionContext = {
  action: 'confirm',
  status: 'REQUESTED',
  startsAt,
  role: 'receptionist',
  now: '2026-11-23T02:30:00.000Z',
  zone,
  cancellationWindowMinutes: 120,
  reason: 'patient called',
  consultationFinalized: true,
};

/** Allowed moves, written out by hand: action → statuses it starts from → roles. */
const allowed: Record<LifecycleAction, { from: AppointmentStatus[]; roles: Role[]; to: AppointmentStatus }> =
  {
    confirm: { from: ['REQUESTED'], roles: ['receptionist', 'doctor', 'admin'], to: 'CONFIRMED' },
    decline: { from: ['REQUESTED'], roles: ['doctor', 'admin'], to: 'CANCELLED' },
    cancel: {
      from: ['REQUESTED', 'CONFIRMED', 'CHECKED_IN'],
      roles: ['receptionist', 'doctor', 'admin'],
      to: 'CANCELLED',
    },
    checkIn: {
      from: ['REQUESTED', 'CONFIRMED'],
      roles: ['receptionist', 'doctor', 'admin'],
      to: 'CHECKED_IN',
    },
    complete: { from: ['CHECKED_IN'], roles: ['doctor'], to: 'COMPLETED' },
    markNoShow: {
      from: ['REQUESTED', 'CONFIRMED'],
      roles: ['receptionist', 'doctor', 'admin'],
      to: 'NO_SHOW',
    },
  };

describe('appointment lifecycle', () => {
  it('allows exactly the listed (action, status, role) moves when time and policy allow', () => {
    const roles: Role[] = ['patient', 'receptionist', 'doctor', 'nurse', 'admin'];
    for (const action of Object.keys(allowed) as LifecycleAction[]) {
      for (const status of appointmentStatuses) {
        for (const role of roles) {
          // A moment when every time rule is satisfied for the action.
          const now = action === 'markNoShow' ? '2026-11-23T04:45:00.000Z' : base.now;
          const result = checkTransition({ ...base, action, status, role, now });
          const expected =
            (allowed[action].from.includes(status) && allowed[action].roles.includes(role)) ||
            (action === 'cancel' && role === 'patient' && (status === 'REQUESTED' || status === 'CONFIRMED'));
          expect(result.ok, `${role} ${action} from ${status}`).toBe(expected);
          if (result.ok) expect(result.to).toBe(allowed[action].to);
        }
      }
    }
  });

  it('never leaves a final status', () => {
    for (const status of ['COMPLETED', 'CANCELLED', 'NO_SHOW'] as const) {
      expect(isFinal(status)).toBe(true);
      for (const action of Object.keys(allowed) as LifecycleAction[]) {
        expect(checkTransition({ ...base, action, status, role: 'admin' }).ok).toBe(false);
      }
    }
    expect(isFinal('CHECKED_IN')).toBe(false);
  });

  it('lets a patient cancel only up to the cancellation window before the start', () => {
    const patient = {
      ...base,
      action: 'cancel' as const,
      role: 'patient' as const,
      status: 'CONFIRMED' as const,
    };
    expect(checkTransition({ ...patient, now: '2026-11-23T02:30:00.000Z' }).ok).toBe(true); // exactly 2 h before
    const late = checkTransition({ ...patient, now: '2026-11-23T02:31:00.000Z' });
    expect(late).toMatchObject({ ok: false, code: 'POLICY' });
    if (!late.ok) expect(late.message).toContain('2 hours');
    expect(checkTransition({ ...patient, status: 'CHECKED_IN' })).toMatchObject({ ok: false });
    expect(checkTransition({ ...patient, reason: '' }).ok).toBe(true);
    expect(insideCancellationWindow(startsAt, '2026-11-23T02:29:59.000Z', 120)).toBe(true);
    const ninety = checkTransition({
      ...patient,
      cancellationWindowMinutes: 90,
      now: '2026-11-23T03:30:00.000Z',
    });
    expect(!ninety.ok && ninety.message).toContain('90 minutes');
  });

  it('requires staff to give a reason to cancel or decline', () => {
    expect(checkTransition({ ...base, action: 'cancel', reason: ' ' })).toMatchObject({
      ok: false,
      code: 'VALIDATION',
    });
    expect(checkTransition({ ...base, action: 'decline', role: 'doctor', reason: undefined }).ok).toBe(false);
    expect(
      checkTransition({ ...base, action: 'decline', role: 'doctor', reason: 'not my specialty' }).ok,
    ).toBe(true);
  });

  it('marks NO_SHOW only after the start time', () => {
    const noShow = { ...base, action: 'markNoShow' as const, status: 'CONFIRMED' as const };
    expect(checkTransition({ ...noShow, now: '2026-11-23T04:29:59.000Z' })).toMatchObject({
      ok: false,
      code: 'POLICY',
    });
    expect(checkTransition({ ...noShow, now: startsAt })).toEqual({ ok: true, to: 'NO_SHOW' });
  });

  it('offers an action exactly when the hub accepts it, the reason asked for afterwards', () => {
    const { reason: _asked, ...offer } = base;
    const noShow = { ...offer, action: 'markNoShow' as const, status: 'CONFIRMED' as const };
    expect(offersTransition({ ...noShow, now: '2026-11-23T04:29:59.000Z' })).toBe(false);
    expect(offersTransition({ ...noShow, now: startsAt })).toBe(true);
    expect(offersTransition({ ...offer, action: 'cancel', status: 'CONFIRMED' })).toBe(true);
    expect(offersTransition({ ...offer, action: 'cancel', status: 'COMPLETED' })).toBe(false);
    const nextDay = '2026-11-24T04:30:00.000Z';
    expect(offersTransition({ ...offer, action: 'checkIn', status: 'CONFIRMED', now: nextDay })).toBe(false);
    expect(offersTransition({ ...offer, action: 'checkIn', status: 'CONFIRMED' })).toBe(true);
    for (const action of Object.keys(allowed) as LifecycleAction[]) {
      for (const status of appointmentStatuses) {
        for (const role of ['receptionist', 'doctor', 'admin', 'nurse', 'patient'] as Role[]) {
          const ctx = { ...base, action, status, role, now: startsAt };
          expect(offersTransition(ctx), `${action} ${status} ${role}`).toBe(checkTransition(ctx).ok);
        }
      }
    }
  });

  it('completes only with a finalized consultation', () => {
    const complete = {
      ...base,
      action: 'complete' as const,
      status: 'CHECKED_IN' as const,
      role: 'doctor' as const,
    };
    expect(checkTransition({ ...complete, consultationFinalized: false })).toMatchObject({
      ok: false,
      code: 'POLICY',
    });
    expect(checkTransition(complete)).toEqual({ ok: true, to: 'COMPLETED' });
  });

  it('checks in only on the appointment’s clinic day (in the clinic’s zone)', () => {
    const checkIn = { ...base, action: 'checkIn' as const, status: 'CONFIRMED' as const };
    // 2026-11-22T19:00Z is 00:30 on the 23rd in Kolkata: same clinic day, though a different UTC date.
    expect(checkTransition({ ...checkIn, now: '2026-11-22T19:00:00.000Z' }).ok).toBe(true);
    expect(checkTransition({ ...checkIn, now: '2026-11-22T18:00:00.000Z' })).toMatchObject({
      ok: false,
      code: 'POLICY',
    });
  });

  it('explains refusals in words a receptionist understands', () => {
    const result = checkTransition({ ...base, action: 'confirm', status: 'CANCELLED' });
    expect(result).toEqual({
      ok: false,
      code: 'INVALID_TRANSITION',
      message: 'This appointment is cancelled; it cannot be confirmed now.',
    });
    expect(checkTransition({ ...base, role: 'nurse' })).toMatchObject({ code: 'FORBIDDEN' });
  });
});

describe('undo of a mistaken transition', () => {
  const noShow = {
    transition: {
      from: 'CONFIRMED' as const,
      to: 'NO_SHOW' as const,
      at: '2026-11-23T05:00:00.000Z',
      undoOf: null,
    },
    currentStatus: 'NO_SHOW' as const,
    role: 'receptionist' as const,
    now: '2026-11-23T09:00:00.000Z',
    zone,
  };

  it('restores the previous status on the same clinic day', () => {
    expect(checkUndo(noShow)).toEqual({ ok: true, to: 'CONFIRMED' });
  });

  it('refuses the next day, for non-staff, for a superseded or undo transition, and for COMPLETED', () => {
    expect(checkUndo({ ...noShow, now: '2026-11-23T19:00:00.000Z' })).toMatchObject({ code: 'POLICY' });
    expect(checkUndo({ ...noShow, role: 'patient' })).toMatchObject({ code: 'FORBIDDEN' });
    expect(checkUndo({ ...noShow, currentStatus: 'CANCELLED' })).toMatchObject({
      code: 'INVALID_TRANSITION',
    });
    expect(checkUndo({ ...noShow, transition: { ...noShow.transition, undoOf: 'x' } })).toMatchObject({
      ok: false,
    });
    expect(
      checkUndo({
        ...noShow,
        transition: { ...noShow.transition, from: 'CHECKED_IN', to: 'COMPLETED' },
        currentStatus: 'COMPLETED',
      }),
    ).toMatchObject({ ok: false, code: 'INVALID_TRANSITION' });
    expect(
      checkUndo({ ...noShow, transition: { ...noShow.transition, from: null, to: 'NO_SHOW' } }),
    ).toMatchObject({ ok: false });
  });
});
