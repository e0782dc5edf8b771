import type { HandlerMap } from '@server/core/handler';
import {
  documentHandler,
  type DocumentReader,
  pdfResult,
  requireVisible,
} from '@server/documents/document-handler';
import type { ReceiptData } from '@server/documents/receipt.document';
import { findAppointment, getDoctor, getPatient } from '@server/repositories/lookups.repository';
import { billFromRow, billPayments, findBillRow } from './bills.repository';

/** What the receipt of a bill shows, as of now (also attached to receipt e-mails). */
export function loadReceipt(ctx: DocumentReader, billId: string): ReceiptData {
  // Visible or not from the row alone: another patient's bill takes the work of a missing one.
  const bill = billFromRow(ctx.db, requireVisible(ctx, 'bills', findBillRow(ctx.db, billId), 'bill'));
  return {
    clinic: ctx.settings(),
    bill,
    payments: billPayments(ctx.db, bill.id),
    patient: getPatient(ctx.db, bill.patientId),
    doctor: bill.doctorId ? getDoctor(ctx.db, bill.doctorId) : null,
    appointment: bill.appointmentId ? findAppointment(ctx.db, bill.appointmentId) : null,
    printedAt: ctx.now,
  };
}

/** The bill/receipt PDF (docs/product.md §9, §12): items, discount, total, every payment and refund. */
export const receiptHandlers: HandlerMap = {
  'billing.receiptPdf': documentHandler('billing.receiptPdf', {
    load: (input, ctx) => loadReceipt(ctx, input.billId),
    render: async (data, input) =>
      pdfResult(await (await import('@server/documents/receipt.document')).renderReceipt(data, input.paper)),
  }),
};
