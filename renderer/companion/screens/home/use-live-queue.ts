import { useQueryClient } from '@tanstack/react-query';
import { useCallback, useEffect, useState } from 'react';
import type { MyQueue } from '@shared/gateway/queue.schema';
import type { Answer } from '@renderer/companion/api/client';
import { useGet } from '@renderer/companion/api/queries';
import { useSession } from '@renderer/companion/api/session';
import { openLiveStream } from './live-stream';

/** While the live channel is down, GET /queue/me this often instead. */
const POLL_MS = 30_000;

/**
 * My place in today's queue, kept current by the gateway's live channel (GET /events): each
 * `queue` event replaces the GET /queue/me answer in the cache, a `notifications` event the
 * unread count of the inbox badge, and `session` signs the phone out. While the stream is down
 * (reconnecting with backoff), GET /queue/me is polled instead.
 */
export function useLiveQueue() {
  const sessionContext = useSession();
  const session = sessionContext.session;
  const signOut = useCallback(() => void sessionContext.signOut(), [sessionContext]);
  const queryClient = useQueryClient();
  const [live, setLive] = useState(false);
  const token = session?.token ?? null;

  useEffect(() => {
    if (!token) return;
    const stream = openLiveStream(token, {
      onConnected: setLive,
      onUnauthorized: signOut,
      onEvent: ({ event, data }) => {
        let payload: unknown;
        try {
          payload = JSON.parse(data);
        } catch {
          return;
        }
        if (event === 'queue') {
          queryClient.setQueryData<Answer<MyQueue>>(['/queue/me'], { data: payload as MyQueue, asOf: null });
        } else if (event === 'notifications') {
          const { unread } = payload as { unread: number };
          queryClient.setQueriesData<Answer<{ unread: number }>>({ queryKey: ['/notifications'] }, (old) =>
            old ? { ...old, data: { ...old.data, unread } } : old,
          );
          // The inbox's list itself is read again when next shown.
          void queryClient.invalidateQueries({ queryKey: ['/notifications'], refetchType: 'none' });
        } else if (event === 'session') {
          signOut();
        }
      },
    });
    return () => {
      stream.stop();
      setLive(false);
    };
  }, [token, queryClient, signOut]);

  const query = useGet<MyQueue>(['/queue/me'], {
    enabled: token !== null,
    refetchInterval: live ? false : POLL_MS,
  });
  return { ...query, live };
}
