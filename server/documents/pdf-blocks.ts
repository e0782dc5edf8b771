import type { Align, PdfCanvas, TextStyle, Tone } from './pdf-canvas';

/** A piece of text with its style; wrapped to the width it is given. */
export interface Piece extends TextStyle {
  text: string;
}
export type Content = string | readonly Piece[];

interface Laid {
  text: string;
  style: TextStyle;
  height: number;
}

const piecesOf = (content: Content): readonly Piece[] =>
  typeof content === 'string' ? [{ text: content }] : content;

/** Wraps pieces to a width: the lines to draw and their total height. */
export function layout(
  canvas: PdfCanvas,
  content: Content,
  width: number,
): { lines: Laid[]; height: number } {
  const lines: Laid[] = [];
  for (const piece of piecesOf(content)) {
    if (!piece.text) continue;
    const { text: _text, ...style } = piece;
    const height = canvas.lineHeight(style);
    for (const text of canvas.wrap(piece.text, width, style)) lines.push({ text, style, height });
  }
  return { lines, height: lines.reduce((sum, line) => sum + line.height, 0) };
}

function drawLaid(
  canvas: PdfCanvas,
  lines: readonly Laid[],
  x: number,
  top: number,
  width: number,
  align: Align,
) {
  let y = top;
  for (const line of lines) {
    canvas.drawLine(line.text, x, y, line.style, { width, align });
    y += line.height;
  }
}

/** A table's header row and two body lines: what a section title is kept on its page with. */
const tableStart = (canvas: PdfCanvas) =>
  canvas.lineHeight({ size: 'tiny' }) + canvas.u(8) + canvas.lineHeight() * 2;

/** A section heading in the accent colour with a rule under it, kept with what follows. */
export function sectionTitle(canvas: PdfCanvas, title: string, options: { mark?: string } = {}): void {
  const style: TextStyle = { size: 'small', bold: true, tone: 'accent' };
  const markStyle: TextStyle = { size: 'title', bold: true, tone: 'accent' };
  const height = options.mark ? canvas.lineHeight(markStyle) * 0.85 : canvas.lineHeight(style);
  canvas.space(9);
  // Room for the title and the start of a table under it: never a title alone at a page's foot.
  canvas.ensure(height + canvas.u(5) + tableStart(canvas));
  let x = canvas.left;
  if (options.mark) {
    canvas.drawLine(options.mark, x, canvas.y - canvas.u(3), markStyle);
    x += canvas.measure(options.mark, markStyle) + canvas.u(6);
  }
  canvas.drawLine(title.toLocaleUpperCase('en'), x, canvas.y + height - canvas.lineHeight(style), style);
  canvas.advance(height);
  canvas.hline(canvas.y, { tone: 'accent', thickness: 0.7 });
  canvas.space(5);
}

export interface Field {
  label: string;
  value: Content;
}

/** Labelled values in a grid (label in small capitals above its value), row by row. */
export function fieldGrid(canvas: PdfCanvas, fields: readonly Field[], columns: number): void {
  const gap = canvas.u(14);
  const width = (canvas.width - gap * (columns - 1)) / columns;
  const labelStyle: TextStyle = { size: 'tiny', bold: true, tone: 'muted' };
  for (let start = 0; start < fields.length; start += columns) {
    const row = fields.slice(start, start + columns).map((field) => {
      const label = layout(canvas, [{ ...labelStyle, text: field.label.toLocaleUpperCase('en') }], width);
      const value = layout(canvas, field.value, width);
      return { lines: [...label.lines, ...value.lines], height: label.height + value.height };
    });
    const height = Math.max(...row.map((cell) => cell.height));
    canvas.ensure(height);
    row.forEach((cell, index) =>
      drawLaid(canvas, cell.lines, canvas.left + index * (width + gap), canvas.y, width, 'left'),
    );
    canvas.advance(height + canvas.u(7));
  }
}

export interface Column {
  header: string;
  /** Share of the content width. */
  width: number;
  align?: Align;
}

/**
 * A table with a shaded header row, wrapped cells and a rule under each row. A row never splits
 * across pages; the header row is repeated on each new page.
 */
