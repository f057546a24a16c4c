import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { WizardScreen } from '../../renderer/src/screens/WizardScreen.tsx';
import { renderWith, samplePlan } from './fakeApi.tsx';
import { BANGKOK, optionsRow, planFake, shippedCatalogs } from './planFake.tsx';

/** The set-up step "frameworks" is the third of five. */
const FRAMEWORKS = 2;
const openStep = (fake: ReturnType<typeof planFake>) =>
  renderWith(<WizardScreen planId={samplePlan.id} wizard="setup" step={FRAMEWORKS} />, fake.api);
const bangkokGroup = () => screen.getByRole('group', { name: 'แผนพัฒนากรุงเทพมหานคร ระยะ 20 ปี' });

describe('set-up: frameworks the plan aligns with', () => {
  it('offers each framework, the Bangkok plan as a choice between its two versions, and saves the choice', async () => {
    const fake = planFake();
    openStep(fake);
    const user = userEvent.setup();
    await screen.findByRole('heading', { name: /ขั้นที่ 3 จาก 5: กรอบการจัดทำแผนที่ต้องสอดคล้อง/ });
    expect(await screen.findAllByRole('group')).toHaveLength(6);
    const group = bangkokGroup();
    expect(within(group).getAllByRole('radio')).toHaveLength(3);
    expect((within(group).getByRole('radio', { name: 'ไม่ใช้กรอบนี้' }) as HTMLInputElement).checked).toBe(true);

    await user.click(within(group).getByRole('radio', { name: /ฉบับปรับปรุง พ.ศ. 2561–2580/ }));
    await waitFor(() =>
      expect(fake.callsTo('rows.create').at(-1)?.rows).toEqual([
        {
          entity: 'planOptions',
          values: { frameworkCatalogs: [{ catalogId: 'bangkok-20y-2561-2580', version: '2561' }] },
        },
      ]),
    );
    await user.click(
      within(screen.getByRole('group', { name: 'ยุทธศาสตร์ชาติ' })).getByRole('checkbox', { name: /ยุทธศาสตร์ชาติ/ }),
    );
    await waitFor(() =>
      expect(fake.callsTo('rows.update').at(-1)?.edits).toEqual([
        {
          field: 'frameworkCatalogs',
          value: [
            { catalogId: 'bangkok-20y-2561-2580', version: '2561' },
            { catalogId: 'national-strategy-2561-2580', version: '2561' },
          ],
        },
      ]),
    );
  });

  it('keeps the version the plan aligned to when a newer one exists, and switches only when asked', async () => {
    const shipped = shippedCatalogs().find((c) => c.id === BANGKOK.catalogId)!;
    const fake = planFake([optionsRow([BANGKOK])], [{ ...shipped, version: '2556+local.1' }]);
    openStep(fake);
    const user = userEvent.setup();
    await screen.findByText('แผนนี้ใช้ฉบับ 2556');
    expect(screen.getByText('มีฉบับใหม่กว่า (2556 แก้ไขครั้งที่ 1)')).toBeTruthy();
    expect(fake.callsTo('rows.update')).toEqual([]);

    await user.click(screen.getByRole('button', { name: 'เปลี่ยนไปใช้ฉบับ 2556 แก้ไขครั้งที่ 1' }));
    await waitFor(() =>
      expect(fake.callsTo('rows.update').at(-1)?.edits).toEqual([
        { field: 'frameworkCatalogs', value: [{ catalogId: BANGKOK.catalogId, version: '2556+local.1' }] },
      ]),
    );
    await screen.findByText('แผนนี้ใช้ฉบับ 2556 แก้ไขครั้งที่ 1');
    expect(screen.queryByText(/มีฉบับใหม่กว่า/)).toBeNull();
  });
});

describe('set-up summary', () => {
  it('lists the chosen frameworks by their Thai catalog titles and versions, and says when none is chosen', async () => {
    renderWith(
      <WizardScreen planId={samplePlan.id} wizard="setup" step={4} />,
      planFake([optionsRow([BANGKOK, { catalogId: 'national-strategy-2561-2580', version: '2561' }])]).api,
    );
    const frameworks = (await screen.findByText('กรอบยุทธศาสตร์ที่แผนต้องสอดคล้อง')).nextElementSibling!;
    await waitFor(() => expect(within(frameworks as HTMLElement).getAllByRole('listitem')).toHaveLength(2));
    const items = within(frameworks as HTMLElement)
      .getAllByRole('listitem')
      .map((li) => li.textContent);
    expect(items[0]).toMatch(/^แผนพัฒนากรุงเทพมหานคร ระยะ 20 ปี .*\(ฉบับ 2556\)$/);
    expect(items[1]).toMatch(/^ยุทธศาสตร์ชาติ.*\(ฉบับ 2561\)$/);

    document.body.innerHTML = '';
    renderWith(<WizardScreen planId={samplePlan.id} wizard="setup" step={4} />, planFake().api);
    expect(await screen.findByText(/ยังไม่ได้เลือกกรอบยุทธศาสตร์/)).toBeTruthy();
  });
});

