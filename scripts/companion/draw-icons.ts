import { mkdirSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { launchBrowser } from '@renderer/testing/browser';

/**
 * Draws the companion app's icons (run once: `npx tsx scripts/companion/draw-icons.ts`; the PNGs
 * are committed under renderer/companion/public/). A white clinic cross on the clinic's teal
 * (teal.700, renderer/theme/tokens.ts). The maskable icon fills its square and keeps the cross
 * inside the central safe zone (a circle of 80 % of the width) that launchers never crop.
 */
const TEAL = '#285e61';
const publicDir = fileURLToPath(new URL('../../renderer/companion/public/', import.meta.url));

const cross = (size: number, scale: number) => {
  const arm = size * scale;
  const bar = arm / 3;
  const o = (size - arm) / 2;
  const m = (size - bar) / 2;
  return `<path fill="#fff" d="M${m} ${o}h${bar}v${bar}h${bar}v${bar}h-${bar}v${bar}h-${bar}v-${bar}h-${bar}v-${bar}h${bar}z"/>`;
};
const rounded = (size: number) =>
  `<svg xmlns="http://www.w3.org/2000/svg" width="${size}" height="${size}" viewBox="0 0 ${size} ${size}"><rect width="${size}" height="${size}" rx="${size * 0.2}" fill="${TEAL}"/>${cross(size, 0.56)}</svg>`;
const maskable = (size: number) =>
  `<svg xmlns="http://www.w3.org/2000/svg" width="${size}" height="${size}" viewBox="0 0 ${size} ${size}"><rect width="${size}" height="${size}" fill="${TEAL}"/>${cross(size, 0.44)}</svg>`;

mkdirSync(`${publicDir}icons`, { recursive: true });
writeFileSync(`${publicDir}favicon.svg`, rounded(64) + '\n');
const browser = await launchBrowser();
const page = await browser.newPage({ deviceScaleFactor: 1 });
const shots: [string, string, number][] = [
  ['icons/icon-192.png', rounded(192), 192],
  ['icons/icon-512.png', rounded(512), 512],
  ['icons/maskable-512.png', maskable(512), 512],
  ['icons/apple-touch-icon.png', maskable(180), 180],
];
for (const [file, svg, size] of shots) {
  await page.setViewportSize({ width: size, height: size });
  await page.setContent(`<style>html,body{margin:0;background:transparent}</style>${svg}`);
  await page.locator('svg').screenshot({ path: `${publicDir}${file}`, omitBackground: true });
}
await browser.close();
