import { Heading, Stack } from '@chakra-ui/react';
import { useTranslation } from 'react-i18next';
import { Navigate, Route, Routes } from 'react-router';
import { JoinWaitlist } from './JoinWaitlist';
import { WaitlistList } from './WaitlistList';

/** The waiting list (mounted at /waitlist/*): my entries and their offers, and joining. */
export default function WaitlistRoutes() {
  const { t } = useTranslation('waitlist');
  return (
    <Stack gap="4">
      <Heading as="h1" size="xl">
        {t('title')}
      </Heading>
      <Routes>
        <Route index element={<WaitlistList />} />
        <Route path="join" element={<JoinWaitlist />} />
        <Route path="*" element={<Navigate to="." replace />} />
      </Routes>
    </Stack>
  );
}
