import { Badge } from '@chakra-ui/react';
import { formatMinutes } from '@shared/rules/wait-estimate';

/**
 * Flags a check-in made more than 2 h before the appointment (the hub decides): the patient may
 * have come on the wrong day or at the wrong time, and will wait long for the doctor's hours.
 */
export function EarlyCheckInBadge({ minutes }: { minutes: number | null }) {
  if (minutes === null) return null;
  return (
    <Badge data-testid="early-check-in" colorPalette="orange" size="sm" ms="2">
      Checked in {formatMinutes(minutes)} before the appointment
    </Badge>
  );
}
