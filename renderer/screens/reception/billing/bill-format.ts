import { formatMoney, parseMoney } from '@shared/rules/money';
import type { BillStatus } from '@shared/domain/billing.schema';

export const BILL_STATUS_LABELS: Record<BillStatus, string> = {
  PENDING: 'Pending',
  PARTIALLY_PAID: 'Partially paid',
  PAID: 'Paid',
};
export const BILL_STATUS_PALETTES: Record<BillStatus, string> = {
  PENDING: 'orange',
  PARTIALLY_PAID: 'yellow',
  PAID: 'green',
};
export const MODE_LABELS = { cash: 'Cash', card: 'Card', upi: 'UPI' } as const;
export const ITEM_KIND_LABELS = {
  consultation: 'Consultation',
  procedure: 'Procedure',
  test: 'Test',
  medicine: 'Medicine',
  other: 'Other',
} as const;

/** Minor units as "₹1,234.50" (exact; the shared money rules). */
export function money(minor: number, currency = 'INR'): string {
  return formatMoney(minor, currency);
}

/** Parses what a person typed into minor units, or returns the message to show. */
export function readAmount(
  text: string,
  currency = 'INR',
): { ok: true; minor: number } | { ok: false; message: string } {
  try {
    return { ok: true, minor: parseMoney(text, currency) };
  } catch (error) {
    return { ok: false, message: error instanceof Error ? error.message : 'Not an amount' };
  }
}
