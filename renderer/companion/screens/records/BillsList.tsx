import { Badge, HStack, Stack, Text } from '@chakra-ui/react';
import { useTranslation } from 'react-i18next';
import { useFormat } from '@renderer/companion/api/clinic';
import { useGet } from '@renderer/companion/api/queries';
import { AsOf } from '@renderer/companion/shell/AsOf';
import { ErrorNote } from '@renderer/companion/shell/ErrorNote';
import { paths } from '@renderer/companion/shell/routes';
import { ScreenSkeleton } from '@renderer/companion/shell/ScreenSkeleton';
import { RecordCard } from './RecordCard';
import type { PatientBillView } from './records-types';

export const STATUS_PALETTE = { PENDING: 'red', PARTIALLY_PAID: 'orange', PAID: 'green' } as const;

/** The patient's bills, newest first, each with its total and what is still due. */
export function BillsList() {
  const { t } = useTranslation('records');
  const format = useFormat();
  const query = useGet<PatientBillView[]>(['/bills']);
  if (query.isPending) return <ScreenSkeleton />;
  if (query.isError) return <ErrorNote error={query.error} onRetry={() => void query.refetch()} />;
  const bills = [...query.data.data].sort((a, b) => (a.bill.createdAt < b.bill.createdAt ? 1 : -1));
  return (
    <Stack gap="3">
      <AsOf asOf={query.data.asOf} />
      {bills.length === 0 ? (
        <Text>{t('bills.empty')}</Text>
      ) : (
        <Stack as="ul" gap="3" m="0" p="0">
          {bills.map(({ bill }) => (
            <RecordCard
              key={bill.id}
              to={`${paths.records}/bills/${bill.id}`}
              title={bill.number ? t('bills.bill', { number: bill.number }) : t('bills.draftNumber')}
            >
              <Text fontSize="sm" color="fg.muted">
                {format.longDay(bill.createdAt)}
              </Text>
              <HStack justify="space-between" wrap="wrap">
                <Text>
                  {t('bills.total')}: {format.money(bill.total)}
                </Text>
                <Badge colorPalette={STATUS_PALETTE[bill.status]} variant="subtle">
                  {t(`bills.status.${bill.status}`)}
                </Badge>
              </HStack>
            </RecordCard>
          ))}
        </Stack>
      )}
    </Stack>
  );
}
