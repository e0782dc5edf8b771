import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  billTotals,
  currencyExponent,
  type DiscountRule,
  discountAmount,
  formatMoney,
  parseMoney,
  paymentModes,
  paymentSummary,
  refundableAmount,
  splitByMode,
  validatePayment,
} from './money';

describe('currencyExponent', () => {
  it('comes from Intl', () => {
    expect(currencyExponent('INR')).toBe(2);
    expect(currencyExponent('JPY')).toBe(0);
    expect(currencyExponent('KWD')).toBe(3);
  });
  it('refuses malformed codes', () => {
    expect(() => currencyExponent('inr')).toThrow(RangeError);
    expect(() => currencyExponent('RUPEE')).toThrow(/ISO 4217/);
  });
});

describe('formatMoney', () => {
  it('formats INR in en-IN with Indian grouping', () => {
    expect(formatMoney(123450, 'INR')).toBe('₹1,234.50');
    expect(formatMoney(0, 'INR')).toBe('₹0.00');
    expect(formatMoney(5, 'INR')).toBe('₹0.05');
    expect(formatMoney(1234567890, 'INR')).toBe('₹1,23,45,678.90');
  });
  it('formats negative amounts', () => {
    expect(formatMoney(-123450, 'INR')).toBe('-₹1,234.50');
    expect(formatMoney(-5, 'INR')).toBe('-₹0.05');
  });
  it('formats JPY without decimals and KWD with three', () => {
    expect(formatMoney(1234, 'JPY')).toBe('JP¥1,234');
    expect(formatMoney(-1234, 'JPY')).toBe('-JP¥1,234');
    expect(formatMoney(1234, 'KWD')).toBe('KWD\u00a01.234'); // Intl puts a no-break space after the code;
  });
  it('is exact for the largest safe integer', () => {
    expect(formatMoney(Number.MAX_SAFE_INTEGER, 'INR')).toBe('₹9,00,71,99,25,47,409.91');
  });
  it('refuses floats and unsafe integers', () => {
    expect(() => formatMoney(12.5, 'INR')).toThrow(RangeError);
    expect(() => formatMoney(Number.NaN, 'INR')).toThrow(RangeError);
    expect(() => formatMoney(2 ** 53, 'INR')).toThrow(/safe integer/);
  });
});

describe('parseMoney', () => {
  it.each([
    ['1,234.5', 123450],
    ['₹ 1234.50', 123450],
    ['₹1,23,456', 12345600],
    ['  42 ', 4200],
    ['0.05', 5],
    ['.5', 50],
    ['7.', 700],
    ['-₹12', -1200],
    ['₹-12.30', -1230],
    ['−3', -300],
    ['Rs. 100', 10000],
    ['INR 99.99', 9999],
    ['250 ₹', 25000],
    ['0', 0],
  ])('parses %j as %i paise', (text, minor) => {
    expect(parseMoney(text, 'INR')).toBe(minor);
  });
  it('parses JPY and KWD', () => {
    expect(parseMoney('¥1,234', 'JPY')).toBe(1234);
    expect(parseMoney('JP¥1,234', 'JPY')).toBe(1234);
    expect(parseMoney('1.234', 'KWD')).toBe(1234);
  });
  it('refuses more decimals than the currency has', () => {
    expect(() => parseMoney('1.234', 'INR')).toThrow('INR amounts have at most 2 decimal places');
    expect(() => parseMoney('100.5', 'JPY')).toThrow('JPY amounts have no decimal places');
  });
  it('refuses text that is not an amount', () => {
    expect(() => parseMoney('', 'INR')).toThrow('Enter an amount');
    expect(() => parseMoney('₹', 'INR')).toThrow('Enter an amount');
    for (const text of ['abc', '12a', '1..2', '1,,234', ',5', '1.2.3', '12₹34', '--5', '1e3', '.']) {
      expect(() => parseMoney(text, 'INR'), text).toThrow(/is not an amount/);
    }
  });
  it('refuses amounts too large to hold exactly', () => {
    expect(() => parseMoney('90071992547409.92', 'INR')).toThrow(/too large/);
    expect(parseMoney('90071992547409.91', 'INR')).toBe(Number.MAX_SAFE_INTEGER);
  });
  it('follows the locale separators', () => {
    expect(parseMoney('1.234,5 €', 'EUR', 'de-DE')).toBe(123450);
  });
});

