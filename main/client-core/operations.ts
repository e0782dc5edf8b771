import type { OperationName } from '@shared/contract/index';

/**
 * Which operations a desktop runs against its replica. Commands here apply optimistically and
 * queue in the outbox, online or not (docs/product.md §13 offline scope: registration, check-in and queue,
 * consultations, payments, provisional bookings); other commands need the hub and fail offline.
 */
export const outboxCommands: ReadonlySet<OperationName> = new Set<OperationName>([
  'patients.register',
  'patients.update',
  'appointments.book',
  'appointments.confirm',
  'appointments.decline',
  'appointments.cancel',
  'appointments.reschedule',
  'appointments.markNoShow',
  'appointments.complete',
  'appointments.undoTransition',
  'queue.checkIn',
  'queue.walkIn',
  'queue.move',
  'queue.setPriority',
  'queue.callNext',
  'queue.recall',
  'queue.startConsultation',
  'consultations.saveDraft',
  'consultations.recordVitals',
  'consultations.finalize',
  'consultations.addAddendum',
  'prescriptions.saveTemplate',
  'prescriptions.deleteTemplate',
  'billing.createBill',
  'billing.addItems',
  'billing.removeItem',
  'billing.setDiscount',
  'billing.recordPayment',
  'billing.refund',
]);

/** Queries that read what a replica does not hold (sessions, audit, devices, files, documents). */
export const hubOnlyQueries: ReadonlySet<OperationName> = new Set<OperationName>([
  'auth.setupStatus',
  'auth.session',
  'audit.list',
  'audit.export',
  'audit.verify',
  'audit.status',
  'devices.list',
  'devices.names',
  'analytics.dashboard',
  'analytics.export',
  'attachments.download',
  'attachments.list',
  'appointments.slip',
  'billing.receiptPdf',
  'consultations.prescriptionPdf',
  'notifications.outbox',
  'messages.templates',
  'messages.preview',
  'messages.mailSettings',
  'notifications.inbox',
  // Leave requests are hub-only (private reasons; approving changes schedules).
  'leave.list',
  'leave.collisions',
]);
