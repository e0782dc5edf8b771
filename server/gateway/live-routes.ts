import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Dispatcher } from '@server/core/dispatcher';
import type { HubCore } from '@server/core/hub-core';
import { API_PREFIX } from './auth-routes';
import { LiveChannel, type LiveOptions } from './live-channel';
import { registerQueueRoutes } from './queue-routes';

const EVENTS_DESCRIPTION = [
  'Server-Sent Events for the signed-in patient (Authorization: Bearer; read it with fetch, not',
  'EventSource, which cannot send the header). On connect: `retry:`, then one `queue` event (the',
  'GET /queue/me answer) and one `notifications` event (`{"unread":n}`); after that each is sent',
  'when its figures change. `session` (`{"ended":true,"reason":...}`) is sent before the stream',
  'closes because the session ended. A `: heartbeat` comment comes every 25 seconds.',
].join(' ');

/**
 * The patient's live routes (issue 19, item 3): GET /queue/me and its push twin GET /events.
 * The channel's streams end when the gateway closes.
 */
export function registerLiveRoutes(
  app: FastifyInstance,
  deps: { core: HubCore; dispatcher: Dispatcher; live?: LiveOptions },
): LiveChannel {
  registerQueueRoutes(app, deps);
  const channel = new LiveChannel(deps.core, deps.dispatcher, deps.live);
  // Before Fastify waits for open requests to finish: a stream never would by itself.
  app.addHook('preClose', (done) => {
    channel.close();
    done();
  });
  app.withTypeProvider<ZodTypeProvider>().get(
    `${API_PREFIX}/events`,
    {
      // A HEAD cannot be a stream.
      exposeHeadRoute: false,
      schema: {
        description: EVENTS_DESCRIPTION,
        produces: ['text/event-stream'],
        response: { 200: z.string().describe('text/event-stream') },
      },
    },
    async (request, reply) => {
      channel.open(request, reply);
      return reply;
    },
  );
  return channel;
}
