/**
 * Money rules (docs/product.md §9): amounts are integer minor units (paise, cents, yen) everywhere; floating
 * point never touches an amount. Percentages are basis points (10% = 1000 bp) and are applied with
 * BigInt arithmetic so large amounts cannot lose precision.
 */

import { paymentModeSchema, type BillStatus, type PaymentMode } from '@shared/domain/billing.schema';
import { assertMinor, currencyExponent, formatMoney, toDecimalString } from '@shared/rules/money-format';

export { currencyExponent, formatMoney, toDecimalString };

export const paymentModes = paymentModeSchema.options;

/** The arithmetic part of a discount (the stored one also carries a reason). */
export type DiscountRule = { kind: 'amount'; amount: number } | { kind: 'percent'; basisPoints: number };
/** The arithmetic part of a bill item. */
export interface PricedItem {
  quantity: number;
  unitPrice: number;
}
export interface BillTotals {
  subtotal: number;
  discount: number;
  total: number;
}
/** A payment (positive) or a refund (negative), in minor units. */
export interface Payment {
  amount: number;
}
export interface PaymentSummary {
  /** Net amount paid: payments minus refunds. */
  paid: number;
  /** total − paid, exactly (negative only if the bill was overpaid). */
  outstanding: number;
  status: BillStatus;
  /** Sum of refunds, as a positive number, so a UI can say "refunded". */
  refunded: number;
}

const BASIS_POINTS = 10_000n;

/** Adds amounts, refusing a result that is no longer exactly representable. */
function sum(values: readonly number[], what: string): number {
  let total = 0;
  for (const value of values) total = assertMinor(total + assertMinor(value, what), `${what} total`);
  return total;
}

function assertBasisPoints(basisPoints: number, what: string): void {
  if (!Number.isInteger(basisPoints) || basisPoints < 0 || basisPoints > 10_000) {
    throw new RangeError(
      `${what} must be a whole number of basis points 0..10000, got ${String(basisPoints)}`,
    );
  }
}

