import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { dispatch, type Channel, type Input, type Output } from '../../main/core/contract.ts';
import type { AppErrorShape } from '../../main/core/errors.ts';
import { createHandlers } from '../../main/services/handlers.ts';
import { Session, type FileDialogs } from '../../main/services/session.ts';
import { SECRETARIAT, office } from '../harness/exchange.ts';
import { bmaDraft } from '../harness/store.ts';
import { useTempDir } from '../harness/tmp.ts';

const RESOURCES = join(import.meta.dirname, '..', '..', 'resources');
const tempDir = useTempDir();

/** The app's channels over real services, as main and the browser bridge run them (dialogs: Electron's stand-in). */
async function app(dialogs: FileDialogs | null) {
  const session = await Session.start({ dataDir: tempDir(), backupIntervalMs: 0 });
  const handlers = createHandlers({ session, dialogs, resourcesDir: RESOURCES, version: 'test' });
  async function call<C extends Channel>(channel: C, input: Input<C>): Promise<Output<C>> {
    const result = await dispatch(handlers, channel, input);
    if (!result.ok) throw Object.assign(new Error(result.error.detail), { shape: result.error });
    return result.data as Output<C>;
  }
  async function failure<C extends Channel>(channel: C, input: Input<C>): Promise<AppErrorShape> {
    const result = await dispatch(handlers, channel, input);
    if (result.ok) throw new Error(`${channel} succeeded`);
    return result.error;
  }
  return { call, failure, close: () => session.close() };
}

/** A desktop user who picks `folder` whenever asked for a folder. */
function pickingFolder(folder: string): FileDialogs {
  return {
    saveFile: () => Promise.resolve(null),
    openFile: () => Promise.resolve(null),
    openFolder: () => Promise.resolve(folder),
  };
}

describe('exchange channels', () => {
  it('in the browser: set the identity, export as a download, import as an upload', async () => {
    const secretariat = await app(null);
    const bad = await secretariat.failure('settings.set', {
      office: { code: 'เขต 1', name: 'x', role: 'contributor' },
    });
    expect(bad.fields?.['office.code']).toBe('exchange.identity.codeInvalid');
    await secretariat.call('settings.set', { office: SECRETARIAT });
    const plan = await secretariat.call('plans.create', bmaDraft);
    await secretariat.call('exchange.setAssignments', {
      planId: plan.id,
      assignments: [{ officeCode: '1001', officeName: 'สำนักงานเขตพระนคร', factors: true, kpiIds: [], projectIds: [] }],
    });
    const exported = await secretariat.call('exchange.export', { planId: plan.id, to: 'file' });
    expect(exported).toMatchObject({ status: 'download', kind: 'plan' });
    if (exported.status !== 'download') throw new Error('no download');
    expect(exported.fileName).toMatch(/-PR-1\.phaen-package$/);

    const district = await app(null);
    // Before the office has said who it is, it cannot send.
    expect((await district.failure('exchange.export', { planId: plan.id, to: 'file' })).fields?._).toBe(
      'exchange.errors.identityMissing',
    );
    await district.call('settings.set', { office: office('1001', 'สำนักงานเขตพระนคร') });
    // Uploaded beside a file nested thousands of arrays deep (once an "internal error" for the whole upload).
    const deep = `{"format":"phaen.exchange","version":2,"manifest":${'['.repeat(2500)}${']'.repeat(2500)}}`;
    const report = await district.call('exchange.import', {
      files: [
        { name: 'deep.phaen-package', content: deep },
        { name: exported.fileName, content: exported.content },
      ],
    });
    expect(report).toMatchObject({
      status: 'done',
      planIds: [plan.id],
      packages: [
        { file: 'deep.phaen-package', status: 'rejected', reason: 'too-deep' },
        { status: 'imported', kind: 'plan' },
      ],
    });
    const status = await district.call('exchange.status', { planId: plan.id });
    expect(status).toMatchObject({ secretariat: { code: 'PR' }, assignments: [{ officeCode: '1001' }], conflicts: 0 });

    // What needs main's dialogs says so in the user's words.
    const noDialog = await district.failure('exchange.folder.choose', {});
    expect(noDialog.fields?._).toBe('exchange.errors.noDialog');
    // Only the secretariat assigns.
    const notSecretariat = await district.failure('exchange.setAssignments', { planId: plan.id, assignments: [] });
    expect(notSecretariat.fields?._).toBe('exchange.errors.notSecretariat');
    secretariat.close();
    district.close();
  });

  it('in a shared folder: each writes its own files, reads the others’ new ones, and retries a file still arriving', async () => {
    const shared = tempDir();
    const secretariat = await app(pickingFolder(shared));
    await secretariat.call('settings.set', { office: SECRETARIAT });
    const plan = await secretariat.call('plans.create', bmaDraft);
    await secretariat.call('exchange.setAssignments', {
      planId: plan.id,
      assignments: [{ officeCode: '1001', officeName: 'สำนักงานเขตพระนคร', factors: true, kpiIds: [], projectIds: [] }],
    });
    expect(await secretariat.call('exchange.folder.choose', {})).toMatchObject({ path: shared });
    const written = await secretariat.call('exchange.export', { planId: plan.id, to: 'folder' });
    expect(written.status === 'saved' && relative(shared, written.fileName)).toMatch(
      new RegExp(`^${plan.id}/PR/[0-9a-f]{8}-000001\\.phaen-package$`),
    );
    // Its own file is not read back.
    expect(await secretariat.call('exchange.folder.sync', {})).toEqual({ status: 'done', packages: [], planIds: [] });

    const district = await app(pickingFolder(shared));
    await district.call('settings.set', { office: office('1001', 'สำนักงานเขตพระนคร') });
    await district.call('exchange.folder.choose', {});
    const first = await district.call('exchange.folder.sync', {});
    expect(first).toMatchObject({ status: 'done', planIds: [plan.id], packages: [{ status: 'imported' }] });
    await district.call('rows.create', {
      planId: plan.id,
      rows: [{ entity: 'factor', values: { swot: 'O', category: 'P', statement: 'นโยบายเมืองน่าอยู่' } }],
    });
    const contribution = await district.call('exchange.export', { planId: plan.id, to: 'folder' });
    if (contribution.status !== 'saved') throw new Error('not saved');
    const full = readFileSync(contribution.fileName);
    // The sync engine has delivered half of it so far.
    writeFileSync(contribution.fileName, full.subarray(0, full.length >> 1));
    const partial = await secretariat.call('exchange.folder.sync', {});
    expect(partial).toMatchObject({ packages: [{ status: 'rejected', reason: 'damaged' }] });
    writeFileSync(contribution.fileName, full);
    const complete = await secretariat.call('exchange.folder.sync', {});
    expect(complete).toMatchObject({
      packages: [{ status: 'imported', kind: 'contribution', sender: { code: '1001' } }],
    });
    expect((await secretariat.call('rows.list', { planId: plan.id })).map((r) => r.data.statement)).toContain(
      'นโยบายเมืองน่าอยู่',
    );
    // Looked at once: the next sync reads nothing.
    expect((await secretariat.call('exchange.folder.sync', {})).status === 'done').toBe(true);
    expect(await secretariat.call('exchange.folder.sync', {})).toEqual({ status: 'done', packages: [], planIds: [] });
    expect(readdirSync(join(shared, plan.id)).sort()).toEqual(['1001', 'PR']);

    const view = await secretariat.call('exchange.arrivals', { planId: plan.id });
    expect(view.offices).toEqual([expect.objectContaining({ code: '1001', assigned: true, arrivals: 1 })]);
    secretariat.close();
    district.close();
  });
});
