import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { defaultDataDir } from './data-dir';

describe('the default data directory', () => {
  it("is the operating system's per-user application data folder", () => {
    expect(defaultDataDir('linux', {}, '/home/asha')).toBe(
      join('/home/asha', '.local', 'share', 'clinic-hub'),
    );
    expect(defaultDataDir('linux', { XDG_DATA_HOME: '/data/asha' }, '/home/asha')).toBe(
      join('/data/asha', 'clinic-hub'),
    );
    expect(defaultDataDir('darwin', {}, '/Users/asha')).toBe(
      join('/Users/asha', 'Library', 'Application Support', 'Clinic Hub'),
    );
    expect(defaultDataDir('win32', { APPDATA: 'C:\\Users\\asha\\AppData\\Roaming' }, 'C:\\Users\\asha')).toBe(
      join('C:\\Users\\asha\\AppData\\Roaming', 'Clinic Hub'),
    );
  });
});
