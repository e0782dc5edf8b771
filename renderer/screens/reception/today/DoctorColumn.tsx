import { Badge, Box, Button, Heading, HStack, Stack, Text, VisuallyHidden } from '@chakra-ui/react';
import { useNavigate } from 'react-router';
import type { Appointment } from '@shared/domain/appointment.schema';
import type { Doctor } from '@shared/domain/doctor.schema';
import type { Patient } from '@shared/domain/patient.schema';
import { useApiQuery } from '@renderer/api/hooks';
import type { ClinicFormat } from '@renderer/app/clinic-format';
import { ErrorMessage } from '@renderer/components/ErrorMessage';
import { STATUS_PALETTES, TYPE_LABELS } from '@renderer/screens/shared/appointments/appointment-labels';
import { StatusBadge } from '@renderer/screens/shared/appointments/StatusBadge';
import { boardItems, bookingLink, freeSlots } from './today-board';

/** One doctor's column on the Today board: appointments coloured by status, free slots to book. */
export function DoctorColumn({
  doctor,
  date,
  appointments,
  patients,
  format,
  showFree,
  onOpen,
}: {
  doctor: Doctor;
  date: string;
  appointments: Appointment[];
  patients: Map<string, Patient>;
  format: ClinicFormat;
  showFree: boolean;
  onOpen: (id: string) => void;
}) {
  const navigate = useNavigate();
  const slots = useApiQuery('slots.list', { doctorId: doctor.id, fromDate: date, toDate: date });
  const day = slots.data?.[0];
  const free = freeSlots(appointments, day?.slots ?? []);
  const items = boardItems(appointments, free, showFree);
  const active = appointments.filter((a) => a.status !== 'CANCELLED' && a.status !== 'NO_SHOW').length;
  const headingId = `doctor-${doctor.id}`;

  return (
    <Box
      as="section"
      aria-labelledby={headingId}
      data-testid="doctor-column"
      // 12.5rem: five doctors fit beside the navigation at 1366 px; more scroll (BoardScroller).
      flex="1 0 12.5rem"
      minW="0"
      maxW="24rem"
      bg="bg.panel"
      borderWidth="1px"
      borderRadius="lg"
      p="3"
    >
      <Box mb="3">
        <Heading as="h2" size="sm" id={headingId}>
          {doctor.fullName}
        </Heading>
        <Text fontSize="sm" color="fg.muted">
          {doctor.specialization} · {active} booked{day ? ` · ${free.length} free` : ''}
        </Text>
      </Box>
      <ErrorMessage error={slots.error} />
      {day && !day.available && (
        <Text fontSize="sm" color="fg.muted" mb="2">
          {day.message ?? 'Not working on this date'}
        </Text>
      )}
      <Stack gap="1.5" as="ul" listStyleType="none" m="0" p="0">
        {items.map((item) =>
          item.kind === 'appointment' ? (
            <Box as="li" key={item.appointment.id}>
              <AppointmentCard
                a={item.appointment}
                patient={patients.get(item.appointment.patientId)}
                format={format}
                onOpen={onOpen}
              />
            </Box>
          ) : (
            <Box as="li" key={`free-${item.slot.start}`}>
              <Button
                data-testid="free-slot"
                size="xs"
                variant="outline"
                borderStyle="dashed"
                width="full"
                justifyContent="space-between"
                data-doctor={doctor.fullName}
                data-time={item.slot.localTime}
                onClick={() => void navigate(bookingLink(doctor.id, date, item.slot.start))}
              >
                <Text fontVariantNumeric="tabular-nums">{item.slot.localTime}</Text>
                <Text color="fg.muted">
                  Free — book<VisuallyHidden> with {doctor.fullName}</VisuallyHidden>
                </Text>
              </Button>
            </Box>
          ),
        )}
      </Stack>
      {items.length === 0 && !slots.isLoading && (
        <Text fontSize="sm" color="fg.muted">
          No appointments{showFree ? ' or free slots' : ''} on this date.
        </Text>
      )}
    </Box>
  );
}

function AppointmentCard({
  a,
  patient,
  format,
  onOpen,
}: {
  a: Appointment;
  patient: Patient | undefined;
  format: ClinicFormat;
  onOpen: (id: string) => void;
}) {
  const palette = STATUS_PALETTES[a.status];
  const muted = a.status === 'CANCELLED' || a.status === 'NO_SHOW';
  return (
    <Box
      asChild
      data-testid="board-appointment"
      data-status={a.status}
      width="full"
      textAlign="start"
      borderWidth="1px"
      borderInlineStartWidth="4px"
      borderColor="border"
      borderInlineStartColor={`${palette}.solid`}
      bg={muted ? 'bg.subtle' : `${palette}.subtle`}
      borderRadius="md"
      px="2"
      py="1.5"
      cursor="pointer"
      _hover={{ borderColor: `${palette}.solid`, boxShadow: 'sm' }}
      _focusVisible={{ outline: '2px solid', outlineColor: 'teal.focusRing' }}
    >
      <button type="button" onClick={() => onOpen(a.id)}>
        <HStack justify="space-between" gap="2">
          <Text
            fontVariantNumeric="tabular-nums"
            fontSize="sm"
            fontWeight="semibold"
            textDecoration={muted ? 'line-through' : undefined}
          >
            {format.time(a.startsAt)}
          </Text>
          <StatusBadge status={a.status} />
        </HStack>
        <Text fontSize="sm" fontWeight="medium" truncate>
          {patient?.fullName ?? '…'}
        </Text>
        <HStack gap="1" fontSize="xs" color="fg.muted">
          <Text>{a.number ?? 'Provisional'}</Text>
          <Text>·</Text>
          <Text>{TYPE_LABELS[a.type]}</Text>
          {a.bookedVia === 'patient_app' && (
            <Badge size="xs" variant="outline">
              App
            </Badge>
          )}
        </HStack>
      </button>
    </Box>
  );
}
