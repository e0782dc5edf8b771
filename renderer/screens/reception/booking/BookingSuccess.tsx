import { Alert, Box, Button, DataList, Heading, HStack, SimpleGrid, Text } from '@chakra-ui/react';
import { useQuery } from '@tanstack/react-query';
import { Link as RouterLink } from 'react-router';
import type { Appointment } from '@shared/domain/appointment.schema';
import { useApiClient } from '@renderer/api/ApiProvider';
import { useApiQuery } from '@renderer/api/hooks';
import { useClinicFormat } from '@renderer/app/clinic-format';
import { PdfDocument } from '@renderer/components/booking/PdfDocument';
import { ErrorMessage } from '@renderer/components/ErrorMessage';
import { ScreenHeader } from '@renderer/components/ScreenHeader';
import { LoadingState } from '@renderer/components/StateViews';
import { StatusBadge } from '@renderer/screens/shared/appointments/StatusBadge';

/** After a booking: the appointment number and the printable slip (docs/product.md §4). */
export function BookingSuccess({
  appointment: booked,
  onAnother,
}: {
  appointment: Appointment;
  onAnother: () => void;
}) {
  const format = useClinicFormat();
  // Live: a provisional booking (made offline on a desktop) gets its number once the hub accepts it.
  const current = useApiQuery('appointments.get', { id: booked.id }, { enabled: booked.provisional });
  const a = current.data ?? booked;
  const doctor = useApiQuery('doctors.get', { id: a.doctorId });
  const patient = useApiQuery('patients.get', { id: a.patientId });
  const client = useApiClient();
  // Fetched once, outside the live-refreshed ['api'] keys: a hub push must not reload the frame.
  const slip = useQuery({
    queryKey: ['slip', a.id],
    queryFn: () => client.call('appointments.slip', { id: a.id, paper: 'A5' }),
    staleTime: Infinity,
    enabled: !a.provisional,
  });
  return (
    <>
      <ScreenHeader
        title={
          a.provisional
            ? 'Booked on this desktop (provisional)'
            : a.status === 'REQUESTED'
              ? 'Booking requested'
              : 'Appointment booked'
        }
        actions={
          <>
            <Button onClick={onAnother}>Book another</Button>
            <Button asChild variant="outline">
              <RouterLink to="/today">Today’s board</RouterLink>
            </Button>
          </>
        }
      />
      <SimpleGrid columns={{ base: 1, lg: 2 }} gap="4" alignItems="start">
        <Box bg="bg.panel" borderWidth="1px" borderRadius="lg" p="4">
          {a.provisional ? (
            <Alert.Root status="warning" mb="4" data-testid="provisional-booking">
              <Alert.Indicator />
              <Alert.Content>
                <Alert.Title>Provisional: not yet accepted by the clinic hub</Alert.Title>
                <Alert.Description>
                  Saved on this desktop. It gets its appointment number when the hub accepts it; if someone
                  took the slot meanwhile, it shows under “needs attention” with the next free times.
                </Alert.Description>
              </Alert.Content>
            </Alert.Root>
          ) : (
            <Alert.Root status={a.status === 'REQUESTED' ? 'info' : 'success'} mb="4">
              <Alert.Indicator />
              <Alert.Content>
                <Alert.Title>Appointment number</Alert.Title>
                <Alert.Description>
                  <Text fontSize="2xl" fontWeight="bold" fontFamily="mono" data-testid="appointment-number">
                    {a.number}
                  </Text>
                  {a.status === 'REQUESTED' && (
                    <Text data-testid="awaiting-confirmation">
                      The clinic confirms bookings before they are final: the doctor answers under Requests,
                      or staff confirm it from the appointment. The patient is told either way.
                    </Text>
                  )}
                </Alert.Description>
              </Alert.Content>
            </Alert.Root>
          )}
          <DataList.Root orientation="horizontal">
            {(
              [
                ['Patient', patient.data ? `${patient.data.fullName} (${patient.data.code})` : '…'],
                ['Doctor', doctor.data?.fullName ?? '…'],
                ['When', `${format.date(a.startsAt)}, ${format.time(a.startsAt)} – ${format.time(a.endsAt)}`],
                ['Status', <StatusBadge key="s" status={a.status} />],
              ] as const
            ).map(([label, value]) => (
              <DataList.Item key={label}>
                <DataList.ItemLabel minW="6rem">{label}</DataList.ItemLabel>
                <DataList.ItemValue>{value}</DataList.ItemValue>
              </DataList.Item>
            ))}
          </DataList.Root>
          <HStack mt="4">
            <Button asChild variant="ghost" size="sm">
              <RouterLink to={`/patients/${a.patientId}`}>Open the patient’s profile</RouterLink>
            </Button>
          </HStack>
        </Box>
        <Box
          as="section"
          aria-label="Appointment slip"
          bg="bg.panel"
          borderWidth="1px"
          borderRadius="lg"
          p="4"
        >
          <Heading as="h2" size="md" mb="3">
            Slip
          </Heading>
          {a.provisional && (
            <Text color="fg.muted">The slip can be printed once the hub has accepted the booking.</Text>
          )}
          {slip.isLoading && <LoadingState label="Preparing the slip…" />}
          <ErrorMessage error={slip.error} />
          {slip.data && (
            <PdfDocument
              base64={slip.data.base64}
              fileName={slip.data.fileName}
              title="Appointment slip"
              height="26rem"
            />
          )}
        </Box>
      </SimpleGrid>
    </>
  );
}
