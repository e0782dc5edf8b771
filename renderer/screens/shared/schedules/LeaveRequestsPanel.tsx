import { Box, Button, HStack, Stack, Text } from '@chakra-ui/react';
import { useState } from 'react';
import { useApiQuery } from '@renderer/api/hooks';
import { useClinicFormat } from '@renderer/app/clinic-format';
import { Panel } from '@renderer/components/admin/Panel';
import { ErrorMessage } from '@renderer/components/ErrorMessage';
import { LeaveRequestReview } from './LeaveRequestReview';
import { leaveDatesText } from './leave-request-text';

/**
 * Doctors' pending leave requests for reception and admin (setting `doctorLeave:
 * 'doctorsRequest'`; shown whenever some wait, so none is forgotten after the setting changes).
 */
export function LeaveRequestsPanel() {
  const format = useClinicFormat();
  // Requests are not synced changes (no live update): look again now and then.
  const pending = useApiQuery('leave.list', { status: 'pending' }, { refetchInterval: 15_000 });
  const [open, setOpen] = useState<string | null>(null);
  const [outcome, setOutcome] = useState<string | null>(null);
  const requests = [...(pending.data ?? [])].sort((a, b) => a.fromDate.localeCompare(b.fromDate));
  if (requests.length === 0 && !outcome && !pending.error) return null;
  return (
    <Box mb="5">
      <Panel title="Leave requests">
        <Stack gap="3">
          <ErrorMessage error={pending.error} />
          {outcome && (
            <Text role="status" fontWeight="medium">
              {outcome}
            </Text>
          )}
          {requests.length === 0 && <Text color="fg.muted">No leave requests waiting.</Text>}
          {requests.map((r) => {
            const dates = leaveDatesText(r, format);
            return (
              <Box key={r.id} borderWidth="1px" borderRadius="md" p="3" data-testid="pending-leave-request">
                <HStack justify="space-between" wrap="wrap" gap="3">
                  <Stack gap="0">
                    <Text fontWeight="semibold">
                      {r.doctorName}: {dates}
                    </Text>
                    <Text fontSize="sm" color="fg.muted">
                      {r.reason ? `“${r.reason}”` : 'No reason given'} · asked {format.dateTime(r.createdAt)}
                    </Text>
                  </Stack>
                  <Button
                    size="sm"
                    variant="outline"
                    aria-expanded={open === r.id}
                    onClick={() => setOpen(open === r.id ? null : r.id)}
                  >
                    {open === r.id ? 'Close' : `Review ${r.doctorName}’s request`}
                  </Button>
                </HStack>
                {open === r.id && (
                  <Box mt="3">
                    <LeaveRequestReview
                      request={r}
                      onDecided={(text) => {
                        setOpen(null);
                        setOutcome(text);
                      }}
                    />
                  </Box>
                )}
              </Box>
            );
          })}
        </Stack>
      </Panel>
    </Box>
  );
}
