import type { Patient } from '@shared/domain/patient.schema';

/** SMS and e-mail the clinic's messages reach this patient on (they are in the app too, if they use it). */
export function reachableChannels(patient: Pick<Patient, 'phone' | 'email' | 'messageOptOuts'>): string[] {
  const optedOut = new Set<string>(patient.messageOptOuts);
  return [
    ...(patient.phone?.trim() && !optedOut.has('sms') ? ['SMS'] : []),
    ...(patient.email?.trim() && !optedOut.has('email') ? ['e-mail'] : []),
  ];
}

/**
 * How a patient learns of what the clinic did to their booking (`what`: "a cancellation
 * message"), as the hub's messages will do it (server/notifications): precise, never a promise
 * the clinic does not keep.
 */
export function howPatientIsTold(
  patient: Pick<Patient, 'phone' | 'email' | 'messageOptOuts'> | undefined,
  what: string,
): string {
  if (!patient) return `The patient is sent ${what}.`;
  const channels = reachableChannels(patient);
  if (channels.length === 0) {
    return (
      'The patient has no phone or e-mail the clinic may message, so please tell them yourself ' +
      '(they see it in the patient app if they use it).'
    );
  }
  return `The patient is sent ${what} by ${channels.join(' and ')} (and in the patient app if they use it).`;
}
