import { app, type BrowserWindow, dialog, session as electronSession } from 'electron';
import { createDialogs, dialogText } from './electron/dialogs.ts';
import { appPaths } from './electron/paths.ts';
import { registerAppScheme, serveApp } from './electron/protocol.ts';
import { hardenContents, hardenSession } from './electron/security.ts';
import { createMainWindow } from './electron/window.ts';
import { registerIpc } from './ipc/register.ts';
import { syncFolderAtStart } from './services/exchange/folder.ts';
import { createHandlers } from './services/handlers.ts';
import { Session } from './services/session.ts';
import { userDataDir } from './services/userData.ts';

/** The Electron entry: lifecycle only. Everything with logic lives in modules that tests load without Electron. */

const log = (message: string) => console.log(`[phaen] ${message}`);

// Before anything reads it (the single-instance lock lives there): the folder browser mode uses too, and
// PHAEN_DATA_DIR when set.
app.setPath('userData', userDataDir());
registerAppScheme();

let mainWindow: BrowserWindow | null = null;
let session: Session | null = null;

if (!app.requestSingleInstanceLock()) {
  // Two processes on one database would fight over it: hand over to the running instance.
  app.quit();
} else {
  app.on('second-instance', () => {
    if (!mainWindow) return;
    if (mainWindow.isMinimized()) mainWindow.restore();
    mainWindow.focus();
  });
  app.on('web-contents-created', (_event, contents) => hardenContents(contents));
  app.on('window-all-closed', () => app.quit());
  app.on('will-quit', () => {
    // Closing the database checkpoints the WAL, so the .sqlite file alone holds everything.
    session?.close();
    session = null;
  });
  app
    .whenReady()
    .then(start)
    .catch((err: unknown) => {
      log(`start failed: ${String(err)}`);
      // Thai first (the settings that hold the language live in the database that may be what failed).
      const text = (key: string) => dialogText(appPaths(app).resourcesDir, 'th', key);
      dialog.showErrorBox(text('startFailedTitle'), `${text('startFailed')}\n\n${String(err)}`);
      app.exit(1);
    });
}

async function start(): Promise<void> {
  const paths = appPaths(app);
  hardenSession(electronSession.defaultSession);
  serveApp(paths.rendererDir);
  const open = await Session.start({ dataDir: app.getPath('userData'), log });
  session = open;
  const dialogs = createDialogs({
    window: () => mainWindow,
    language: () => {
      try {
        return open.store().getSettings().language;
      } catch {
        return 'th'; // no database open (it failed to open): Thai, the default language
      }
    },
    resourcesDir: paths.resourcesDir,
  });
  registerIpc(
    createHandlers({ session: open, dialogs, resourcesDir: paths.resourcesDir, version: app.getVersion() }),
    () => mainWindow,
    log,
  );
  mainWindow = createMainWindow(paths.preload);
  mainWindow.on('closed', () => (mainWindow = null));
  // After the window is on its way, so a long import does not keep it from appearing; its first requests wait.
  syncFolderAtStart(open, log);
}
