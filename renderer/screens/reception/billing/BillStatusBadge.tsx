import { Badge } from '@chakra-ui/react';
import type { BillStatus } from '@shared/domain/billing.schema';
import { BILL_STATUS_LABELS, BILL_STATUS_PALETTES } from './bill-format';

export function BillStatusBadge({ status }: { status: BillStatus }) {
  return (
    <Badge colorPalette={BILL_STATUS_PALETTES[status]} variant="subtle" size="md" data-testid="bill-status">
      {BILL_STATUS_LABELS[status]}
    </Badge>
  );
}
