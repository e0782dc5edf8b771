import { Button, ButtonGroup, HStack } from '@chakra-ui/react';
import { useSearchParams } from 'react-router';
import { useApiQuery } from '@renderer/api/hooks';
import { useClinicFormat } from '@renderer/app/clinic-format';
import { ErrorMessage } from '@renderer/components/ErrorMessage';
import { ScreenHeader } from '@renderer/components/ScreenHeader';
import { LoadingState } from '@renderer/components/StateViews';
import { AuditAlarm } from '@renderer/screens/admin/audit/AuditAlarm';
import { CustomRangeFields } from './CustomRangeFields';
import { ExportButtons } from './ExportButtons';
import { SummaryView } from './SummaryView';
import {
  customRange,
  granularityFor,
  isSummaryRange,
  RANGE_LABELS,
  rangeDates,
  SUMMARY_RANGES,
  type SummaryRange,
} from './summary-range';

/** Admin home: the figures of a range from `analytics.dashboard` (docs/product.md §11). */
export function SummaryScreen() {
  const format = useClinicFormat();
  const today = format.today();
  const [params, setParams] = useSearchParams();
  const param = params.get('range');
  const range: SummaryRange = isSummaryRange(param) ? param : 'today';
  const custom = customRange(params.get('from'), params.get('to'));
  // Only the two dates: the hub refuses unknown fields (custom's `ok` made every custom range fail).
  const dates =
    range !== 'custom'
      ? rangeDates(range, today)
      : custom.ok
        ? { fromDate: custom.fromDate, toDate: custom.toDate }
        : rangeDates('today', today);
  const valid = range !== 'custom' || custom.ok;
  const dashboard = useApiQuery(
    'analytics.dashboard',
    { ...dates, granularity: granularityFor(dates.fromDate, dates.toDate) },
    { placeholderData: (previous) => previous, enabled: valid },
  );
  const period =
    dates.fromDate === dates.toDate
      ? format.date(dates.fromDate)
      : `${format.date(dates.fromDate)} – ${format.date(dates.toDate)}`;
  const update = (patch: Record<string, string | null>) =>
    setParams(
      (current) => {
        const next = new URLSearchParams(current);
        for (const [key, value] of Object.entries(patch)) {
          if (value === null) next.delete(key);
          else next.set(key, value);
        }
        return next;
      },
      { replace: true },
    );
  const choose = (r: SummaryRange) => {
    if (r === 'custom') {
      // Starts from the range on screen, so the admin only changes what differs.
      update({ range: r, from: params.get('from') ?? dates.fromDate, to: params.get('to') ?? dates.toDate });
    } else update({ range: r === 'today' ? null : r, from: null, to: null });
  };

  return (
    <>
      <ScreenHeader
        title="Summary"
        description={`${RANGE_LABELS[range]}: ${valid ? period : 'choose the dates'}`}
        actions={valid ? <ExportButtons range={dates} /> : undefined}
      />
      <AuditAlarm />
      <HStack mb="5" gap="3" wrap="wrap" align="end">
        <ButtonGroup size="sm" variant="outline" attached role="group" aria-label="Period">
          {SUMMARY_RANGES.map((r) => (
            <Button
              key={r}
              aria-pressed={r === range}
              variant={r === range ? 'solid' : 'outline'}
              onClick={() => choose(r)}
            >
              {RANGE_LABELS[r]}
            </Button>
          ))}
        </ButtonGroup>
        {range === 'custom' && (
          <CustomRangeFields
            fromDate={params.get('from') ?? ''}
            toDate={params.get('to') ?? ''}
            error={custom.ok ? null : custom.message}
            onChange={(patch) => update(patch)}
          />
        )}
      </HStack>
      <ErrorMessage error={dashboard.error} />
      {valid && dashboard.isLoading && <LoadingState label="Loading the summary…" />}
      {valid && dashboard.data && (
        <SummaryView data={dashboard.data} multiDay={dates.fromDate !== dates.toDate} />
      )}
    </>
  );
}
