import { Alert, Box, Button, Field, Heading, Input, Link, Stack, Text } from '@chakra-ui/react';
import { useCallback, useMemo, useState } from 'react';
import type { Appointment } from '@shared/domain/appointment.schema';
import type { QueueEntry } from '@shared/domain/queue.schema';
import type { Doctor } from '@shared/domain/doctor.schema';
import { useApiMutation, useApiQuery } from '@renderer/api/hooks';
import { useClinicFormat } from '@renderer/app/clinic-format';
import { ErrorMessage } from '@renderer/components/ErrorMessage';
import { PatientName } from '@renderer/components/PatientCell';
import { type DataColumn, DataTable } from '@renderer/components/table/DataTable';
import { EmptyState, LoadingState } from '@renderer/components/StateViews';
import { StatusBadge } from '@renderer/screens/shared/appointments/StatusBadge';
import { usePatients } from '@renderer/screens/shared/appointments/use-people';

/**
 * Check-in (docs/product.md §7): today's appointments still to arrive, found by patient name, code or
 * appointment number; "Check in" gives the token (e.g. K-012) and queues the patient.
 */
export function CheckInPanel({
  doctors,
  onCheckedIn,
  onOpen,
}: {
  doctors: Map<string, Doctor>;
  onCheckedIn: (entry: QueueEntry) => void;
  onOpen: (appointmentId: string) => void;
}) {
  const format = useClinicFormat();
  const today = format.today();
  const [text, setText] = useState('');
  const [result, setResult] = useState<{ entry: QueueEntry; name: string } | null>(null);
  const list = useApiQuery('appointments.list', {
    fromDate: today,
    toDate: today,
    statuses: ['REQUESTED', 'CONFIRMED'],
    limit: 500,
  });
  const appointments = list.data?.items ?? [];
  const patients = usePatients(appointments.map((a) => a.patientId));
  const checkIn = useApiMutation('queue.checkIn', { onSuccess: onCheckedIn });
  // The name as shown when Check in was pressed: by the time the hub answers, the list has been
  // refetched without the checked-in appointment, and its patient may have left the name map.
  const { mutate } = checkIn;
  const checkInPatient = useCallback(
    (a: Appointment, name: string | undefined) =>
      mutate(
        { appointmentId: a.id },
        { onSuccess: (entry) => setResult({ entry, name: name ?? 'The patient' }) },
      ),
    [mutate],
  );

  const checkingIn = checkIn.isPending ? checkIn.variables.appointmentId : null;
  const rows = useMemo(() => {
    const needle = text.trim().toLowerCase();
    const sorted = [...appointments].sort((a, b) => a.startsAt.localeCompare(b.startsAt));
    if (!needle) return sorted;
    return sorted.filter((a) => {
      const p = patients.get(a.patientId);
      return [p?.fullName, p?.code, p?.provisionalCode, p?.phone, a.number].some((v) =>
        v?.toLowerCase().includes(needle),
      );
    });
  }, [appointments, patients, text]);

  const columns = useMemo((): DataColumn<Appointment>[] => {
    const name = (a: Appointment) => patients.get(a.patientId)?.fullName;
    return [
      {
        id: 'time',
        header: 'Time',
        sortBy: (a) => Date.parse(a.startsAt),
        cellProps: { whiteSpace: 'nowrap' },
        cell: (a) => (
          <>
            <Text fontWeight="medium">{format.time(a.startsAt)}</Text>
            <Link as="button" fontSize="xs" color="colorPalette.fg" onClick={() => onOpen(a.id)}>
              {a.number ?? 'Provisional'}
            </Link>
          </>
        ),
      },
      {
        id: 'patient',
        header: 'Patient',
        sortBy: name,
        cell: (a) => <PatientName patient={patients.get(a.patientId)} />,
      },
      {
        id: 'doctor',
        header: 'Doctor',
        sortBy: (a) => doctors.get(a.doctorId)?.fullName,
        cell: (a) => doctors.get(a.doctorId)?.fullName ?? '…',
      },
      {
        id: 'status',
        header: 'Status',
        sortBy: (a) => a.status,
        cell: (a) => <StatusBadge status={a.status} />,
      },
      {
        id: 'actions',
        header: 'Actions',
        headerHidden: true,
        align: 'end',
        cell: (a) => (
          <Button
            size="xs"
            aria-label={`Check in ${name(a) ?? a.number ?? ''}`}
            loading={checkingIn === a.id}
            onClick={() => checkInPatient(a, name(a))}
          >
            Check in
          </Button>
        ),
      },
    ];
  }, [patients, doctors, format, onOpen, checkingIn, checkInPatient]);

  return (
    <Box bg="bg.panel" borderWidth="1px" borderRadius="lg" p="4">
      <Stack gap="3">
        <Heading as="h2" size="md">
          Check in
        </Heading>
        <Field.Root>
          <Field.Label>Find today’s appointment</Field.Label>
          <Input
            data-shortcut="search"
            type="search"
            placeholder="Patient name, code or appointment number  ( / )"
            value={text}
            onChange={(e) => setText(e.target.value)}
          />
        </Field.Root>
        {result && (
          <Alert.Root status="success" role="status" data-testid="check-in-result">
            <Alert.Indicator />
            <Alert.Content>
              <Alert.Title>
                {result.name} checked in — token {result.entry.token}
              </Alert.Title>
              <Alert.Description>
                Queued for {doctors.get(result.entry.doctorId)?.fullName ?? 'the doctor'} at{' '}
                {format.time(result.entry.checkedInAt)}.
              </Alert.Description>
            </Alert.Content>
          </Alert.Root>
        )}
        <ErrorMessage error={checkIn.error} />
        <ErrorMessage error={list.error} />
        {list.isLoading ? (
          <LoadingState label="Loading today’s appointments…" />
        ) : rows.length === 0 ? (
          <EmptyState
            title={text ? 'No appointment today matches' : 'Nobody left to check in today'}
            description="Walk-in patients without an appointment: use “Walk-in”."
          />
        ) : (
          <DataTable
            label="Today’s appointments to check in"
            maxH="22rem"
            interactive
            rows={rows}
            columns={columns}
            rowKey={(a) => a.id}
            rowAttributes={() => ({ 'data-testid': 'check-in-row' })}
          />
        )}
      </Stack>
    </Box>
  );
}
