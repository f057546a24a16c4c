import { rmSync } from 'node:fs';
import { join, relative } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { BRIDGE_API_PREFIX, BRIDGE_TOKEN_HEADER, BRIDGE_TOKEN_PARAM } from '../../main/core/bridge.ts';
import { dispatch, type Channel, type Input, type Output } from '../../main/core/contract.ts';
import { serve } from '../../main/serve.ts';
import { syncFolderAtStart } from '../../main/services/exchange/folder.ts';
import { createHandlers } from '../../main/services/handlers.ts';
import { Session, type FileDialogs } from '../../main/services/session.ts';
import { SECRETARIAT, office } from '../harness/exchange.ts';
import { bmaDraft } from '../harness/store.ts';
import { useTempDir } from '../harness/tmp.ts';

/** The shared folder is looked at when the app starts, in the desktop app and in browser mode alike. */

const ROOT = join(import.meta.dirname, '..', '..');
const tempDir = useTempDir();
afterEach(() => vi.unstubAllEnvs());

/** The app's channels over real services on the user-data folder `dataDir`; folders picked are `folder`. */
async function app(dataDir: string, folder: string) {
  const session = await Session.start({ dataDir, backupIntervalMs: 0 });
  const dialogs: FileDialogs = {
    saveFile: () => Promise.resolve(null),
    openFile: () => Promise.resolve(null),
    openFolder: () => Promise.resolve(folder),
  };
  const handlers = createHandlers({ session, dialogs, resourcesDir: join(ROOT, 'resources'), version: 'test' });
  async function call<C extends Channel>(channel: C, input: Input<C>): Promise<Output<C>> {
    const result = await dispatch(handlers, channel, input);
    if (!result.ok) throw new Error(`${channel}: ${result.error.detail}`);
    return result.data as Output<C>;
  }
  return { session, call, close: () => session.close() };
}

/** The browser-mode process (main/serve.ts) on `dataDir`, and a caller of its bridge as the page would be. */
async function browserMode(dataDir: string, log: (m: string) => void) {
  vi.stubEnv('PHAEN_DATA_DIR', dataDir);
  const server = await serve({ root: ROOT, version: 'test', log });
  const url = new URL(server.url);
  const token = url.searchParams.get(BRIDGE_TOKEN_PARAM)!;
  async function call<C extends Channel>(channel: C, input: Input<C>): Promise<Output<C>> {
    const response = await fetch(`${url.origin}${BRIDGE_API_PREFIX}${channel}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', [BRIDGE_TOKEN_HEADER]: token },
      body: JSON.stringify(input),
    });
    const envelope = (await response.json()) as { ok: boolean; data: Output<C> };
    if (!envelope.ok) throw new Error(`${channel}: ${JSON.stringify(envelope)}`);
    return envelope.data;
  }
  return { call, close: () => server.close() };
}

/** A secretariat with a plan assigned to office 1001, writing its plan package into `shared`. */
async function secretariatSends(shared: string) {
  const secretariat = await app(tempDir(), shared);
  await secretariat.call('settings.set', { office: SECRETARIAT });
  const plan = await secretariat.call('plans.create', bmaDraft);
  await secretariat.call('exchange.setAssignments', {
    planId: plan.id,
    assignments: [{ officeCode: '1001', officeName: 'สำนักงานเขตพระนคร', factors: true, kpiIds: [], projectIds: [] }],
  });
  await secretariat.call('exchange.folder.choose', {});
  const written = await secretariat.call('exchange.export', { planId: plan.id, to: 'folder' });
  secretariat.close();
  if (written.status !== 'saved') throw new Error('not saved');
  return { planId: plan.id, file: relative(shared, written.fileName) };
}

/** Office 1001's computer, set up once with the shared folder, then closed. */
async function districtSetUp(dataDir: string, shared: string): Promise<void> {
  const district = await app(dataDir, shared);
  await district.call('settings.set', { office: office('1001', 'สำนักงานเขตพระนคร') });
  await district.call('exchange.folder.choose', {});
  district.close();
}

describe('the shared folder at start', () => {
  it('imports a package that arrived while the app was closed, before the page asks, and says what came', async () => {
    const shared = tempDir();
    const dataDir = tempDir();
    await districtSetUp(dataDir, shared);
    const { planId, file } = await secretariatSends(shared);

    const logged: string[] = [];
    const district = await browserMode(dataDir, (m) => logged.push(m));
    try {
      expect((await district.call('plans.list', {})).map((p) => p.id)).toEqual([planId]);
      const folder = await district.call('exchange.folder.get', {});
      expect(folder.lastSyncAt).toBe(folder.atStart?.at);
      expect(folder.atStart?.packages).toEqual([
        expect.objectContaining({
          file,
          status: 'imported',
          kind: 'plan',
          planId,
          sender: expect.objectContaining({ code: 'PR' }),
        }),
      ]);
      const status = await district.call('exchange.status', { planId });
      expect(status).toMatchObject({ secretariat: { code: 'PR' }, folder: { atStart: folder.atStart } });
      expect(logged).toContain('shared folder at start: 1 new files, 1 imported, 0 refused');
    } finally {
      await district.close();
    }

    // The next start finds nothing new, and says so rather than showing the earlier arrivals again.
    const again = await browserMode(dataDir, () => {});
    try {
      expect((await again.call('exchange.folder.get', {})).atStart?.packages).toEqual([]);
    } finally {
      await again.close();
    }
  });

  it('a shared folder that is not there at start is logged, and the app starts with the database usable', async () => {
    const shared = tempDir();
    const dataDir = tempDir();
    await districtSetUp(dataDir, shared);
    rmSync(shared, { recursive: true });

    const logged: string[] = [];
    const session = await Session.start({ dataDir, backupIntervalMs: 0 });
    try {
      expect(() => syncFolderAtStart(session, (m) => logged.push(m))).not.toThrow();
      expect(logged.join('\n')).toMatch(/shared folder not synced at start: .*is missing/);
      const store = session.store();
      expect(store.getSettings().office?.code).toBe('1001');
    } finally {
      session.close();
    }
  });

  it('without a shared folder nothing is read or recorded', async () => {
    const dataDir = tempDir();
    const district = await app(dataDir, tempDir());
    await district.call('settings.set', { office: office('1001', 'สำนักงานเขตพระนคร') });
    const logged: string[] = [];
    syncFolderAtStart(district.session, (m) => logged.push(m));
    expect(logged).toEqual([]);
    expect(await district.call('exchange.folder.get', {})).toEqual({ path: null, lastSyncAt: null, atStart: null });
    district.close();
  });
});
