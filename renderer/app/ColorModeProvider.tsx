import { createContext, type ReactNode, useCallback, useContext, useEffect, useState } from 'react';

export type ColorMode = 'light' | 'dark';
const STORAGE_KEY = 'clinic.colorMode';

/** The remembered mode, or the system's preference the first time. */
export function initialColorMode(): ColorMode {
  try {
    const stored = localStorage.getItem(STORAGE_KEY);
    if (stored === 'light' || stored === 'dark') return stored;
  } catch {
    // storage unavailable: fall through
  }
  return window.matchMedia?.('(prefers-color-scheme: dark)').matches ? 'dark' : 'light';
}

/** Chakra v3's dark condition is the `dark` class on an ancestor: put it on <html>. */
export function applyColorMode(mode: ColorMode): void {
  const root = document.documentElement;
  root.classList.toggle('dark', mode === 'dark');
  root.classList.toggle('light', mode === 'light');
  root.style.colorScheme = mode;
}

interface ColorModeValue {
  colorMode: ColorMode;
  setColorMode: (mode: ColorMode) => void;
  toggleColorMode: () => void;
}

const ColorModeContext = createContext<ColorModeValue | null>(null);

export function ColorModeProvider({ children }: { children: ReactNode }) {
  const [colorMode, setMode] = useState<ColorMode>(initialColorMode);
  useEffect(() => applyColorMode(colorMode), [colorMode]);
  const setColorMode = useCallback((mode: ColorMode) => {
    setMode(mode);
    try {
      localStorage.setItem(STORAGE_KEY, mode);
    } catch {
      // not remembered, still applied
    }
  }, []);
  const toggleColorMode = useCallback(
    () => setColorMode(colorMode === 'dark' ? 'light' : 'dark'),
    [colorMode, setColorMode],
  );
  return (
    <ColorModeContext.Provider value={{ colorMode, setColorMode, toggleColorMode }}>
      {children}
    </ColorModeContext.Provider>
  );
}

export function useColorMode(): ColorModeValue {
  const value = useContext(ColorModeContext);
  if (!value) throw new Error('useColorMode must be used inside <ColorModeProvider>');
  return value;
}
