import { encode } from 'uqr';

/** Medium error correction (15 %) and a 2-module quiet zone: read from a few metres off a TV. */
export const COMPANION_QR_OPTIONS = { ecc: 'M', border: 2 } as const;

/** The QR code of a link: its size in modules and one SVG path of its dark modules. */
export function companionQr(link: string): { size: number; path: string } {
  const qr = encode(link, COMPANION_QR_OPTIONS);
  let path = '';
  qr.data.forEach((row, y) =>
    row.forEach((dark, x) => {
      if (dark) path += `M${x} ${y}h1v1h-1z`;
    }),
  );
  return { size: qr.size, path };
}

/** The dark modules an SVG path of companionQr names, as rows of booleans (for checking it). */
export function modulesOfPath(path: string, size: number): boolean[][] {
  const rows = Array.from({ length: size }, () => Array<boolean>(size).fill(false));
  for (const [, x, y] of path.matchAll(/M(\d+) (\d+)h1v1h-1z/g)) rows[Number(y)]![Number(x)] = true;
  return rows;
}
