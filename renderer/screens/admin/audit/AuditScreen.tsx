import { Button, HStack, Text } from '@chakra-ui/react';
import { useState } from 'react';
import { auditAction, auditPhrase } from '@shared/rules/audit-phrases';
import { useApiQuery } from '@renderer/api/hooks';
import { useClinicFormat } from '@renderer/app/clinic-format';
import { ErrorMessage } from '@renderer/components/ErrorMessage';
import { ScreenHeader } from '@renderer/components/ScreenHeader';
import { EmptyState, LoadingState } from '@renderer/components/StateViews';
import { AuditAlarm } from './AuditAlarm';
import { AuditExportButton } from './AuditExportButton';
import { AuditFilterBar } from './AuditFilterBar';
import { AuditTable } from './AuditTable';
import { type AuditFilters, auditQuery, NO_FILTERS } from './audit-filters';
import { VerifyChain } from './VerifyChain';

const PAGE_SIZE = 50;

/** Who did what, when, from where: the append-only audit log with filters (docs/product.md §11). */
export function AuditScreen() {
  const format = useClinicFormat();
  const [filters, setFilters] = useState<AuditFilters>(NO_FILTERS);
  const [page, setPage] = useState(0);
  const query = auditQuery(filters, format.timeZone, { limit: PAGE_SIZE, offset: page * PAGE_SIZE });
  const list = useApiQuery('audit.list', query, { placeholderData: (previous) => previous });
  const needle = filters.action.trim().toLowerCase();
  const items = (list.data?.items ?? []).filter(
    (e) =>
      !needle ||
      e.action.toLowerCase().includes(needle) ||
      // An entry written under an earlier name is found by today's too (shared/rules/audit-phrases.ts).
      auditAction(e.action).toLowerCase().includes(needle) ||
      auditPhrase(e.action).toLowerCase().includes(needle),
  );
  const { limit: _limit, offset: _offset, ...exportQuery } = query;
  const total = list.data?.total ?? 0;

  return (
    <>
      <ScreenHeader
        title="Audit log"
        description="Every change and every read of medical content; append-only and tamper-evident."
        actions={
          <>
            <AuditExportButton query={exportQuery} />
            <VerifyChain />
          </>
        }
      />
      <AuditAlarm />
      <AuditFilterBar
        filters={filters}
        onChange={(patch) => {
          setFilters((f) => ({ ...f, ...patch }));
          if (!('action' in patch)) setPage(0);
        }}
      />
      <ErrorMessage error={list.error} />
      {list.isLoading ? (
        <LoadingState label="Loading the audit log…" />
      ) : items.length === 0 && !list.error ? (
        <EmptyState
          title="No entries"
          description="Nothing matches these filters. Widen the dates or clear a filter."
        />
      ) : (
        <AuditTable entries={items} />
      )}
      {total > 0 && (
        <HStack justify="space-between" mt="3" aria-live="polite">
          <Text color="fg.muted" fontSize="sm" data-testid="audit-range">
            {page * PAGE_SIZE + 1}–{Math.min(total, (page + 1) * PAGE_SIZE)} of {total}
            {needle ? ` (${items.length} on this page match “${filters.action.trim()}”)` : ''}
          </Text>
          <HStack gap="2">
            <Button size="sm" variant="outline" disabled={page === 0} onClick={() => setPage(page - 1)}>
              Newer
            </Button>
            <Button
              size="sm"
              variant="outline"
              disabled={(page + 1) * PAGE_SIZE >= total}
              onClick={() => setPage(page + 1)}
            >
              Older
            </Button>
          </HStack>
        </HStack>
      )}
    </>
  );
}
