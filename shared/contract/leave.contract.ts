import { z } from 'zod';
import { idSchema, instantSchema, text } from '@shared/domain/common.schema';
import { appointmentSchema } from '@shared/domain/appointment.schema';
import {
  leaveRequestDetailsSchema,
  leaveRequestSchema,
  leaveRequestStatusSchema,
} from '@shared/domain/leave-request.schema';
import { byIdSchema, reasonSchema } from './common';
import { command, query } from './define';

const moveSchema = z.strictObject({
  appointmentId: idSchema,
  newStartsAt: instantSchema,
  /** Another doctor of the same specialization, where the patient agrees. */
  doctorId: idSchema.optional(),
});

/**
 * Doctors' leave requests (setting `doctorLeave: 'doctorsRequest'`): the doctor asks and may
 * withdraw while pending; reception or admin sees the bookings it strands, and approves (the
 * leave and the moves in one transaction) or declines with a reason. Hub-only: not synced.
 */
export const leaveContract = {
  'leave.request': command(
    'Ask for leave (the signed-in doctor): whole days, or part of one date, with a reason for the front desk.',
    z.strictObject({ id: idSchema, details: leaveRequestDetailsSchema }),
    leaveRequestSchema,
    'online-only',
  ),
  'leave.withdraw': command(
    'Withdraw one of the signed-in doctor’s pending leave requests.',
    byIdSchema,
    leaveRequestSchema,
    'online-only',
  ),
  'leave.list': query(
    'Leave requests, newest first: a doctor’s own; reception and admin every doctor’s (optionally by status).',
    z.strictObject({ status: leaveRequestStatusSchema.optional(), doctorId: idSchema.optional() }),
    z.array(leaveRequestSchema),
    'online-only',
  ),
  'leave.collisions': query(
    'The booked appointments a pending leave request would leave outside working time; nothing changes.',
    byIdSchema,
    z.strictObject({ collisions: z.array(appointmentSchema) }),
    'online-only',
  ),
  'leave.approve': command(
    'Approve a pending leave request: its leave goes into the schedule and the given bookings move, all ' +
      'in one transaction (nothing changes if one move is refused). Bookings it strands and no move ' +
      'names are refused with CONFLICT unless acknowledged (they stay, to be moved later).',
    z.strictObject({
      id: idSchema,
      moves: z.array(moveSchema).max(200).default([]),
      reason: text(500).default(''),
      notifyPatients: z.boolean().default(true),
      acknowledgeCollisions: z.boolean().default(false),
    }),
    z.strictObject({ request: leaveRequestSchema, moved: z.array(appointmentSchema) }),
    'online-only',
  ),
  'leave.decline': command(
    'Decline a pending leave request, saying why (the doctor sees the reason).',
    z.strictObject({ id: idSchema, reason: reasonSchema }),
    leaveRequestSchema,
    'online-only',
  ),
} as const;
