import { useQueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import { type ChangeHint, hintOf } from '@shared/contract/change-hint';
import type { EventName } from '@shared/contract/events.contract';
import { useApiClient } from './ApiProvider';
import { prefetchNamedPatients } from './patient-batch';
import { markPush, refetchAffected, trackFetchStarts } from './refetch-affected';
import { refetchScheduler } from './refetch-scheduler';

const PUSHES: readonly EventName[] = ['sync.poke', 'queue.changed', 'queue.called'];

/**
 * Live updates (docs/product.md §13: another desktop's change shows within a second). A hub push
 * (`sync.poke`, `queue.changed`, `queue.called`; on a desktop the client core's change
 * notification, delivered as `sync.poke` with the same hint) names the tables and rows a change
 * wrote; only the queries that read them refetch (shared/contract/query-tables.ts). A reconnect,
 * or a push that names nothing, refetches every query on screen. Through `refetchScheduler`: the
 * pushes one change sends together make one refetch, bursts at most one per `coalesceMs`.
 * Mount once, inside the signed-in app.
 */
export function useLiveInvalidation(settleMs = 10, coalesceMs = 150): void {
  const client = useApiClient();
  const { bridge } = client;
  const queryClient = useQueryClient();
  useEffect(() => {
    // When the first push the next run answers arrived (refetch-affected.ts).
    let since: number | null = null;
    const scheduler = refetchScheduler(
      (hint) => {
        void refetchAffected(queryClient, hint, since ?? undefined);
        since = null;
        prefetchNamedPatients(queryClient, client, hint);
      },
      settleMs,
      coalesceMs,
    );
    const push = (hint: ChangeHint | null) => {
      since ??= markPush();
      scheduler.push(hint);
    };
    let wasOnline = bridge.connectionState().online;
    const stops = [
      trackFetchStarts(queryClient),
      ...PUSHES.map((event) => bridge.onEvent(event, (payload) => push(hintOf(event, payload)))),
      bridge.onConnectionState((state) => {
        if (state.online && !wasOnline) push(null);
        wasOnline = state.online;
      }),
    ];
    return () => {
      for (const stop of stops) stop();
      scheduler.stop();
    };
  }, [client, bridge, queryClient, settleMs, coalesceMs]);
}
