import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it } from 'vitest';
import type { OfficeIdentity } from '../../main/core/exchange/identity.ts';
import { DEFAULT_SETTINGS, type Settings } from '../../main/core/settings.ts';
import { Home } from '../../renderer/src/screens/Home.tsx';
import { fakeApi, fakeShell, ok, openStatus, renderWith } from './fakeApi.tsx';

/** This computer's office: asked at first start on the home screen, skippable, required before exchanging. */

const WELCOME = 'ยินดีต้อนรับ เครื่องนี้เป็นของหน่วยงานใด';
const PHRA_NAKHON: OfficeIdentity = { code: '1001', name: 'สำนักงานเขตพระนคร', role: 'contributor' };

/** The home screen over settings as the workspace database keeps them (pass the same object to restart). */
function home(office: OfficeIdentity | null = null, stored: { settings: Settings } = fresh(office)) {
  const settings = stored;
  const fake = fakeApi({
    'settings.get': () => ok(settings.settings),
    'settings.set': (patch) => ok((settings.settings = { ...settings.settings, ...patch })),
    'plans.list': () => ok([]),
    'backups.list': () => ok([]),
  });
  const shell = fakeShell();
  renderWith(<Home status={openStatus} />, fake.api, shell);
  return { fake, shell, stored };
}

const fresh = (office: OfficeIdentity | null) => ({ settings: { ...DEFAULT_SETTINGS, office } });

// Nothing of the office may live in browser storage: a browser-mode restart is a new origin.
beforeEach(() => localStorage.clear());