describe('discountAmount', () => {
  it('applies an amount discount, capped at the subtotal', () => {
    expect(discountAmount(10000, { kind: 'amount', amount: 2500 })).toBe(2500);
    expect(discountAmount(10000, { kind: 'amount', amount: 20000 })).toBe(10000);
    expect(discountAmount(10000, null)).toBe(0);
  });
  it('rounds a percent discount half up to the minor unit', () => {
    expect(discountAmount(10000, { kind: 'percent', basisPoints: 1000 })).toBe(1000);
    expect(discountAmount(5, { kind: 'percent', basisPoints: 1000 })).toBe(1); // 0.5 → 1
    expect(discountAmount(4, { kind: 'percent', basisPoints: 1000 })).toBe(0); // 0.4 → 0
    expect(discountAmount(12345, { kind: 'percent', basisPoints: 1250 })).toBe(1543); // 1543.125
    expect(discountAmount(999, { kind: 'percent', basisPoints: 10000 })).toBe(999);
  });
  it('is exact for large subtotals', () => {
    expect(discountAmount(Number.MAX_SAFE_INTEGER, { kind: 'percent', basisPoints: 5000 })).toBe(
      4503599627370496,
    );
  });
  it('refuses bad input', () => {
    expect(() => discountAmount(100, { kind: 'percent', basisPoints: 10001 })).toThrow(RangeError);
    expect(() => discountAmount(100, { kind: 'percent', basisPoints: 10.5 })).toThrow(RangeError);
    expect(() => discountAmount(100, { kind: 'amount', amount: -1 })).toThrow(RangeError);
    expect(() => discountAmount(-1, null)).toThrow(RangeError);
  });
});

describe('billTotals', () => {
  it('sums lines and applies the discount', () => {
    const items = [
      { quantity: 1, unitPrice: 50000 },
      { quantity: 3, unitPrice: 1250 },
    ];
    expect(billTotals(items, null)).toEqual({ subtotal: 53750, discount: 0, total: 53750 });
    expect(billTotals(items, { kind: 'percent', basisPoints: 1000 })).toEqual({
      subtotal: 53750,
      discount: 5375,
      total: 48375,
    });
    expect(billTotals([], { kind: 'amount', amount: 100 })).toEqual({ subtotal: 0, discount: 0, total: 0 });
  });
  it('refuses bad items', () => {
    expect(() => billTotals([{ quantity: 0, unitPrice: 100 }], null)).toThrow(/quantity/);
    expect(() => billTotals([{ quantity: 1.5, unitPrice: 100 }], null)).toThrow(/quantity/);
    expect(() => billTotals([{ quantity: 1, unitPrice: 10.5 }], null)).toThrow(/unit price/);
    expect(() => billTotals([{ quantity: 1, unitPrice: -1 }], null)).toThrow(/unit price/);
    expect(() => billTotals([{ quantity: 2 ** 30, unitPrice: 2 ** 30 }], null)).toThrow(/safe integer/);
  });
});

