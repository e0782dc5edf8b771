import { describe, expect, it } from 'vitest';
import { roleSchema, type Role } from '@shared/domain/common.schema';
import { operationNames } from '@shared/contract/index';
import { allowedOperations, authorize, can } from './authorize';

/**
 * The expected permission table, written out independently of the policy so that a change to
 * either shows up here. Columns: patient, receptionist, doctor, nurse, admin.
 * a = any record, o = own records only, - = denied, P = public (no session needed).
 */
const expectedTable = `
auth.setupStatus              P P P P P
auth.setup                    P P P P P
auth.login                    P P P P P
auth.patientLogin             P P P P P
auth.patientSignUp            P P P P P
auth.requestActivation        P P P P P
auth.activate                 P P P P P
auth.requestPasswordReset     P P P P P
auth.resetPassword            P P P P P
auth.session                  o o o o o
auth.logout                   o o o o o
auth.changePassword           o o o o o
users.list                    - - - - a
users.get                     - - - - a
users.create                  - - - - a
users.update                  - - - - a
users.setDisabled             - - - - a
users.resetPassword           - - - - a
settings.get                  a a a a a
settings.update               - - - - a
doctors.list                  a a a a a
doctors.get                   a a a a a
doctors.create                - - - - a
doctors.update                - - - - a
rooms.list                    - a a a a
rooms.create                  - - - - a
rooms.update                  - - - - a
rooms.availability            - a a - a
schedules.get                 - a a - a
schedules.windowsOn           - a a a a
schedules.previewWeekly       - a - - a
schedules.setWeekly           - a - - a
schedules.previewException    - a o - a
schedules.addException        - a o - a
schedules.removeException     - a o - a
schedules.bulkReschedule      - a o - a
leave.request                 - - o - -
leave.withdraw                - - o - -
leave.list                    - a o - a
leave.collisions              - a - - a
leave.approve                 - a - - a
leave.decline                 - a - - a
slots.list                    a a a - a
slots.nextFree                a a a - a
devices.list                  - - - - a
devices.names                 - a a a a
devices.rename                - - - - a
patients.register             - a - - a
patients.update               o a a - a
patients.checkDuplicates      - a - - a
patients.search               - a a a a
patients.get                  o a a a a
patients.getMany              o a a a a
patients.profile              - a a a a
patients.me                   o - - - -
patients.inviteToApp          - a - - a
appointments.book             o a a - a
appointments.confirm          - a o - a
appointments.decline          - - o - a
appointments.cancel           o a o - a
appointments.reschedule       o a o - a
appointments.requestReschedule o - - - -
appointments.decideReschedule - a o - a
appointments.markNoShow       - a o - a
appointments.complete         - - o - -
appointments.undoTransition   - a o - a
appointments.get              o a a a a
appointments.history          o a a - a
appointments.list             - a a a a
appointments.search           - a a a a
appointments.rescheduleRequests - a o - a
appointments.mine             o - - - -
appointments.slip             o a - - a
queue.checkIn                 - a o - a
queue.walkIn                  - a - - a
queue.list                    - a a a a
queue.move                    - a o - a
queue.setPriority             - a o - a
queue.callNext                - a o - -
queue.recall                  - a o - -
queue.startConsultation       - - o - -
queue.myPosition              o - - - -
formulary.list                - a a a a
formulary.addEntry            - - - - a
prescriptions.templates       - - a - -
prescriptions.saveTemplate    - - a - -
prescriptions.deleteTemplate  - - a - -
consultations.get             - - a - -
consultations.saveDraft       - - o - -
consultations.recordVitals    - - o a -
consultations.vitals          - - a a -
consultations.finalize        - - o - -
consultations.addAddendum     - - a - -
consultations.patientHistory  - - a - -
consultations.mySummaries     o - - - -
consultations.prescriptionPdf o - a - -
billing.createBill            - a - - a
billing.addItems              - a - - a
billing.removeItem            - a - - a
billing.setDiscount           - a - - a
billing.recordPayment         - a - - a
billing.refund                - a - - a
billing.get                   o a - - a
billing.list                  - a - - a
billing.mine                  o - - - -
billing.receiptPdf            o a - - a
billing.dailyCollection       - a - - a
billing.doctorRevenue         - - - - a
waitlist.join                 o a - - a
waitlist.list                 o a a - a
waitlist.cancel               o a - - a
waitlist.accept               o a - - a
waitlist.decline              o a - - a
notifications.inbox           o - - - -
notifications.markRead        o - - - -
push.publicKey                o - - - -
push.subscribe                o - - - -
push.unsubscribe              o - - - -
notifications.outbox          - a - - a
notifications.retry           - a - - a
messages.templates            - - - - a
messages.saveTemplate         - - - - a
messages.resetTemplate        - - - - a
messages.preview              - - - - a
messages.mailSettings         - - - - a
messages.saveMailSettings     - - - - a
messages.sendTestEmail        - - - - a
attachments.list              o - a - -
attachments.upload            o - a - -
attachments.download          o - a - -
analytics.dashboard           - - - - a
analytics.export              - - - - a
audit.list                    - - - - a
audit.export                  - - - - a
audit.verify                  - - - - a
audit.status                  - - - - a
displays.list                 - - - - a
displays.create               - - - - a
displays.update               - - - - a
displays.newPairingCode       - - - - a
displays.revoke               - - - - a
displays.testAnnouncement     - - - - a
displays.pair                 P P P P P
`;

const roles: Role[] = ['patient', 'receptionist', 'doctor', 'nurse', 'admin'];
const rows = expectedTable
  .trim()
  .split('\n')
  .map((line) => {
    const [operation, ...codes] = line.trim().split(/\s+/);
    return { operation: operation!, codes };
  });

function codeOf(role: Role | null, operation: (typeof operationNames)[number]): string {
  const decision = authorize(role, operation);
  if (!decision.allowed) return '-';
  return decision.scope === 'public' ? 'P' : decision.scope === 'any' ? 'a' : 'o';
}

describe('permission policy', () => {
  it('lists every contract operation exactly once in the expected table', () => {
    const listed = rows.map((r) => r.operation);
    expect(new Set(listed).size).toBe(listed.length);
    expect([...listed].sort()).toEqual([...operationNames].sort());
  });

  it.each(roles)('matches the expected table for every action of %s', (role) => {
    const column = roles.indexOf(role);
    const mismatches = rows
      .filter((row) => codeOf(role, row.operation as never) !== row.codes[column])
      .map(
        (row) =>
          `${row.operation}: expected ${row.codes[column]}, got ${codeOf(role, row.operation as never)}`,
      );
    expect(mismatches).toEqual([]);
  });

  it('allows a caller without a session only the public operations', () => {
    for (const row of rows) {
      const decision = authorize(null, row.operation as never);
      expect(decision.allowed, row.operation).toBe(row.codes[0] === 'P');
      if (!decision.allowed) expect(decision.reason).toBe('unauthenticated');
    }
    expect(authorize('receptionist', 'consultations.get')).toEqual({ allowed: false, reason: 'forbidden' });
  });

  it('never lets the front desk or admin reach consultation content', () => {
    for (const role of ['receptionist', 'admin'] as const) {
      const clinical = allowedOperations(role).filter((op) => /^(consultations|attachments)\./.test(op));
      expect(clinical).toEqual([]);
    }
    expect(can('nurse', 'consultations.finalize')).toBe(false);
    expect(can('nurse', 'consultations.recordVitals')).toBe(true);
  });

  it('knows only the five roles', () => {
    expect(roleSchema.options).toEqual(roles);
  });
});
