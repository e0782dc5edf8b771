import { Heading, List, Text } from '@chakra-ui/react';
import { useTranslation } from 'react-i18next';
import { useFormat } from '@renderer/companion/api/clinic';
import type { AppointmentDetail } from './use-appointment';

/** What happened to the appointment, oldest first: status changes, moves and reschedule requests. */
export function StatusHistory({ history }: { history: AppointmentDetail['history'] }) {
  const { t } = useTranslation('appointments');
  const format = useFormat();
  const rows = [
    ...history.transitions.map((tr) => ({
      at: tr.at,
      // The first entry is the booking itself (no status before it).
      text:
        tr.from === null
          ? t(tr.by === 'you' ? 'history.bookedByYou' : 'history.bookedByClinic', {
              status: t(`status.${tr.to}`),
            })
          : t(tr.by === 'you' ? 'history.statusByYou' : 'history.statusByClinic', {
              status: t(`status.${tr.to}`),
            }),
      reason: tr.reason,
    })),
    ...history.reschedules.map((r) => ({
      at: r.at,
      text: t(r.by === 'you' ? 'history.movedByYou' : 'history.movedByClinic', {
        from: format.dayTime(r.oldStartsAt),
        to: format.dayTime(r.newStartsAt),
      }),
      reason: null,
    })),
    ...history.requests.map((r) => ({
      at: r.createdAt,
      text: t(`history.request.${r.status}`),
      reason: r.decisionReason || null,
    })),
  ].sort((a, b) => a.at.localeCompare(b.at));
  if (rows.length === 0) return null;
  return (
    <section aria-labelledby="history-heading">
      <Heading as="h2" size="md" id="history-heading" mb="2">
        {t('history.title')}
      </Heading>
      <List.Root as="ol" gap="2" ps="5" data-testid="status-history">
        {rows.map((row, index) => (
          <List.Item key={`${row.at}-${index}`}>
            <Text>{row.text}</Text>
            <Text fontSize="sm" color="fg.muted">
              {format.dayTime(row.at)}
              {row.reason ? ` · ${row.reason}` : ''}
            </Text>
          </List.Item>
        ))}
      </List.Root>
    </section>
  );
}