describe('catalog editor', () => {
  const openBangkok = async (fake: ReturnType<typeof planFake>) => {
    openStep(fake);
    const user = userEvent.setup();
    await user.click(
      await screen.findByRole('button', {
        name: 'ดูและแก้ไขรายการของ แผนพัฒนากรุงเทพมหานคร ระยะ 20 ปี (พ.ศ. 2556–2575)',
      }),
    );
    const editor = await screen.findByRole('region', { name: /รายการของ แผนพัฒนากรุงเทพมหานคร/ });
    return { user, editor };
  };

  it('shows the entries with their codes, marks single-source entries for checking and says the version is shipped', async () => {
    const { editor } = await openBangkok(planFake([optionsRow([BANGKOK])]));
    expect(within(editor).getByText(/ฉบับ 2556 · ฉบับที่มากับโปรแกรม/)).toBeTruthy();
    expect((within(editor).getByLabelText('ชื่อภาษาไทย ของรายการ 1.1') as HTMLInputElement).value).toBe('ปลอดมลพิษ');
    const six = within(editor).getByLabelText('ชื่อภาษาไทย ของรายการ 6').closest('tr')!;
    expect(within(six).getByText('ควรตรวจสอบ')).toBeTruthy();
  });

  it('saves an edited title, an added entry and a retired entry as a new version, the shipped one unchanged', async () => {
    const fake = planFake([optionsRow([BANGKOK])]);
    const before = structuredClone(fake.shipped);
    const { user, editor } = await openBangkok(fake);

    const title = within(editor).getByLabelText('ชื่อภาษาไทย ของรายการ 6');
    await user.clear(title);
    await user.type(title, 'มหานครแห่งเศรษฐกิจและการเรียนรู้ (ทบทวน)');
    await user.click(within(editor).getByRole('button', { name: 'ยืนยันว่ารายการ 6 ถูกต้อง' }));

    await user.click(within(editor).getByRole('button', { name: 'เลิกใช้รายการ 4' }));
    const four = within(editor).getByLabelText('ชื่อภาษาไทย ของรายการ 4').closest('tr')!;
    expect(four.className).toContain('retired');
    expect(within(four).getByText('เลิกใช้แล้ว')).toBeTruthy();

    await user.selectOptions(within(editor).getByLabelText('เพิ่มรายการภายใต้'), '7. การบริหารจัดการเมืองมหานคร');
    await user.click(within(editor).getByRole('button', { name: 'เพิ่มรายการ' }));
    const added = within(editor).getByLabelText('ชื่อภาษาไทย ของรายการ 7.6');
    expect(document.activeElement).toBe(added);
    await user.type(added, 'การสื่อสารองค์กร');

    await user.click(within(editor).getByRole('button', { name: 'บันทึกเป็นฉบับใหม่' }));
    await within(editor).findByText('บันทึกเป็นฉบับ 2556 แก้ไขครั้งที่ 1 แล้ว ฉบับเดิมยังอยู่ครบ');

    const sent = fake.callsTo('catalogs.save')[0]!.catalog;
    expect(sent.version).toBe('2556');
    const byId = new Map(sent.items.map((i) => [i.id, i]));
    expect(byId.get('bkk20-6')).toMatchObject({ titleTh: 'มหานครแห่งเศรษฐกิจและการเรียนรู้ (ทบทวน)', verify: false });
    expect(byId.get('bkk20-4')).toMatchObject({ retired: true });
    expect(sent.items.find((i) => i.code === '7.6')).toMatchObject({ titleTh: 'การสื่อสารองค์กร', parentId: 'bkk20-7' });
    expect(sent.items).toHaveLength(19);
    expect(fake.shipped).toEqual(before);
    expect(fake.local.map((c) => c.version)).toEqual(['2556+local.1']);
    // The plan stays on the version it aligned to and is told that a newer one exists.
    await screen.findByText('มีฉบับใหม่กว่า (2556 แก้ไขครั้งที่ 1)');
    expect(within(editor).getByText(/ฉบับ 2556 แก้ไขครั้งที่ 1 · ฉบับที่บันทึกในเครื่องนี้/)).toBeTruthy();
  });

  it('refuses to save an empty title or a code used twice, with Thai messages by the fields', async () => {
    const fake = planFake();
    const { user, editor } = await openBangkok(fake);
    await user.clear(within(editor).getByLabelText('ชื่อภาษาไทย ของรายการ 2'));
    const code = within(editor).getByLabelText('รหัส ของรายการ 3');
    await user.clear(code);
    await user.type(code, '1');
    await user.click(within(editor).getByRole('button', { name: 'บันทึกเป็นฉบับใหม่' }));

    expect(within(editor).getByText('ยังบันทึกไม่ได้ กรุณาแก้ไขช่องที่มีข้อความแจ้งเตือน (2 ช่อง)')).toBeTruthy();
    expect(within(editor).getByText('กรุณากรอกข้อมูลช่องนี้')).toBeTruthy();
    expect(within(editor).getByText('รหัสนี้ซ้ำกับรายการอื่นที่ยังใช้อยู่')).toBeTruthy();
    expect(within(editor).getByLabelText('รหัส ของรายการ 3').getAttribute('aria-invalid')).toBe('true');
    expect(fake.callsTo('catalogs.save')).toEqual([]);
  });

  it('says when there is nothing to save and asks before closing with unsaved edits', async () => {
    const fake = planFake();
    const { user, editor } = await openBangkok(fake);
    await user.click(within(editor).getByRole('button', { name: 'บันทึกเป็นฉบับใหม่' }));
    expect(within(editor).getByText('ยังไม่มีการเปลี่ยนแปลงที่ต้องบันทึก')).toBeTruthy();

    await user.click(within(editor).getByRole('button', { name: 'เลิกใช้รายการ 5' }));
    await user.click(within(editor).getByRole('button', { name: 'ปิดหน้าแก้ไขรายการ' }));
    const dialog = screen.getByRole('alertdialog', { name: 'ปิดโดยไม่บันทึก?' });
    await user.click(within(dialog).getByRole('button', { name: 'ปิดโดยไม่บันทึก' }));
    expect(screen.queryByRole('region', { name: /รายการของ/ })).toBeNull();
    expect(fake.callsTo('catalogs.save')).toEqual([]);
  });
});
