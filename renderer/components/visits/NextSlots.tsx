import { Button, List, Stack, Text } from '@chakra-ui/react';
import type { ApiError } from '@shared/contract/errors';
import { useClinicFormat } from '@renderer/app/clinic-format';

export type NextSlot = NonNullable<ApiError['nextSlots']>[number];

/**
 * The next free times offered with a refused booking or move (the hub's or the desktop's
 * SLOT_TAKEN, or a refused change under needs attention): one button per time; what picking one
 * does is the screen's. Nothing when there are none, unless `empty` says what to do instead.
 */
export function NextSlots({
  slots,
  onPick,
  day,
  picking,
  empty,
}: {
  slots: readonly NextSlot[];
  onPick: (slot: NextSlot) => void;
  /** A clinic date whose times need no date (the day the refused time was on). */
  day?: string | undefined;
  /** The time being picked (its button spins, the others wait). */
  picking?: string | null | undefined;
  empty?: string | undefined;
}) {
  const format = useClinicFormat();
  if (slots.length === 0) return empty ? <Text>{empty}</Text> : null;
  const label = (start: string) =>
    day && format.clinicDate(start) === day ? format.time(start) : format.dateTime(start);
  return (
    <Stack gap="2">
      <Text>Choose one of the next free times instead:</Text>
      <List.Root
        variant="plain"
        display="flex"
        flexDirection="row"
        flexWrap="wrap"
        gap="2"
        aria-label="Next free times"
      >
        {slots.map((slot) => (
          <List.Item key={slot.start}>
            <Button
              size="sm"
              type="button"
              colorPalette="teal"
              variant="surface"
              loading={picking === slot.start}
              disabled={Boolean(picking)}
              onClick={() => onPick(slot)}
            >
              {label(slot.start)}
            </Button>
          </List.Item>
        ))}
      </List.Root>
    </Stack>
  );
}
