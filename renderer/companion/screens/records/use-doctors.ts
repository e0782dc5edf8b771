import { useTranslation } from 'react-i18next';
import { useGet } from '@renderer/companion/api/queries';
import type { PublicDoctor } from './records-types';

/** A doctor's name by id (GET /doctors, shared with the booking screens' cache). */
export function useDoctorName(): (doctorId: string | null) => string {
  const { t } = useTranslation('records');
  const doctors = useGet<PublicDoctor[]>(['/doctors'], { staleTime: 10 * 60_000 }).data?.data ?? [];
  return (doctorId) => doctors.find((d) => d.id === doctorId)?.fullName ?? t('unknownDoctor');
}
