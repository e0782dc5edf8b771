import {
  beginText,
  endText,
  moveText,
  PDFDocument,
  type PDFFont,
  PDFHexString,
  PDFName,
  PDFOperator,
  PDFOperatorNames,
  type PDFPage,
  popGraphicsState,
  pushGraphicsState,
  setFillingColor,
  setFontAndSize,
  showText,
} from 'pdf-lib';
import { embedFonts, type FontSet } from './fonts';
import { type Script, scriptsIn } from './scripts';
import { splitRuns, wrapText } from './text-runs';
import {
  type Align,
  PAPERS,
  type Paper,
  POINTS,
  type Size,
  type TextStyle,
  TONES,
  type Tone,
} from './pdf-style';

export type { Align, Paper, Size, TextStyle, Tone };

export interface CanvasOptions {
  paper: Paper;
  /** Document title (PDF metadata). */
  title: string;
  /** The clinic (PDF metadata author). */
  author: string;
  /** Left part of every page's footer; the right part is "Page i of n". */
  footer: string;
  /** When the document was made (ISO); also its PDF creation date, so output is reproducible. */
  createdAt: string;
  /**
   * Everything the document prints from its data (names, notes, medicines…): the scripts found in
   * it, with those of title, author and footer, decide which fonts are embedded.
   */
  content: unknown;
}

/**
 * A page-flowing drawing surface on top of pdf-lib: a cursor that moves down the page, text in
 * any mix of Latin and Indic scripts (each run with its own font; Indic runs carry their
 * logical text as ActualText so copying and text extraction give the typed characters), wrapping,
 * and a new page (with the document's continuation header) whenever content does not fit.
 * Coordinates given to callers are distances from the top edge, in points.
 */
export class PdfCanvas {
  readonly left: number;
  readonly right: number;
  readonly width: number;
  readonly scale: number;
  private readonly pageWidth: number;
  private readonly pageHeight: number;
  private readonly margin: number;
  private readonly bottom: number;
  private page!: PDFPage;
  private cursor = 0;
  private readonly fontKeys = new Map<PDFPage, Map<PDFFont, PDFName>>();
  private readonly widths = new Map<string, number>();
  private continuation: ((canvas: PdfCanvas) => void) | null = null;

  private constructor(
    private readonly doc: PDFDocument,
    private readonly fonts: FontSet,
    private readonly options: CanvasOptions,
  ) {
    const paper = PAPERS[options.paper];
    this.pageWidth = paper.width;
    this.pageHeight = paper.height;
    this.margin = paper.margin;
    this.scale = paper.scale;
    this.left = paper.margin;
    this.right = paper.width - paper.margin;
    this.width = this.right - this.left;
    // Room for the footer below the flow.
    this.bottom = paper.height - paper.margin - this.pt('tiny') * 2.6;
    this.addPage();
  }

  static async create(options: CanvasOptions): Promise<PdfCanvas> {
    const doc = await PDFDocument.create();
    const text = JSON.stringify([options.content, options.title, options.author, options.footer]);
    const fonts = await embedFonts(doc, scriptsIn(text));
    const created = new Date(options.createdAt);
    doc.setTitle(options.title, { showInWindowTitleBar: true });
    doc.setAuthor(options.author);
    doc.setCreator('Clinic hub');
    doc.setProducer('Clinic hub (pdf-lib)');
    doc.setCreationDate(created);
    doc.setModificationDate(created);
    return new PdfCanvas(doc, fonts, options);
  }

  /** Font size in points of a named size on this paper. */
  pt(size: Size = 'body'): number {
    return POINTS[size] * this.scale;
  }

  /** A length scaled to this paper (A5 is set a little smaller than A4). */
  u(points: number): number {
    return points * this.scale;
  }

  lineHeight(style: TextStyle = {}): number {
    return this.pt(style.size) * 1.42;
  }

  /** Distance of the cursor from the top edge. */
  get y(): number {
    return this.cursor;
  }

  /** Room left above the footer on the current page. */
  get room(): number {
    return this.bottom - this.cursor;
  }

  /** Empty space of about `points` (scaled). */
  space(points: number): void {
    this.cursor += this.u(points);
  }

  advance(height: number): void {
    this.cursor += height;
  }

  /** Draws `fn` at the top of every page after the first (a short running header). */
  onContinuation(fn: (canvas: PdfCanvas) => void): void {
    this.continuation = fn;
  }

  newPage(): void {
    this.addPage();
    this.continuation?.(this);
  }

  /** Starts a new page unless `height` still fits on this one (or the page is still empty). */
  ensure(height: number): void {
    if (height > this.room && this.cursor > this.margin + 1) this.newPage();
  }

  measure(text: string, style: TextStyle = {}): number {
    const size = this.pt(style.size);
    let width = 0;
    for (const run of splitRuns(text)) width += this.runWidth(this.fontOf(run.script, style), run.text, size);
    return width;
  }

  /** Shaping is the costly part of text: each run is measured once, at 1 pt, and scaled. */
  private runWidth(font: PDFFont, text: string, size: number): number {
    const key = `${font.name}|${text}`;
    let width = this.widths.get(key);
    if (width === undefined) {
      width = font.widthOfTextAtSize(text, 1);
      this.widths.set(key, width);
    }
    return width * size;
  }

  wrap(text: string, width: number, style: TextStyle = {}): string[] {
    return wrapText(text, width, (candidate) => this.measure(candidate, style));
  }

