import { Badge } from '@chakra-ui/react';
import type { DeliveryState } from '@shared/domain/notification.schema';
import { STATE_LABELS, STATE_PALETTES } from './message-labels';

export function MessageStateBadge({ state }: { state: DeliveryState }) {
  return (
    <Badge colorPalette={STATE_PALETTES[state]} variant={state === 'failed' ? 'solid' : 'subtle'} size="md">
      {STATE_LABELS[state]}
    </Badge>
  );
}
