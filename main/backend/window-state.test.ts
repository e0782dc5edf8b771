import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { loadDesktopConfig, saveDesktopConfig } from './desktop-config';
import { loadWindowState, saveWindowState } from './window-state';

const dirs: string[] = [];
afterEach(() => dirs.splice(0).forEach((dir) => rmSync(dir, { recursive: true, force: true })));
const tempFile = (name: string) => {
  const dir = mkdtempSync(join(tmpdir(), 'clinic-desktop-'));
  dirs.push(dir);
  return join(dir, name);
};
const fullHd = { x: 0, y: 0, width: 1920, height: 1080 };

describe('remembered window state', () => {
  it('restores the saved place while it is on a display', () => {
    const file = tempFile('window.json');
    const state = { bounds: { x: 100, y: 80, width: 1280, height: 760 }, maximized: true };
    saveWindowState(file, state);
    expect(loadWindowState(file, [fullHd])).toEqual(state);
  });

  it('falls back when the monitor it was on is gone, or the file is damaged', () => {
    const file = tempFile('window.json');
    saveWindowState(file, { bounds: { x: 2200, y: 100, width: 1280, height: 760 }, maximized: false });
    expect(loadWindowState(file, [fullHd])).toBeNull();
    expect(loadWindowState(file, [fullHd, { x: 1920, y: 0, width: 1920, height: 1080 }])).not.toBeNull();
    writeFileSync(file, '{"bounds":');
    expect(loadWindowState(file, [fullHd])).toBeNull();
    expect(loadWindowState(tempFile('missing.json'), [fullHd])).toBeNull();
  });
});

describe('the first-run choice', () => {
  it('is remembered, and a damaged or invalid file means the choice is asked again', () => {
    const file = tempFile('desktop.json');
    expect(loadDesktopConfig(file)).toBeNull();
    saveDesktopConfig(file, {
      mode: 'client',
      hubId: 'hub-1',
      lastGoodUrl: 'http://10.0.0.5:4810',
      manualUrl: null,
    });
    expect(loadDesktopConfig(file)).toEqual({
      mode: 'client',
      hubId: 'hub-1',
      lastGoodUrl: 'http://10.0.0.5:4810',
      manualUrl: null,
    });
    expect(() =>
      saveDesktopConfig(file, { mode: 'client', hubId: null, lastGoodUrl: 'not a url', manualUrl: null }),
    ).toThrow();
    writeFileSync(file, '{"mode":"server"}');
    expect(loadDesktopConfig(file)).toBeNull();
  });
});
