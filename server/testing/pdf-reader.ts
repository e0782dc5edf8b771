import { execFile } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';

/**
 * Test support: reads generated PDFs back with poppler (pdftotext, pdfinfo, pdftoppm from
 * poppler-utils), the way a person's viewer would, instead of trusting our own writer.
 * With CLINIC_PDF_PREVIEW=<dir> set, tests also leave each PDF and a 60 dpi PNG of every page
 * there for looking at the layout.
 */
const run = promisify(execFile);

type Pdf = string | Uint8Array;
const bytesOf = (pdf: Pdf) => (typeof pdf === 'string' ? Buffer.from(pdf, 'base64') : pdf);

async function withFile<T>(pdf: Pdf, fn: (file: string) => Promise<T>): Promise<T> {
  const dir = mkdtempSync(join(tmpdir(), 'clinic-pdf-'));
  try {
    const file = join(dir, 'document.pdf');
    writeFileSync(file, bytesOf(pdf));
    return await fn(file);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** The document's text as pdftotext extracts it (reading order, UTF-8). */
export function pdfText(pdf: Pdf): Promise<string> {
  return withFile(pdf, async (file) => (await run('pdftotext', ['-enc', 'UTF-8', file, '-'])).stdout);
}

/** The document's text with every run of whitespace (line breaks included) made one space. */
export async function pdfFlatText(pdf: Pdf): Promise<string> {
  return (await pdfText(pdf)).replace(/\s+/g, ' ');
}

/** Page count and the first page's size in points, from pdfinfo. */
export function pdfInfo(pdf: Pdf): Promise<{ pages: number; width: number; height: number }> {
  return withFile(pdf, async (file) => {
    const { stdout } = await run('pdfinfo', [file]);
    const size = /Page size:\s+([\d.]+) x ([\d.]+) pts/.exec(stdout);
    return {
      pages: Number(/Pages:\s+(\d+)/.exec(stdout)?.[1] ?? 0),
      width: Number(size?.[1] ?? 0),
      height: Number(size?.[2] ?? 0),
    };
  });
}

/** Names of the fonts embedded in the document (pdffonts). */
export function pdfFonts(pdf: Pdf): Promise<string[]> {
  return withFile(pdf, async (file) => {
    const { stdout } = await run('pdffonts', [file]);
    return stdout
      .split('\n')
      .slice(2)
      .map((line) => line.split(/\s+/)[0] ?? '')
      .filter(Boolean);
  });
}

/** With CLINIC_PDF_PREVIEW set: writes <name>.pdf and <name>-<page>.png (60 dpi) there. */
export async function previewPdf(name: string, pdf: Pdf): Promise<void> {
  const dir = process.env.CLINIC_PDF_PREVIEW;
  if (!dir) return;
  mkdirSync(dir, { recursive: true });
  const file = join(dir, `${name}.pdf`);
  writeFileSync(file, bytesOf(pdf));
  await run('pdftoppm', ['-png', '-r', '60', file, join(dir, name)]);
}

export interface PdfWord {
  page: number;
  text: string;
  xMin: number;
  yMin: number;
  xMax: number;
  yMax: number;
}

/** Every word with its box in points (pdftotext -bbox), for checking margins and wrapping. */
export function pdfWords(pdf: Pdf): Promise<PdfWord[]> {
  return withFile(pdf, async (file) => {
    const { stdout } = await run('pdftotext', ['-bbox', '-enc', 'UTF-8', file, '-']);
    const words: PdfWord[] = [];
    let page = 0;
    for (const line of stdout.split('\n')) {
      if (line.includes('<page ')) page += 1;
      const match = /<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">(.*)<\/word>/.exec(
        line,
      );
      if (match) {
        const [, xMin, yMin, xMax, yMax, text] = match;
        words.push({
          page,
          text: text!,
          xMin: Number(xMin),
          yMin: Number(yMin),
          xMax: Number(xMax),
          yMax: Number(yMax),
        });
      }
    }
    return words;
  });
}
