import { Badge } from '@chakra-ui/react';
import { useTranslation } from 'react-i18next';
import type { AppointmentStatus } from '@shared/domain/appointment.schema';

const PALETTE: Record<AppointmentStatus, string> = {
  REQUESTED: 'orange',
  CONFIRMED: 'green',
  CHECKED_IN: 'blue',
  COMPLETED: 'gray',
  CANCELLED: 'red',
  NO_SHOW: 'red',
};

export function StatusBadge({ status }: { status: AppointmentStatus }) {
  const { t } = useTranslation('appointments');
  return (
    <Badge colorPalette={PALETTE[status]} variant="subtle" data-status={status}>
      {t(`status.${status}`)}
    </Badge>
  );
}
