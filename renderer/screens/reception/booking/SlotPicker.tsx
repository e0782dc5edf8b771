import { Box, Button, Heading, Text, Wrap } from '@chakra-ui/react';
import type { Doctor } from '@shared/domain/doctor.schema';
import { useApiQuery } from '@renderer/api/hooks';
import { ErrorMessage } from '@renderer/components/ErrorMessage';
import { LoadingState } from '@renderer/components/StateViews';
import type { ChosenSlot } from './booking-form';

/** One doctor's free slots on a date (slots.list, refreshed live); a slot is a toggle button. */
export function SlotPicker({
  doctor,
  date,
  chosen,
  onChoose,
  showName,
}: {
  doctor: Doctor;
  date: string;
  chosen: ChosenSlot | null;
  onChoose: (slot: ChosenSlot) => void;
  showName: boolean;
}) {
  const slots = useApiQuery('slots.list', { doctorId: doctor.id, fromDate: date, toDate: date });
  const day = slots.data?.[0];
  const headingId = `slots-${doctor.id}`;
  return (
    <Box role="group" aria-labelledby={headingId} data-testid="slot-group">
      <Heading as="h3" size="sm" id={headingId} mb="2" srOnly={!showName}>
        {showName ? `${doctor.fullName} — ${doctor.specialization}` : `Free slots of ${doctor.fullName}`}
      </Heading>
      {slots.isLoading && <LoadingState label="Loading free slots…" />}
      <ErrorMessage error={slots.error} />
      {day && !day.available && (
        <Text color="fg.muted">{day.message ?? 'Doctor not available on this date.'}</Text>
      )}
      {day?.available && day.slots.length === 0 && (
        <Text color="fg.muted">No free slots left on this date.</Text>
      )}
      <Wrap gap="2">
        {day?.slots.map((slot) => {
          const selected = chosen?.doctorId === doctor.id && chosen.startsAt === slot.start;
          return (
            <Button
              key={slot.start}
              data-testid="slot"
              size="sm"
              fontVariantNumeric="tabular-nums"
              variant={selected ? 'solid' : 'outline'}
              aria-pressed={selected}
              aria-label={`${slot.localTime} with ${doctor.fullName}`}
              onClick={() =>
                onChoose({ doctorId: doctor.id, startsAt: slot.start, localTime: slot.localTime })
              }
            >
              {slot.localTime}
            </Button>
          );
        })}
      </Wrap>
    </Box>
  );
}
