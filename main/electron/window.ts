import { BrowserWindow, type Rectangle, type WebPreferences } from 'electron';
import { DEFAULT_WINDOW_STATE, loadWindowState, saveWindowState } from '@main/backend/window-state';

/** The main window, where the user left it (if that place is still on a display). */
export function openRememberedWindow(options: {
  stateFile: string;
  displays: Rectangle[];
  webPreferences: WebPreferences;
}): BrowserWindow {
  const saved = loadWindowState(options.stateFile, options.displays);
  const bounds = saved?.bounds ?? DEFAULT_WINDOW_STATE.bounds;
  const window = new BrowserWindow({
    ...(saved ? bounds : { width: bounds.width, height: bounds.height, center: true }),
    minWidth: 1024,
    minHeight: 640,
    show: false,
    title: 'Clinic',
    backgroundColor: '#ffffff',
    webPreferences: options.webPreferences,
  });
  if (saved?.maximized) window.maximize();
  window.once('ready-to-show', () => window.show());

  let timer: NodeJS.Timeout | undefined;
  const remember = () => {
    clearTimeout(timer);
    timer = setTimeout(() => {
      if (window.isDestroyed()) return;
      saveWindowState(options.stateFile, {
        bounds: window.getNormalBounds(),
        maximized: window.isMaximized(),
      });
    }, 500);
  };
  window.on('resize', remember);
  window.on('move', remember);
  window.on('maximize', remember);
  window.on('unmaximize', remember);
  window.on('close', () => {
    clearTimeout(timer);
    saveWindowState(options.stateFile, { bounds: window.getNormalBounds(), maximized: window.isMaximized() });
  });
  return window;
}
