import { z } from 'zod';
import { isoDateSchema, personNameSchema, phoneSchema } from '@shared/domain/common.schema';
import { messageLanguageSchema } from '@shared/domain/notification.schema';
import {
  bloodGroupSchema,
  type Patient,
  type PatientDetails,
  sexSchema,
} from '@shared/domain/patient.schema';
import { estimatedBirthDate } from '@shared/rules/patient-facts';
import { ageOn } from '@shared/rules/patient-identity';

const optional = <T extends z.ZodType>(schema: T) => z.union([z.literal(''), schema]);

/** What the registration / edit form holds: text inputs, turned into PatientDetails on submit. */
export const patientFormSchema = z
  .object({
    fullName: personNameSchema,
    dateOfBirth: optional(isoDateSchema),
    /** Quick registration: an age in years when the date of birth is not known. */
    ageYears: z
      .string()
      .trim()
      .regex(/^(\d{1,3})?$/, 'must be a whole number of years')
      // The hub keeps dates of birth from 1900 on: an older age is a typing slip.
      .refine((age) => age === '' || Number(age) <= 120, 'must be at most 120 years'),
    /** The stored estimated date of birth being edited, kept while the age typed still matches it. */
    estimatedBirthDate: z.string(),
    sex: sexSchema,
    phone: optional(phoneSchema),
    email: optional(z.email('must be an email address')),
    address: z.string().trim().max(500, 'must be at most 500 characters'),
    bloodGroup: optional(bloodGroupSchema),
    allergies: z.string().max(3000),
    /** Asked, and the patient knows of none (an empty list otherwise means "not recorded"). */
    noKnownAllergies: z.boolean(),
    chronicConditions: z.string().max(3000),
    insuranceProvider: z.string().trim().max(120),
    insurancePolicy: z.string().trim().max(60),
    insuranceValidUntil: optional(isoDateSchema),
    emergencyName: z.string().trim().max(120),
    emergencyRelationship: z.string().trim().max(60),
    emergencyPhone: optional(phoneSchema),
    preferredLanguage: messageLanguageSchema,
    smsOptOut: z.boolean(),
    emailOptOut: z.boolean(),
    emailAttachments: z.boolean(),
  })
  .superRefine((v, ctx) => {
    if ((v.insuranceProvider || v.insurancePolicy) && !(v.insuranceProvider && v.insurancePolicy)) {
      const path = v.insuranceProvider ? 'insurancePolicy' : 'insuranceProvider';
      ctx.addIssue({ code: 'custom', path: [path], message: 'give both the provider and the policy number' });
    }
    if ((v.emergencyName || v.emergencyPhone) && !(v.emergencyName && v.emergencyPhone)) {
      const path = v.emergencyName ? 'emergencyPhone' : 'emergencyName';
      ctx.addIssue({ code: 'custom', path: [path], message: 'give both the name and the phone' });
    }
  });
export type PatientFormValues = z.infer<typeof patientFormSchema>;

export const emptyPatientForm: PatientFormValues = {
  fullName: '',
  dateOfBirth: '',
  ageYears: '',
  estimatedBirthDate: '',
  sex: 'unknown',
  phone: '',
  email: '',
  address: '',
  bloodGroup: '',
  allergies: '',
  noKnownAllergies: false,
  chronicConditions: '',
  insuranceProvider: '',
  insurancePolicy: '',
  insuranceValidUntil: '',
  emergencyName: '',
  emergencyRelationship: '',
  emergencyPhone: '',
  preferredLanguage: 'en',
  smsOptOut: false,
  emailOptOut: false,
  emailAttachments: false,
};

/** One item per line or comma: "Penicillin, Sulfa" → ["Penicillin", "Sulfa"]. */
export function splitList(text: string): string[] {
  return [
    ...new Set(
      text
        .split(/[\n,]/)
        .map((s) => s.trim())
        .filter(Boolean),
    ),
  ];
}

/**
 * The date of birth typed, or one estimated from an age on the clinic's today (1 January of that
 * year, marked estimated so it is shown as "about 58", never as a real date).
 */
