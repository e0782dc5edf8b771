import { Alert, Button, Heading, SimpleGrid, Skeleton, Stack, Text } from '@chakra-ui/react';
import { useEffect, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import type { patientDaySlotsSchema } from '@shared/gateway/appointments.schema';
import { useClinic, useFormat } from '@renderer/companion/api/clinic';
import { useGet } from '@renderer/companion/api/queries';
import { AsOf } from '@renderer/companion/shell/AsOf';
import { ErrorNote } from '@renderer/companion/shell/ErrorNote';
import { clinicToday, dateStrip } from './date-strip';
import { DateStrip } from './DateStrip';

export type DaySlots = z.infer<typeof patientDaySlotsSchema>;
export type Slot = DaySlots['slots'][number];

/**
 * A doctor's days (the date strip) and the chosen day's free times, each a button. The chosen
 * day lives in the caller (the URL), so Back returns to it.
 */
export function SlotPicker({
  doctorId,
  nextFreeDay,
  date,
  onDate,
  onPick,
  picked,
}: {
  doctorId: string;
  nextFreeDay: string | null;
  date: string | undefined;
  onDate: (day: string) => void;
  onPick: (slot: Slot) => void;
  picked?: string | undefined;
}) {
  const { t } = useTranslation('booking');
  const format = useFormat();
  const clinic = useClinic().data?.data;
  const days = useMemo(
    () => (clinic ? dateStrip(clinicToday(clinic.timeZone), nextFreeDay, clinic.bookingHorizonDays) : []),
    [clinic, nextFreeDay],
  );
  const day = date && days.includes(date) ? date : days[0];
  useEffect(() => {
    if (day && day !== date) onDate(day);
  }, [day, date, onDate]);
  const slots = useGet<DaySlots>(['/slots', { doctorId, date: day }], { enabled: day !== undefined });

  if (!clinic) return <Skeleton height="12" />;
  if (days.length === 0) return <Text>{t('day.noDays')}</Text>;
  const answer = slots.data?.data;
  return (
    <Stack gap="4">
      <DateStrip days={days} selected={day} onSelect={onDate} />
      <Heading as="h2" size="md">
        {day ? t('day.timesOn', { day: format.longDay(day) }) : null}
      </Heading>
      <AsOf asOf={slots.data?.asOf} />
      {slots.isPending ? (
        <SimpleGrid columns={3} gap="2" aria-busy="true">
          {Array.from({ length: 6 }, (_, i) => (
            <Skeleton key={i} height="11" />
          ))}
        </SimpleGrid>
      ) : slots.isError ? (
        <ErrorNote error={slots.error} onRetry={() => void slots.refetch()} />
      ) : answer && !answer.available ? (
        <Alert.Root status="info">
          <Alert.Indicator />
          <Alert.Description>{t('day.notAvailable')}</Alert.Description>
        </Alert.Root>
      ) : answer && answer.slots.length === 0 ? (
        <Text>{t('day.noSlots')}</Text>
      ) : (
        <SimpleGrid as="ul" role="list" columns={{ base: 3, md: 4 }} gap="2" listStyleType="none" m="0" p="0">
          {answer?.slots.map((slot) => (
            <li key={slot.start}>
              <Button
                width="full"
                variant={picked === slot.start ? 'solid' : 'outline'}
                colorPalette="teal"
                aria-pressed={picked === undefined ? undefined : picked === slot.start}
                onClick={() => onPick(slot)}
                data-slot={slot.start}
              >
                {format.time(slot.start)}
              </Button>
            </li>
          ))}
        </SimpleGrid>
      )}
    </Stack>
  );
}
