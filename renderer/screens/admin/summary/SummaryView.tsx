import { SimpleGrid, Text } from '@chakra-ui/react';
import type { ResultOf } from '@shared/contract/index';
import { useClinicFormat } from '@renderer/app/clinic-format';
import { BarList } from '@renderer/components/admin/BarList';
import { percent, useMoney } from '@renderer/components/admin/money';
import { Panel } from '@renderer/components/admin/Panel';
import { DoctorFigures } from './DoctorFigures';
import { hourLabel } from './summary-range';
import { StatCard } from './StatCard';

type Dashboard = ResultOf<'analytics.dashboard'>;

/** The figures, the revenue split, the doctors and the busy hours of one range. */
export function SummaryView({ data, multiDay }: { data: Dashboard; multiDay: boolean }) {
  const money = useMoney();
  const format = useClinicFormat();
  const sum = (pick: (d: Dashboard['days'][number]) => number) => data.days.reduce((s, d) => s + pick(d), 0);
  const total = sum((d) => d.total);
  const modes = { cash: 0, card: 0, upi: 0 };
  for (const r of data.revenue) for (const m of ['cash', 'card', 'upi'] as const) modes[m] += r.byMode[m];
  const revenue = data.revenue.reduce((s, r) => s + r.total, 0);
  const peak = data.peakHours.filter((h) => h.visits > 0).sort((a, b) => a.hour - b.hour);

  return (
    <SimpleGrid columns={1} gap="5">
      <SimpleGrid columns={{ base: 2, md: 3, xl: 6 }} gap="3">
        <StatCard label="Appointments" value={String(total)} testId="stat-total" />
        <StatCard label="Completed" value={String(sum((d) => d.completed))} testId="stat-completed" />
        <StatCard label="Cancelled" value={String(sum((d) => d.cancelled))} testId="stat-cancelled" />
        <StatCard label="No-show" value={String(sum((d) => d.noShow))} testId="stat-no-show" />
        <StatCard label="No-show rate" value={percent(data.noShowRate)} testId="stat-no-show-rate" />
        <StatCard label="Revenue" value={money(revenue)} help="Net of refunds" testId="stat-revenue" />
      </SimpleGrid>
      <SimpleGrid columns={{ base: 1, lg: 2 }} gap="5">
        <Panel title="Revenue by payment mode">
          <BarList
            label="Revenue by payment mode"
            bars={[
              { key: 'cash', label: 'Cash', value: modes.cash, display: money(modes.cash) },
              { key: 'card', label: 'Card', value: modes.card, display: money(modes.card) },
              { key: 'upi', label: 'UPI', value: modes.upi, display: money(modes.upi) },
            ]}
          />
        </Panel>
        <Panel title="Peak hours">
          {peak.length === 0 ? (
            <Text color="fg.muted">No visits yet in this period.</Text>
          ) : (
            <BarList
              label="Visits by hour of day"
              palette="blue"
              bars={peak.map((h) => ({
                key: String(h.hour),
                label: hourLabel(h.hour),
                value: h.visits,
                display: `${h.visits} ${h.visits === 1 ? 'visit' : 'visits'}`,
              }))}
            />
          )}
        </Panel>
      </SimpleGrid>
      <DoctorFigures doctors={data.doctors} />
      {multiDay && (
        <Panel title="Appointments per day">
          <BarList
            label="Appointments per day"
            palette="purple"
            labelWidth="9rem"
            bars={data.days.map((d) => ({
              key: d.date,
              label: format.date(d.date),
              value: d.total,
              display: `${d.total} · ${money(d.revenue)}`,
            }))}
          />
        </Panel>
      )}
    </SimpleGrid>
  );
}