  /** Draws one line (never wrapped) with its top edge at `top`, aligned inside [x, x + width]. */
  drawLine(
    text: string,
    x: number,
    top: number,
    style: TextStyle = {},
    box?: { width: number; align: Align },
  ) {
    if (!text) return;
    const size = this.pt(style.size);
    let start = x;
    if (box && box.align !== 'left') {
      const free = box.width - this.measure(text, style);
      start += box.align === 'right' ? free : free / 2;
    }
    const baseline = this.pageHeight - top - size * 1.05;
    for (const run of splitRuns(text)) {
      const font = this.fontOf(run.script, style);
      const operators = [
        pushGraphicsState(),
        beginText(),
        setFillingColor(TONES[style.tone ?? 'ink']),
        setFontAndSize(this.fontKey(font), size),
        moveText(start, baseline),
      ];
      const shaped = run.script !== 'latin';
      if (shaped) operators.push(this.actualText(run.text));
      operators.push(showText(font.encodeText(run.text)));
      if (shaped) operators.push(PDFOperator.of(PDFOperatorNames.EndMarkedContent));
      operators.push(endText(), popGraphicsState());
      this.page.pushOperators(...operators);
      start += this.runWidth(font, run.text, size);
    }
  }

  /** Wrapped text at the cursor, continuing on new pages as needed; returns the lines drawn. */
  paragraph(
    text: string,
    style: TextStyle & { x?: number; width?: number; align?: Align; leading?: number } = {},
  ): number {
    const x = style.x ?? this.left;
    const width = style.width ?? this.right - x;
    const lineHeight = style.leading ?? this.lineHeight(style);
    const lines = this.wrap(text, width, style);
    for (const line of lines) {
      this.ensure(lineHeight);
      this.drawLine(line, x, this.cursor, style, { width, align: style.align ?? 'left' });
      this.cursor += lineHeight;
    }
    return lines.length;
  }

  /** A horizontal line across [x, x + width] at `top`. */
  hline(top: number, options: { x?: number; width?: number; thickness?: number; tone?: Tone } = {}): void {
    const x = options.x ?? this.left;
    const y = this.pageHeight - top;
    this.page.drawLine({
      start: { x, y },
      end: { x: x + (options.width ?? this.right - x), y },
      thickness: options.thickness ?? 0.6,
      color: TONES[options.tone ?? 'rule'],
    });
  }

  /** A horizontal rule at the cursor, with a little space around it. */
  rule(options: { thickness?: number; tone?: Tone; gap?: number } = {}): void {
    const gap = this.u(options.gap ?? 6);
    this.cursor += gap;
    this.hline(this.cursor, options);
    this.cursor += gap;
  }

  rect(
    x: number,
    top: number,
    width: number,
    height: number,
    options: { fill?: Tone; border?: Tone; thickness?: number } = {},
  ) {
    this.page.drawRectangle({
      x,
      y: this.pageHeight - top - height,
      width,
      height,
      ...(options.fill ? { color: TONES[options.fill] } : {}),
      ...(options.border
        ? { borderColor: TONES[options.border], borderWidth: options.thickness ?? 0.8 }
        : {}),
    });
  }

  /** Writes the footers ("… · Page i of n") and returns the PDF file. */
  async save(): Promise<Uint8Array> {
    const pages = this.doc.getPages();
    const style: TextStyle = { size: 'tiny', tone: 'muted' };
    const top = this.pageHeight - this.margin - this.pt('tiny') * 1.4;
    pages.forEach((page, index) => {
      this.page = page;
      this.hline(top - this.u(4), { thickness: 0.4 });
      const label = `Page ${index + 1} of ${pages.length}`;
      const labelWidth = this.measure(label, style);
      const footer = this.wrap(this.options.footer, this.width - labelWidth - this.u(16), style)[0] ?? '';
      this.drawLine(footer, this.left, top, style);
      this.drawLine(label, this.right - labelWidth, top, style);
    });
    return this.doc.save();
  }

  private addPage(): void {
    this.page = this.doc.addPage([this.pageWidth, this.pageHeight]);
    this.cursor = this.margin;
  }

  /** A script missing from the content given at creation falls back to Noto Sans (boxes). */
  private fontOf(script: Script, style: TextStyle): PDFFont {
    const family = this.fonts[script] ?? this.fonts.latin;
    return style.bold ? family.bold : family.regular;
  }

  /** One resource name per font per page. */
  private fontKey(font: PDFFont): PDFName {
    let keys = this.fontKeys.get(this.page);
    if (!keys) {
      keys = new Map();
      this.fontKeys.set(this.page, keys);
    }
    let key = keys.get(font);
    if (!key) {
      key = this.page.node.newFontDictionary(font.name, font.ref);
      keys.set(font, key);
    }
    return key;
  }

  /** Marks shaped text with its logical characters (reordered glyphs would extract scrambled). */
  private actualText(text: string): PDFOperator {
    const properties = this.doc.context.obj({ ActualText: PDFHexString.fromText(text) });
    // BDC takes an inline property dictionary (PDF 32000-1 §14.6); pdf-lib's operand type omits
    // dictionaries, but serialises any PDF object it is given.
    return PDFOperator.of(PDFOperatorNames.BeginMarkedContentSequence, [
      PDFName.of('Span'),
      properties as unknown as PDFName,
    ]);
  }
}
