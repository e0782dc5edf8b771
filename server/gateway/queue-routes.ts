import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { ApiFailure } from '@shared/contract/errors';
import type { OperationName, ResultOf } from '@shared/contract/index';
import { clinicDate } from '@shared/rules/zoned-time';
import { myQueueSchema, type MyQueue } from '@shared/gateway/queue.schema';
import type { Dispatcher } from '@server/core/dispatcher';
import type { HubCore } from '@server/core/hub-core';
import { orderedDay } from '@server/handlers/queue/queue.repository';
import { API_PREFIX } from './auth-routes';
import { patientCaller } from './patient-session';

/** Runs a contract operation as the signed-in patient (the route's call, or the stream's). */
export type RunAsPatient = <N extends OperationName>(name: N, input: unknown) => Promise<ResultOf<N>>;

/**
 * Today's checked-in appointment of the patient (the earliest, if two doctors checked them in)
 * and its figures from `queue.myPosition`. A check-in stays CHECKED_IN until the visit ends, also
 * after its slot's end (a late doctor), so the past list is read as well as the upcoming one.
 */
export async function findMyQueue(run: RunAsPatient, core: HubCore): Promise<MyQueue> {
  const today = clinicDate(core.clock.now().toISOString(), core.settings().timeZone);
  const zone = core.settings().timeZone;
  const lists = await Promise.all([
    run('appointments.mine', { when: 'upcoming' }),
    run('appointments.mine', { when: 'past' }),
  ]);
  const checkedIn = lists
    .flat()
    .filter((a) => a.status === 'CHECKED_IN' && clinicDate(a.startsAt, zone) === today)
    .sort((a, b) => a.startsAt.localeCompare(b.startsAt) || a.id.localeCompare(b.id));
  for (const appointment of checkedIn) {
    try {
      const figures = await run('queue.myPosition', { appointmentId: appointment.id });
      if (figures.state === 'done' || figures.state === 'left') continue;
      return {
        clinicDate: today,
        position: {
          appointmentId: appointment.id,
          doctorId: appointment.doctorId,
          token: figures.token,
          state: figures.state,
          patientsAhead: figures.patientsAhead,
          estimatedWaitMinutes: figures.estimatedWaitMinutes,
          estimatedCallAt: figures.estimatedCallAt,
          nowServing: nowServing(core, appointment.doctorId, today),
        },
      };
    } catch (error) {
      // POLICY: not in today's queue after all (the check-in was undone in between).
      if (!(error instanceof ApiFailure && error.error.code === 'POLICY')) throw error;
    }
  }
  return { clinicDate: today, position: null };
}

/**
 * The token on the doctor's door now: the patient in consultation, else the one called last.
 * Read only after queue.myPosition proved the caller is in this doctor's queue today; it is the
 * same token the waiting-room display shows to everyone in the room.
 */
function nowServing(core: HubCore, doctorId: string, date: string): string | null {
  return orderedDay(core.db, doctorId, date).current?.entry.token ?? null;
}

/** GET /queue/me (issue 19, item 3): the plain-GET twin of the live channel's `queue` event. */
export function registerQueueRoutes(app: FastifyInstance, deps: { core: HubCore; dispatcher: Dispatcher }) {
  app
    .withTypeProvider<ZodTypeProvider>()
    .get(`${API_PREFIX}/queue/me`, { schema: { response: { 200: myQueueSchema } } }, async (request) => {
      const caller = patientCaller(deps.core, request);
      const run: RunAsPatient = (name, input) =>
        deps.dispatcher.call(name, input, caller) as Promise<ResultOf<typeof name>>;
      return findMyQueue(run, deps.core);
    });
}
