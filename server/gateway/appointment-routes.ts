import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { OperationName, ResultOf } from '@shared/contract/index';
import type { Caller, Dispatcher } from '@server/core/dispatcher';
import type { HubCore } from '@server/core/hub-core';
import {
  appointmentDetailSchema,
  bookBodySchema,
  cancelBodySchema,
  idParamsSchema,
  MOVED_IN_APP,
  patientAppointmentSchema,
  patientDaySlotsSchema,
  patientRescheduleRequestSchema,
  rescheduleBodySchema,
  rescheduleRequestBodySchema,
  slipQuerySchema,
  slotsQuerySchema,
  toPatientAppointment,
  toPatientDay,
  toPatientHistory,
  whenQuerySchema,
} from '@shared/gateway/appointments.schema';
import { API_PREFIX } from './auth-routes';
import { patientCaller } from './patient-session';
import { storedId } from './retry-key';

interface RouteDeps {
  core: HubCore;
  dispatcher: Dispatcher;
}

const pdfResponse = {
  description: 'The PDF document (Content-Disposition: attachment; never cached).',
  content: { 'application/pdf': { schema: z.string().meta({ format: 'binary' }) } },
};

/**
 * The patient's appointments (issue 19, item 3; docs/product.md §4–§6), each route a thin adapter
 * over its contract operation called as the signed-in patient: the hub's 'own' scope limits every
 * call to that patient's rows, so another patient's appointment id answers exactly like a missing
 * one (the same NOT_FOUND), and the hub's rules decide the rest (the booking notice and horizon, the
 * confirmation policy, the cancellation window, whether a patient may move a visit directly). The
 * patient to book for is always the session's own, never one named in the request. The ids of
 * a new booking or reschedule request come from the patient and the app's retry key
 * (retry-key.ts), never straight from the request.
 */
export function registerAppointmentRoutes(app: FastifyInstance, deps: RouteDeps): void {
  const typed = app.withTypeProvider<ZodTypeProvider>();
  const call = <N extends OperationName>(name: N, input: unknown, caller: Caller) =>
    deps.dispatcher.call(name, input, caller) as Promise<ResultOf<N>>;
  const signedIn = (request: FastifyRequest) => patientCaller(deps.core, request);

  typed.get(
    `${API_PREFIX}/slots`,
    { schema: { querystring: slotsQuerySchema, response: { 200: patientDaySlotsSchema } } },
    async (request) => {
      const { doctorId, date } = request.query;
      const caller = signedIn(request);
      // Staff see an inactive doctor's grid (to move their visits); a patient could book none of it.
      const doctor = await call('doctors.get', { id: doctorId }, caller);
      if (!doctor.active) {
        const message = `Doctor not available: ${doctor.fullName} is not taking appointments.`;
        return { doctorId, date, available: false, message, slots: [] };
      }
      const days = await call('slots.list', { doctorId, fromDate: date, toDate: date }, caller);
      return toPatientDay(days[0]!);
    },
  );

  typed.post(
    `${API_PREFIX}/appointments`,
    {
      schema: {
        body: bookBodySchema,
        response: { 201: z.strictObject({ appointment: patientAppointmentSchema }) },
      },
    },
    async (request, reply) => {
      const caller = signedIn(request);
      // signedIn (patientCaller) refused any session without a patient.
      const patientId = deps.core.authenticate(caller.token!, caller.deviceId).patientId!;
      const { id: retryKey, ...booking } = request.body;
      const id = storedId('appointment', patientId, retryKey);
      const { appointment } = await call('appointments.book', { ...booking, id, patientId }, caller);
      return reply.code(201).send({ appointment: toPatientAppointment(appointment) });
    },
  );

  typed.get(
    `${API_PREFIX}/appointments`,
    { schema: { querystring: whenQuerySchema, response: { 200: z.array(patientAppointmentSchema) } } },
    async (request) =>
      (await call('appointments.mine', request.query, signedIn(request))).map(toPatientAppointment),
  );

  typed.get(
    `${API_PREFIX}/appointments/:id`,
    { schema: { params: idParamsSchema, response: { 200: appointmentDetailSchema } } },
    async (request) => {
      const caller = signedIn(request);
      const { userId } = deps.core.authenticate(caller.token!, caller.deviceId);
      const appointment = await call('appointments.get', request.params, caller);
      const history = await call('appointments.history', request.params, caller);
      return { appointment: toPatientAppointment(appointment), history: toPatientHistory(history, userId) };
    },
  );

  typed.post(
    `${API_PREFIX}/appointments/:id/cancel`,
    {
      schema: {
        params: idParamsSchema,
        body: cancelBodySchema.optional(),
        response: { 200: patientAppointmentSchema },
      },
    },
    async (request) => {
      const input = { id: request.params.id, reason: request.body?.reason ?? '' };
      return toPatientAppointment(await call('appointments.cancel', input, signedIn(request)));
    },
  );

  typed.post(
    `${API_PREFIX}/appointments/:id/reschedule`,
    {
      schema: {
        params: idParamsSchema,
        body: rescheduleBodySchema,
        response: { 200: patientAppointmentSchema },
      },
    },
    async (request) => {
      const { reason, ...move } = request.body;
      const input = { ...move, id: request.params.id, reason: reason.trim() || MOVED_IN_APP };
      return toPatientAppointment(await call('appointments.reschedule', input, signedIn(request)));
    },
  );

  typed.post(
    `${API_PREFIX}/appointments/:id/reschedule-request`,
    {
      schema: {
        params: idParamsSchema,
        body: rescheduleRequestBodySchema.optional(),
        response: { 201: patientRescheduleRequestSchema },
      },
    },
    async (request, reply) => {
      const body = request.body ?? rescheduleRequestBodySchema.parse({});
      const caller = signedIn(request);
      const patientId = deps.core.authenticate(caller.token!, caller.deviceId).patientId!;
      const { requestId: retryKey, ...wish } = body;
      const requestId = storedId('reschedule-request', patientId, retryKey);
      const input = { ...wish, id: request.params.id, requestId };
      const {
        appointmentId: _a,
        decidedBy: _d,
        ...sent
      } = await call('appointments.requestReschedule', input, caller);
      return reply.code(201).send(sent);
    },
  );

  typed.get(
    `${API_PREFIX}/appointments/:id/slip.pdf`,
    { schema: { params: idParamsSchema, querystring: slipQuerySchema, response: { 200: pdfResponse } } },
    async (request, reply) => {
      const input = { id: request.params.id, paper: request.query.paper };
      const document = await call('appointments.slip', input, signedIn(request));
      return (
        reply
          .header('content-type', 'application/pdf')
          .header('content-disposition', `attachment; filename="${document.fileName}"`)
          .header('cache-control', 'no-store')
          // The bytes as they are: Fastify sends a Buffer without the schema's serializer.
          .send(Buffer.from(document.base64, 'base64') as unknown as string)
      );
    },
  );
}
