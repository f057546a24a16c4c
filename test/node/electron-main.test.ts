import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { CHANNELS } from '../../main/core/contract.ts';
import { useTempDir } from '../harness/tmp.ts';

/** A stand-in for the parts of Electron main/index.ts drives, recording what the entry does with them. */
const fake = vi.hoisted(() => {
  const state = {
    lock: true,
    userData: '',
    appEvents: new Map<string, (...args: unknown[]) => void>(),
    windows: [] as {
      options: Record<string, unknown>;
      url: string;
      focused: boolean;
      events: Map<string, () => void>;
    }[],
    ipc: [] as string[],
    handled: [] as string[],
    ready: Promise.resolve(),
  };
  class BrowserWindow {
    record: (typeof state.windows)[number];
    webContents = {};
    constructor(options: Record<string, unknown>) {
      this.record = { options, url: '', focused: false, events: new Map() };
      state.windows.push(this.record);
    }
    once(name: string, listener: () => void) {
      this.record.events.set(name, listener);
    }
    on(name: string, listener: () => void) {
      this.record.events.set(name, listener);
    }
    loadURL(url: string) {
      this.record.url = url;
      return Promise.resolve();
    }
    isMinimized = () => false;
    isDestroyed = () => false;
    focus() {
      this.record.focused = true;
    }
  }
  const app = {
    isPackaged: false,
    setPath: (_name: string, path: string) => (state.userData = path),
    getPath: () => state.userData,
    getAppPath: () => process.cwd(),
    getVersion: () => '0.0.0-test',
    requestSingleInstanceLock: () => state.lock,
    quit: vi.fn(),
    exit: vi.fn(),
    on: (name: string, listener: (...args: unknown[]) => void) => state.appEvents.set(name, listener),
    whenReady: () => state.ready,
  };
  const electronSession = {
    defaultSession: {
      setPermissionRequestHandler: vi.fn(),
      setPermissionCheckHandler: vi.fn(),
      webRequest: { onHeadersReceived: vi.fn() },
    },
  };
  return {
    state,
    module: {
      app,
      BrowserWindow,
      session: electronSession,
      dialog: { showErrorBox: vi.fn() },
      ipcMain: { handle: (name: string) => state.ipc.push(name) },
      protocol: { registerSchemesAsPrivileged: vi.fn(), handle: (scheme: string) => state.handled.push(scheme) },
    },
  };
});
vi.mock('electron', () => fake.module);

const tempDir = useTempDir();

async function boot(lock: boolean): Promise<string> {
  const dataDir = tempDir();
  vi.stubEnv('PHAEN_DATA_DIR', dataDir);
  Object.assign(fake.state, { lock, userData: '', ipc: [], handled: [], windows: [], appEvents: new Map() });
  vi.resetModules();
  await import('../../main/index.ts');
  await fake.state.ready;
  await vi.waitFor(() => expect(lock ? fake.state.windows : [1]).toHaveLength(1));
  return dataDir;
}

afterEach(() => {
  fake.state.appEvents.get('will-quit')?.();
  vi.unstubAllEnvs();
  fake.module.app.quit.mockClear();
});

describe('main entry', () => {
  it('hands over to the running instance when it does not get the single-instance lock', async () => {
    await boot(false);
    expect(fake.module.app.quit).toHaveBeenCalled();
    expect(fake.state.windows).toEqual([]);
    expect(fake.state.ipc).toEqual([]);
  });

  it('opens one sandboxed window on app://, with every channel registered and the data in PHAEN_DATA_DIR', async () => {
    const dataDir = await boot(true);
    expect(fake.state.userData).toBe(dataDir);
    expect(fake.state.handled).toEqual(['app']);
    expect(fake.state.ipc.sort()).toEqual(CHANNELS.map((c) => `phaen:${c}`).sort());
    const [window] = fake.state.windows;
    expect(window!.url).toBe('app://phaen/index.html');
    expect(window!.options).toMatchObject({
      show: false,
      webPreferences: {
        contextIsolation: true,
        sandbox: true,
        nodeIntegration: false,
        webviewTag: false,
        preload: resolve('out/preload/index.cjs'),
      },
    });
    expect(existsSync(join(dataDir, 'phaen.sqlite'))).toBe(true);
  });

  it('focuses the first window for a second instance, quits when the windows close, closes the database on quit', async () => {
    const dataDir = await boot(true);
    fake.state.appEvents.get('second-instance')!();
    expect(fake.state.windows[0]!.focused).toBe(true);
    fake.state.appEvents.get('window-all-closed')!();
    expect(fake.module.app.quit).toHaveBeenCalled();
    expect(existsSync(join(dataDir, 'phaen.sqlite-wal'))).toBe(true);
    fake.state.appEvents.get('will-quit')!();
    // Closed cleanly: the WAL was checkpointed into the database file and removed.
    expect(existsSync(join(dataDir, 'phaen.sqlite-wal'))).toBe(false);
  });
});
