import { Box, Button, Heading, HStack, Stack, Text, VisuallyHidden } from '@chakra-ui/react';
import { memo } from 'react';
import { useNavigate } from 'react-router';
import type { DaySlots } from '@shared/contract/clinic.contract';
import type { Appointment } from '@shared/domain/appointment.schema';
import type { Doctor } from '@shared/domain/doctor.schema';
import type { Patient } from '@shared/domain/patient.schema';
import type { ClinicFormat } from '@renderer/app/clinic-format';
import { STATUS_PALETTES, TYPE_LABELS } from '@renderer/screens/shared/appointments/appointment-labels';
import { StatusBadge } from '@renderer/screens/shared/appointments/StatusBadge';
import { ChannelBadge } from '@renderer/screens/shared/appointments/ChannelBadge';
import { boardItems, bookingLink, freeSlots } from './today-board';

interface ColumnProps {
  doctor: Doctor;
  date: string;
  appointments: Appointment[];
  /** The doctor's free slots on the date (the board asks for all columns' at once). */
  day: DaySlots | undefined;
  slotsLoading: boolean;
  patients: Map<string, Patient>;
  format: ClinicFormat;
  showFree: boolean;
  onOpen: (id: string) => void;
}

/**
 * Whether a column would render the same: a change re-renders only the columns it touched
 * (queries keep unchanged rows' objects, so "same" is identity of the rows the column shows).
 */
function sameColumn(prev: ColumnProps, next: ColumnProps): boolean {
  const { appointments, patients, ...rest } = next;
  const same = (a: readonly unknown[], b: readonly unknown[]) =>
    a.length === b.length && a.every((item, i) => item === b[i]);
  return (
    (Object.keys(rest) as (keyof typeof rest)[]).every((key) => prev[key] === rest[key]) &&
    same(prev.appointments, appointments) &&
    appointments.every((a) => prev.patients.get(a.patientId) === patients.get(a.patientId))
  );
}

/** One doctor's column on the Today board: appointments coloured by status, free slots to book. */
export const DoctorColumn = memo(DoctorColumnView, sameColumn);

function DoctorColumnView({
  doctor,
  date,
  appointments,
  day,
  slotsLoading,
  patients,
  format,
  showFree,
  onOpen,
}: ColumnProps) {
  const navigate = useNavigate();
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
      {items.length === 0 && !slotsLoading && (
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
          {a.bookedVia === 'patient_app' && <ChannelBadge size="xs" />}
        </HStack>
      </button>
    </Box>
  );
}
