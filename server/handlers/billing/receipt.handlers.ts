import type { HandlerMap } from '@server/core/handler';
import { documentHandler, pdfResult, requireVisible } from '@server/documents/document-handler';
import type { ReceiptData } from '@server/documents/receipt.document';
import { findAppointment, getDoctor, getPatient } from '@server/repositories/lookups.repository';
import { billPayments, findBill } from './bills.repository';

/** The bill/receipt PDF (SPEC §9, §12): items, discount, total, every payment and refund. */
export const receiptHandlers: HandlerMap = {
  'billing.receiptPdf': documentHandler('billing.receiptPdf', {
    load: (input, ctx): ReceiptData => {
      const bill = requireVisible(ctx, findBill(ctx.db, input.billId), 'bill');
      return {
        clinic: ctx.settings(),
        bill,
        payments: billPayments(ctx.db, bill.id),
        patient: getPatient(ctx.db, bill.patientId),
        doctor: bill.doctorId ? getDoctor(ctx.db, bill.doctorId) : null,
        appointment: bill.appointmentId ? findAppointment(ctx.db, bill.appointmentId) : null,
        printedAt: ctx.now,
      };
    },
    render: async (data, input) =>
      pdfResult(await (await import('@server/documents/receipt.document')).renderReceipt(data, input.paper)),
  }),
};
