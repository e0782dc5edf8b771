import { useCallback } from 'react';
import { formatMoney } from '@shared/rules/money';
import { useClinicSettings } from '@renderer/app/clinic-format';

/** Money in minor units (paise) → "₹1,200.00" in the clinic's currency and locale. */
export function useMoney(): (minorUnits: number) => string {
  const { data } = useClinicSettings();
  const locale = data?.locale ?? 'en-IN';
  const currency = data?.currency ?? 'INR';
  return useCallback((minorUnits: number) => formatMoney(minorUnits, currency, locale), [locale, currency]);
}

/** 0.125 → "12.5%". */
export function percent(ratio: number): string {
  return `${(Math.round(ratio * 1000) / 10).toString()}%`;
}
