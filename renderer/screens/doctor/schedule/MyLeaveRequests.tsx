import { Badge, Button, Text } from '@chakra-ui/react';
import type { LeaveRequest } from '@shared/domain/leave-request.schema';
import { useApiMutation } from '@renderer/api/hooks';
import { useClinicFormat } from '@renderer/app/clinic-format';
import { type DataColumn, DataTable } from '@renderer/components/table/DataTable';
import { notifyError, toaster } from '@renderer/components/toaster';
import { LEAVE_STATUS, leaveDatesText } from '@renderer/screens/shared/schedules/leave-request-text';

/** The doctor's leave requests and their outcome: who decided, when, and why a decline. */
export function MyLeaveRequests({ requests }: { requests: LeaveRequest[] }) {
  const format = useClinicFormat();
  const withdraw = useApiMutation('leave.withdraw', {
    onSuccess: () => toaster.create({ type: 'success', title: 'Leave request withdrawn' }),
    onError: (error) => notifyError(error, 'Could not withdraw it'),
  });
  if (requests.length === 0) return <Text color="fg.muted">No leave requests yet.</Text>;
  const columns: DataColumn<LeaveRequest>[] = [
    {
      id: 'leave',
      header: 'Leave',
      sortBy: (r) => r.fromDate,
      cell: (r) => (
        <>
          {leaveDatesText(r, format)}
          {r.reason && (
            <Text fontSize="xs" color="fg.muted">
              {r.reason}
            </Text>
          )}
        </>
      ),
    },
    {
      id: 'status',
      header: 'Status',
      sortBy: (r) => LEAVE_STATUS[r.status].label,
      cell: (r) => (
        <Badge colorPalette={LEAVE_STATUS[r.status].palette} variant="subtle">
          {LEAVE_STATUS[r.status].label}
        </Badge>
      ),
    },
    {
      id: 'decision',
      header: 'Decision',
      sortBy: (r) => (r.decidedAt ? Date.parse(r.decidedAt) : undefined),
      cellProps: { fontSize: 'sm' },
      cell: (r) =>
        r.decidedAt &&
        r.status !== 'withdrawn' && (
          <>
            {r.status === 'approved' ? 'Approved' : 'Declined'} by {r.deciderName ?? 'someone'},{' '}
            {format.dateTime(r.decidedAt)}
            {r.decisionNote && <Text color="fg.muted">“{r.decisionNote}”</Text>}
          </>
        ),
    },
    {
      id: 'actions',
      header: 'Actions',
      headerHidden: true,
      align: 'end',
      cell: (r) =>
        r.status === 'pending' && (
          <Button
            size="xs"
            variant="ghost"
            colorPalette="red"
            loading={withdraw.isPending && withdraw.variables?.id === r.id}
            onClick={() => withdraw.mutate({ id: r.id })}
            aria-label={`Withdraw the request for ${leaveDatesText(r, format)}`}
          >
            Withdraw
          </Button>
        ),
    },
  ];
  return (
    <DataTable
      label="My leave requests"
      bare
      rows={requests}
      columns={columns}
      rowKey={(r) => r.id}
      rowAttributes={() => ({ 'data-testid': 'leave-request-row' })}
    />
  );
}
