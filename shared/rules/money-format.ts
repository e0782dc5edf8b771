/**
 * Formatting of money amounts (integer minor units, see money.ts), apart from money.ts so that an
 * app showing amounts (the companion) does not download the billing schemas with them.
 */

/** Throws a RangeError unless `value` is a safe integer (optionally at least `min`). */
export function assertMinor(value: number, what: string, min = Number.MIN_SAFE_INTEGER): number {
  if (!Number.isSafeInteger(value)) {
    throw new RangeError(`${what} must be a safe integer number of minor units, got ${String(value)}`);
  }
  if (value < min) throw new RangeError(`${what} must be at least ${min}, got ${value}`);
  return value;
}

const exponents = new Map<string, number>();

/** Number of minor-unit digits of an ISO 4217 currency: INR 2, JPY 0, KWD 3. */
export function currencyExponent(code: string): number {
  let exponent = exponents.get(code);
  if (exponent === undefined) {
    if (!/^[A-Z]{3}$/.test(code)) {
      throw new RangeError(`"${code}" is not an ISO 4217 currency code such as INR`);
    }
    const { maximumFractionDigits } = new Intl.NumberFormat('en', {
      style: 'currency',
      currency: code,
    }).resolvedOptions();
    exponent = maximumFractionDigits ?? 2;
    exponents.set(code, exponent);
  }
  return exponent;
}

/** The exact decimal string of an amount, e.g. 123450 INR → "1234.50", -5 INR → "-0.05". */
export function toDecimalString(minor: number, exponent: number): `${number}` {
  const digits = Math.abs(minor)
    .toString()
    .padStart(exponent + 1, '0');
  const whole = digits.slice(0, digits.length - exponent);
  const fraction = digits.slice(digits.length - exponent);
  return `${minor < 0 ? '-' : ''}${whole}${exponent > 0 ? `.${fraction}` : ''}` as `${number}`;
}

/** Formats minor units for display, e.g. formatMoney(123450, 'INR') → '₹1,234.50'. Exact for any safe integer. */
export function formatMoney(minor: number, currency: string, locale = 'en-IN'): string {
  assertMinor(minor, 'amount');
  const exponent = currencyExponent(currency);
  return new Intl.NumberFormat(locale, { style: 'currency', currency }).format(
    toDecimalString(minor, exponent),
  );
}
