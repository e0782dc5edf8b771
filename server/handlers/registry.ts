import type { HandlerMap } from '@server/core/handler';
import { adminHandlers } from './admin/admin.handlers';
import { appointmentHandlers } from './appointments/appointments.handlers';
import { authHandlers } from './auth/auth.handlers';
import { patientAuthHandlers } from './auth/patient-auth.handlers';
import { userHandlers } from './auth/users.handlers';
import { billingHandlers } from './billing/billing.handlers';
import { clinicHandlers } from './clinic/clinic.handlers';
import { consultationHandlers } from './consultations/consultations.handlers';
import { displayHandlers } from './display/displays.handlers';
import { deliveryHandlers } from './engagement/delivery.handlers';
import { engagementHandlers } from './engagement/engagement.handlers';
import { mailSettingsHandlers } from './engagement/mail-settings.handlers';
import { templateHandlers } from './engagement/templates.handlers';
import { outboxHandlers } from './engagement/outbox.handlers';
import { inboxHandlers } from './engagement/inbox.handlers';
import { pushHandlers } from './engagement/push.handlers';
import { formularyHandlers } from './formulary/formulary.handlers';
import { leaveHandlers } from './leave/leave.handlers';
import { patientHandlers } from './patients/patients.handlers';
import { queueHandlers } from './queue/queue.handlers';

/** Every contract operation the hub implements, by area. */
export const handlers: HandlerMap = {
  ...authHandlers,
  ...userHandlers,
  ...patientAuthHandlers,
  ...clinicHandlers,
  ...leaveHandlers,
  ...patientHandlers,
  ...appointmentHandlers,
  ...queueHandlers,
  ...consultationHandlers,
  ...formularyHandlers,
  ...billingHandlers,
  ...engagementHandlers,
  ...templateHandlers,
  ...mailSettingsHandlers,
  ...outboxHandlers,
  ...deliveryHandlers,
  ...inboxHandlers,
  ...pushHandlers,
  ...adminHandlers,
  ...displayHandlers,
};
