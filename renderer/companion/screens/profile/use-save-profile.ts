import { useQueryClient } from '@tanstack/react-query';
import { api } from '@renderer/companion/api/client';
import type { Profile, ProfilePatch } from './profile-form';

/** PATCH /profile, then the screen shows what the clinic kept. */
export function useSaveProfile() {
  const queryClient = useQueryClient();
  return async (patch: ProfilePatch): Promise<Profile> => {
    const saved = await api.patch<Profile>('/profile', patch);
    queryClient.setQueryData(['/profile'], { data: saved, asOf: null });
    return saved;
  };
}
