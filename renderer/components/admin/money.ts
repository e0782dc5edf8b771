import { useMemo } from 'react';
import { useClinicSettings } from '@renderer/app/clinic-format';

/** Money in minor units (paise) → "₹1,200.00" in the clinic's currency and locale. */
export function useMoney(): (minorUnits: number) => string {
  const { data } = useClinicSettings();
  const locale = data?.locale ?? 'en-IN';
  const currency = data?.currency ?? 'INR';
  return useMemo(() => {
    const format = new Intl.NumberFormat(locale, { style: 'currency', currency });
    const digits = format.resolvedOptions().maximumFractionDigits ?? 2;
    return (minorUnits: number) => format.format(minorUnits / 10 ** digits);
  }, [locale, currency]);
}

/** 0.125 → "12.5%". */
export function percent(ratio: number): string {
  return `${(Math.round(ratio * 1000) / 10).toString()}%`;
}
