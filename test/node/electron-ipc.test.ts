import { join } from 'node:path';
import type { BrowserWindow, IpcMainInvokeEvent } from 'electron';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { CHANNELS } from '../../main/core/contract.ts';
import { ipcChannel } from '../../main/core/ipc.ts';
import { registerIpc } from '../../main/ipc/register.ts';
import { createHandlers } from '../../main/services/handlers.ts';
import { Session } from '../../main/services/session.ts';
import { useTempDir } from '../harness/tmp.ts';

type Listener = (event: Partial<IpcMainInvokeEvent>, payload: unknown) => unknown;
const ipc = vi.hoisted(() => ({ listeners: new Map<string, Listener>() }));
vi.mock('electron', () => ({
  ipcMain: { handle: (name: string, listener: Listener) => ipc.listeners.set(name, listener) },
}));

const tempDir = useTempDir();
const ourContents = {};
const ourWindow = { isDestroyed: () => false, webContents: ourContents } as unknown as BrowserWindow;
const fromApp = {
  sender: ourContents,
  senderFrame: { url: 'app://phaen/index.html', parent: null },
} as unknown as IpcMainInvokeEvent;
const draft = {
  organisation: 'สำนักงานเขตพระนคร',
  title: 'แผนพัฒนาเขต',
  startYear: 2566,
  endYear: 2570,
  prevStartYear: 2563,
  prevEndYear: 2565,
};

let session: Session;
let log: string[];

beforeEach(async () => {
  ipc.listeners.clear();
  log = [];
  session = await Session.start({ dataDir: join(tempDir(), 'data'), backupIntervalMs: 0 });
  const handlers = createHandlers({ session, dialogs: null, resourcesDir: 'resources', version: '0.0.0-test' });
  registerIpc(
    handlers,
    () => ourWindow,
    (m) => log.push(m),
  );
});
afterEach(() => session.close());

function invoke(channel: string, payload: unknown, event: Partial<IpcMainInvokeEvent> = fromApp) {
  const listener = ipc.listeners.get(ipcChannel(channel as (typeof CHANNELS)[number]));
  if (!listener) throw new Error(`${channel} not registered`);
  return Promise.resolve(listener(event, payload));
}

describe('IPC registration', () => {
  it('registers exactly the contract channels, each under the phaen: prefix', () => {
    expect([...ipc.listeners.keys()].sort()).toEqual(CHANNELS.map((c) => `phaen:${c}`).sort());
  });

  it('serves our window: a plan created over IPC is listed', async () => {
    const created = await invoke('plans.create', draft);
    expect(created).toMatchObject({ ok: true, data: draft });
    expect(await invoke('plans.list', {})).toMatchObject({ ok: true, data: [{ title: draft.title }] });
  });

  it('refuses foreign senders and writes nothing for them', async () => {
    const foreign: Partial<IpcMainInvokeEvent>[] = [
      { sender: {} as IpcMainInvokeEvent['sender'], senderFrame: fromApp.senderFrame },
      { ...fromApp, senderFrame: { url: 'app://phaen/index.html', parent: {} } as IpcMainInvokeEvent['senderFrame'] },
      { ...fromApp, senderFrame: { url: 'https://evil.example/', parent: null } as IpcMainInvokeEvent['senderFrame'] },
      { ...fromApp, senderFrame: { url: 'file:///etc/passwd', parent: null } as IpcMainInvokeEvent['senderFrame'] },
      {
        ...fromApp,
        senderFrame: { url: 'app://phaen.evil/index.html', parent: null } as IpcMainInvokeEvent['senderFrame'],
      },
      { ...fromApp, senderFrame: null },
    ];
    for (const event of foreign) {
      expect(await invoke('plans.create', draft, event)).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    }
    expect(log.filter((m) => m.includes('refused'))).toHaveLength(foreign.length);
    expect(await invoke('plans.list', {})).toEqual({ ok: true, data: [] });
  });

  it('answers a payload that fails its schema with invalid-input and writes nothing', async () => {
    const result = await invoke('plans.create', { ...draft, endYear: 'soon', path: '/etc/passwd' });
    expect(result).toMatchObject({ ok: false, error: { code: 'invalid-input' } });
    expect(await invoke('plans.list', {})).toEqual({ ok: true, data: [] });
    expect(await invoke('history.undo', {})).toMatchObject({ ok: false, error: { code: 'nothing-to-undo' } });
  });
});
