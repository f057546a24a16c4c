import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import type { AppStatus } from '../../main/core/contract.ts';
import { DEFAULT_SETTINGS } from '../../main/core/settings.ts';
import { App } from '../../renderer/src/App.tsx';
import { fakeApi, ok, openStatus, renderWith } from './fakeApi.tsx';

const failedStatus: AppStatus = {
  database: {
    state: 'failed',
    path: '/data/phaen.sqlite',
    reason: 'corrupt',
    detail: 'SQLITE_CORRUPT: database disk image is malformed',
  },
  backups: [
    {
      name: 'phaen-20261126T090000Z-scheduled.sqlite',
      reason: 'scheduled',
      createdAt: '2026-11-26T09:00:00.000Z',
      bytes: 40960,
    },
    {
      name: 'phaen-20261120T090000Z-manual.sqlite',
      reason: 'manual',
      createdAt: '2026-11-20T09:00:00.000Z',
      bytes: 36864,
    },
  ],
  hasDialogs: false,
  version: '0.1.0',
};

describe('start-up', () => {
  it('explains a failed database in Thai, lists its backups in B.E. and restores the chosen one', async () => {
    const fake = fakeApi({
      'app.status': () => ok(failedStatus),
      'settings.get': () => ({ ok: false, error: { code: 'db-unavailable', detail: 'failed' } }),
      'backups.restore': () => ok(openStatus),
      'plans.list': () => ok([]),
      'backups.list': () => ok([]),
    });
    renderWith(<App />, fake.api);
    const user = userEvent.setup();

    expect(await screen.findByRole('heading', { name: 'เปิดฐานข้อมูลไม่ได้' })).toBeTruthy();
    expect(screen.getByText('ไฟล์ฐานข้อมูลเสียหาย อ่านข้อมูลไม่ได้ครบถ้วน')).toBeTruthy();
    expect(screen.getByText('/data/phaen.sqlite')).toBeTruthy();
    const items = within(screen.getByRole('list')).getAllByRole('listitem');
    expect(items).toHaveLength(2);
    // Newest first, dated in the Buddhist Era (2026 CE = 2569 BE).
    expect(items[0]!.textContent).toContain('2569');
    expect(items[0]!.textContent).toContain('สำรองอัตโนมัติ');
    // Only the browser bridge here: no "open another file", which needs a dialog.
    expect(screen.queryByRole('button', { name: 'เปิดไฟล์ฐานข้อมูลอื่น' })).toBeNull();
    expect(screen.getByRole('button', { name: 'เริ่มฐานข้อมูลใหม่ที่ว่างเปล่า' })).toBeTruthy();

    await user.click(within(items[0]!).getByRole('button', { name: 'กู้คืน' }));
    const dialog = screen.getByRole('alertdialog');
    await user.click(within(dialog).getByRole('button', { name: 'กู้คืน' }));

    expect(fake.callsTo('backups.restore')).toEqual([{ name: 'phaen-20261126T090000Z-scheduled.sqlite' }]);
    expect(await screen.findByRole('heading', { name: 'แผนของหน่วยงาน' })).toBeTruthy();
  });

  it('asks about a moved or copied database before anything else, and gives a copy a new identity', async () => {
    const moved: AppStatus = {
      ...openStatus,
      database: {
        state: 'open',
        path: '/pc2/Phaen/phaen.sqlite',
        officeId: 'office-1',
        movedFrom: { path: '/pc1/Phaen/phaen.sqlite', host: 'district-pc1', unsent: { ops: 0, rows: 0 } },
      },
    };
    const fake = fakeApi({
      'app.status': () => ok(moved),
      'settings.get': () => ok({ ...DEFAULT_SETTINGS }),
      'database.confirmMove': () => ok(openStatus),
      'plans.list': () => ok([]),
      'backups.list': () => ok([]),
    });
    renderWith(<App />, fake.api);
    const user = userEvent.setup();

    expect(await screen.findByRole('heading', { name: 'ฐานข้อมูลนี้ถูกย้ายหรือคัดลอกมาจากที่อื่น' })).toBeTruthy();
    expect(screen.getByText('/pc1/Phaen/phaen.sqlite')).toBeTruthy();
    expect(screen.getByText('/pc2/Phaen/phaen.sqlite')).toBeTruthy();
    expect(screen.queryByRole('heading', { name: 'แผนของหน่วยงาน' })).toBeNull();
    await user.click(screen.getByRole('button', { name: 'เป็นสำเนา: ให้รหัสเครื่องใหม่แก่ชุดนี้' }));
    expect(fake.callsTo('database.confirmMove')).toEqual([{ newIdentity: true }]);
    expect(await screen.findByRole('heading', { name: 'แผนของหน่วยงาน' })).toBeTruthy();
  });

  it('offers only "try again" while another window holds the database, and opens it once that window is closed', async () => {
    let held = true;
    const lockedStatus = {
      ...failedStatus,
      database: { ...failedStatus.database, reason: 'locked' },
    } as AppStatus;
    const fake = fakeApi({
      'app.status': () => ok(lockedStatus),
      'settings.get': () => ({ ok: false, error: { code: 'db-unavailable', detail: 'failed' } }),
      'database.retry': () => ok(held ? lockedStatus : openStatus),
      'plans.list': () => ok([]),
      'backups.list': () => ok([]),
    });
    renderWith(<App />, fake.api);
    const user = userEvent.setup();
    expect((await screen.findByText(/อีกหน้าต่างหนึ่ง/)).textContent).toContain('ลองเปิดอีกครั้ง');
    // Restoring or starting afresh would leave the other window saving into a file nobody opens again.
    expect(screen.queryByRole('button', { name: 'กู้คืน' })).toBeNull();
    expect(screen.queryByRole('button', { name: 'เริ่มฐานข้อมูลใหม่ที่ว่างเปล่า' })).toBeNull();
    await user.click(screen.getByRole('button', { name: 'ลองเปิดอีกครั้ง' }));
    expect(screen.getByRole('heading', { name: 'เปิดฐานข้อมูลไม่ได้' })).toBeTruthy();
    held = false;
    await user.click(screen.getByRole('button', { name: 'ลองเปิดอีกครั้ง' }));
    expect(await screen.findByRole('heading', { name: 'แผนของหน่วยงาน' })).toBeTruthy();
    expect(fake.callsTo('database.retry')).toHaveLength(2);
  });

  it('does not offer a restore in a read-only folder, where it cannot succeed, and says why', async () => {
    const readOnlyStatus = {
      ...failedStatus,
      hasDialogs: true,
      database: { ...failedStatus.database, reason: 'read-only' },
    } as AppStatus;
    const fake = fakeApi({
      'app.status': () => ok(readOnlyStatus),
      'settings.get': () => ({ ok: false, error: { code: 'db-unavailable', detail: 'failed' } }),
      'database.retry': () => ok(openStatus),
      'plans.list': () => ok([]),
      'backups.list': () => ok([]),
    });
    renderWith(<App />, fake.api);
    const user = userEvent.setup();
    expect((await screen.findByText(/กู้คืนจากข้อมูลสำรองที่นี่ไม่ได้/)).textContent).toContain('อ่านอย่างเดียว');
    expect(screen.queryByRole('button', { name: 'กู้คืน' })).toBeNull();
    expect(screen.queryByRole('button', { name: 'เริ่มฐานข้อมูลใหม่ที่ว่างเปล่า' })).toBeNull();
    expect(screen.getByRole('button', { name: 'เปิดไฟล์ฐานข้อมูลอื่น' })).toBeTruthy();
    await user.click(screen.getByRole('button', { name: 'ลองเปิดอีกครั้ง' }));
    expect(await screen.findByRole('heading', { name: 'แผนของหน่วยงาน' })).toBeTruthy();
    expect(fake.callsTo('database.retry')).toHaveLength(1);
  });

  it('asks before starting a new empty database, naming the file left behind', async () => {
    const fake = fakeApi({
      'app.status': () => ok(failedStatus),
      'settings.get': () => ok({ ...DEFAULT_SETTINGS }),
      'database.useAnother': () => ok(openStatus),
      'plans.list': () => ok([]),
      'backups.list': () => ok([]),
    });
    renderWith(<App />, fake.api);
    const user = userEvent.setup();
    await user.click(await screen.findByRole('button', { name: 'เริ่มฐานข้อมูลใหม่ที่ว่างเปล่า' }));
    const dialog = screen.getByRole('alertdialog');
    expect(dialog.textContent).toContain(failedStatus.database.path);
    await user.keyboard('{Escape}');
    expect(fake.callsTo('database.useAnother')).toEqual([]);
    await user.click(screen.getByRole('button', { name: 'เริ่มฐานข้อมูลใหม่ที่ว่างเปล่า' }));
    await user.click(within(screen.getByRole('alertdialog')).getByRole('button', { name: 'เริ่มฐานข้อมูลใหม่ที่ว่างเปล่า' }));
    expect(fake.callsTo('database.useAnother')).toEqual([{ fresh: true }]);
    expect(await screen.findByRole('heading', { name: 'แผนของหน่วยงาน' })).toBeTruthy();
  });

  it('Esc closes the restore confirmation without restoring', async () => {
    const fake = fakeApi({
      'app.status': () => ok(failedStatus),
      'settings.get': () => ok({ ...DEFAULT_SETTINGS }),
    });
    renderWith(<App />, fake.api);
    const user = userEvent.setup();
    await user.click((await screen.findAllByRole('button', { name: 'กู้คืน' }))[0]!);
    expect(screen.getByRole('alertdialog')).toBeTruthy();
    await user.keyboard('{Escape}');
    expect(screen.queryByRole('alertdialog')).toBeNull();
    expect(fake.callsTo('backups.restore')).toEqual([]);
  });
});

