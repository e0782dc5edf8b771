import { useCurrentUser } from '@renderer/app/session/SessionProvider';

/** The doctor profile the signed-in account acts as (null: the account is not linked to one). */
export function useMyDoctorId(): string | null {
  return useCurrentUser().doctorId;
}
