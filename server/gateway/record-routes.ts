import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { contract, type InputOf, type OperationName, type ResultOf } from '@shared/contract/index';
import { byIdSchema } from '@shared/contract/common';
import { patientBillViewSchema, patientConsultationSchema } from '@shared/gateway/records.schema';
import type { Dispatcher } from '@server/core/dispatcher';
import type { HubCore } from '@server/core/hub-core';
import { API_PREFIX } from './auth-routes';
import { patientCaller } from './patient-session';
import { pdfResponse, sendPdf } from './pdf-reply';

const paperOf = <N extends 'consultations.prescriptionPdf' | 'billing.receiptPdf'>(name: N) =>
  z.strictObject({ paper: contract[name].input.shape.paper });

interface RouteDeps {
  core: HubCore;
  dispatcher: Dispatcher;
}

/**
 * The patient's records (issue 19, item 3): consultation summaries, bills with their payments,
 * and the prescription and receipt PDFs, each a thin adapter over its contract operation with
 * the session's patient as the only "own" scope. Another patient's id gets the operation's
 * NOT_FOUND, the very answer a missing id gets.
 */
export function registerRecordRoutes(app: FastifyInstance, deps: RouteDeps): void {
  const typed = app.withTypeProvider<ZodTypeProvider>();
  const call = async <N extends OperationName>(request: FastifyRequest, name: N, input: InputOf<N>) =>
    (await deps.dispatcher.call(name, input, patientCaller(deps.core, request))) as ResultOf<N>;

  typed.get(
    `${API_PREFIX}/consultations`,
    { schema: { response: { 200: z.array(patientConsultationSchema) } } },
    (request) => call(request, 'consultations.mySummaries', {}),
  );
  typed.get(
    `${API_PREFIX}/consultations/:id/prescription.pdf`,
    {
      schema: {
        params: byIdSchema,
        querystring: paperOf('consultations.prescriptionPdf'),
        response: { 200: pdfResponse },
      },
    },
    async (request, reply) =>
      sendPdf(
        reply,
        await call(request, 'consultations.prescriptionPdf', { id: request.params.id, ...request.query }),
      ),
  );

  typed.get(
    `${API_PREFIX}/bills`,
    { schema: { response: { 200: z.array(patientBillViewSchema) } } },
    (request) => call(request, 'billing.mine', {}),
  );
  typed.get(
    `${API_PREFIX}/bills/:id`,
    { schema: { params: byIdSchema, response: { 200: patientBillViewSchema } } },
    (request) => call(request, 'billing.get', { id: request.params.id }),
  );
  typed.get(
    `${API_PREFIX}/bills/:id/receipt.pdf`,
    {
      schema: {
        params: byIdSchema,
        querystring: paperOf('billing.receiptPdf'),
        response: { 200: pdfResponse },
      },
    },
    async (request, reply) =>
      sendPdf(
        reply,
        await call(request, 'billing.receiptPdf', { billId: request.params.id, ...request.query }),
      ),
  );
}
