import { failure } from '@shared/contract/errors';
import { notFound } from '@shared/contract/not-found';
import type { LeaveRequest } from '@shared/domain/leave-request.schema';
import { leaveDates } from '@shared/domain/leave-request.schema';
import { minutesOfDay } from '@shared/domain/schedule.schema';
import { clinicDate } from '@shared/rules/zoned-time';
import { type HandlerContext, type HandlerMap, handler } from '@server/core/handler';
import { encodeRow } from '@server/db/codecs';
import { invalidField } from '@server/handlers/appointments/appointment-rows';
import { collisionAppointments } from '@server/handlers/clinic/schedule-collisions';
import { exceptionsOf } from '@server/handlers/clinic/schedule.repository';
import { assertOwn, requireActor } from '@server/repositories/ownership';
import { applyLeave } from './leave-approval';
import { leaveOfRequest } from './leave-collisions';
import {
  decideLeaveRequest,
  findLeaveRequest,
  listLeaveRequests,
  overlappingRequests,
} from './leave-requests.repository';

function myDoctorId(ctx: HandlerContext): string {
  const doctorId = requireActor(ctx).doctorId;
  if (!doctorId) throw failure('FORBIDDEN', 'Only a doctor’s account requests leave.');
  return doctorId;
}

/** A request the caller may act on: a doctor only their own (another's answers like a missing one). */
function reachableRequest(ctx: HandlerContext, id: string): LeaveRequest {
  const request = findLeaveRequest(ctx.db, id);
  if (!request) throw notFound('leaveRequest');
  assertOwn(ctx, 'leave_requests', request, 'leaveRequest');
  return request;
}

function assertPending(request: LeaveRequest, whenApproved = 'it is in the schedule.'): void {
  if (request.status === 'pending') return;
  throw failure(
    'INVALID_TRANSITION',
    `This leave request was already ${request.status}` +
      (request.status === 'approved' ? `: ${whenApproved}` : '.'),
  );
}

const spans = (a: LeaveRequest['window'], b: LeaveRequest['window']) =>
  !a || !b || (minutesOfDay(a.start) < minutesOfDay(b.end) && minutesOfDay(b.start) < minutesOfDay(a.end));

const datesOf = (r: Pick<LeaveRequest, 'fromDate' | 'toDate'>) =>
  r.fromDate === r.toDate ? r.fromDate : `${r.fromDate} to ${r.toDate}`;

