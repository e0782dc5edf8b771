import { Tabs } from '@chakra-ui/react';
import { useSearchParams } from 'react-router';
import { useApiQuery } from '@renderer/api/hooks';
import { useClinicFormat } from '@renderer/app/clinic-format';
import { ErrorMessage } from '@renderer/components/ErrorMessage';
import { ScreenHeader } from '@renderer/components/ScreenHeader';
import { EmptyState, LoadingState } from '@renderer/components/StateViews';
import { useDoctors, usePatients } from '@renderer/screens/shared/appointments/use-people';
import { BillTable } from './BillTable';
import { DailyCollection } from './DailyCollection';
import { UnbilledVisits } from './UnbilledVisits';

type View = 'today' | 'outstanding';

/** Today's bills and every outstanding one; open a bill to take payments and print the receipt. */
export function BillListScreen() {
  const format = useClinicFormat();
  const today = format.today();
  const [params, setParams] = useSearchParams();
  const view: View = params.get('view') === 'outstanding' ? 'outstanding' : 'today';
  const { byId: doctors } = useDoctors();
  const todays = useApiQuery('billing.list', { fromDate: today, toDate: today, limit: 500 });
  const outstanding = useApiQuery('billing.list', { statuses: ['PENDING', 'PARTIALLY_PAID'], limit: 500 });
  const active = view === 'today' ? todays : outstanding;
  const bills = active.data?.items ?? [];
  const patients = usePatients(bills.map((b) => b.patientId));

  return (
    <>
      <ScreenHeader title="Billing" description="Bills, payments, refunds and receipts." />
      <DailyCollection date={today} label={`today, ${format.date(today)}`} />
      <Tabs.Root
        value={view}
        onValueChange={(e) =>
          setParams(e.value === 'outstanding' ? { view: 'outstanding' } : {}, { replace: true })
        }
        variant="line"
      >
        <Tabs.List aria-label="Bills">
          <Tabs.Trigger value="today">Today’s bills ({todays.data?.total ?? '…'})</Tabs.Trigger>
          <Tabs.Trigger value="outstanding">Outstanding ({outstanding.data?.total ?? '…'})</Tabs.Trigger>
        </Tabs.List>
        {(['today', 'outstanding'] as const).map((tab) => (
          <Tabs.Content key={tab} value={tab}>
            {tab === view && (
              <>
                <ErrorMessage error={active.error} />
                {view === 'today' && <UnbilledVisits todaysBills={todays.data?.items} />}
                {active.isLoading ? (
                  <LoadingState label="Loading bills…" />
                ) : bills.length === 0 && !active.error ? (
                  <EmptyState
                    title={view === 'today' ? 'No bills today yet' : 'Nothing outstanding'}
                    description={
                      view === 'today'
                        ? 'Bills are created when a visit is completed.'
                        : 'Every bill is fully paid.'
                    }
                  />
                ) : (
                  <BillTable
                    bills={bills}
                    patients={patients}
                    doctors={doctors}
                    format={format}
                    label={view === 'today' ? 'Today’s bills' : 'Outstanding bills'}
                  />
                )}
              </>
            )}
          </Tabs.Content>
        ))}
      </Tabs.Root>
    </>
  );
}
