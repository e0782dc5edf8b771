import { Box, Button, DataList, Grid, Heading, Stack } from '@chakra-ui/react';
import { Link as RouterLink, useParams } from 'react-router';
import type { Bill } from '@shared/domain/billing.schema';
import { useApiQuery } from '@renderer/api/hooks';
import { useClinicFormat } from '@renderer/app/clinic-format';
import { ErrorMessage } from '@renderer/components/ErrorMessage';
import { ScreenHeader } from '@renderer/components/ScreenHeader';
import { LoadingState } from '@renderer/components/StateViews';
import { useDoctors, usePatients } from '@renderer/screens/shared/appointments/use-people';
import { money } from './bill-format';
import { BillItems } from './BillItems';
import { BillStatusBadge } from './BillStatusBadge';
import { DiscountForm } from './DiscountForm';
import { PaymentForm } from './PaymentForm';
import { PaymentsList } from './PaymentsList';
import { ReceiptView } from './ReceiptView';

/** One bill (docs/product.md §9): items, discount, totals, payments and refunds, and the receipt. */
export function BillDetailScreen() {
  const { id = '' } = useParams();
  const format = useClinicFormat();
  const view = useApiQuery('billing.get', { id });
  const bill = view.data?.bill;
  const patients = usePatients(bill ? [bill.patientId] : []);
  const { byId: doctors } = useDoctors();
  const patient = bill ? patients.get(bill.patientId) : undefined;

  return (
    <>
      <ScreenHeader
        title={bill ? `Bill ${bill.number ?? '(provisional)'}` : 'Bill'}
        description={
          bill
            ? `${patient ? `${patient.fullName} · ${patient.code}` : '…'}${
                bill.doctorId ? ` · ${doctors.get(bill.doctorId)?.fullName ?? '…'}` : ''
              } · ${format.dateTime(bill.createdAt)}`
            : undefined
        }
        actions={
          <Button asChild variant="outline" size="sm">
            <RouterLink to="/billing">All bills</RouterLink>
          </Button>
        }
      />
      {view.isLoading && <LoadingState label="Loading the bill…" />}
      <ErrorMessage error={view.error} />
      {view.data && bill && (
        <Grid
          templateColumns={{ base: '1fr', lg: 'minmax(0, 3fr) minmax(0, 2fr)' }}
          gap="5"
          alignItems="start"
        >
          <Stack gap="5">
            <BillItems bill={bill} hasPayments={view.data.payments.length > 0} />
            <DiscountForm bill={bill} />
            <PaymentsList view={view.data} />
          </Stack>
          <Stack gap="5">
            <Summary bill={bill} />
            <PaymentForm bill={bill} payments={view.data.payments} />
            <ReceiptView bill={bill} payments={view.data.payments} />
          </Stack>
        </Grid>
      )}
    </>
  );
}

function Summary({ bill }: { bill: Bill }) {
  const rows: [string, string][] = [
    ['Subtotal', money(bill.subtotal, bill.currency)],
    ['Discount', bill.discountTotal > 0 ? `− ${money(bill.discountTotal, bill.currency)}` : '—'],
    ['Total', money(bill.total, bill.currency)],
    ['Paid', money(bill.paid, bill.currency)],
    ['Outstanding', money(bill.outstanding, bill.currency)],
  ];
  return (
    <Box bg="bg.panel" borderWidth="1px" borderRadius="lg" p="4" as="section" aria-label="Bill summary">
      <Heading as="h2" size="md" mb="3" display="flex" gap="3" alignItems="center">
        Summary <BillStatusBadge status={bill.status} />
      </Heading>
      <DataList.Root orientation="horizontal">
        {rows.map(([label, value]) => (
          <DataList.Item key={label}>
            <DataList.ItemLabel minW="7rem">{label}</DataList.ItemLabel>
            <DataList.ItemValue
              fontWeight={label === 'Outstanding' || label === 'Total' ? 'semibold' : undefined}
              data-testid={`bill-${label.toLowerCase()}`}
            >
              {value}
            </DataList.ItemValue>
          </DataList.Item>
        ))}
      </DataList.Root>
    </Box>
  );
}