describe('office identity at first start', () => {
  it('refuses a save without code, name and role, says why under each, and puts the cursor on the first', async () => {
    const { fake } = home();
    const user = userEvent.setup();
    const welcome = await screen.findByRole('region', { name: WELCOME });
    await user.click(within(welcome).getByRole('button', { name: 'บันทึกหน่วยงาน' }));

    const code = within(welcome).getByLabelText('รหัสหน่วยงาน');
    const name = within(welcome).getByLabelText('ชื่อหน่วยงาน');
    expect(code.getAttribute('aria-invalid')).toBe('true');
    expect(name.getAttribute('aria-invalid')).toBe('true');
    expect(within(welcome).getAllByText('กรุณากรอกข้อมูลช่องนี้')).toHaveLength(2);
    expect(within(welcome).getByText('กรุณาเลือกบทบาท')).toBeTruthy();
    await waitFor(() => expect(document.activeElement).toBe(code));
    expect(fake.callsTo('settings.set')).toEqual([]);
  });

  it('refuses a code with a space with the code rule, then saves a valid office and shows it in settings', async () => {
    const { fake } = home();
    const user = userEvent.setup();
    const welcome = await screen.findByRole('region', { name: WELCOME });
    await user.type(within(welcome).getByLabelText('รหัสหน่วยงาน'), 'เขต 1');
    await user.type(within(welcome).getByLabelText('ชื่อหน่วยงาน'), PHRA_NAKHON.name);
    await user.click(within(welcome).getByRole('radio', { name: 'หน่วยงานผู้ร่วมจัดทำแผน' }));
    await user.click(within(welcome).getByRole('button', { name: 'บันทึกหน่วยงาน' }));
    expect(within(welcome).getByText(/รหัสหน่วยงานใช้ได้เฉพาะตัวอักษรไทย ตัวอักษรภาษาอังกฤษ ตัวเลข/)).toBeTruthy();
    expect(fake.callsTo('settings.set')).toEqual([]);

    await user.clear(within(welcome).getByLabelText('รหัสหน่วยงาน'));
    await user.type(within(welcome).getByLabelText('รหัสหน่วยงาน'), ' 1001 ');
    await user.click(within(welcome).getByRole('button', { name: 'บันทึกหน่วยงาน' }));

    await waitFor(() => expect(fake.callsTo('settings.set')).toEqual([{ office: PHRA_NAKHON }]));
    const settings = await screen.findByRole('region', { name: 'หน่วยงานของเครื่องนี้' });
    expect(settings.textContent).toContain('สำนักงานเขตพระนคร (1001) · หน่วยงานผู้ร่วมจัดทำแผน');
    expect(screen.queryByRole('region', { name: WELCOME })).toBeNull();
  });

  it('takes a Thai abbreviation as the code and leaves out its closing dot', async () => {
    const { fake } = home();
    const user = userEvent.setup();
    const welcome = await screen.findByRole('region', { name: WELCOME });
    await user.type(within(welcome).getByLabelText('รหัสหน่วยงาน'), 'ส.ป.ส.');
    await user.type(within(welcome).getByLabelText('ชื่อหน่วยงาน'), 'สำนักงานประชาสัมพันธ์');
    await user.click(within(welcome).getByRole('radio', { name: 'ฝ่ายเลขานุการ' }));
    await user.click(within(welcome).getByRole('button', { name: 'บันทึกหน่วยงาน' }));
    // A dot inside the code is not a trailing one: refused, nothing saved.
    expect(within(welcome).getByText(/ไม่มีเว้นวรรคหรือจุดกลางรหัส/)).toBeTruthy();
    expect(fake.callsTo('settings.set')).toEqual([]);

    await user.clear(within(welcome).getByLabelText('รหัสหน่วยงาน'));
    await user.type(within(welcome).getByLabelText('รหัสหน่วยงาน'), 'สปส.');
    await user.click(within(welcome).getByRole('button', { name: 'บันทึกหน่วยงาน' }));
    await waitFor(() =>
      expect(fake.callsTo('settings.set')).toEqual([
        { office: { code: 'สปส', name: 'สำนักงานประชาสัมพันธ์', role: 'secretariat' } },
      ]),
    );
  });

  it('each role is explained in one line read after its name', async () => {
    home();
    const welcome = await screen.findByRole('region', { name: WELCOME });
    const secretariat = within(welcome).getByRole('radio', { name: 'ฝ่ายเลขานุการ' });
    const hint = document.getElementById(secretariat.getAttribute('aria-describedby')!);
    expect(hint?.textContent).toMatch(/^ส่งแผนให้หน่วยงาน รวบรวมข้อมูลที่ส่งกลับมา/);
  });

  it('can be skipped, stays skipped on the next start (kept in the database), and is asked again before receiving a plan', async () => {
    const { stored } = home();
    const user = userEvent.setup();
    const welcome = await screen.findByRole('region', { name: WELCOME });
    await user.click(within(welcome).getByRole('button', { name: 'ข้ามไปก่อน' }));
    expect(screen.queryByRole('region', { name: WELCOME })).toBeNull();
    expect((await screen.findByRole('region', { name: 'หน่วยงานของเครื่องนี้' })).textContent).toContain('ยังไม่ได้ระบุ');
    expect(stored.settings.officeSkipped).toBe(true);
    expect(localStorage.length).toBe(0);

    // A restart in browser mode: a new origin (fresh browser storage), the same database.
    document.body.innerHTML = '';
    localStorage.clear();
    const { fake } = home(null, stored);
    expect(await screen.findByRole('region', { name: 'หน่วยงานของเครื่องนี้' })).toBeTruthy();
    expect(screen.queryByRole('region', { name: WELCOME })).toBeNull();

    await user.click(screen.getByRole('button', { name: 'รับแผนจากฝ่ายเลขานุการ (ไฟล์แพ็กเกจ)' }));
    const again = await screen.findByRole('region', { name: WELCOME });
    expect(within(again).getByRole('alert').textContent).toBe('กรุณาระบุหน่วยงานของเครื่องนี้ก่อนรับแผน แล้วกดรับแผนอีกครั้ง');
    await waitFor(() => expect(document.activeElement).toBe(within(again).getByLabelText('รหัสหน่วยงาน')));
    expect(fake.callsTo('exchange.import')).toEqual([]);
  });

  it('is changed from the settings card, starting from what is saved', async () => {
    const { fake } = home(PHRA_NAKHON);
    const user = userEvent.setup();
    const settings = await screen.findByRole('region', { name: 'หน่วยงานของเครื่องนี้' });
    expect(screen.queryByRole('region', { name: WELCOME })).toBeNull();
    await user.click(within(settings).getByRole('button', { name: 'เปลี่ยนหน่วยงานของเครื่องนี้' }));
    const name = within(settings).getByLabelText('ชื่อหน่วยงาน');
    expect((name as HTMLInputElement).value).toBe(PHRA_NAKHON.name);
    expect(document.activeElement).toBe(within(settings).getByLabelText('รหัสหน่วยงาน'));
    await user.click(within(settings).getByRole('radio', { name: 'ฝ่ายเลขานุการ' }));
    await user.click(within(settings).getByRole('button', { name: 'บันทึกหน่วยงาน' }));
    await waitFor(() =>
      expect(fake.callsTo('settings.set')).toEqual([{ office: { ...PHRA_NAKHON, role: 'secretariat' } }]),
    );
    expect(settings.textContent).toContain('สำนักงานเขตพระนคร (1001) · ฝ่ายเลขานุการ');
  });
});
