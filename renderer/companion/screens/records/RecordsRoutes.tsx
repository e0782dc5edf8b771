import { Box, Flex, Heading, Stack } from '@chakra-ui/react';
import { useTranslation } from 'react-i18next';
import { Navigate, NavLink, Route, Routes } from 'react-router';
import { paths } from '@renderer/companion/shell/routes';
import { BillDetail } from './BillDetail';
import { BillsList } from './BillsList';
import { DocumentsList } from './DocumentsList';
import { VisitsList } from './VisitsList';
import { VisitSummary } from './VisitSummary';

const TABS = ['visits', 'documents', 'bills'] as const;

/** Visits, Documents, Bills: three links that read as tabs, each a 44 px+ target. */
function RecordsTabs() {
  const { t } = useTranslation('records');
  return (
    <Box as="nav" aria-label={t('title')}>
      <Flex as="ul" listStyleType="none" m="0" p="0" gap="1" borderBottomWidth="1px">
        {TABS.map((tab) => (
          <Box as="li" key={tab} flex="1">
            <NavLink to={`${paths.records}/${tab}`}>
              {({ isActive }) => (
                <Flex
                  minH="48px"
                  align="center"
                  justify="center"
                  px="2"
                  borderBottomWidth="3px"
                  borderColor={isActive ? 'teal.700' : 'transparent'}
                  color={isActive ? 'teal.800' : 'fg.muted'}
                  fontWeight={isActive ? 'semibold' : 'normal'}
                >
                  {t(`tabs.${tab}`)}
                </Flex>
              )}
            </NavLink>
          </Box>
        ))}
      </Flex>
    </Box>
  );
}

/** The patient's records (mounted at /records/*): visit summaries, documents and bills. */
export default function RecordsRoutes() {
  const { t } = useTranslation('records');
  return (
    <Stack gap="4">
      <Heading as="h1" size="xl">
        {t('title')}
      </Heading>
      <RecordsTabs />
      <Routes>
        <Route index element={<Navigate to="visits" replace />} />
        <Route path="visits" element={<VisitsList />} />
        <Route path="visits/:id" element={<VisitSummary />} />
        <Route path="documents" element={<DocumentsList />} />
        <Route path="bills" element={<BillsList />} />
        <Route path="bills/:id" element={<BillDetail />} />
        <Route path="*" element={<Navigate to="visits" replace />} />
      </Routes>
    </Stack>
  );
}
