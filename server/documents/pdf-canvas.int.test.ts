import { PDFDict, PDFDocument, PDFName } from 'pdf-lib';
import { describe, expect, it } from 'vitest';
import { sectionTitle, table } from './pdf-blocks';
import { type Paper, PdfCanvas } from './pdf-canvas';
import { pdfFlatText, pdfFonts, pdfInfo, pdfWords, previewPdf } from '@server/testing/pdf-reader';

const MIXED =
  'Patient सुनीता शर्मा paid ₹1,234.50 for the consultation; अगली जाँच सोमवार को होगी, please bring the reports. ';

async function sample(paper: Paper) {
  const canvas = await PdfCanvas.create({
    paper,
    title: 'Sample',
    author: 'Sunrise Clinic',
    footer: 'Sunrise Clinic · Sample',
    createdAt: '2026-11-23T02:30:00.000Z',
    content: [MIXED, 'दवा'],
  });
  canvas.onContinuation((next) => {
    next.paragraph('Sample (continued)', { size: 'small', tone: 'muted' });
  });
  sectionTitle(canvas, 'Mixed text');
  canvas.paragraph(MIXED.repeat(12));
  sectionTitle(canvas, 'Table');
  table(
    canvas,
    [
      { header: 'Item', width: 0.7 },
      { header: 'Amount', width: 0.3, align: 'right' },
    ],
    Array.from({ length: 40 }, (_, index) => [`Line ${index + 1} दवा`, `₹${index + 1}.00`]),
  );
  return { bytes: await canvas.save(), left: canvas.left, right: canvas.right };
}

describe('PdfCanvas', () => {
  for (const paper of ['A4', 'A5'] as const) {
    it(`wraps mixed Latin and Devanagari text inside the margins and continues on new pages (${paper})`, async () => {
      const { bytes, left, right } = await sample(paper);
      await previewPdf(`canvas-${paper}`, bytes);
      const info = await pdfInfo(bytes);
      expect(info.pages).toBeGreaterThan(1);
      expect(info.width).toBe(paper === 'A4' ? 595.28 : 419.53);

      const words = await pdfWords(bytes);
      expect(words.length).toBeGreaterThan(100);
      for (const word of words) {
        expect(word.xMin, word.text).toBeGreaterThanOrEqual(left - 0.5);
        expect(word.xMax, word.text).toBeLessThanOrEqual(right + 0.5);
        expect(word.yMax, word.text).toBeLessThanOrEqual(info.height - 20);
      }

      const text = await pdfFlatText(bytes);
      expect(text).toContain('सुनीता शर्मा');
      expect(text).toContain('अगली जाँच सोमवार को होगी');
      expect(text).toContain('₹1,234.50');
      expect(text).toContain('Line 40 दवा');
      expect(text).toContain('Sample (continued)');
      expect(text).toContain(`Page ${info.pages} of ${info.pages}`);
    });
  }

  it('embeds subsets of Noto Sans and Noto Sans Devanagari, and stays small', async () => {
    const { bytes } = await sample('A5');
    const fonts = await pdfFonts(bytes);
    expect(fonts.some((name) => name.startsWith('NotoSans-Regular'))).toBe(true);
    expect(fonts.some((name) => name.startsWith('NotoSansDevanagari-Regular'))).toBe(true);
    expect(bytes.length).toBeLessThan(150_000);
  });

  it('prints each Indic script with its own font, and embeds only the fonts the content uses', async () => {
    const canvas = await PdfCanvas.create({
      paper: 'A5',
      title: 'Scripts',
      author: 'Sunrise Clinic',
      footer: 'Sunrise Clinic · Scripts',
      createdAt: '2026-11-23T02:30:00.000Z',
      content: Object.values(NAMES),
    });
    for (const [script, name] of Object.entries(NAMES)) {
      canvas.paragraph(`${script}: ${name} ₹250`);
      canvas.paragraph(`${name} (${script})`, { bold: true });
    }
    const bytes = await canvas.save();
    await previewPdf('canvas-scripts', bytes);
    const text = await pdfFlatText(bytes);
    for (const [script, name] of Object.entries(NAMES))
      expect(text, script).toContain(`${script}: ${name} ₹250`);
    const used = await pdfFonts(bytes);
    for (const family of FAMILIES) {
      expect(
        used.some((font) => font.startsWith(`${family}-Regular`)),
        family,
      ).toBe(true);
      expect(
        used.some((font) => font.startsWith(`${family}-Bold`)),
        family,
      ).toBe(true);
    }
    expect((await embeddedFonts(bytes)).length).toBe(2 * FAMILIES.length);

    const latinOnly = await PdfCanvas.create({
      paper: 'A5',
      title: 'Receipt',
      author: 'Sunrise Clinic',
      footer: 'Sunrise Clinic',
      createdAt: '2026-11-23T02:30:00.000Z',
      content: { patient: 'Asha Rao', amount: '₹250' },
    });
    latinOnly.paragraph('Asha Rao ₹250');
    const latinFonts = await embeddedFonts(await latinOnly.save());
    expect(latinFonts.sort()).toEqual(['NotoSans-Bold', 'NotoSans-Regular']);
  });
});

/** Patients' names as a clinic in each state would register them. */
const NAMES = {
  hindi: 'सुनीता शर्मा',
  bengali: 'শ্যামল দাস',
  punjabi: 'ਹਰਪ੍ਰੀਤ ਕੌਰ',
  gujarati: 'ક્ષમા પટેલ',
  odia: 'ସୁଜାତା ମହାନ୍ତି',
  tamil: 'ஸ்ரீநிவாசன் க்ஷேத்ரா',
  telugu: 'వెంకటేశ్వర్ రావు',
  kannada: 'ರಮೇಶ್ ಗೌಡ',
  malayalam: 'ശ്യാമള മേനോൻ',
};
const FAMILIES = [
  'NotoSans',
  'NotoSansDevanagari',
  'NotoSansBengali',
  'NotoSansGurmukhi',
  'NotoSansGujarati',
  'NotoSansOriya',
  'NotoSansTamil',
  'NotoSansTelugu',
  'NotoSansKannada',
  'NotoSansMalayalam',
];

/** Names of the font programs written into the file, used on a page or not. */
async function embeddedFonts(bytes: Uint8Array): Promise<string[]> {
  const doc = await PDFDocument.load(bytes);
  return doc.context
    .enumerateIndirectObjects()
    .map(([, object]) => object)
    .filter((object): object is PDFDict => object instanceof PDFDict)
    .filter((dict) => dict.get(PDFName.of('Type')) === PDFName.of('FontDescriptor'))
    .map((dict) =>
      String(dict.get(PDFName.of('FontName')))
        .replace(/^\/([A-Z]{6}\+)?/, '')
        .replace(/-\d+$/, ''),
    );
}
