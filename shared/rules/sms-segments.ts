/**
 * How many SMS segments a text takes (3GPP TS 23.038): GSM-7 when every character is in the
 * default alphabet (the extension table's characters count twice), 160 septets in one segment and
 * 153 per segment when split; otherwise UCS-2 (Hindi, emoji): 70 UTF-16 units, 67 when split.
 */
const GSM_BASIC =
  '@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !"#¤%&\'()*+,-./0123456789:;<=>?' +
  '¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà';
const GSM_EXTENSION = '^{}\\[~]|€\f';

const basic = new Set(GSM_BASIC);
const extension = new Set(GSM_EXTENSION);

export interface SmsSize {
  encoding: 'GSM-7' | 'UCS-2';
  /** Septets (GSM-7) or UTF-16 code units (UCS-2). */
  units: number;
  segments: number;
}

export function smsSize(text: string): SmsSize {
  let septets = 0;
  for (const char of text) {
    if (basic.has(char)) septets += 1;
    else if (extension.has(char)) septets += 2;
    else return sized('UCS-2', text.length, 70, 67);
  }
  return sized('GSM-7', septets, 160, 153);
}

function sized(encoding: SmsSize['encoding'], units: number, single: number, part: number): SmsSize {
  return { encoding, units, segments: units <= single ? 1 : Math.ceil(units / part) };
}
