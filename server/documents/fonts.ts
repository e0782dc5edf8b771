import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import type { PDFDocument, PDFFont } from 'pdf-lib';
import { failure } from '@shared/contract/errors';
import { clinicFontkit } from './fontkit-compat';

/**
 * The embedded Unicode fonts (SPEC §12): Noto Sans for Latin text, digits and the rupee sign,
 * Noto Sans Devanagari for Hindi, Marathi and other Devanagari text. pdf-lib has no font
 * fallback, so text is split into runs by script (text-runs.ts) and each run drawn with the
 * family that has its glyphs. Files are resolved through Node's module resolution from this
 * module, so they are found wherever the packages are installed (also inside a packaged app).
 */
const FONT_FILES = {
  latinRegular: '@expo-google-fonts/noto-sans/400Regular/NotoSans_400Regular.ttf',
  latinBold: '@expo-google-fonts/noto-sans/700Bold/NotoSans_700Bold.ttf',
  devanagariRegular: '@expo-google-fonts/noto-sans-devanagari/400Regular/NotoSansDevanagari_400Regular.ttf',
  devanagariBold: '@expo-google-fonts/noto-sans-devanagari/700Bold/NotoSansDevanagari_700Bold.ttf',
} as const;
type FontName = keyof typeof FONT_FILES;

export type Script = 'latin' | 'devanagari';
export interface FontFamily {
  regular: PDFFont;
  bold: PDFFont;
}
export type FontSet = Record<Script, FontFamily>;

const resolveModule = createRequire(import.meta.url).resolve;
let loading: Promise<Record<FontName, Uint8Array>> | null = null;

async function readFonts(): Promise<Record<FontName, Uint8Array>> {
  const entries = await Promise.all(
    (Object.keys(FONT_FILES) as FontName[]).map(async (name) => {
      let file: string;
      try {
        file = resolveModule(FONT_FILES[name]);
      } catch {
        throw failure(
          'INTERNAL',
          `The document font ${FONT_FILES[name].split('/')[1]} is not installed with the hub; ` +
            'documents cannot be made until the app is reinstalled.',
        );
      }
      return [name, await readFile(file)] as const;
    }),
  );
  const bytes = new Map<FontName, Uint8Array>(entries);
  return {
    latinRegular: bytes.get('latinRegular')!,
    latinBold: bytes.get('latinBold')!,
    devanagariRegular: bytes.get('devanagariRegular')!,
    devanagariBold: bytes.get('devanagariBold')!,
  };
}

/** The font files' bytes, read once per process. */
export function fontBytes(): Promise<Record<FontName, Uint8Array>> {
  loading ??= readFonts().catch((error: unknown) => {
    loading = null;
    throw error;
  });
  return loading;
}

/** Embeds the four fonts (subset: only the glyphs a document uses are written). */
export async function embedFonts(doc: PDFDocument): Promise<FontSet> {
  const bytes = await fontBytes();
  doc.registerFontkit(clinicFontkit(bytes.latinRegular));
  const embed = (name: FontName) => doc.embedFont(bytes[name], { subset: true });
  const [latinRegular, latinBold, devanagariRegular, devanagariBold] = await Promise.all([
    embed('latinRegular'),
    embed('latinBold'),
    embed('devanagariRegular'),
    embed('devanagariBold'),
  ]);
  return {
    latin: { regular: latinRegular, bold: latinBold },
    devanagari: { regular: devanagariRegular, bold: devanagariBold },
  };
}
