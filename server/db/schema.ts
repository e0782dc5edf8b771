import type * as care from './care-tables';
import type * as display from './display-tables';
import type * as t from './tables';

/** The hub's (and each replica's) database, for kysely's query builder. */
export interface Database {
  hub_meta: t.HubMetaTable;
  counters: t.CounterTable;
  settings: t.SettingsTable;
  users: t.UserTable;
  credentials: t.CredentialTable;
  sessions: t.SessionTable;
  login_throttle: t.LoginThrottleTable;
  account_codes: t.AccountCodeTable;
  changes: t.ChangeTable;
  sync_clients: t.SyncClientTable;
  devices: t.DeviceTable;
  processed_mutations: t.ProcessedMutationTable;
  audit_log: t.AuditLogTable;
  patients: t.PatientTable;
  doctors: t.DoctorTable;
  rooms: t.RoomTable;
  weekly_windows: t.WeeklyWindowTable;
  schedule_exceptions: t.ScheduleExceptionTable;
  appointments: t.AppointmentTable;
  doctor_claims: t.ClaimTable & { doctorId: string };
  patient_claims: t.ClaimTable & { patientId: string };
  status_transitions: t.StatusTransitionTable;
  reschedule_records: t.RescheduleRecordTable;
  reschedule_requests: t.RescheduleRequestTable;
  queue_entries: care.QueueEntryTable;
  queue_moves: care.QueueMoveTable;
  consultations: care.ConsultationTable;
  addenda: care.AddendumTable;
  bills: care.BillTable;
  bill_items: care.BillItemTable;
  payments: care.PaymentTable;
  waitlist_entries: care.WaitlistEntryTable;
  notifications: care.NotificationTable;
  message_templates: care.MessageTemplateTable;
  smtp_settings: care.SmtpSettingsTable;
  attachments: care.AttachmentTable;
  attachment_contents: care.AttachmentContentTable;
  formulary_entries: care.FormularyEntryTable;
  prescription_templates: care.PrescriptionTemplateTable;
  leave_requests: care.LeaveRequestTable;
  displays: display.DisplayTable;
  display_calls: display.DisplayCallTable;
}
