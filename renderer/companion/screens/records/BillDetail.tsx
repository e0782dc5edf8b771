import { Badge, Box, Heading, HStack, Stack, Text } from '@chakra-ui/react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { isApiError } from '@renderer/companion/api/api-error';
import { useFormat } from '@renderer/companion/api/clinic';
import { useGet } from '@renderer/companion/api/queries';
import { AsOf } from '@renderer/companion/shell/AsOf';
import { ErrorNote } from '@renderer/companion/shell/ErrorNote';
import { paths } from '@renderer/companion/shell/routes';
import { ScreenSkeleton } from '@renderer/companion/shell/ScreenSkeleton';
import { STATUS_PALETTE } from './BillsList';
import { patientDocuments } from './documents';
import { PdfActions } from './PdfActions';
import type { PatientBillView } from './records-types';
import { RecordSection } from './RecordSection';

function Line({ label, value, strong }: { label: string; value: string; strong?: boolean }) {
  return (
    <HStack justify="space-between" fontWeight={strong ? 'semibold' : 'normal'}>
      <Text>{label}</Text>
      <Text>{value}</Text>
    </HStack>
  );
}

/** One bill (/records/bills/:id): its items, totals, payments and the balance due. */
export function BillDetail() {
  const { id = '' } = useParams();
  const { t } = useTranslation('records');
  const format = useFormat();
  const query = useGet<PatientBillView>([`/bills/${id}`]);
  const back = (
    <Link to={`${paths.records}/bills`}>
      <Text as="span" display="inline-flex" minH="44px" alignItems="center" color="teal.800">
        ← {t('bills.back')}
      </Text>
    </Link>
  );
  if (query.isPending) return <ScreenSkeleton />;
  if (query.isError)
    return (
      <Stack gap="3">
        {back}
        {isApiError(query.error) && query.error.code === 'NOT_FOUND' ? (
          <Text>{t('bills.notFound')}</Text>
        ) : (
          <ErrorNote error={query.error} onRetry={() => void query.refetch()} />
        )}
      </Stack>
    );
  const { bill, payments } = query.data.data;
  const title = bill.number ? t('bills.bill', { number: bill.number }) : t('bills.draftNumber');
  const [receipt] = patientDocuments([], [query.data.data]);
  return (
    <Stack gap="3">
      {back}
      <AsOf asOf={query.data.asOf} />
      <Box>
        <Heading as="h2" size="lg">
          {title}
        </Heading>
        <HStack gap="2" wrap="wrap">
          <Text color="fg.muted">{format.longDay(bill.createdAt)}</Text>
          <Badge colorPalette={STATUS_PALETTE[bill.status]} variant="subtle">
            {t(`bills.status.${bill.status}`)}
          </Badge>
        </HStack>
      </Box>
      <RecordSection title={t('bills.items')}>
        <Stack as="ul" gap="2" m="0" p="0" listStyleType="none">
          {bill.items.map((item) => (
            <Box as="li" key={item.id}>
              <Line label={item.description} value={format.money(item.quantity * item.unitPrice)} />
              <Text fontSize="sm" color="fg.muted">
                {t('bills.quantity', { quantity: item.quantity, price: format.money(item.unitPrice) })}
              </Text>
            </Box>
          ))}
        </Stack>
        <Stack gap="1" mt="3" pt="2" borderTopWidth="1px">
          <Line label={t('bills.subtotal')} value={format.money(bill.subtotal)} />
          {bill.discountTotal > 0 && (
            <Line label={t('bills.discount')} value={`− ${format.money(bill.discountTotal)}`} />
          )}
          <Line label={t('bills.total')} value={format.money(bill.total)} strong />
          <Line label={t('bills.paid')} value={format.money(bill.paid)} />
          <Box data-testid="bill-balance">
            <Line label={t('bills.balance')} value={format.money(bill.outstanding)} strong />
          </Box>
        </Stack>
      </RecordSection>
      <RecordSection title={t('bills.payments')}>
        {payments.length === 0 ? (
          <Text>{t('bills.noPayments')}</Text>
        ) : (
          <Stack as="ul" gap="2" m="0" p="0" listStyleType="none">
            {payments.map((payment) => (
              <Box as="li" key={payment.id}>
                <Line
                  label={t(payment.kind === 'refund' ? 'bills.refund' : 'bills.payment', {
                    mode: t(`bills.mode.${payment.mode}`),
                  })}
                  value={format.money(payment.amount)}
                />
                <Text fontSize="sm" color="fg.muted">
                  {format.dayTime(payment.at)}
                  {payment.receiptNumber ? ` · ${t('bills.receipt', { number: payment.receiptNumber })}` : ''}
                </Text>
              </Box>
            ))}
          </Stack>
        )}
        {receipt && (
          <Box mt="3">
            <PdfActions path={receipt.path} fileName={receipt.fileName} name={t('documents.receipt')} />
          </Box>
        )}
      </RecordSection>
    </Stack>
  );
}