export function birthDateFrom(
  values: Pick<PatientFormValues, 'dateOfBirth' | 'ageYears' | 'estimatedBirthDate'>,
  today: string,
): Pick<PatientDetails, 'dateOfBirth' | 'dateOfBirthEstimated'> {
  if (values.dateOfBirth) return { dateOfBirth: values.dateOfBirth, dateOfBirthEstimated: false };
  if (!values.ageYears) return { dateOfBirth: null, dateOfBirthEstimated: false };
  const age = Number(values.ageYears);
  const kept = values.estimatedBirthDate && ageOn(values.estimatedBirthDate, today) === age;
  return {
    dateOfBirth: kept ? values.estimatedBirthDate : estimatedBirthDate(age, today),
    dateOfBirthEstimated: true,
  };
}

export function toPatientDetails(values: PatientFormValues, today: string): PatientDetails {
  return {
    fullName: values.fullName.trim(),
    ...birthDateFrom(values, today),
    sex: values.sex,
    phone: values.phone || null,
    email: values.email || null,
    address: values.address,
    bloodGroup: values.bloodGroup || null,
    allergies: splitList(values.allergies),
    allergiesRecorded: splitList(values.allergies).length > 0 || values.noKnownAllergies,
    chronicConditions: splitList(values.chronicConditions),
    insurance: values.insuranceProvider
      ? {
          provider: values.insuranceProvider,
          policyNumber: values.insurancePolicy,
          validUntil: values.insuranceValidUntil || null,
        }
      : null,
    emergencyContact: values.emergencyName
      ? {
          name: values.emergencyName,
          relationship: values.emergencyRelationship,
          phone: values.emergencyPhone,
        }
      : null,
    preferredLanguage: values.preferredLanguage,
    messageOptOuts: [
      ...(values.smsOptOut ? (['sms'] as const) : []),
      ...(values.emailOptOut ? (['email'] as const) : []),
    ],
    emailAttachments: values.emailAttachments,
  };
}

export function toFormValues(p: Patient, today: string): PatientFormValues {
  const estimated = p.dateOfBirthEstimated ? p.dateOfBirth : null;
  return {
    fullName: p.fullName,
    dateOfBirth: estimated ? '' : (p.dateOfBirth ?? ''),
    ageYears: estimated ? String(ageOn(estimated, today) ?? '') : '',
    estimatedBirthDate: estimated ?? '',
    sex: p.sex,
    phone: p.phone ?? '',
    email: p.email ?? '',
    address: p.address,
    bloodGroup: p.bloodGroup ?? '',
    allergies: p.allergies.join('\n'),
    noKnownAllergies: p.allergiesRecorded && p.allergies.length === 0,
    chronicConditions: p.chronicConditions.join('\n'),
    insuranceProvider: p.insurance?.provider ?? '',
    insurancePolicy: p.insurance?.policyNumber ?? '',
    insuranceValidUntil: p.insurance?.validUntil ?? '',
    emergencyName: p.emergencyContact?.name ?? '',
    emergencyRelationship: p.emergencyContact?.relationship ?? '',
    emergencyPhone: p.emergencyContact?.phone ?? '',
    preferredLanguage: p.preferredLanguage,
    smsOptOut: p.messageOptOuts.includes('sms'),
    emailOptOut: p.messageOptOuts.includes('email'),
    emailAttachments: p.emailAttachments,
  };
}

/** Hub field paths (details.x, details.insurance.provider …) → form fields. */
export const PATIENT_FIELD_MAP: Record<string, keyof PatientFormValues> = {
  'details.fullName': 'fullName',
  'details.dateOfBirth': 'dateOfBirth',
  'details.sex': 'sex',
  'details.phone': 'phone',
  'details.email': 'email',
  'details.address': 'address',
  'details.bloodGroup': 'bloodGroup',
  'details.allergies': 'allergies',
  'details.chronicConditions': 'chronicConditions',
  'details.insurance.provider': 'insuranceProvider',
  'details.insurance.policyNumber': 'insurancePolicy',
  'details.insurance.validUntil': 'insuranceValidUntil',
  'details.emergencyContact.name': 'emergencyName',
  'details.emergencyContact.relationship': 'emergencyRelationship',
  'details.emergencyContact.phone': 'emergencyPhone',
};

export const SEX_OPTIONS = [
  { value: 'female', label: 'Female' },
  { value: 'male', label: 'Male' },
  { value: 'other', label: 'Other' },
  { value: 'unknown', label: 'Not stated' },
] as const;
export const BLOOD_GROUPS = bloodGroupSchema.options;

export function sexLabel(sex: Patient['sex']): string {
  return SEX_OPTIONS.find((o) => o.value === sex)?.label ?? sex;
}