export function table(canvas: PdfCanvas, columns: readonly Column[], rows: readonly (readonly Content[])[]) {
  const pad = canvas.u(4);
  const total = columns.reduce((sum, column) => sum + column.width, 0);
  const widths = columns.map((column) => (column.width / total) * canvas.width);
  const xs = widths.map((_, index) => canvas.left + widths.slice(0, index).reduce((a, b) => a + b, 0));
  const headerStyle: Piece = { text: '', size: 'tiny', bold: true, tone: 'muted' };

  const drawRow = (cells: readonly Content[], header: boolean) => {
    const laid = cells.map((cell, index) => layout(canvas, cell, widths[index]! - 2 * pad));
    const height = Math.max(...laid.map((cell) => cell.height)) + 2 * pad;
    return {
      height,
      draw: () => {
        if (header) canvas.rect(canvas.left, canvas.y, canvas.width, height, { fill: 'shade' });
        laid.forEach((cell, index) =>
          drawLaid(
            canvas,
            cell.lines,
            xs[index]! + pad,
            canvas.y + pad,
            widths[index]! - 2 * pad,
            columns[index]!.align ?? 'left',
          ),
        );
        canvas.advance(height);
        canvas.hline(canvas.y, { thickness: header ? 0.8 : 0.4, tone: 'rule' });
      },
    };
  };
  const header = drawRow(
    columns.map((column) => [{ ...headerStyle, text: column.header.toLocaleUpperCase('en') }]),
    true,
  );

  canvas.ensure(Math.max(header.height + canvas.lineHeight() * 2, tableStart(canvas)));
  header.draw();
  for (const cells of rows) {
    const row = drawRow(cells, false);
    if (row.height > canvas.room) {
      canvas.newPage();
      header.draw();
    }
    row.draw();
  }
}

export interface TotalLine {
  label: string;
  value: string;
  strong?: boolean;
  tone?: Tone;
}

/** Label/amount lines right-aligned under a table (subtotal, discount, total, paid …). */
export function totals(canvas: PdfCanvas, lines: readonly TotalLine[], share = 0.48): void {
  const width = canvas.width * share;
  const x = canvas.right - width;
  const heightOf = (line: TotalLine) =>
    canvas.lineHeight({ bold: line.strong ?? false }) + canvas.u(line.strong ? 3 : 1);
  canvas.ensure(lines.reduce((sum, line) => sum + heightOf(line), 0));
  for (const line of lines) {
    const style: TextStyle = { bold: line.strong ?? false, tone: line.tone ?? 'ink' };
    const height = heightOf(line);
    if (line.strong) canvas.hline(canvas.y, { x, width, thickness: 0.5 });
    const top = canvas.y + canvas.u(line.strong ? 3 : 1);
    canvas.drawLine(line.label, x, top, { ...style, tone: line.strong ? 'ink' : 'muted' });
    canvas.drawLine(line.value, x, top, style, { width, align: 'right' });
    canvas.advance(height);
  }
}

/** Text in a lightly shaded box (notes, instructions). */
export function noteBox(canvas: PdfCanvas, content: Content, tone: Tone = 'shade'): void {
  const pad = canvas.u(7);
  const laid = layout(canvas, content, canvas.width - 2 * pad);
  const height = laid.height + 2 * pad;
  canvas.ensure(height);
  canvas.rect(canvas.left, canvas.y, canvas.width, height, { fill: tone });
  drawLaid(canvas, laid.lines, canvas.left + pad, canvas.y + pad, canvas.width - 2 * pad, 'left');
  canvas.advance(height);
}

/** A bulleted list; each item wraps under its own text. */
export function bullets(canvas: PdfCanvas, items: readonly Content[]): void {
  const indent = canvas.u(12);
  for (const item of items) {
    const laid = layout(canvas, item, canvas.width - indent);
    canvas.ensure(Math.min(laid.height, canvas.lineHeight() * 2));
    canvas.drawLine('•', canvas.left + canvas.u(2), canvas.y, { tone: 'accent' });
    for (const line of laid.lines) {
      canvas.ensure(line.height);
      canvas.drawLine(line.text, canvas.left + indent, canvas.y, line.style);
      canvas.advance(line.height);
    }
    canvas.space(2);
  }
}