describe('language switch', () => {
  it('changes labels to English and stores the choice with settings.set', async () => {
    const fake = fakeApi({
      'app.status': () => ok(openStatus),
      'settings.get': () => ok({ ...DEFAULT_SETTINGS }),
      'settings.set': (patch) => ok({ ...DEFAULT_SETTINGS, ...patch }),
      'plans.list': () => ok([]),
      'backups.list': () => ok([]),
    });
    renderWith(<App />, fake.api);
    const user = userEvent.setup();
    expect(await screen.findByRole('heading', { name: 'แผนของหน่วยงาน' })).toBeTruthy();

    await user.click(screen.getByRole('button', { name: 'English' }));

    expect(await screen.findByRole('heading', { name: "Your agency's plans" })).toBeTruthy();
    expect(screen.getByRole('button', { name: 'New plan' })).toBeTruthy();
    expect(screen.getByRole('button', { name: 'English' }).getAttribute('aria-pressed')).toBe('true');
    expect(document.documentElement.lang).toBe('en');
    await waitFor(() => expect(fake.callsTo('settings.set')).toEqual([{ language: 'en' }]));
  });

  it('starts in the language stored in settings', async () => {
    const fake = fakeApi({
      'app.status': () => ok(openStatus),
      'settings.get': () => ok({ ...DEFAULT_SETTINGS, language: 'en' as const }),
      'plans.list': () => ok([]),
      'backups.list': () => ok([]),
    });
    renderWith(<App />, fake.api);
    expect(await screen.findByRole('heading', { name: "Your agency's plans" })).toBeTruthy();
  });
});
