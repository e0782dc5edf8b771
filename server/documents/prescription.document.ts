import type { Appointment } from '@shared/domain/appointment.schema';
import type { AuthorClock, ConsultationSummary, PrescriptionItem } from '@shared/domain/consultation.schema';
import type { Doctor } from '@shared/domain/doctor.schema';
import type { Patient } from '@shared/domain/patient.schema';
import type { ClinicSettings } from '@shared/domain/settings.schema';
import { ageText, allergiesText, allergyStatus } from '@shared/rules/patient-facts';
import { clinicHeader } from './clinic-header';
import { documentFormat, fileSafe } from './document-format';
import { bullets, type Field, fieldGrid, noteBox, sectionTitle, table } from './pdf-blocks';
import { type Paper, PdfCanvas } from './pdf-canvas';

/**
 * What a prescription shows: the patient-facing summary of a signed record (docs/product.md §8) — never the
 * complaint, examination or clinical notes, which the loader does not even pass here.
 */
export interface PrescriptionData {
  clinic: ClinicSettings;
  summary: Omit<ConsultationSummary, 'signedAt'> & { signedAt: string };
  appointment: Pick<Appointment, 'number' | 'startsAt'>;
  patient: Pick<
    Patient,
    | 'id'
    | 'fullName'
    | 'code'
    | 'dateOfBirth'
    | 'dateOfBirthEstimated'
    | 'sex'
    | 'allergies'
    | 'allergiesRecorded'
  >;
  doctor: Pick<Doctor, 'fullName' | 'qualification' | 'specialization' | 'registrationNumber'>;
  /** Who signed (the treating doctor, normally). */
  signer: { name: string; qualification: string; registrationNumber: string | null };
  /** When the signature reached the hub (summary.signedAt is the author's time) and whose clock that is. */
  signature: { receivedAt: string | null; clock: AuthorClock | null };
  printedAt: string;
}

const TIMING: Record<PrescriptionItem['timing'], string> = {
  before_food: 'Before food',
  after_food: 'After food',
  with_food: 'With food',
  empty_stomach: 'Empty stomach',
  bedtime: 'At bedtime',
  as_needed: 'When needed',
  any_time: 'Any time',
};
const SEX: Record<Patient['sex'], string> = { female: 'Female', male: 'Male', other: 'Other', unknown: '' };

const days = (count: number) => `${count} ${count === 1 ? 'day' : 'days'}`;