/** Doctors' leave requests (setting `doctorLeave: 'doctorsRequest'`), decided by reception or admin. */
export const leaveHandlers: HandlerMap = {
  'leave.request': handler('leave.request', {
    run: (input, ctx) => {
      const doctorId = myDoctorId(ctx);
      if (ctx.settings().doctorLeave !== 'doctorsRequest') {
        throw failure(
          'POLICY',
          ctx.settings().doctorLeave === 'doctors'
            ? 'The clinic lets doctors mark their own leave: add it under My leave, no request needed.'
            : 'The clinic has reception put doctors’ leave in the schedule: please ask the front desk.',
          { fields: [{ field: 'settings.doctorLeave', message: 'leave requests are turned off' }] },
        );
      }
      if (findLeaveRequest(ctx.db, input.id))
        throw failure('CONFLICT', 'This leave request was already sent.');
      const { details } = input;
      const today = clinicDate(ctx.now, ctx.settings().timeZone);
      if (details.fromDate < today) throw invalidField('details.fromDate', 'is in the past');
      const overlapping = overlappingRequests(ctx.db, doctorId, details.fromDate, details.toDate).find(
        (other) => other.fromDate !== other.toDate || spans(other.window, details.window),
      );
      if (overlapping) {
        throw failure('CONFLICT', `You already asked for leave on ${datesOf(overlapping)}.`, {
          fields: [
            {
              field: 'details.fromDate',
              message: `overlaps your ${overlapping.status} request for ${datesOf(overlapping)}`,
            },
          ],
        });
      }
      const wholeDays = new Set(
        exceptionsOf(ctx.db, doctorId, details.fromDate, details.toDate)
          .filter((e) => e.kind === 'leave' && e.window === null)
          .map((e) => e.date),
      );
      if (leaveDates(details.fromDate, details.toDate).every((date) => wholeDays.has(date))) {
        throw invalidField('details.fromDate', 'you are already on leave then');
      }
      const row = {
        id: input.id,
        doctorId,
        ...details,
        status: 'pending' as const,
        requestedBy: ctx.actor!.userId,
        createdAt: ctx.now,
        decidedBy: null,
        decidedAt: null,
        decisionNote: '',
      };
      ctx.db.run(ctx.db.q.insertInto('leave_requests').values(encodeRow('leave_requests', row)));
      ctx.audit({
        kind: 'change',
        action: 'leave.request',
        entity: 'leave_requests',
        entityId: input.id,
        patientId: null,
        details: {
          doctorId,
          fromDate: details.fromDate,
          toDate: details.toDate,
          partOfDay: !!details.window,
        },
      });
      return findLeaveRequest(ctx.db, input.id)!;
    },
  }),

  'leave.withdraw': handler('leave.withdraw', {
    run: (input, ctx) => {
      const request = reachableRequest(ctx, input.id);
      assertPending(request, 'please ask the front desk to take the leave out of the schedule.');
      decideLeaveRequest(ctx.db, request.id, {
        status: 'withdrawn',
        decidedBy: requireActor(ctx).userId,
        decidedAt: ctx.now,
        decisionNote: '',
      });
      ctx.audit({
        kind: 'change',
        action: 'leave.withdraw',
        entity: 'leave_requests',
        entityId: request.id,
        patientId: null,
        details: { doctorId: request.doctorId },
      });
      return findLeaveRequest(ctx.db, request.id)!;
    },
  }),

  'leave.list': handler('leave.list', {
    run: (input, ctx) =>
      listLeaveRequests(ctx.db, {
        status: input.status,
        doctorId: ctx.actor?.role === 'doctor' ? myDoctorId(ctx) : input.doctorId,
      }),
  }),

  'leave.collisions': handler('leave.collisions', {
    run: (input, ctx) => {
      const request = reachableRequest(ctx, input.id);
      // Ids are throwaway: nothing is written.
      const { collisions } = leaveOfRequest(ctx, request, () => request.id);
      return { collisions: collisionAppointments(collisions) };
    },
  }),

  'leave.approve': handler('leave.approve', {
    run: (input, ctx) => {
      const request = reachableRequest(ctx, input.id);
      assertPending(request);
      const moved = applyLeave(ctx, request, input);
      decideLeaveRequest(ctx.db, request.id, {
        status: 'approved',
        decidedBy: requireActor(ctx).userId,
        decidedAt: ctx.now,
        decisionNote: input.reason,
      });
      ctx.audit({
        kind: 'change',
        action: 'leave.approve',
        entity: 'leave_requests',
        entityId: request.id,
        patientId: null,
        details: {
          doctorId: request.doctorId,
          fromDate: request.fromDate,
          toDate: request.toDate,
          movedAppointments: moved.map((a) => a.id),
        },
      });
      return { request: findLeaveRequest(ctx.db, request.id)!, moved };
    },
  }),

  'leave.decline': handler('leave.decline', {
    run: (input, ctx) => {
      const request = reachableRequest(ctx, input.id);
      assertPending(request);
      decideLeaveRequest(ctx.db, request.id, {
        status: 'declined',
        decidedBy: requireActor(ctx).userId,
        decidedAt: ctx.now,
        decisionNote: input.reason,
      });
      ctx.audit({
        kind: 'change',
        action: 'leave.decline',
        entity: 'leave_requests',
        entityId: request.id,
        patientId: null,
        details: { doctorId: request.doctorId, reason: input.reason },
      });
      return findLeaveRequest(ctx.db, request.id)!;
    },
  }),
};
