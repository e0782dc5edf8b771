import { Badge, VisuallyHidden } from '@chakra-ui/react';
import { useRequests } from './use-requests';

/** The navigation's count of requests waiting (a doctor's own: `doctorId`); nothing when none wait. */
export function RequestsBadge({ doctorId }: { doctorId?: string | undefined }) {
  const { count } = useRequests(doctorId);
  if (count === 0) return null;
  return (
    <Badge size="sm" colorPalette="orange" variant="solid" borderRadius="full" data-testid="requests-count">
      {count}
      <VisuallyHidden> waiting</VisuallyHidden>
    </Badge>
  );
}