/** The prescription (docs/product.md §8, §12): letterhead with the doctor, patient, diagnosis, medicines, tests, advice, signature. */
export async function renderPrescription(
  data: PrescriptionData,
  paper: Paper,
): Promise<{ fileName: string; bytes: Uint8Array }> {
  const f = documentFormat(data.clinic);
  const { summary, patient, doctor, appointment, signer } = data;
  const visit = appointment.number ?? 'Provisional';
  const canvas = await PdfCanvas.create({
    paper,
    title: `Prescription ${visit}`,
    author: data.clinic.clinicName,
    footer: `${data.clinic.clinicName} · Prescription for ${visit} · printed ${f.dateTime(data.printedAt)}`,
    createdAt: data.printedAt,
    content: data,
  });
  clinicHeader(canvas, data.clinic, {
    title: 'Prescription',
    details: [
      { text: doctor.fullName, bold: true },
      { text: doctor.qualification, size: 'small' },
      { text: doctor.specialization, size: 'small' },
      { text: `Reg. No. ${doctor.registrationNumber}`, size: 'small' },
    ],
  });

  const visitDate = f.isoDate(appointment.startsAt);
  const age = ageText(patient, visitDate);
  const ageSex = [age === null ? '' : `${age} y`, SEX[patient.sex]].filter(Boolean).join(' / ') || '—';
  const fields: Field[] = [
    {
      label: 'Patient',
      value: [
        { text: patient.fullName, bold: true },
        { text: `Patient code ${patient.code}`, size: 'small' },
      ],
    },
    { label: 'Age / Sex', value: [{ text: ageSex, bold: true }] },
    { label: 'Date', value: [{ text: f.date(appointment.startsAt), bold: true }] },
    { label: 'Visit', value: [{ text: visit, bold: true }] },
  ];
  fieldGrid(canvas, fields, paper === 'A4' ? 4 : 2);
  // Always stated: "not recorded" must never read as "none known".
  const listed = allergyStatus(patient) === 'listed';
  canvas.paragraph(allergiesText(patient), {
    size: 'small',
    bold: listed,
    ...(listed && { tone: 'alert' as const }),
  });

  if (summary.diagnosis.text || summary.diagnosis.code) {
    sectionTitle(canvas, 'Diagnosis');
    const code = summary.diagnosis.code ? ` (${summary.diagnosis.code})` : '';
    canvas.paragraph(`${summary.diagnosis.text}${code}`.trim(), { bold: true });
  }

  if (summary.prescription.length > 0) {
    sectionTitle(canvas, 'Medicines', { mark: '℞' });
    table(
      canvas,
      [
        { header: '#', width: 0.05 },
        { header: 'Medicine', width: 0.45 },
        { header: 'Dose', width: 0.14 },
        { header: 'When', width: 0.18 },
        { header: 'Duration', width: 0.18 },
      ],
      summary.prescription.map((item, index) => [
        String(index + 1),
        [
          { text: [item.medicine, item.strength].filter(Boolean).join(' '), bold: true },
          { text: item.instructions, size: 'small', tone: 'muted' },
        ],
        [{ text: item.dosePattern, bold: true }],
        TIMING[item.timing],
        days(item.durationDays),
      ]),
    );
    canvas.space(3);
    canvas.paragraph(
      'Dose: morning – afternoon – night (e.g. 1-0-1 = one in the morning and one at night).',
      {
        size: 'tiny',
        tone: 'muted',
      },
    );
  }

  if (summary.tests.length > 0) {
    sectionTitle(canvas, 'Tests requested');
    bullets(
      canvas,
      summary.tests.map((test) => [
        { text: test.name, bold: true },
        { text: test.notes, size: 'small', tone: 'muted' },
      ]),
    );
  }

  if (summary.advice.trim()) {
    sectionTitle(canvas, 'Advice');
    canvas.paragraph(summary.advice);
  }

  if (summary.followUpDate) {
    canvas.space(10);
    noteBox(canvas, [{ text: `Follow-up visit: ${f.calendarDate(summary.followUpDate)}`, bold: true }]);
  }

  // Signature: kept together at the bottom right.
  const blockWidth = canvas.width * (paper === 'A4' ? 0.4 : 0.55);
  const x = canvas.right - blockWidth;
  const lines = [
    { text: signer.name, bold: true },
    {
      text: [signer.qualification, signer.registrationNumber ? `Reg. No. ${signer.registrationNumber}` : '']
        .filter(Boolean)
        .join(' · '),
      size: 'small' as const,
    },
    {
      text: `Signed electronically ${f.dateTime(summary.signedAt)}`,
      size: 'small' as const,
      tone: 'muted' as const,
    },
    ...signatureTimes(data, f),
  ].filter((line) => line.text);
  const height = canvas.u(34) + lines.reduce((sum, line) => sum + canvas.lineHeight(line), 0);
  canvas.space(12);
  canvas.ensure(height);
  canvas.space(28);
  canvas.hline(canvas.y, { x, width: blockWidth, thickness: 0.8, tone: 'ink' });
  canvas.space(4);
  for (const line of lines) {
    canvas.drawLine(line.text, x, canvas.y, line, { width: blockWidth, align: 'center' });
    canvas.advance(canvas.lineHeight(line));
  }
  return { fileName: `prescription-${fileSafe(visit)}.pdf`, bytes: await canvas.save() };
}

/** Under the signing time (medico-legal): when the clinic's hub received it, and a flagged clock. */
function signatureTimes(data: PrescriptionData, f: { dateTime(iso: string): string }) {
  const { receivedAt, clock } = data.signature;
  const small = { size: 'small' as const, tone: 'muted' as const };
  return [
    { text: receivedAt ? `Received by the clinic ${f.dateTime(receivedAt)}` : '', ...small },
    { text: clock === 'flagged' ? 'Signing computer’s clock unconfirmed: time may be off' : '', ...small },
  ];
}
