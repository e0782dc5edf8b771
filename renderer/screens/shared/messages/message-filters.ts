import { useCallback, useMemo } from 'react';
import { useSearchParams } from 'react-router';
import type {
  DeliveryState,
  NotificationChannel,
  NotificationKind,
} from '@shared/domain/notification.schema';
import { isChannel, isKind, isState } from './message-labels';

export interface MessageFilters {
  kind: NotificationKind | null;
  channel: NotificationChannel | null;
  state: DeliveryState | null;
  /** Clinic dates (YYYY-MM-DD) of when the message was made; null: no bound. */
  fromDate: string | null;
  toDate: string | null;
  patientId: string | null;
  page: number;
}

export type MessageFilterPatch = Partial<Omit<MessageFilters, 'page'>>;

const PARAM: Record<keyof MessageFilterPatch, string> = {
  kind: 'kind',
  channel: 'channel',
  state: 'state',
  fromDate: 'from',
  toDate: 'to',
  patientId: 'patient',
};

/** The URL's query now (two changes before a re-render must both stay; see appointment-filters.ts). */
const latest = () => new URLSearchParams(window.location.search);

/** The Messages screen's filters live in the URL (shareable, kept on reload and back); no dates: all. */
export function useMessageFilters(): [
  MessageFilters,
  (patch: MessageFilterPatch) => void,
  (page: number) => void,
] {
  const [params, setParams] = useSearchParams();
  const filters = useMemo<MessageFilters>(() => {
    const kind = params.get('kind');
    const channel = params.get('channel');
    const state = params.get('state');
    return {
      kind: isKind(kind) ? kind : null,
      channel: isChannel(channel) ? channel : null,
      state: isState(state) ? state : null,
      fromDate: params.get('from') || null,
      toDate: params.get('to') || null,
      patientId: params.get('patient') || null,
      page: Math.max(0, Number(params.get('page') ?? 0) || 0),
    };
  }, [params]);

  const update = useCallback(
    (patch: MessageFilterPatch) =>
      setParams(
        () => {
          const next = latest();
          for (const [key, value] of Object.entries(patch) as [keyof MessageFilterPatch, string | null][]) {
            if (value) next.set(PARAM[key], value);
            else next.delete(PARAM[key]);
          }
          next.delete('page');
          return next;
        },
        { replace: true },
      ),
    [setParams],
  );
  const setPage = useCallback(
    (page: number) =>
      setParams(
        () => {
          const next = latest();
          if (page > 0) next.set('page', String(page));
          else next.delete('page');
          return next;
        },
        { replace: true },
      ),
    [setParams],
  );
  return [filters, update, setPage];
}
