import type { z } from 'zod';
import type { patientProfileSchema, profilePatchSchema } from '@shared/gateway/profile.schema';

export type Profile = z.infer<typeof patientProfileSchema>;
export type ProfilePatch = z.input<typeof profilePatchSchema>;

/** The contact form as typed: every field text (empty when none). */
export interface ContactValues {
  phone: string;
  email: string;
  address: string;
  emergencyName: string;
  emergencyRelationship: string;
  emergencyPhone: string;
}

export function contactValues(profile: Profile): ContactValues {
  return {
    phone: profile.phone ?? '',
    email: profile.email ?? '',
    address: profile.address,
    emergencyName: profile.emergencyContact?.name ?? '',
    emergencyRelationship: profile.emergencyContact?.relationship ?? '',
    emergencyPhone: profile.emergencyContact?.phone ?? '',
  };
}

/**
 * The PATCH for the contact form: an empty e-mail clears it; the emergency contact is cleared when
 * all three of its fields are empty, otherwise sent whole (the clinic names what is missing).
 * The phone is always sent: it cannot be removed (the clinic refuses an empty one, on the field).
 */
export function contactPatch(values: ContactValues): ProfilePatch {
  const trimmed: ContactValues = {
    phone: values.phone.trim(),
    email: values.email.trim(),
    address: values.address.trim(),
    emergencyName: values.emergencyName.trim(),
    emergencyRelationship: values.emergencyRelationship.trim(),
    emergencyPhone: values.emergencyPhone.trim(),
  };
  const emergencyEmpty = !trimmed.emergencyName && !trimmed.emergencyRelationship && !trimmed.emergencyPhone;
  return {
    phone: trimmed.phone,
    email: trimmed.email || null,
    address: trimmed.address,
    emergencyContact: emergencyEmpty
      ? null
      : {
          name: trimmed.emergencyName,
          relationship: trimmed.emergencyRelationship,
          phone: trimmed.emergencyPhone,
        },
  };
}

/** The gateway's field names (422 `fields`) → the contact form's. */
export function contactField(field: string): keyof ContactValues | null {
  if (field === 'phone' || field === 'email' || field === 'address') return field;
  if (field === 'emergencyContact.name' || field === 'emergencyContact') return 'emergencyName';
  if (field === 'emergencyContact.phone') return 'emergencyPhone';
  if (field === 'emergencyContact.relationship') return 'emergencyRelationship';
  return null;
}

export type Channel = 'sms' | 'email';
export const CHANNELS: readonly Channel[] = ['sms', 'email'];

/** The channels ticked "send me messages by…" → the opt-outs the clinic keeps (the unticked ones). */
export function optOutsFor(ticked: readonly Channel[]): Channel[] {
  return CHANNELS.filter((channel) => !ticked.includes(channel));
}
