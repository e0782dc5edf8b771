import type { FastifyReply } from 'fastify';
import { z } from 'zod';
import type { ResultOf } from '@shared/contract/index';

/** A PDF answer in the OpenAPI document: the bytes themselves, not JSON. */
export const pdfResponse = {
  description: 'The PDF document.',
  content: { 'application/pdf': { schema: z.string().describe('PDF bytes') } },
};

/**
 * Sends a generated document (the contract's base64 form) as the PDF itself, for the app to
 * open or save; never cached on the phone or a proxy (it carries health or payment details).
 */
export function sendPdf(reply: FastifyReply, document: ResultOf<'billing.receiptPdf'>): FastifyReply {
  const fileName = document.fileName.replace(/[^A-Za-z0-9._-]/g, '_');
  return reply
    .header('content-type', 'application/pdf')
    .header('cache-control', 'no-store')
    .header('content-disposition', `attachment; filename="${fileName}"`)
    .send(Buffer.from(document.base64, 'base64'));
}
