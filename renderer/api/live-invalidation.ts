import { useQueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import { useApiClient } from './ApiProvider';
import { refetchScheduler } from './refetch-scheduler';

/**
 * Live updates (SPEC §13: another desktop's change shows within a second): every hub push
 * (`sync.poke`, `queue.changed`, `queue.called`) and every reconnect refetches the queries on
 * screen, through `refetchScheduler`: the pushes one change sends together (a poke and a queue
 * event) make one refetch, bursts at most one per `coalesceMs`. Mount once, inside the signed-in app.
 */
export function useLiveInvalidation(settleMs = 25, coalesceMs = 150): void {
  const { bridge } = useApiClient();
  const queryClient = useQueryClient();
  useEffect(() => {
    const scheduler = refetchScheduler(
      () => void queryClient.invalidateQueries({ queryKey: ['api'] }),
      settleMs,
      coalesceMs,
    );
    const refresh = () => scheduler.push();
    let wasOnline = bridge.connectionState().online;
    const stops = [
      bridge.onEvent('sync.poke', refresh),
      bridge.onEvent('queue.changed', refresh),
      bridge.onEvent('queue.called', refresh),
      bridge.onConnectionState((state) => {
        if (state.online && !wasOnline) refresh();
        wasOnline = state.online;
      }),
    ];
    return () => {
      for (const stop of stops) stop();
      scheduler.stop();
    };
  }, [bridge, queryClient, settleMs, coalesceMs]);
}
