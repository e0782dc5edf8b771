import { z } from 'zod';
import { patchOf } from '@shared/domain/common.schema';
import { notificationSchema } from '@shared/domain/notification.schema';
import { patientDetailsSchema, patientSchema } from '@shared/domain/patient.schema';

/** The patient's own record as the app shows it: no provisional code or bookkeeping times. */
export const patientProfileSchema = z.object(
  patientSchema.omit({ provisionalCode: true, createdAt: true, updatedAt: true }).shape,
);

/**
 * What a patient may change themselves (docs/product.md §14 "profile"): how the clinic reaches
 * them (phone, e-mail, address, emergency contact) and how it messages them (language, channels
 * opted out, PDFs by e-mail). Who they are (name, date of birth, sex, patient code) and the
 * medical facts (allergies, conditions, blood group) and insurance stay with the clinic's staff,
 * who check them. The phone can be changed but not removed: it is how they sign in and get codes.
 * Any other key is refused with 422 naming it.
 */
export const profilePatchSchema = patchOf(patientDetailsSchema)
  .pick({
    email: true,
    address: true,
    emergencyContact: true,
    preferredLanguage: true,
    messageOptOuts: true,
    emailAttachments: true,
  })
  .extend({ phone: patientDetailsSchema.shape.phone.unwrap().unwrap().optional() });

/** An in-app message as its reader sees it: not its delivery bookkeeping. */
export const patientNotificationSchema = z.object(
  notificationSchema.pick({
    id: true,
    kind: true,
    about: true,
    subject: true,
    body: true,
    createdAt: true,
    sentAt: true,
    readAt: true,
  }).shape,
);
