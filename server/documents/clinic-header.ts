import type { ClinicSettings } from '@shared/domain/settings.schema';
import { layout, type Piece } from './pdf-blocks';
import type { PdfCanvas } from './pdf-canvas';

export type ClinicContact = Pick<ClinicSettings, 'clinicName' | 'address' | 'phone' | 'email'>;

/**
 * The letterhead every document starts with: the clinic's name, address and phone on the left,
 * the document's own block on the right (title, numbers, or the doctor on a prescription), an
 * accent rule under both. Later pages get a one-line running header instead.
 */
export function clinicHeader(
  canvas: PdfCanvas,
  clinic: ClinicContact,
  document: { title: string; details: readonly Piece[] },
): void {
  const gap = canvas.u(16);
  const leftWidth = canvas.width * 0.56;
  const rightWidth = canvas.width - leftWidth - gap;
  const contact = [clinic.phone ? `Phone ${clinic.phone}` : '', clinic.email ?? '']
    .filter(Boolean)
    .join('  ·  ');
  const left = layout(
    canvas,
    [
      { text: clinic.clinicName, size: 'title', bold: true, tone: 'accent' },
      { text: clinic.address, size: 'small', tone: 'muted' },
      { text: contact, size: 'small', tone: 'muted' },
    ],
    leftWidth,
  );
  const right = layout(
    canvas,
    [{ text: document.title.toLocaleUpperCase('en'), size: 'heading', bold: true }, ...document.details],
    rightWidth,
  );

  const top = canvas.y;
  let y = top;
  for (const line of left.lines) {
    canvas.drawLine(line.text, canvas.left, y, line.style);
    y += line.height;
  }
  y = top + canvas.u(3);
  for (const line of right.lines) {
    canvas.drawLine(line.text, canvas.right - rightWidth, y, line.style, {
      width: rightWidth,
      align: 'right',
    });
    y += line.height;
  }
  canvas.advance(Math.max(left.height, right.height + canvas.u(3)) + canvas.u(4));
  canvas.hline(canvas.y, { tone: 'accent', thickness: 1.6 });
  canvas.space(12);

  canvas.onContinuation((next) => {
    const style = { size: 'small', tone: 'muted' } as const;
    next.drawLine(clinic.clinicName, next.left, next.y, { ...style, bold: true });
    next.drawLine(`${document.title} (continued)`, next.left, next.y, style, {
      width: next.width,
      align: 'right',
    });
    next.advance(next.lineHeight(style));
    next.hline(next.y + next.u(2), { tone: 'accent', thickness: 0.8 });
    next.space(12);
  });
}
