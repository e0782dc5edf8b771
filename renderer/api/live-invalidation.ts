import { useQueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import { useApiClient } from './ApiProvider';

/**
 * Live updates (SPEC §13: another desktop's change shows within a second): every hub push
 * (`sync.poke`, `queue.changed`, `queue.called`) and every reconnect refetches the queries on
 * screen. The first push refetches at once; the rest of a burst is coalesced into one more
 * refetch at the end of the window. Mount once, inside the signed-in app.
 */
export function useLiveInvalidation(coalesceMs = 150): void {
  const { bridge } = useApiClient();
  const queryClient = useQueryClient();
  useEffect(() => {
    let timer: ReturnType<typeof setTimeout> | null = null;
    let again = false;
    const refresh = () => {
      if (timer) {
        again = true;
        return;
      }
      void queryClient.invalidateQueries({ queryKey: ['api'] });
      timer = setTimeout(() => {
        timer = null;
        if (again) {
          again = false;
          refresh();
        }
      }, coalesceMs);
    };
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
      if (timer) clearTimeout(timer);
    };
  }, [bridge, queryClient, coalesceMs]);
}
