import type { Role } from '@shared/domain/common.schema';
import type { OperationName } from '@shared/contract/index';

/**
 * 'any': every record the operation can reach; 'own': only the actor's own (a patient's own
 * records, a doctor's own appointments, queue and consultations). A role without an entry is denied.
 */
export type Scope = 'any' | 'own';
export type Grant = 'public' | Readonly<Partial<Record<Role, Scope>>>;

const staffRead = { receptionist: 'any', doctor: 'any', nurse: 'any', admin: 'any' } as const;
const frontDesk = { receptionist: 'any', admin: 'any' } as const;
const adminOnly = { admin: 'any' } as const;
const everyoneOwn = {
  patient: 'own',
  receptionist: 'own',
  doctor: 'own',
  nurse: 'own',
  admin: 'own',
} as const;

/**
 * The one permission policy (docs/architecture.md (Security invariants)), deny by default. Typed as a complete record, so a new
 * contract operation does not compile until someone decides who may use it.
 */
export const permissionPolicy: Readonly<Record<OperationName, Grant>> = {
  'auth.setupStatus': 'public',
  'auth.setup': 'public',
  'auth.login': 'public',
  'auth.patientLogin': 'public',
  'auth.patientSignUp': 'public',
  'auth.requestActivation': 'public',
  'auth.activate': 'public',
  'auth.requestPasswordReset': 'public',
  'auth.resetPassword': 'public',
  'auth.session': everyoneOwn,
  'auth.logout': everyoneOwn,
  'auth.changePassword': everyoneOwn,

  'users.list': adminOnly,
  'users.get': adminOnly,
  'users.create': adminOnly,
  'users.update': adminOnly,
  'users.setDisabled': adminOnly,
  'users.resetPassword': adminOnly,

  'settings.get': { ...staffRead, patient: 'any' },
  'settings.update': adminOnly,
  'doctors.list': { ...staffRead, patient: 'any' },
  'doctors.get': { ...staffRead, patient: 'any' },
  'doctors.create': adminOnly,
  'doctors.update': adminOnly,
  'rooms.list': staffRead,
  'rooms.create': adminOnly,
  'rooms.update': adminOnly,
  'rooms.availability': { receptionist: 'any', doctor: 'any', admin: 'any' },
  'schedules.get': { receptionist: 'any', doctor: 'any', admin: 'any' },
  'schedules.windowsOn': staffRead,
  'schedules.previewWeekly': frontDesk,
  'schedules.setWeekly': frontDesk,
  'schedules.previewException': { ...frontDesk, doctor: 'own' },
  'schedules.addException': { ...frontDesk, doctor: 'own' },
  'schedules.removeException': { ...frontDesk, doctor: 'own' },
  'schedules.bulkReschedule': { ...frontDesk, doctor: 'own' },
  // Doctors' leave requests: a doctor their own; reception and admin decide (they already put
  // any doctor's leave in and move the bookings it strands).
  'leave.request': { doctor: 'own' },
  'leave.withdraw': { doctor: 'own' },
  'leave.list': { ...frontDesk, doctor: 'own' },
  'leave.collisions': frontDesk,
  'leave.approve': frontDesk,
  'leave.decline': frontDesk,
  'slots.list': { receptionist: 'any', doctor: 'any', admin: 'any', patient: 'any' },
  'slots.nextFree': { receptionist: 'any', doctor: 'any', admin: 'any', patient: 'any' },
  'devices.list': adminOnly,
  'devices.names': staffRead,
  'devices.rename': adminOnly,

  'patients.register': frontDesk,
  'patients.update': { ...frontDesk, doctor: 'any', patient: 'own' },
  'patients.checkDuplicates': frontDesk,
  'patients.search': staffRead,
  'patients.get': { ...staffRead, patient: 'own' },
  'patients.getMany': { ...staffRead, patient: 'own' },
  'patients.profile': staffRead,
  'patients.me': { patient: 'own' },
  'patients.inviteToApp': frontDesk,

  'appointments.book': { ...frontDesk, doctor: 'any', patient: 'own' },
  'appointments.confirm': { ...frontDesk, doctor: 'own' },
  'appointments.decline': { doctor: 'own', admin: 'any' },
  'appointments.cancel': { ...frontDesk, doctor: 'own', patient: 'own' },
  'appointments.reschedule': { ...frontDesk, doctor: 'own', patient: 'own' },
  'appointments.requestReschedule': { patient: 'own' },
  'appointments.decideReschedule': { ...frontDesk, doctor: 'own' },
  'appointments.markNoShow': { ...frontDesk, doctor: 'own' },
  'appointments.complete': { doctor: 'own' },
  'appointments.undoTransition': { ...frontDesk, doctor: 'own' },
  'appointments.get': { ...staffRead, patient: 'own' },
  'appointments.history': { receptionist: 'any', doctor: 'any', admin: 'any', patient: 'own' },
  'appointments.list': staffRead,
  'appointments.search': staffRead,
  'appointments.rescheduleRequests': { receptionist: 'any', doctor: 'own', admin: 'any' },
  'appointments.mine': { patient: 'own' },
  'appointments.slip': { ...frontDesk, patient: 'own' },

  'queue.checkIn': { ...frontDesk, doctor: 'own' },
  'queue.walkIn': frontDesk,
  'queue.list': staffRead,
  'queue.move': { ...frontDesk, doctor: 'own' },
  'queue.setPriority': { ...frontDesk, doctor: 'own' },
  'queue.callNext': { receptionist: 'any', doctor: 'own' },
  'queue.recall': { receptionist: 'any', doctor: 'own' },
  'queue.startConsultation': { doctor: 'own' },
  'queue.myPosition': { patient: 'own' },

  'formulary.list': staffRead,
  'formulary.addEntry': adminOnly,
  // The handlers act on the signed-in doctor's own templates only.
  'prescriptions.templates': { doctor: 'any' },
  'prescriptions.saveTemplate': { doctor: 'any' },
  'prescriptions.deleteTemplate': { doctor: 'any' },

  'consultations.get': { doctor: 'any' },
  'consultations.saveDraft': { doctor: 'own' },
  'consultations.recordVitals': { doctor: 'own', nurse: 'any' },
  'consultations.vitals': { doctor: 'any', nurse: 'any' },
  'consultations.finalize': { doctor: 'own' },
  'consultations.addAddendum': { doctor: 'any' },
  'consultations.patientHistory': { doctor: 'any' },
  'consultations.mySummaries': { patient: 'own' },
  'consultations.prescriptionPdf': { doctor: 'any', patient: 'own' },

  'billing.createBill': frontDesk,
  'billing.addItems': frontDesk,
  'billing.removeItem': frontDesk,
  'billing.setDiscount': frontDesk,
  'billing.recordPayment': frontDesk,
  'billing.refund': frontDesk,
  'billing.get': { ...frontDesk, patient: 'own' },
  'billing.list': frontDesk,
  'billing.mine': { patient: 'own' },
  'billing.receiptPdf': { ...frontDesk, patient: 'own' },
  'billing.dailyCollection': frontDesk,
  'billing.doctorRevenue': adminOnly,

  'waitlist.join': { ...frontDesk, patient: 'own' },
  'waitlist.list': { receptionist: 'any', doctor: 'any', admin: 'any', patient: 'own' },
  'waitlist.cancel': { ...frontDesk, patient: 'own' },
  'waitlist.accept': { ...frontDesk, patient: 'own' },
  'waitlist.decline': { ...frontDesk, patient: 'own' },
  'notifications.inbox': { patient: 'own' },
  'notifications.markRead': { patient: 'own' },
  'push.publicKey': { patient: 'own' },
  'push.subscribe': { patient: 'own' },
  'push.unsubscribe': { patient: 'own' },
  'notifications.outbox': frontDesk,
  'notifications.retry': frontDesk,
  'messages.templates': adminOnly,
  'messages.saveTemplate': adminOnly,
  'messages.resetTemplate': adminOnly,
  'messages.preview': adminOnly,
  'messages.mailSettings': adminOnly,
  'messages.saveMailSettings': adminOnly,
  'messages.sendTestEmail': adminOnly,
  'attachments.list': { doctor: 'any', patient: 'own' },
  'attachments.upload': { doctor: 'any', patient: 'own' },
  'attachments.download': { doctor: 'any', patient: 'own' },

  'analytics.dashboard': adminOnly,
  'analytics.export': adminOnly,
  'audit.list': adminOnly,
  'audit.export': adminOnly,
  'audit.verify': adminOnly,
  'audit.status': adminOnly,

  'displays.list': adminOnly,
  'displays.create': adminOnly,
  'displays.update': adminOnly,
  'displays.newPairingCode': adminOnly,
  'displays.revoke': adminOnly,
  'displays.testAnnouncement': adminOnly,
  // The TV has no session: the pairing code is its proof (one use, 15 minutes, ~41 bits).
  'displays.pair': 'public',
};
