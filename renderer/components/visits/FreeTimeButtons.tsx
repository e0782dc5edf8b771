import { Button, SimpleGrid, Text } from '@chakra-ui/react';
import type { ResultOf } from '@shared/contract/index';
import { ErrorMessage } from '@renderer/components/ErrorMessage';
import { LoadingState } from '@renderer/components/StateViews';

type SlotDay = ResultOf<'slots.list'>[number];

/**
 * One day's free times as toggle buttons (the chosen one pressed), with the day's own reason when
 * there are none: the time picker of every dialog that moves a visit.
 */
export function FreeTimeButtons({
  day,
  loading,
  error,
  selected,
  onPick,
}: {
  day: SlotDay | undefined;
  loading: boolean;
  error: unknown;
  selected: string | null;
  onPick: (start: string) => void;
}) {
  return (
    <>
      {loading && <LoadingState label="Loading free times…" />}
      <ErrorMessage error={error} />
      {day && day.slots.length === 0 && (
        <Text color="fg.muted">{day.message ?? 'No free time on this date; try another date.'}</Text>
      )}
      {day && day.slots.length > 0 && (
        <SimpleGrid columns={{ base: 4, md: 6 }} gap="2" maxH="12rem" overflowY="auto" p="1">
          {day.slots.map((slot) => (
            <Button
              key={slot.start}
              size="sm"
              type="button"
              variant={slot.start === selected ? 'solid' : 'outline'}
              aria-pressed={slot.start === selected}
              onClick={() => onPick(slot.start)}
            >
              {slot.localTime}
            </Button>
          ))}
        </SimpleGrid>
      )}
    </>
  );
}
