import type { z } from 'zod';
import type { publicDoctorSchema } from '@shared/gateway/clinic.schema';
import type { patientWaitlistEntrySchema } from '@shared/gateway/waitlist.schema';

export type WaitlistEntry = z.infer<typeof patientWaitlistEntrySchema>;
export type PublicDoctor = z.infer<typeof publicDoctorSchema>;
