import { Button, ButtonGroup, HStack } from '@chakra-ui/react';
import { useSearchParams } from 'react-router';
import { useApiQuery } from '@renderer/api/hooks';
import { useClinicFormat } from '@renderer/app/clinic-format';
import { ErrorMessage } from '@renderer/components/ErrorMessage';
import { ScreenHeader } from '@renderer/components/ScreenHeader';
import { LoadingState } from '@renderer/components/StateViews';
import { AuditAlarm } from '@renderer/screens/admin/audit/AuditAlarm';
import { ExportButtons } from './ExportButtons';
import { SummaryView } from './SummaryView';
import { isSummaryRange, RANGE_LABELS, rangeDates, type SummaryRange } from './summary-range';

const RANGES: SummaryRange[] = ['today', 'week', 'month'];

/** Admin home: the day's (week's, month's) figures from `analytics.dashboard` (SPEC §11). */
export function SummaryScreen() {
  const format = useClinicFormat();
  const today = format.today();
  const [params, setParams] = useSearchParams();
  const param = params.get('range');
  const range: SummaryRange = isSummaryRange(param) ? param : 'today';
  const dates = rangeDates(range, today);
  const dashboard = useApiQuery(
    'analytics.dashboard',
    { ...dates, granularity: range === 'month' ? 'week' : 'day' },
    { placeholderData: (previous) => previous },
  );
  const period =
    dates.fromDate === dates.toDate
      ? format.date(dates.fromDate)
      : `${format.date(dates.fromDate)} – ${format.date(dates.toDate)}`;

  return (
    <>
      <ScreenHeader
        title="Summary"
        description={`${RANGE_LABELS[range]}: ${period}`}
        actions={<ExportButtons range={dates} />}
      />
      <AuditAlarm />
      <HStack mb="5" gap="3" wrap="wrap">
        <ButtonGroup size="sm" variant="outline" attached role="group" aria-label="Period">
          {RANGES.map((r) => (
            <Button
              key={r}
              aria-pressed={r === range}
              variant={r === range ? 'solid' : 'outline'}
              onClick={() =>
                setParams(
                  (current) => {
                    const next = new URLSearchParams(current);
                    if (r === 'today') next.delete('range');
                    else next.set('range', r);
                    return next;
                  },
                  { replace: true },
                )
              }
            >
              {RANGE_LABELS[r]}
            </Button>
          ))}
        </ButtonGroup>
      </HStack>
      <ErrorMessage error={dashboard.error} />
      {dashboard.isLoading && <LoadingState label="Loading the summary…" />}
      {dashboard.data && <SummaryView data={dashboard.data} multiDay={range !== 'today'} />}
    </>
  );
}
