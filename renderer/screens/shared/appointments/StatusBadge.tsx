import { Badge } from '@chakra-ui/react';
import type { AppointmentStatus } from '@shared/domain/appointment.schema';
import { STATUS_LABELS, STATUS_PALETTES } from './appointment-labels';

export function StatusBadge({ status }: { status: AppointmentStatus }) {
  return (
    <Badge colorPalette={STATUS_PALETTES[status]} variant="subtle" size="md">
      {STATUS_LABELS[status]}
    </Badge>
  );
}
