import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { type Row } from '../../main/core/rows.ts';
import { WizardScreen } from '../../renderer/src/screens/WizardScreen.tsx';
import { renderWith, samplePlan } from './fakeApi.tsx';
import { planFake, wholeText } from './planFake.tsx';
import { testRow } from '../harness/rows.ts';

const rowsApi = (initial: Row[] = []) => planFake(initial);

describe('set-up wizard', () => {
  it('keeps the user on the working-group step until someone chairs it, saying why', async () => {
    const fake = rowsApi();
    renderWith(<WizardScreen planId={samplePlan.id} wizard="setup" step={0} />, fake.api);
    const user = userEvent.setup();
    await screen.findByRole('heading', { name: /ขั้นที่ 1 จาก 5/ });

    await user.click(screen.getByRole('button', { name: 'ถัดไป' }));
    const alert = await screen.findByRole('alert');
    expect(within(alert).getByText(wholeText('เพิ่มคณะทำงานอย่างน้อย 1 คน'))).toBeTruthy();

    await user.click(screen.getByRole('button', { name: 'เพิ่มคณะทำงาน' }));
    const member = await screen.findByRole('listitem', { name: 'คณะทำงานคนที่ 1' });
    await user.type(within(member).getByLabelText('ชื่อ–นามสกุล'), 'นางวัลยา วัฒนรัตน์');
    await user.click(screen.getByRole('button', { name: 'ถัดไป' }));
    await waitFor(() =>
      expect(within(screen.getByRole('alert')).getByText(wholeText('กำหนดประธานคณะทำงาน 1 คน'))).toBeTruthy(),
    );
    // The name typed a moment ago counts even if its autosave had not run when Next was pressed.
    expect(within(screen.getByRole('alert')).queryByText(wholeText(/กรอกข้อมูลที่จำเป็นไม่ครบ/))).toBeNull();
    expect(fake.callsTo('rows.update').at(-1)?.edits).toEqual([{ field: 'name', value: 'นางวัลยา วัฒนรัตน์' }]);
  });

  it('shows the Thai message for an empty required name once the field is left', async () => {
    const fake = rowsApi();
    renderWith(<WizardScreen planId={samplePlan.id} wizard="setup" step={0} />, fake.api);
    const user = userEvent.setup();
    await user.click(await screen.findByRole('button', { name: 'เพิ่มคณะทำงาน' }));
    const name = within(await screen.findByRole('listitem', { name: 'คณะทำงานคนที่ 1' })).getByLabelText('ชื่อ–นามสกุล');
    await user.click(name);
    await user.tab();
    expect(name.getAttribute('aria-invalid')).toBe('true');
    expect(screen.getByText('กรุณากรอกข้อมูลช่องนี้')).toBeTruthy();
  });

  it('says nothing of an untouched new row left by a click, and the click lands', async () => {
    const fake = rowsApi();
    renderWith(<WizardScreen planId={samplePlan.id} wizard="setup" step={0} />, fake.api);
    const user = userEvent.setup();
    await user.click(await screen.findByRole('button', { name: 'เพิ่มคณะทำงาน' }));
    const name = within(await screen.findByRole('listitem', { name: 'คณะทำงานคนที่ 1' })).getByLabelText('ชื่อ–นามสกุล');
    // The new row's first field has the focus by itself; a click elsewhere leaves it untouched.
    await waitFor(() => expect(document.activeElement).toBe(name));
    await user.click(screen.getByRole('button', { name: 'เพิ่มคณะทำงาน' }));
    await screen.findByRole('listitem', { name: 'คณะทำงานคนที่ 2' });
    expect(name.getAttribute('aria-invalid')).not.toBe('true');
    expect(screen.queryByText('กรุณากรอกข้อมูลช่องนี้')).toBeNull();
  });

  it('shows the message of a field emptied and left by a click only after the click, so the click is not lost', async () => {
    const fake = rowsApi();
    renderWith(<WizardScreen planId={samplePlan.id} wizard="setup" step={0} />, fake.api);
    const user = userEvent.setup();
    await user.click(await screen.findByRole('button', { name: 'เพิ่มคณะทำงาน' }));
    const name = within(await screen.findByRole('listitem', { name: 'คณะทำงานคนที่ 1' })).getByLabelText('ชื่อ–นามสกุล');
    await user.type(name, 'ก');
    await user.clear(name);
    // What the page looked like when the click arrived: the message (which moves the button) not there yet.
    const next = screen.getByRole('button', { name: 'ถัดไป' });
    let messageAtClick: boolean | undefined;
    next.addEventListener('click', () => (messageAtClick = screen.queryByText('กรุณากรอกข้อมูลช่องนี้') !== null));
    await user.click(next);
    expect(messageAtClick).toBe(false);
    await screen.findByText('กรุณากรอกข้อมูลช่องนี้');
    expect(
      within(await screen.findByRole('alert')).getByText(wholeText('ยังมี 1 รายการที่กรอกข้อมูลที่จำเป็นไม่ครบ')),
    ).toBeTruthy();
  });

  it('refuses an impossible workshop date with the Thai message and does not send it', async () => {
    const workshop = testRow('workshop', {}, { id: 'w1' });
    const fake = rowsApi([workshop]);
    renderWith(<WizardScreen planId={samplePlan.id} wizard="setup" step={1} />, fake.api);
    const user = userEvent.setup();
    const date = await screen.findByLabelText('วันที่ประชุม');
    await user.type(date, '31 ก.ย. 2564');
    await user.tab();
    expect(screen.getByText('กรุณากรอกวันที่ เช่น 27/11/2569')).toBeTruthy();
    expect(fake.callsTo('rows.update')).toEqual([]);
    await user.clear(date);
    await user.type(date, '๑๓ ก.ย. ๒๕๖๔');
    await user.tab();
    await waitFor(() =>
      expect(fake.callsTo('rows.update')).toEqual([{ id: 'w1', edits: [{ field: 'date', value: '2021-09-13' }] }]),
    );
  });

  it('picks a workshop date from the B.E. calendar by keyboard-reachable buttons', async () => {
    const workshop = testRow('workshop', {}, { id: 'w1' });
    const fake = rowsApi([workshop]);
    renderWith(<WizardScreen planId={samplePlan.id} wizard="setup" step={1} />, fake.api);
    const user = userEvent.setup();
    await user.click(await screen.findByRole('button', { name: 'ปฏิทิน' }));
    const calendar = screen.getByRole('dialog', { name: 'เลือกวันที่จากปฏิทิน' });
    await user.selectOptions(within(calendar).getByLabelText('ปี พ.ศ.'), 'พ.ศ. 2564');
    await user.selectOptions(within(calendar).getByLabelText('เดือน'), 'กันยายน');
    await user.click(within(calendar).getByRole('button', { name: '13 กันยายน 2564' }));

    expect(screen.queryByRole('dialog')).toBeNull();
    expect((screen.getByLabelText('วันที่ประชุม') as HTMLInputElement).value).toBe('13 ก.ย. 2564');
    await waitFor(() =>
      expect(fake.callsTo('rows.update')).toEqual([{ id: 'w1', edits: [{ field: 'date', value: '2021-09-13' }] }]),
    );
  });
});