describe('paymentSummary', () => {
  it('tracks status through partial payment, full payment and refund', () => {
    expect(paymentSummary(50000, [])).toEqual({
      paid: 0,
      outstanding: 50000,
      status: 'PENDING',
      refunded: 0,
    });
    expect(paymentSummary(50000, [{ amount: 20000 }])).toEqual({
      paid: 20000,
      outstanding: 30000,
      status: 'PARTIALLY_PAID',
      refunded: 0,
    });
    expect(paymentSummary(50000, [{ amount: 20000 }, { amount: 30000 }]).status).toBe('PAID');
    expect(paymentSummary(50000, [{ amount: 50000 }, { amount: -50000 }])).toEqual({
      paid: 0,
      outstanding: 50000,
      status: 'PENDING',
      refunded: 50000,
    });
    expect(paymentSummary(50000, [{ amount: 50000 }, { amount: -10000 }])).toMatchObject({
      status: 'PARTIALLY_PAID',
      refunded: 10000,
    });
  });
  it('treats a zero-total bill as paid', () => {
    expect(paymentSummary(0, [])).toEqual({ paid: 0, outstanding: 0, status: 'PAID', refunded: 0 });
  });
  it('refuses non-integer amounts', () => {
    expect(() => paymentSummary(100, [{ amount: 0.1 }])).toThrow(RangeError);
    expect(() => paymentSummary(-100, [])).toThrow(RangeError);
  });
});

describe('validatePayment', () => {
  const paid = [{ amount: 20000 }];
  it('accepts payments up to the outstanding amount and refunds up to the net paid', () => {
    expect(validatePayment(50000, paid, 30000, 'INR')).toBeNull();
    expect(validatePayment(50000, paid, 1, 'INR')).toBeNull();
    expect(validatePayment(50000, paid, -20000, 'INR')).toBeNull();
  });
  it('explains what is wrong', () => {
    expect(validatePayment(50000, paid, 30001, 'INR')).toBe(
      'The payment of ₹300.01 exceeds the outstanding ₹300.00',
    );
    expect(validatePayment(50000, paid, -20001, 'INR')).toBe(
      'The refund of ₹200.01 exceeds the amount paid, ₹200.00',
    );
    expect(validatePayment(50000, [{ amount: 50000 }], 1, 'INR')).toMatch(/Nothing is outstanding/);
    expect(validatePayment(50000, [], -1, 'INR')).toMatch(/Nothing has been paid/);
    expect(validatePayment(50000, paid, 0, 'INR')).toMatch(/greater than zero/);
    expect(validatePayment(5000, [], 5001, 'JPY')).toBe(
      'The payment of JP¥5,001 exceeds the outstanding JP¥5,000',
    );
  });
  it('throws on a non-integer amount (a programming error, not user input)', () => {
    expect(() => validatePayment(50000, paid, 10.5, 'INR')).toThrow(RangeError);
  });
});

describe('refundableAmount', () => {
  type Case = [string, 'clinic' | 'patient', boolean, number, number];
  it.each<Case>([
    ['in full when the clinic cancels, even late', 'clinic', false, 5000, 50001],
    ['in full when the patient cancels inside the window', 'patient', true, 0, 50001],
    ['the policy share, rounded down, when the patient cancels late', 'patient', false, 5000, 25000],
    ['nothing when the policy gives nothing for a late cancellation', 'patient', false, 0, 0],
  ])('refunds %s', (_, cancelledBy, insideCancellationWindow, bp, expected) => {
    const policy = { patientLatePercentBasisPoints: bp };
    expect(refundableAmount({ paid: 50001, cancelledBy, insideCancellationWindow, policy })).toBe(expected);
  });
  it('refuses a bad policy', () => {
    const policy = { patientLatePercentBasisPoints: 12000 };
    expect(() =>
      refundableAmount({ paid: 1, cancelledBy: 'patient', insideCancellationWindow: false, policy }),
    ).toThrow(RangeError);
  });
});

describe('splitByMode', () => {
  it('totals each mode, refunds subtracting', () => {
    expect(
      splitByMode([
        { amount: 50000, mode: 'cash' },
        { amount: 30000, mode: 'upi' },
        { amount: -10000, mode: 'cash' },
        { amount: 2500, mode: 'card' },
      ]),
    ).toEqual({ cash: 40000, card: 2500, upi: 30000 });
    expect(splitByMode([])).toEqual({ cash: 0, card: 0, upi: 0 });
  });
});

