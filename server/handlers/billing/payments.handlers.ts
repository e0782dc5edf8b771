import { failure } from '@shared/contract/errors';
import type { Bill, Payment, PaymentMode } from '@shared/domain/billing.schema';
import { formatMoney, paymentSummary, validatePayment } from '@shared/rules/money';
import { type HandlerContext, type HandlerMap, handler } from '@server/core/handler';
import { requireActor } from '@server/repositories/ownership';
import { auditBill, documentNumber, recomputeBill } from './bill-writes.repository';
import { billPayments, billView, getBill } from './bills.repository';
import { refundLimit } from './refund-policy';

interface NewPayment {
  id: string;
  amount: number;
  mode: PaymentMode;
  reference: string;
  reason: string;
}

/** Checks the amount against the bill (never more than outstanding / net paid) and records it with a receipt number. */
function recordPayment(ctx: HandlerContext, bill: Bill, input: NewPayment): Bill {
  if (ctx.db.first(ctx.db.q.selectFrom('payments').select('id').where('id', '=', input.id))) {
    throw failure('CONFLICT', 'This payment was already recorded.');
  }
  const problem = validatePayment(
    bill.total,
    billPayments(ctx.db, bill.id),
    input.amount,
    bill.currency,
    ctx.settings().locale,
  );
  if (problem)
    throw failure('VALIDATION', `${problem}.`, { fields: [{ field: 'amount', message: problem }] });
  const payment: Payment = {
    id: input.id,
    billId: bill.id,
    kind: input.amount < 0 ? 'refund' : 'payment',
    amount: input.amount,
    mode: input.mode,
    reference: input.reference,
    reason: input.reason,
    receiptNumber: documentNumber(ctx, 'R', 'receipt'),
    recordedBy: requireActor(ctx).userId,
    at: ctx.now,
  };
  ctx.db.run(ctx.db.q.insertInto('payments').values(payment));
  ctx.changed('payments', payment.id);
  const updated = recomputeBill(ctx, bill.id);
  auditBill(ctx, payment.kind === 'refund' ? 'billing.refund' : 'billing.recordPayment', updated, {
    paymentId: payment.id,
    amount: payment.amount,
    mode: payment.mode,
    receiptNumber: payment.receiptNumber,
  });
  return updated;
}

/** Payments and refunds (negative payments) of a bill (docs/product.md §9). */
export const paymentHandlers: HandlerMap = {
  'billing.recordPayment': handler('billing.recordPayment', {
    run: (input, ctx) => {
      const bill = recordPayment(ctx, getBill(ctx.db, input.billId), { ...input, reason: '' });
      return billView(ctx.db, bill);
    },
  }),

  'billing.refund': handler('billing.refund', {
    run: (input, ctx) => {
      const bill = getBill(ctx.db, input.billId);
      const summary = paymentSummary(bill.total, billPayments(ctx.db, bill.id));
      const limit = refundLimit(ctx, bill, summary);
      if (limit && input.amount > limit.cap && input.amount <= summary.paid) {
        const money = (minor: number) => formatMoney(minor, bill.currency, ctx.settings().locale);
        throw failure(
          'POLICY',
          limit.cap === 0
            ? `No refund is due under the clinic’s refund policy: ${limit.because}.`
            : `Under the clinic’s refund policy at most ${money(limit.cap)} can be refunded ` +
                `(${limit.because}).`,
          { fields: [{ field: 'amount', message: `must be at most ${money(limit.cap)}` }] },
        );
      }
      const updated = recordPayment(ctx, bill, {
        id: input.id,
        amount: -input.amount,
        mode: input.mode,
        reference: '',
        reason: input.reason,
      });
      return billView(ctx.db, updated);
    },
  }),
};
