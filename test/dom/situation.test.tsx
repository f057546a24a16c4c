import { act, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { i18n } from '../../renderer/src/i18n.ts';
import { WizardScreen } from '../../renderer/src/screens/WizardScreen.tsx';
import { fakeShell, lastToast, renderWith, samplePlan } from './fakeApi.tsx';
import { BANGKOK, optionsRow, planFake, row, wholeText } from './planFake.tsx';

/** The live gap notice (the save status is a status too). */
const gapNotice = () => screen.getByText(/มิติที่ยังไม่มีพันธกิจใดรองรับ|ทุกมิติมีพันธกิจรองรับแล้ว/).closest('[role="status"]')!;

const missions = () => [
  row('mission', { text: 'เผยแพร่ข้อมูลข่าวสารของกรุงเทพมหานคร' }, null, 'm1'),
  row('mission', { text: 'ส่งเสริมการมีส่วนร่วมของประชาชน' }, null, 'm2'),
];

describe('situation wizard: missions', () => {
  it('keeps the user on the missions step until there is a mission and every mission has text', async () => {
    const fake = planFake();
    const shell = fakeShell();
    renderWith(<WizardScreen planId={samplePlan.id} wizard="situation" step={0} />, fake.api, shell);
    const user = userEvent.setup();
    await screen.findByRole('heading', { name: /ขั้นที่ 1 จาก 3/ });

    await user.click(screen.getByRole('button', { name: 'ถัดไป' }));
    expect(within(await screen.findByRole('alert')).getByText(wholeText('เพิ่มพันธกิจอย่างน้อย 1 ข้อ'))).toBeTruthy();

    await user.click(screen.getByRole('button', { name: 'เพิ่มพันธกิจ' }));
    const first = await screen.findByRole('listitem', { name: 'พันธกิจที่ 1' });
    await user.click(screen.getByRole('button', { name: 'ถัดไป' }));
    await waitFor(() =>
      expect(within(screen.getByRole('alert')).getByText(wholeText('ยังมี 1 รายการที่กรอกข้อมูลที่จำเป็นไม่ครบ'))).toBeTruthy(),
    );

    // Next straight after typing (before the autosave delay) counts what was typed.
    await user.type(within(first).getByLabelText('พันธกิจ'), 'เผยแพร่ข้อมูลข่าวสาร');
    await user.click(screen.getByRole('button', { name: 'ถัดไป' }));
    await waitFor(() =>
      expect(shell.navigate).toHaveBeenCalledWith({ name: 'wizard', id: samplePlan.id, wizard: 'situation', step: 1 }),
    );
    expect(fake.callsTo('rows.update').at(-1)?.edits).toEqual([{ field: 'text', value: 'เผยแพร่ข้อมูลข่าวสาร' }]);
  });
});

describe('situation wizard: matrix', () => {
  it('says when the plan chose no Bangkok plan and links to the set-up step where it is chosen', async () => {
    const fake = planFake(missions());
    renderWith(<WizardScreen planId={samplePlan.id} wizard="situation" step={1} />, fake.api);
    await screen.findByText(/ยังไม่ได้เลือกแผนพัฒนากรุงเทพมหานคร/);
    const link = screen.getByRole('link', { name: /กรอบการจัดทำแผนที่ต้องสอดคล้อง/ });
    expect(link.getAttribute('href')).toBe(`#/plan/${samplePlan.id}/setup/3`);
  });

  it('shows missions × the seven dimensions of the chosen version, every dimension flagged as a gap at first', async () => {
    const fake = planFake([optionsRow([BANGKOK]), ...missions()]);
    renderWith(<WizardScreen planId={samplePlan.id} wizard="situation" step={1} />, fake.api);
    const table = await screen.findByRole('table');
    expect(within(table).getAllByRole('columnheader')).toHaveLength(8);
    expect(within(table).getAllByRole('checkbox')).toHaveLength(14);
    expect(within(table).getAllByText('⚠ ช่องว่าง')).toHaveLength(14); // 7 headers + 7 footer cells
    expect(gapNotice().textContent).toContain('มี 7 มิติที่ยังไม่มีพันธกิจใดรองรับ');
  });

  it('ticks a cell as a missionLink row, clears that gap, and unticks it with an undo banner', async () => {
    const fake = planFake([optionsRow([BANGKOK]), ...missions()]);
    const shell = fakeShell();
    renderWith(<WizardScreen planId={samplePlan.id} wizard="situation" step={1} />, fake.api, shell);
    const user = userEvent.setup();
    const cell = await screen.findByRole('checkbox', { name: 'พันธกิจที่ 1 × มหานครปลอดภัย' });

    await user.click(cell);
    expect(fake.callsTo('rows.create').at(-1)?.rows).toEqual([
      { entity: 'missionLink', parentId: 'm1', values: { catalogItemId: 'bkk20-1', note: '' } },
    ]);
    await waitFor(() => expect((cell as HTMLInputElement).checked).toBe(true));
    expect(gapNotice().textContent).toContain('มี 6 มิติที่ยังไม่มีพันธกิจใดรองรับ');
    expect(gapNotice().textContent).not.toContain('1. มหานครปลอดภัย');

    await user.click(cell);
    await waitFor(() => expect(fake.callsTo('rows.delete')).toEqual([{ id: 'm1:bkk20-1' }]));
    expect(lastToast(shell)).toEqual({ text: 'ลบ “พันธกิจที่ 1 × มหานครปลอดภัย” แล้ว', undo: true, planId: samplePlan.id });
    await waitFor(() => expect((cell as HTMLInputElement).checked).toBe(false));
    // Said again in English after a switch while it shows (the dimension has only a Thai title).
    try {
      await act(() => i18n.changeLanguage('en'));
      expect(lastToast(shell).text).toBe('Deleted “Mission 1 × มหานครปลอดภัย”');
    } finally {
      await act(() => i18n.changeLanguage('th'));
    }
  });

  it('saves a note on a ticked cell and keeps it when the cell is unticked and ticked again', async () => {
    const link = row('missionLink', { catalogItemId: 'bkk20-3' }, 'm2', 'm2:bkk20-3');
    const fake = planFake([optionsRow([BANGKOK]), ...missions(), link]);
    renderWith(<WizardScreen planId={samplePlan.id} wizard="situation" step={1} />, fake.api);
    const user = userEvent.setup();
    const note = await screen.findByLabelText('หมายเหตุ: พันธกิจที่ 2 × มหานครสำหรับทุกคน');
    await user.type(note, 'รับฟังเสียงคนทุกกลุ่ม');
    await user.tab();
    await waitFor(() =>
      expect(fake.callsTo('rows.update').at(-1)).toEqual({
        id: 'm2:bkk20-3',
        edits: [{ field: 'note', value: 'รับฟังเสียงคนทุกกลุ่ม' }],
      }),
    );
    const cell = screen.getByRole('checkbox', { name: 'พันธกิจที่ 2 × มหานครสำหรับทุกคน' });
    await user.click(cell);
    await waitFor(() => expect((cell as HTMLInputElement).checked).toBe(false));
    await user.click(cell);
    await waitFor(() =>
      expect(fake.callsTo('rows.create').at(-1)?.rows[0]?.values).toEqual({
        catalogItemId: 'bkk20-3',
        note: 'รับฟังเสียงคนทุกกลุ่ม',
      }),
    );
  });

  it('asks for at least one marked cell, but lets gaps through to the summary, which lists them', async () => {
    const fake = planFake([optionsRow([BANGKOK]), ...missions()]);
    const shell = fakeShell();
    renderWith(<WizardScreen planId={samplePlan.id} wizard="situation" step={1} />, fake.api, shell);
    const user = userEvent.setup();
    await screen.findByRole('table');
    await user.click(screen.getByRole('button', { name: 'ถัดไป' }));
    expect(
      within(await screen.findByRole('alert')).getByText(wholeText('ทำเครื่องหมายอย่างน้อย 1 ช่องว่าพันธกิจใดสนับสนุนมิติใด')),
    ).toBeTruthy();

    await user.click(screen.getByRole('checkbox', { name: 'พันธกิจที่ 1 × การบริหารจัดการเมืองมหานคร' }));
    await waitFor(() => expect(fake.callsTo('rows.create')).toHaveLength(1));
    await user.click(screen.getByRole('button', { name: 'ถัดไป' }));
    await waitFor(() =>
      expect(shell.navigate).toHaveBeenCalledWith({ name: 'wizard', id: samplePlan.id, wizard: 'situation', step: 2 }),
    );
    expect(screen.queryByRole('alert')).toBeNull();
  });
});

describe('situation wizard: summary', () => {
  it('gives coverage per dimension, the gaps and the missions serving nothing', async () => {
    const fake = planFake([
      optionsRow([BANGKOK]),
      ...missions(),
      row('missionLink', { catalogItemId: 'bkk20-7', note: 'บริหารงานประชาสัมพันธ์' }, 'm1', 'm1:bkk20-7'),
    ]);
    renderWith(<WizardScreen planId={samplePlan.id} wizard="situation" step={2} />, fake.api);
    const coverage = await screen.findByRole('row', { name: /7\. การบริหารจัดการเมืองมหานคร/ });
    expect(coverage.textContent).toContain('1 จาก 2 พันธกิจ (50%)');
    expect(coverage.textContent).toContain('บริหารงานประชาสัมพันธ์');
    expect(screen.getByRole('heading', { name: 'ช่องว่าง (มิติที่ยังไม่มีพันธกิจรองรับ) 6 มิติ' })).toBeTruthy();
    expect(screen.getByRole('heading', { name: 'พันธกิจที่ยังไม่สนับสนุนมิติใด 1 ข้อ' })).toBeTruthy();
    expect(screen.getByText(/พันธกิจที่ 2 ส่งเสริมการมีส่วนร่วมของประชาชน/)).toBeTruthy();
  });
});
