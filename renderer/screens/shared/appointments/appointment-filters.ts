import { useCallback, useMemo } from 'react';
import { useSearchParams } from 'react-router';
import type { AppointmentStatus } from '@shared/domain/appointment.schema';
import { isAppointmentStatus } from './appointment-labels';

export interface AppointmentFilters {
  status: AppointmentStatus | null;
  /** YYYY-MM-DD or null for no bound. */
  fromDate: string | null;
  toDate: string | null;
  doctorId: string | null;
  patientId: string | null;
  /** Appointment number, id or patient name. */
  text: string;
  page: number;
}

export type FilterPatch = Partial<Omit<AppointmentFilters, 'page'>>;

const PARAM: Record<keyof FilterPatch, string> = {
  status: 'status',
  fromDate: 'from',
  toDate: 'to',
  doctorId: 'doctor',
  patientId: 'patient',
  text: 'q',
};

/**
 * The URL's query now. React Router hands a functional update the params of the last render, so
 * two changes made before a re-render (a quick second click) would drop the first.
 */
const latest = () => new URLSearchParams(window.location.search);

/**
 * The list's filters live in the URL (shareable, kept on reload and back). Dates absent from the
 * URL mean today; an empty date means no bound.
 */
export function useAppointmentFilters(
  today: string,
): [AppointmentFilters, (patch: FilterPatch) => void, (page: number) => void] {
  const [params, setParams] = useSearchParams();
  const filters = useMemo<AppointmentFilters>(() => {
    const date = (name: string) => {
      const value = params.get(name);
      return value === null ? today : value === '' ? null : value;
    };
    const status = params.get('status');
    return {
      status: isAppointmentStatus(status) ? status : null,
      fromDate: date('from'),
      toDate: date('to'),
      doctorId: params.get('doctor') || null,
      patientId: params.get('patient') || null,
      text: params.get('q') ?? '',
      page: Math.max(0, Number(params.get('page') ?? 0) || 0),
    };
  }, [params, today]);

  const update = useCallback(
    (patch: FilterPatch) =>
      setParams(
        () => {
          const next = latest();
          for (const [key, value] of Object.entries(patch) as [keyof FilterPatch, string | null][]) {
            const name = PARAM[key];
            if (key === 'fromDate' || key === 'toDate') next.set(name, value ?? '');
            else if (value) next.set(name, value);
            else next.delete(name);
          }
          next.delete('page');
          return next;
        },
        { replace: true },
      ),
    [setParams],
  );
  const setPage = useCallback(
    (page: number) =>
      setParams(
        () => {
          const next = latest();
          if (page > 0) next.set('page', String(page));
          else next.delete('page');
          return next;
        },
        { replace: true },
      ),
    [setParams],
  );
  return [filters, update, setPage];
}
