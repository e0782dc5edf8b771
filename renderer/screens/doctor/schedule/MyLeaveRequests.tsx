import { Badge, Button, Table, Text } from '@chakra-ui/react';
import type { LeaveRequest } from '@shared/domain/leave-request.schema';
import { useApiMutation } from '@renderer/api/hooks';
import { useClinicFormat } from '@renderer/app/clinic-format';
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
  return (
    <Table.Root size="sm" aria-label="My leave requests">
      <Table.Header>
        <Table.Row>
          <Table.ColumnHeader>Leave</Table.ColumnHeader>
          <Table.ColumnHeader>Status</Table.ColumnHeader>
          <Table.ColumnHeader>Decision</Table.ColumnHeader>
          <Table.ColumnHeader textAlign="end">
            <Text srOnly>Actions</Text>
          </Table.ColumnHeader>
        </Table.Row>
      </Table.Header>
      <Table.Body>
        {requests.map((r) => {
          const dates = leaveDatesText(r, format);
          return (
            <Table.Row key={r.id} data-testid="leave-request-row">
              <Table.Cell>
                {dates}
                {r.reason && (
                  <Text fontSize="xs" color="fg.muted">
                    {r.reason}
                  </Text>
                )}
              </Table.Cell>
              <Table.Cell>
                <Badge colorPalette={LEAVE_STATUS[r.status].palette} variant="subtle">
                  {LEAVE_STATUS[r.status].label}
                </Badge>
              </Table.Cell>
              <Table.Cell fontSize="sm">
                {r.decidedAt && r.status !== 'withdrawn' && (
                  <>
                    {r.status === 'approved' ? 'Approved' : 'Declined'} by {r.deciderName ?? 'someone'},{' '}
                    {format.dateTime(r.decidedAt)}
                    {r.decisionNote && <Text color="fg.muted">“{r.decisionNote}”</Text>}
                  </>
                )}
              </Table.Cell>
              <Table.Cell textAlign="end">
                {r.status === 'pending' && (
                  <Button
                    size="xs"
                    variant="ghost"
                    colorPalette="red"
                    loading={withdraw.isPending && withdraw.variables?.id === r.id}
                    onClick={() => withdraw.mutate({ id: r.id })}
                    aria-label={`Withdraw the request for ${dates}`}
                  >
                    Withdraw
                  </Button>
                )}
              </Table.Cell>
            </Table.Row>
          );
        })}
      </Table.Body>
    </Table.Root>
  );
}