function escapeRegExp(value: string): string {
  return value.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** Currency symbols and codes a person may type around an amount, longest first. */
function currencyMarks(currency: string, locale: string): string[] {
  const marks = new Set<string>([currency]);
  for (const currencyDisplay of ['symbol', 'narrowSymbol'] as const) {
    for (const part of new Intl.NumberFormat(locale, {
      style: 'currency',
      currency,
      currencyDisplay,
    }).formatToParts(1)) {
      if (part.type === 'currency') marks.add(part.value);
    }
  }
  if (currency === 'INR') ['Rs.', 'Rs'].forEach((mark) => marks.add(mark));
  return [...marks].sort((a, b) => b.length - a.length);
}

function separators(locale: string): { group: string; decimal: string } {
  const parts = new Intl.NumberFormat(locale, { useGrouping: true }).formatToParts(1234567.5);
  return {
    group: parts.find((part) => part.type === 'group')?.value ?? ',',
    decimal: parts.find((part) => part.type === 'decimal')?.value ?? '.',
  };
}

/**
 * Parses an amount a person typed ('1,234.5', '₹ 1234.50', '-₹12', 'Rs. 100') into minor units using
 * string arithmetic only. Throws a RangeError with a message fit to show when the text is not an
 * amount or has more decimal places than the currency allows.
 */
export function parseMoney(text: string, currency: string, locale = 'en-IN'): number {
  const exponent = currencyExponent(currency);
  const marks = currencyMarks(currency, locale);
  const stripMark = (value: string, atStart: boolean): string => {
    const lower = value.toLowerCase();
    const mark = marks.find((m) =>
      atStart ? lower.startsWith(m.toLowerCase()) : lower.endsWith(m.toLowerCase()),
    );
    if (mark === undefined) return value;
    return (atStart ? value.slice(mark.length) : value.slice(0, value.length - mark.length)).trim();
  };
  let rest = text.trim().replace(/^[−–]/, '-');
  let negative = rest.startsWith('-');
  rest = stripMark(negative ? rest.slice(1).trim() : rest, true).replace(/^[−–]/, '-');
  if (!negative && rest.startsWith('-')) {
    negative = true;
    rest = rest.slice(1).trim();
  }
  rest = stripMark(rest, false);
  if (rest === '') throw new RangeError('Enter an amount, e.g. 1,234.50');

  const { group, decimal } = separators(locale);
  if (/^\s$/.test(group)) rest = rest.replace(/\s/g, '');
  const g = /^\s$/.test(group) ? '' : escapeRegExp(group);
  const d = escapeRegExp(decimal);
  const integer = g === '' ? '\\d*' : `(?:\\d+(?:${g}\\d+)*)?`;
  const match = new RegExp(`^(${integer})(?:${d}(\\d*))?$`).exec(rest);
  const wholeText = match?.[1] ?? '';
  const fraction = match?.[2] ?? '';
  if (!match || (wholeText === '' && fraction === '')) {
    throw new RangeError(`"${text.trim()}" is not an amount; type digits such as 1,234.50`);
  }
  if (fraction.length > exponent) {
    throw new RangeError(
      exponent === 0
        ? `${currency} amounts have no decimal places`
        : `${currency} amounts have at most ${exponent} decimal place${exponent === 1 ? '' : 's'}`,
    );
  }
  const whole = g === '' ? wholeText : wholeText.split(group).join('');
  const minor = BigInt(`${whole || '0'}${fraction.padEnd(exponent, '0')}`) * (negative ? -1n : 1n);
  if (minor > BigInt(Number.MAX_SAFE_INTEGER) || minor < BigInt(Number.MIN_SAFE_INTEGER)) {
    throw new RangeError('That amount is too large');
  }
  return minor === 0n ? 0 : Number(minor);
}

/**
 * The discount in minor units on a subtotal: an amount discount as given, a percent discount rounded
 * half up to the minor unit; never more than the subtotal.
 */
export function discountAmount(subtotal: number, discount: DiscountRule | null): number {
  assertMinor(subtotal, 'subtotal', 0);
  if (discount === null) return 0;
  let amount: number;
  switch (discount.kind) {
    case 'amount':
      amount = assertMinor(discount.amount, 'discount amount', 0);
      break;
    case 'percent': {
      assertBasisPoints(discount.basisPoints, 'discount percent');
      const scaled = BigInt(subtotal) * BigInt(discount.basisPoints);
      amount = Number((scaled + BASIS_POINTS / 2n) / BASIS_POINTS);
      break;
    }
  }
  return Math.min(amount, subtotal);
}

/** Subtotal of the items, the discount applied to it, and the total (never negative). */
export function billTotals(items: readonly PricedItem[], discount: DiscountRule | null): BillTotals {
  const lines = items.map((item, index) => {
    if (!Number.isSafeInteger(item.quantity) || item.quantity < 1) {
      throw new RangeError(`item ${index + 1}: quantity must be a whole number of at least 1`);
    }
    assertMinor(item.unitPrice, `item ${index + 1}: unit price`, 0);
    return assertMinor(item.quantity * item.unitPrice, `item ${index + 1}: line amount`);
  });
  const subtotal = sum(lines, 'subtotal');
  const discounted = discountAmount(subtotal, discount);
  return { subtotal, discount: discounted, total: subtotal - discounted };
}

/** Net paid, exact outstanding amount and status of a bill (refunds are negative payments). */
export function paymentSummary(total: number, payments: readonly Payment[]): PaymentSummary {
  assertMinor(total, 'bill total', 0);
  const amounts = payments.map((payment) => payment.amount);
  const paid = sum(amounts, 'payment');
  const refunded = -sum(
    amounts.filter((amount) => amount < 0),
    'refund',
  );
  const outstanding = assertMinor(total - paid, 'outstanding amount');
  let status: BillStatus;
  if (total === 0 || paid >= total) status = 'PAID';
  else if (paid > 0) status = 'PARTIALLY_PAID';
  else status = 'PENDING';
  return { paid, outstanding, status, refunded: refunded === 0 ? 0 : refunded };
}

/**
 * Checks a new payment (positive) or refund (negative) against a bill. Returns null when it may be
 * recorded, otherwise a message fit to show, with amounts formatted in `currency`.
 */
export function validatePayment(
  total: number,
  payments: readonly Payment[],
  newAmount: number,
  currency: string,
  locale = 'en-IN',
): string | null {
  assertMinor(newAmount, 'new payment');
  const { paid, outstanding } = paymentSummary(total, payments);
  const money = (minor: number) => formatMoney(minor, currency, locale);
  if (newAmount === 0) return 'Enter an amount greater than zero';
  if (newAmount > 0 && newAmount > outstanding) {
    return outstanding <= 0
      ? `Nothing is outstanding on this bill; the payment of ${money(newAmount)} cannot be taken`
      : `The payment of ${money(newAmount)} exceeds the outstanding ${money(outstanding)}`;
  }
  if (newAmount < 0 && -newAmount > paid) {
    return paid <= 0
      ? `Nothing has been paid on this bill; the refund of ${money(-newAmount)} cannot be given`
      : `The refund of ${money(-newAmount)} exceeds the amount paid, ${money(paid)}`;
  }
  return null;
}

export interface RefundPolicy {
  /** Share of the paid amount refunded when the patient cancels after the window, in basis points. */
  patientLatePercentBasisPoints: number;
}
export interface RefundRequest {
  paid: number;
  cancelledBy: 'clinic' | 'patient';
  insideCancellationWindow: boolean;
  policy: RefundPolicy;
}

/**
 * How much to refund when an appointment is cancelled (docs/product.md §9): everything when the clinic cancels
 * or the patient cancels inside the window; a late patient cancellation refunds the policy's share,
 * rounded down to the minor unit.
 */
export function refundableAmount({
  paid,
  cancelledBy,
  insideCancellationWindow,
  policy,
}: RefundRequest): number {
  assertMinor(paid, 'paid amount', 0);
  assertBasisPoints(policy.patientLatePercentBasisPoints, 'late cancellation refund');
  if (cancelledBy === 'clinic' || insideCancellationWindow) return paid;
  return Number((BigInt(paid) * BigInt(policy.patientLatePercentBasisPoints)) / BASIS_POINTS);
}

/** Net totals per payment mode for the daily collection report (refunds subtract). */
export function splitByMode(
  payments: readonly (Payment & { mode: PaymentMode })[],
): Record<PaymentMode, number> {
  const split: Record<PaymentMode, number> = { cash: 0, card: 0, upi: 0 };
  for (const payment of payments) {
    if (!(paymentModes as readonly string[]).includes(payment.mode)) {
      throw new RangeError(`unknown payment mode "${String(payment.mode)}"`);
    }
    split[payment.mode] = assertMinor(
      split[payment.mode] + assertMinor(payment.amount, 'payment'),
      `${payment.mode} total`,
    );
  }
  return split;
}
