import { Alert, Box, Button, HStack, Stack, Text } from '@chakra-ui/react';
import { useNavigate } from 'react-router';
import type { Bill } from '@shared/domain/billing.schema';
import { useApiMutation, useApiQuery } from '@renderer/api/hooks';
import { useClinicFormat } from '@renderer/app/clinic-format';
import { ErrorMessage } from '@renderer/components/ErrorMessage';
import { useDoctors, usePatients } from '@renderer/screens/shared/appointments/use-people';

/** Visits completed today that have no bill yet (normally none: completion creates one). */
export function UnbilledVisits({ todaysBills }: { todaysBills: Bill[] | undefined }) {
  const format = useClinicFormat();
  const today = format.today();
  const navigate = useNavigate();
  const completed = useApiQuery('appointments.list', {
    statuses: ['COMPLETED'],
    fromDate: today,
    toDate: today,
    limit: 500,
  });
  const billed = new Set((todaysBills ?? []).map((b) => b.appointmentId));
  const unbilled = todaysBills ? (completed.data?.items ?? []).filter((a) => !billed.has(a.id)) : [];
  const patients = usePatients(unbilled.map((a) => a.patientId));
  const { byId: doctors } = useDoctors();
  const create = useApiMutation('billing.createBill', {
    onSuccess: (view) => navigate(`/billing/${view.bill.id}`),
  });
  if (unbilled.length === 0) return null;
  return (
    <Alert.Root status="info" my="4">
      <Alert.Content>
        <Alert.Title>Completed visits without a bill</Alert.Title>
        <Stack gap="2" mt="2">
          {unbilled.map((a) => (
            <HStack key={a.id} justify="space-between" wrap="wrap">
              <Text>
                {format.time(a.startsAt)} · {patients.get(a.patientId)?.fullName ?? '…'} ·{' '}
                {doctors.get(a.doctorId)?.fullName ?? '…'}
              </Text>
              <Button
                size="xs"
                loading={create.isPending && create.variables.appointmentId === a.id}
                onClick={() =>
                  create.mutate({ id: crypto.randomUUID(), patientId: a.patientId, appointmentId: a.id })
                }
              >
                Create bill
              </Button>
            </HStack>
          ))}
          <Box>
            <ErrorMessage error={create.error} />
          </Box>
        </Stack>
      </Alert.Content>
    </Alert.Root>
  );
}