describe('properties', () => {
  const minor = fc.integer({ min: 0, max: 10_000_000 });
  const items = fc.array(fc.record({ quantity: fc.integer({ min: 1, max: 100 }), unitPrice: minor }), {
    maxLength: 20,
  });
  const discount: fc.Arbitrary<DiscountRule | null> = fc.oneof(
    fc.constant(null),
    fc.record({ kind: fc.constant('amount' as const), amount: fc.integer({ min: 0, max: 2_000_000_000 }) }),
    fc.record({ kind: fc.constant('percent' as const), basisPoints: fc.integer({ min: 0, max: 10_000 }) }),
  );
  const payments = fc.array(fc.record({ amount: fc.integer({ min: -1_000_000, max: 1_000_000 }) }), {
    maxLength: 20,
  });

  it('total = subtotal − discount ≥ 0', () => {
    fc.assert(
      fc.property(items, discount, (lines, d) => {
        const totals = billTotals(lines, d);
        expect(totals.total).toBe(totals.subtotal - totals.discount);
        expect(totals.total).toBeGreaterThanOrEqual(0);
        expect(totals.discount).toBeGreaterThanOrEqual(0);
        expect(Number.isInteger(totals.total)).toBe(true);
      }),
    );
  });

  it('outstanding = total − paid exactly', () => {
    fc.assert(
      fc.property(minor, payments, (total, list) => {
        const summary = paymentSummary(total, list);
        const net = list.reduce((acc, p) => acc + p.amount, 0);
        expect(summary.paid).toBe(net);
        expect(summary.outstanding).toBe(total - net);
        expect(summary.refunded).toBeGreaterThanOrEqual(0);
      }),
    );
  });

  it('validated payments never take the bill past its total or below zero paid', () => {
    fc.assert(
      fc.property(minor, fc.array(fc.integer({ min: -1_000_000, max: 1_000_000 })), (total, attempts) => {
        const accepted: { amount: number }[] = [];
        for (const amount of attempts) {
          if (validatePayment(total, accepted, amount, 'INR') === null) accepted.push({ amount });
          const { paid, outstanding } = paymentSummary(total, accepted);
          expect(paid).toBeGreaterThanOrEqual(0);
          expect(outstanding).toBeGreaterThanOrEqual(0);
        }
      }),
    );
  });

  it('the split by mode sums to the whole', () => {
    const mode = fc.constantFrom(...paymentModes);
    fc.assert(
      fc.property(
        fc.array(fc.record({ amount: fc.integer({ min: -1_000_000, max: 1_000_000 }), mode })),
        (list) => {
          const split = splitByMode(list);
          const whole = list.reduce((acc, p) => acc + p.amount, 0);
          expect(split.cash + split.card + split.upi).toBe(whole);
        },
      ),
    );
  });

  it('formatting then parsing round-trips for INR and JPY', () => {
    const amount = fc.integer({ min: Number.MIN_SAFE_INTEGER, max: Number.MAX_SAFE_INTEGER });
    fc.assert(
      fc.property(amount, fc.constantFrom('INR', 'JPY'), (value, currency) => {
        expect(parseMoney(formatMoney(value, currency), currency)).toBe(value);
      }),
    );
  });

  it('a late refund never exceeds the amount paid', () => {
    fc.assert(
      fc.property(minor, fc.integer({ min: 0, max: 10_000 }), (paid, bp) => {
        const refund = refundableAmount({
          paid,
          cancelledBy: 'patient',
          insideCancellationWindow: false,
          policy: { patientLatePercentBasisPoints: bp },
        });
        expect(refund).toBeGreaterThanOrEqual(0);
        expect(refund).toBeLessThanOrEqual(paid);
      }),
    );
  });
});
