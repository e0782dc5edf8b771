import type { QueryClient } from '@tanstack/react-query';

/** What a booking, cancel or move changes: the patient's lists, the free times, the next free days. */
const AFFECTED = ['/appointments', '/slots', '/doctors', '/queue'];

export function invalidateAfterBooking(queryClient: QueryClient): Promise<void> {
  return queryClient.invalidateQueries({
    predicate: (query) => {
      const path = query.queryKey[0];
      return typeof path === 'string' && AFFECTED.some((prefix) => path.startsWith(prefix));
    },
  });
}
