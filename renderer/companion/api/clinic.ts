import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import type { clinicInfoSchema } from '@shared/gateway/clinic.schema';
import { companionFormat, type CompanionFormat } from '@renderer/companion/i18n/format';
import { useGet } from './queries';

export type ClinicInfo = z.infer<typeof clinicInfoSchema>;

/** Before the clinic's own settings arrive (signed out, first load): India's zone and rupees. */
const FALLBACK = { timeZone: 'Asia/Kolkata', currency: 'INR' };

/** The clinic's name, contact details and booking policies (GET /clinic, public). */
export function useClinic() {
  return useGet<ClinicInfo>(['/clinic'], { staleTime: 10 * 60_000 });
}

/** Formats in the patient's language and the clinic's time zone and currency. */
export function useFormat(): CompanionFormat {
  const { i18n } = useTranslation();
  const clinic = useClinic().data?.data;
  const timeZone = clinic?.timeZone ?? FALLBACK.timeZone;
  const currency = clinic?.currency ?? FALLBACK.currency;
  return useMemo(
    () => companionFormat(i18n.language, timeZone, currency),
    [i18n.language, timeZone, currency],
  );
}
