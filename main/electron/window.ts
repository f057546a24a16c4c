import { BrowserWindow } from 'electron';
import { APP_ORIGIN } from '../core/ipc.ts';

/** The one application window. The renderer gets no Node: it reaches main only through preload's window.api. */
export function createMainWindow(preload: string): BrowserWindow {
  const window = new BrowserWindow({
    width: 1280,
    height: 860,
    minWidth: 900,
    minHeight: 600,
    title: 'Phaen',
    // Shown once painted, so a slow office PC does not flash an empty white window.
    show: false,
    webPreferences: {
      preload,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      webviewTag: false,
    },
  });
  window.once('ready-to-show', () => window.show());
  void window.loadURL(`${APP_ORIGIN}/index.html`);
  return window;
}
