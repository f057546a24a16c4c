import { type BrowserWindow, ipcMain, type IpcMainInvokeEvent } from 'electron';
import { CHANNELS, dispatch, type Handlers } from '../core/contract.ts';
import { APP_ORIGIN, ipcChannel } from '../core/ipc.ts';

/**
 * The only place that touches ipcMain: one handler per contract channel. Each checks who is asking (our
 * window's top frame showing our app:// page, never an iframe or a page navigated elsewhere), then takes the
 * same parse-call-parse path as the loopback bridge.
 */
export function registerIpc(
  handlers: Handlers,
  window: () => BrowserWindow | null,
  log: (message: string) => void,
): void {
  for (const channel of CHANNELS) {
    ipcMain.handle(ipcChannel(channel), (event, payload: unknown) => {
      if (!isOurWindow(event, window())) {
        log(`${channel}: refused a call from ${event.senderFrame?.url ?? 'a destroyed frame'}`);
        return { ok: false, error: { code: 'forbidden', detail: 'unknown sender' } };
      }
      return dispatch(handlers, channel, payload, log);
    });
  }
}

function isOurWindow(event: IpcMainInvokeEvent, window: BrowserWindow | null): boolean {
  const frame = event.senderFrame;
  return (
    window !== null &&
    !window.isDestroyed() &&
    event.sender === window.webContents &&
    frame !== null &&
    frame.parent === null &&
    frame.url.startsWith(`${APP_ORIGIN}/`)
  );
}
