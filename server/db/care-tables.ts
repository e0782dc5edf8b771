type Json = string;

export interface QueueEntryTable {
  id: string;
  appointmentId: string;
  doctorId: string;
  patientId: string;
  clinicDate: string;
  token: string;
  tokenNumber: number;
  checkedInAt: string;
  priority: 'normal' | 'urgent';
  position: number;
  state: string;
  calledAt: string | null;
  consultationStartedAt: string | null;
  finishedAt: string | null;
  displayInitials: string;
}
export interface QueueMoveTable {
  id: string;
  queueEntryId: string;
  fromPosition: number;
  toPosition: number;
  priorityFrom: string;
  priorityTo: string;
  movedBy: string;
  at: string;
  reason: string;
}
export interface ConsultationTable {
  id: string;
  appointmentId: string;
  patientId: string;
  doctorId: string;
  status: 'draft' | 'finalized';
  chiefComplaint: string;
  vitals: Json;
  examinationNotes: string;
  diagnosis: Json;
  clinicalNotes: string;
  advice: string;
  prescription: Json;
  tests: Json;
  followUpDate: string | null;
  signedBy: string | null;
  signedAt: string | null;
  signatureReceivedAt: string | null;
  signatureClock: 'hub' | 'device' | 'flagged' | null;
  createdAt: string;
  updatedAt: string;
  draftRevision: string | null;
  draftConflicts: Json;
}
export interface AddendumTable {
  id: string;
  consultationId: string;
  authorUserId: string;
  at: string;
  text: string;
  receivedAt: string | null;
  clock: 'hub' | 'device' | 'flagged' | null;
}
export interface BillTable {
  id: string;
  number: string | null;
  patientId: string;
  appointmentId: string | null;
  doctorId: string | null;
  currency: string;
  discount: Json | null;
  subtotal: number;
  discountTotal: number;
  total: number;
  paid: number;
  outstanding: number;
  status: string;
  createdAt: string;
  updatedAt: string;
}
export interface BillItemTable {
  id: string;
  billId: string;
  position: number;
  kind: string;
  description: string;
  quantity: number;
  unitPrice: number;
}
export interface PaymentTable {
  id: string;
  billId: string;
  kind: 'payment' | 'refund';
  amount: number;
  mode: string;
  reference: string;
  reason: string;
  receiptNumber: string | null;
  recordedBy: string;
  at: string;
}
export interface WaitlistEntryTable {
  id: string;
  patientId: string;
  doctorId: string;
  fromDate: string;
  toDate: string;
  note: string;
  status: string;
  offer: Json | null;
  createdAt: string;
}
export interface NotificationTable {
  id: string;
  dedupeKey: string;
  patientId: string | null;
  kind: string;
  channel: string;
  language: string;
  recipient: string;
  aboutEntity: string | null;
  aboutId: string | null;
  /** JSON: the placeholder values the text is made from. */
  params: string;
  subject: string;
  body: string;
  segments: number | null;
  attachment: string | null;
  state: string;
  reason: string | null;
  attempts: number;
  dueMs: number;
  nextAttemptMs: number;
  leaseUntilMs: number | null;
  providerMessageId: string | null;
  createdAt: string;
  updatedAt: string;
  sentAt: string | null;
  readAt: string | null;
}
export interface MessageTemplateTable {
  kind: string;
  channel: string;
  language: string;
  subject: string;
  body: string;
  updatedAt: string;
  updatedBy: string;
}
export interface SmtpSettingsTable {
  id: number;
  enabled: number;
  host: string;
  port: number;
  security: string;
  username: string;
  password: string | null;
  fromAddress: string | null;
  fromName: string;
  updatedAt: string;
}
export interface AttachmentTable {
  id: string;
  appointmentId: string;
  fileName: string;
  mimeType: string;
  sizeBytes: number;
  sha256: string;
  uploadedBy: string;
  uploaderRole: string;
  at: string;
}
export interface AttachmentContentTable {
  attachmentId: string;
  content: Buffer;
}
export interface FormularyEntryTable {
  id: string;
  generic: string;
  brands: Json;
  classes: Json;
  createdBy: string;
  createdAt: string;
}
export interface PrescriptionTemplateTable {
  id: string;
  doctorId: string;
  name: string;
  items: Json;
  createdAt: string;
  updatedAt: string;
}
export interface LeaveRequestTable {
  id: string;
  doctorId: string;
  fromDate: string;
  toDate: string;
  window: Json | null;
  reason: string;
  status: 'pending' | 'approved' | 'declined' | 'withdrawn';
  requestedBy: string;
  createdAt: string;
  decidedBy: string | null;
  decidedAt: string | null;
  decisionNote: string;
}
