import { Alert, Box, Button, Field, Heading, Input, Link, Stack, Table, Text } from '@chakra-ui/react';
import { useMemo, useState } from 'react';
import type { QueueEntry } from '@shared/domain/queue.schema';
import type { Doctor } from '@shared/domain/doctor.schema';
import { useApiMutation, useApiQuery } from '@renderer/api/hooks';
import { useClinicFormat } from '@renderer/app/clinic-format';
import { ErrorMessage } from '@renderer/components/ErrorMessage';
import { PatientCell } from '@renderer/components/PatientCell';
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
  const checkIn = useApiMutation('queue.checkIn', {
    onSuccess: (entry) => {
      setResult({ entry, name: patients.get(entry.patientId)?.fullName ?? 'The patient' });
      onCheckedIn(entry);
    },
  });

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
          <Box maxH="22rem" overflowY="auto" borderWidth="1px" borderRadius="md">
            <Table.Root size="sm" interactive aria-label="Today’s appointments to check in" stickyHeader>
              <Table.Header>
                <Table.Row bg="bg.muted">
                  <Table.ColumnHeader>Time</Table.ColumnHeader>
                  <Table.ColumnHeader>Patient</Table.ColumnHeader>
                  <Table.ColumnHeader>Doctor</Table.ColumnHeader>
                  <Table.ColumnHeader>Status</Table.ColumnHeader>
                  <Table.ColumnHeader>
                    <Text srOnly>Actions</Text>
                  </Table.ColumnHeader>
                </Table.Row>
              </Table.Header>
              <Table.Body>
                {rows.map((a) => {
                  const p = patients.get(a.patientId);
                  return (
                    <Table.Row key={a.id} data-testid="check-in-row">
                      <Table.Cell whiteSpace="nowrap">
                        <Text fontWeight="medium">{format.time(a.startsAt)}</Text>
                        <Link as="button" fontSize="xs" color="colorPalette.fg" onClick={() => onOpen(a.id)}>
                          {a.number ?? 'Provisional'}
                        </Link>
                      </Table.Cell>
                      <PatientCell patient={p} />
                      <Table.Cell>{doctors.get(a.doctorId)?.fullName ?? '…'}</Table.Cell>
                      <Table.Cell>
                        <StatusBadge status={a.status} />
                      </Table.Cell>
                      <Table.Cell textAlign="end">
                        <Button
                          size="xs"
                          aria-label={`Check in ${p?.fullName ?? a.number ?? ''}`}
                          loading={checkIn.isPending && checkIn.variables.appointmentId === a.id}
                          onClick={() => checkIn.mutate({ appointmentId: a.id })}
                        >
                          Check in
                        </Button>
                      </Table.Cell>
                    </Table.Row>
                  );
                })}
              </Table.Body>
            </Table.Root>
          </Box>
        )}
      </Stack>
    </Box>
  );
}
