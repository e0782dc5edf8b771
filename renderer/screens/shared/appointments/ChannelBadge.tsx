import { Badge } from '@chakra-ui/react';
import { CHANNEL_LABELS } from './appointment-labels';

/** The mark of what a patient did in the companion app ("Patient app"). */
export function ChannelBadge({ size = 'sm' }: { size?: 'xs' | 'sm' }) {
  return (
    <Badge size={size} variant="outline" colorPalette="purple" data-testid="app-channel">
      {CHANNEL_LABELS.patient_app}
    </Badge>
  );
}
