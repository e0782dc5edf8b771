import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { z } from 'zod';

const boundsSchema = z.object({
  x: z.number().int(),
  y: z.number().int(),
  width: z.number().int().min(400),
  height: z.number().int().min(300),
});
const windowStateSchema = z.object({ bounds: boundsSchema, maximized: z.boolean() });
export type WindowBounds = z.infer<typeof boundsSchema>;
export type WindowState = z.infer<typeof windowStateSchema>;

/** Enough of the title bar and content to grab and move the window back. */
const MIN_VISIBLE_AREA = 300 * 120;

export const DEFAULT_WINDOW_STATE: WindowState = {
  bounds: { x: 0, y: 0, width: 1280, height: 800 },
  maximized: false,
};

/**
 * The window's last size and place, if it is still on one of the displays (a monitor may have
 * been unplugged since); otherwise the default, centred on the primary display by the caller.
 */
export function loadWindowState(file: string, displays: WindowBounds[]): WindowState | null {
  let saved: WindowState;
  try {
    saved = windowStateSchema.parse(JSON.parse(readFileSync(file, 'utf8')));
  } catch {
    return null;
  }
  const visible = displays.some((area) => overlapArea(area, saved.bounds) >= MIN_VISIBLE_AREA);
  return visible ? saved : null;
}

export function saveWindowState(file: string, state: WindowState): void {
  mkdirSync(dirname(file), { recursive: true });
  const temp = `${file}.tmp`;
  writeFileSync(temp, JSON.stringify(state));
  renameSync(temp, file);
}

function overlapArea(a: WindowBounds, b: WindowBounds): number {
  const width = Math.min(a.x + a.width, b.x + b.width) - Math.max(a.x, b.x);
  const height = Math.min(a.y + a.height, b.y + b.height) - Math.max(a.y, b.y);
  return width > 0 && height > 0 ? width * height : 0;
}
