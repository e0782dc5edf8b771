import type { LeaveRequest } from '@shared/domain/leave-request.schema';
import type { ClinicFormat } from '@renderer/app/clinic-format';

export const LEAVE_STATUS: Record<LeaveRequest['status'], { label: string; palette: string }> = {
  pending: { label: 'Waiting for a decision', palette: 'yellow' },
  approved: { label: 'Approved', palette: 'green' },
  declined: { label: 'Declined', palette: 'red' },
  withdrawn: { label: 'Withdrawn', palette: 'gray' },
};

/** "Mon 30/11/2026 – Tue 01/12/2026" or "Wed 02/12/2026, 09:00–11:00". */
export function leaveDatesText(request: LeaveRequest, format: ClinicFormat): string {
  const days =
    request.fromDate === request.toDate
      ? format.date(request.fromDate)
      : `${format.date(request.fromDate)} – ${format.date(request.toDate)}`;
  return request.window ? `${days}, ${request.window.start}–${request.window.end}` : `${days} (whole day)`;
}
