import { Box } from '@chakra-ui/react';
import { ScreenHeader } from './ScreenHeader';
import { EmptyState } from './StateViews';

/** A screen that is planned but not built yet (its route and nav item already exist). */
export function ScreenPlaceholder({ title, description }: { title: string; description?: string }) {
  return (
    <Box>
      <ScreenHeader title={title} />
      <EmptyState
        title={`${title} is coming soon`}
        description={description ?? 'This screen is being built.'}
      />
    </Box>
  );
}
