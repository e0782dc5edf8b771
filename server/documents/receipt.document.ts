import type { Appointment } from '@shared/domain/appointment.schema';
import type { Bill, BillStatus, Payment } from '@shared/domain/billing.schema';
import type { Doctor } from '@shared/domain/doctor.schema';
import type { Patient } from '@shared/domain/patient.schema';
import type { ClinicSettings } from '@shared/domain/settings.schema';
import { clinicHeader } from './clinic-header';
import { documentFormat, fileSafe, paymentModeLabel } from './document-format';
import { type Field, fieldGrid, sectionTitle, table, type TotalLine, totals } from './pdf-blocks';
import { type Paper, PdfCanvas, type Tone } from './pdf-canvas';

export interface ReceiptData {
  clinic: ClinicSettings;
  bill: Bill;
  payments: readonly Payment[];
  patient: Pick<Patient, 'fullName' | 'code' | 'phone'>;
  doctor: Pick<Doctor, 'fullName' | 'specialization'> | null;
  appointment: Pick<Appointment, 'number' | 'startsAt'> | null;
  printedAt: string;
}

const STATUS: Record<BillStatus, { label: string; tone: Tone }> = {
  PENDING: { label: 'Pending', tone: 'alert' },
  PARTIALLY_PAID: { label: 'Partially paid', tone: 'alert' },
  PAID: { label: 'Paid', tone: 'accent' },
};

/** The bill with its payments and refunds (docs/product.md §9, §12): numbers, items, totals, what is still due. */
export async function renderReceipt(
  data: ReceiptData,
  paper: Paper,
): Promise<{ fileName: string; bytes: Uint8Array }> {
  const { bill, payments, patient, doctor, appointment } = data;
  const f = documentFormat({ ...data.clinic, currency: bill.currency });
  const number = bill.number ?? 'Provisional';
  const title = payments.length > 0 ? 'Receipt' : 'Bill';
  const canvas = await PdfCanvas.create({
    paper,
    title: `${title} ${number}`,
    author: data.clinic.clinicName,
    footer: `${data.clinic.clinicName} · Bill ${number} · printed ${f.dateTime(data.printedAt)}`,
    createdAt: data.printedAt,
    content: data,
  });
  clinicHeader(canvas, data.clinic, {
    title,
    details: [
      { text: `Bill ${number}`, bold: true },
      { text: `Date ${f.date(bill.createdAt)}`, size: 'small' },
      { text: `Printed ${f.dateTime(data.printedAt)}`, size: 'small', tone: 'muted' },
    ],
  });

  const status = STATUS[bill.status];
  const fields: Field[] = [
    {
      label: 'Patient',
      value: [
        { text: patient.fullName, bold: true },
        { text: `Patient code ${patient.code}`, size: 'small' },
        { text: patient.phone ?? '', size: 'small' },
      ],
    },
    {
      label: 'Doctor',
      value: doctor
        ? [
            { text: doctor.fullName, bold: true },
            { text: doctor.specialization, size: 'small' },
          ]
        : [{ text: '—' }],
    },
    {
      label: 'Visit',
      value: appointment
        ? [
            { text: appointment.number ?? 'Provisional', bold: true },
            { text: f.dateTime(appointment.startsAt), size: 'small' },
          ]
        : [{ text: 'Not tied to a visit' }],
    },
    { label: 'Status', value: [{ text: status.label, bold: true, tone: status.tone }] },
  ];
  fieldGrid(canvas, fields, paper === 'A4' ? 4 : 2);

  sectionTitle(canvas, 'Items');
  table(
    canvas,
    [
      { header: '#', width: 0.06 },
      { header: 'Description', width: 0.5 },
      { header: 'Qty', width: 0.1, align: 'right' },
      { header: 'Rate', width: 0.16, align: 'right' },
      { header: 'Amount', width: 0.18, align: 'right' },
    ],
    bill.items.map((item, index) => [
      String(index + 1),
      item.description,
      String(item.quantity),
      f.money(item.unitPrice),
      f.money(item.unitPrice * item.quantity),
    ]),
  );
  canvas.space(4);
  const lines: TotalLine[] = [{ label: 'Subtotal', value: f.money(bill.subtotal) }];
  if (bill.discount && bill.discountTotal > 0) {
    const share = bill.discount.kind === 'percent' ? ` (${bill.discount.basisPoints / 100}%)` : '';
    const reason = bill.discount.reason ? ` — ${bill.discount.reason}` : '';
    lines.push({ label: `Discount${share}${reason}`, value: f.money(-bill.discountTotal) });
  }
  lines.push({ label: 'Total', value: f.money(bill.total), strong: true });
  totals(canvas, lines, paper === 'A4' ? 0.45 : 0.62);

  sectionTitle(canvas, 'Payments and refunds');
  if (payments.length === 0) {
    canvas.paragraph('No payment has been recorded yet.', { size: 'small', tone: 'muted' });
  } else {
    table(
      canvas,
      [
        { header: 'Receipt no.', width: 0.24 },
        { header: 'Date', width: 0.26 },
        { header: 'Mode', width: 0.3 },
        { header: 'Amount', width: 0.2, align: 'right' },
      ],
      payments.map((payment) => [
        payment.receiptNumber ?? 'Provisional',
        f.dateTime(payment.at),
        [
          {
            text:
              payment.kind === 'refund'
                ? `Refund · ${paymentModeLabel(payment.mode)}`
                : paymentModeLabel(payment.mode),
          },
          { text: payment.reference ? `Ref. ${payment.reference}` : '', size: 'small', tone: 'muted' },
          { text: payment.reason, size: 'small', tone: 'muted' },
        ],
        f.money(payment.amount),
      ]),
    );
  }
  canvas.space(4);
  totals(
    canvas,
    [
      { label: 'Amount paid', value: f.money(bill.paid) },
      {
        label: 'Outstanding',
        value: f.money(bill.outstanding),
        strong: true,
        tone: bill.outstanding > 0 ? 'alert' : 'ink',
      },
    ],
    paper === 'A4' ? 0.45 : 0.62,
  );
  canvas.space(14);
  canvas.paragraph('Thank you. This is a computer-generated document and needs no signature.', {
    size: 'small',
    tone: 'muted',
  });
  return { fileName: `receipt-${fileSafe(number)}.pdf`, bytes: await canvas.save() };
}
