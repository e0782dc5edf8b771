import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { z } from 'zod';

/**
 * The first-run choice of this PC (issue: desktop app): it is the clinic hub (runs the hub
 * in-process) or it connects to the hub elsewhere on the LAN (runs the client core).
 */
const desktopConfigSchema = z.discriminatedUnion('mode', [
  z.object({ mode: z.literal('hub'), port: z.number().int().min(0).max(65535).default(4810) }),
  z.object({
    mode: z.literal('client'),
    /** The hub this desktop belongs to, once confirmed by its handshake. */
    hubId: z.string().nullable().default(null),
    lastGoodUrl: z.string().url().nullable().default(null),
    manualUrl: z.string().url().nullable().default(null),
  }),
]);
export type DesktopConfig = z.infer<typeof desktopConfigSchema>;

export function loadDesktopConfig(file: string): DesktopConfig | null {
  try {
    return desktopConfigSchema.parse(JSON.parse(readFileSync(file, 'utf8')));
  } catch {
    return null;
  }
}

export function saveDesktopConfig(file: string, config: DesktopConfig): void {
  const parsed = desktopConfigSchema.parse(config);
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(`${file}.tmp`, JSON.stringify(parsed, null, 2));
  renameSync(`${file}.tmp`, file);
}
