import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { contract, type ResultOf } from '@shared/contract/index';
import { clinicDate } from '@shared/rules/zoned-time';
import { clinicInfoSchema, publicDoctorSchema } from '@shared/gateway/clinic.schema';
import type { Dispatcher } from '@server/core/dispatcher';
import type { HubCore } from '@server/core/hub-core';
import { API_PREFIX } from './auth-routes';
import { patientCaller } from './patient-session';

const pickKeys = <T extends object>(schema: { keyof(): { options: readonly string[] } }, value: object) =>
  Object.fromEntries(
    schema.keyof().options.map((key) => [key, (value as Record<string, unknown>)[key]]),
  ) as T;

/**
 * The first data routes (issue 19, item 3): the clinic's public details (anyone) and, for a
 * signed-in patient, a thin adapter over `doctors.list` that answer only the patient-facing fields (and each doctor's next free day).
 */
export function registerClinicRoutes(
  app: FastifyInstance,
  deps: { core: HubCore; dispatcher: Dispatcher },
): void {
  const typed = app.withTypeProvider<ZodTypeProvider>();
  // Public (PUBLIC_ROUTES): the welcome screen shows the clinic's name and phone before sign-in,
  // and the answer carries only what a clinic prints on its sign board and booking card.
  typed.get(`${API_PREFIX}/clinic`, { schema: { response: { 200: clinicInfoSchema } } }, () =>
    pickKeys<z.infer<typeof clinicInfoSchema>>(clinicInfoSchema, deps.core.settings()),
  );
  typed.get(
    `${API_PREFIX}/doctors`,
    {
      schema: {
        querystring: contract['doctors.list'].input.pick({ specialization: true }),
        response: { 200: z.array(publicDoctorSchema) },
      },
    },
    async (request) => {
      const caller = patientCaller(deps.core, request);
      const doctors = (await deps.dispatcher.call(
        'doctors.list',
        request.query,
        caller,
      )) as ResultOf<'doctors.list'>;
      const from = deps.core.clock.now().toISOString();
      const { timeZone } = deps.core.settings();
      // One slots.nextFree per doctor: a clinic has a handful of doctors.
      return Promise.all(
        doctors.map(async (doctor) => {
          const [next] = (await deps.dispatcher.call(
            'slots.nextFree',
            { doctorId: doctor.id, from, limit: 1 },
            caller,
          )) as ResultOf<'slots.nextFree'>;
          return pickKeys<z.infer<typeof publicDoctorSchema>>(publicDoctorSchema, {
            ...doctor,
            nextFreeDay: next ? clinicDate(next.start, timeZone) : null,
          });
        }),
      );
    },
  );
}
