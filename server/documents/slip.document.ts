import type { Appointment } from '@shared/domain/appointment.schema';
import type { Doctor } from '@shared/domain/doctor.schema';
import type { Patient } from '@shared/domain/patient.schema';
import type { ClinicSettings } from '@shared/domain/settings.schema';
import { clinicHeader } from './clinic-header';
import { documentFormat, fileSafe } from './document-format';
import { type Field, fieldGrid, noteBox, type Piece } from './pdf-blocks';
import { type Paper, PdfCanvas } from './pdf-canvas';

export interface SlipData {
  clinic: ClinicSettings;
  appointment: Pick<
    Appointment,
    'number' | 'startsAt' | 'endsAt' | 'type' | 'mode' | 'status' | 'meetingLink' | 'provisional'
  >;
  patient: Pick<Patient, 'fullName' | 'code' | 'phone'>;
  doctor: Pick<Doctor, 'fullName' | 'specialization'>;
  room: string | null;
  /** The queue token once checked in (e.g. K-012) and when. */
  queue: { token: string; checkedInAt: string } | null;
  printedAt: string;
}

const STATUS_LABELS: Record<Appointment['status'], string> = {
  REQUESTED: 'Requested — awaiting confirmation',
  CONFIRMED: 'Confirmed',
  CHECKED_IN: 'Checked in',
  COMPLETED: 'Completed',
  CANCELLED: 'Cancelled',
  NO_SHOW: 'Missed (no-show)',
};

function noteFor(data: SlipData): string {
  const { status, mode } = data.appointment;
  if (status === 'CANCELLED')
    return 'This appointment was cancelled. Please contact the clinic to book again.';
  if (status === 'NO_SHOW') return 'This appointment was missed. Please contact the clinic to book again.';
  if (status === 'COMPLETED') return 'This visit is complete. Thank you for visiting us.';
  if (data.queue) return 'Please stay in the waiting area; your token will be called on the display screen.';
  const confirm =
    status === 'REQUESTED'
      ? 'The clinic will confirm this booking; you will be told when it is confirmed. '
      : '';
  if (mode === 'ONLINE') {
    return `${confirm}This is an online consultation: please join with the meeting link 5 minutes before the time, with any earlier prescriptions and reports at hand.`;
  }
  return `${confirm}Please arrive 10 minutes before your appointment time and bring this slip with any earlier prescriptions and reports.`;
}

/** The appointment slip (docs/product.md §4, §12): what, when, where, with whom, and the token once checked in. */
export async function renderSlip(
  data: SlipData,
  paper: Paper,
): Promise<{ fileName: string; bytes: Uint8Array }> {
  const f = documentFormat(data.clinic);
  const { appointment, patient, doctor } = data;
  const number = appointment.number ?? 'Provisional';
  const canvas = await PdfCanvas.create({
    paper,
    title: `Appointment slip ${number}`,
    author: data.clinic.clinicName,
    footer: `${data.clinic.clinicName} · Appointment slip ${number} · printed ${f.dateTime(data.printedAt)}`,
    createdAt: data.printedAt,
    content: data,
  });
  clinicHeader(canvas, data.clinic, {
    title: 'Appointment slip',
    details: [
      { text: `No. ${number}`, bold: true },
      { text: `Printed ${f.dateTime(data.printedAt)}`, size: 'small', tone: 'muted' },
    ],
  });

  if (data.queue) {
    const height =
      canvas.lineHeight({ size: 'display' }) + canvas.lineHeight({ size: 'tiny' }) + canvas.u(16);
    const boxWidth = canvas.width * 0.34;
    canvas.rect(canvas.left, canvas.y, boxWidth, height, { fill: 'shade', border: 'accent', thickness: 1 });
    const inner = { width: boxWidth, align: 'center' } as const;
    canvas.drawLine(
      'TOKEN',
      canvas.left,
      canvas.y + canvas.u(7),
      { size: 'tiny', bold: true, tone: 'muted' },
      inner,
    );
    canvas.drawLine(
      data.queue.token,
      canvas.left,
      canvas.y + canvas.u(7) + canvas.lineHeight({ size: 'tiny' }),
      { size: 'display', bold: true, tone: 'accent' },
      inner,
    );
    const textX = canvas.left + boxWidth + canvas.u(14);
    canvas.drawLine(`Checked in at ${f.time(data.queue.checkedInAt)}`, textX, canvas.y + canvas.u(10), {
      bold: true,
    });
    canvas.drawLine(
      `${doctor.fullName}${data.room ? ` · ${data.room}` : ''}`,
      textX,
      canvas.y + canvas.u(10) + canvas.lineHeight(),
      { size: 'small', tone: 'muted' },
    );
    canvas.advance(height + canvas.u(12));
  }

  const time = `${f.time(appointment.startsAt)} – ${f.time(appointment.endsAt)}`;
  const fields: Field[] = [
    {
      label: 'Patient',
      value: [
        { text: patient.fullName, bold: true },
        { text: `Patient code ${patient.code}`, size: 'small' },
      ],
    },
    {
      label: 'Doctor',
      value: [
        { text: doctor.fullName, bold: true },
        { text: doctor.specialization, size: 'small' },
      ],
    },
    { label: 'Date', value: [{ text: f.date(appointment.startsAt), bold: true }] },
    { label: 'Time', value: [{ text: time, bold: true }] },
    {
      label: appointment.mode === 'ONLINE' ? 'Consultation' : 'Room',
      value:
        appointment.mode === 'ONLINE' ? 'Online (video)' : (data.room ?? 'The reception will direct you'),
    },
    { label: 'Visit', value: appointment.type === 'FOLLOW_UP' ? 'Follow-up' : 'New visit' },
  ];
  const statusTone = ['CANCELLED', 'NO_SHOW'].includes(appointment.status) ? 'alert' : 'ink';
  const status: Piece[] = [{ text: STATUS_LABELS[appointment.status], bold: true, tone: statusTone }];
  fields.push({ label: 'Status', value: status });
  if (appointment.mode === 'ONLINE' && appointment.meetingLink) {
    fields.push({ label: 'Meeting link', value: [{ text: appointment.meetingLink, size: 'small' }] });
  }
  fieldGrid(canvas, fields, 2);
  canvas.space(4);
  noteBox(canvas, [{ text: noteFor(data), size: 'small' }]);
  if (data.clinic.phone) {
    canvas.space(8);
    canvas.paragraph(`To cancel or change this appointment, call ${data.clinic.phone}.`, {
      size: 'small',
      tone: 'muted',
    });
  }
  return { fileName: `appointment-slip-${fileSafe(number)}.pdf`, bytes: await canvas.save() };
}
