import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { deterministicRowId } from '../../main/core/rows.ts';
import { samplePlan } from './fakeApi.tsx';
import { planFake, row, next, alertTexts, openWizard, type PlanFake } from './planFake.tsx';

const VISION = 'เป็นองค์กรสื่อสารสาธารณะที่ประชาชนเชื่อมั่น';
const visionId = deterministicRowId('vision', samplePlan.id, null, {})!;

const open = (fake: PlanFake, step: number) => openWizard(fake, 'direction', step);

describe('direction wizard: vision', () => {
  it('keeps the user on step 1 until the vision is written, creating its one row on the first keystroke', async () => {
    const fake = planFake();
    const { user, shell } = open(fake, 0);
    const box = await screen.findByLabelText('วิสัยทัศน์');
    await next(user);
    expect(alertTexts()).toEqual(['กรอกวิสัยทัศน์ของแผนก่อนไปขั้นถัดไป']);
    expect(fake.callsTo('rows.create')).toEqual([]);

    await user.type(box, VISION);
    await next(user);
    await waitFor(() =>
      expect(shell.navigate).toHaveBeenCalledWith({ name: 'wizard', id: samplePlan.id, wizard: 'direction', step: 1 }),
    );
    // One row, made by the first character; the rest of the typing edits it.
    expect(fake.callsTo('rows.create')).toEqual([
      { planId: samplePlan.id, rows: [{ entity: 'vision', parentId: null, values: { text: 'เ' } }] },
    ]);
    expect(fake.rows().filter((r) => r.entity === 'vision')).toEqual([
      expect.objectContaining({ id: visionId, data: { text: VISION } }),
    ]);
  });

  it('shows a vision saved before and says when it is cleared', async () => {
    const fake = planFake([row('vision', { text: VISION }, null, visionId)]);
    const { user } = open(fake, 0);
    const box = await screen.findByLabelText('วิสัยทัศน์');
    expect((box as HTMLTextAreaElement).value).toBe(VISION);
    await user.clear(box);
    await user.tab();
    expect(screen.getByText('กรุณากรอกข้อมูลช่องนี้')).toBeTruthy();
    await next(user);
    await waitFor(() => expect(alertTexts()).toEqual(['กรอกวิสัยทัศน์ของแผนก่อนไปขั้นถัดไป']));
  });
});

describe('direction wizard: missions and values', () => {
  it('shows the missions the situation analysis wrote, and needs at least one with text', async () => {
    const fake = planFake([row('mission', { text: 'เผยแพร่ข้อมูลข่าวสารของกรุงเทพมหานคร' }, null, 'm1')]);
    const { user } = open(fake, 1);
    const first = await screen.findByRole('listitem', { name: 'พันธกิจที่ 1' });
    expect((within(first).getByLabelText('พันธกิจ') as HTMLTextAreaElement).value).toBe(
      'เผยแพร่ข้อมูลข่าวสารของกรุงเทพมหานคร',
    );
    await user.click(within(first).getByRole('button', { name: 'ลบ พันธกิจที่ 1' }));
    await waitFor(() => expect(screen.queryByRole('listitem', { name: 'พันธกิจที่ 1' })).toBeNull());
    await next(user);
    expect(alertTexts()).toEqual(['เพิ่มพันธกิจอย่างน้อย 1 ข้อ']);
  });

  it('lets the plan go without core values, but not with one left empty', async () => {
    const fake = planFake();
    const { user, shell } = open(fake, 2);
    await screen.findByRole('button', { name: 'เพิ่มค่านิยม' });
    await next(user);
    await waitFor(() =>
      expect(shell.navigate).toHaveBeenCalledWith({ name: 'wizard', id: samplePlan.id, wizard: 'direction', step: 3 }),
    );

    await user.click(screen.getByRole('button', { name: 'เพิ่มค่านิยม' }));
    await screen.findByRole('listitem', { name: 'ค่านิยมที่ 1' });
    await next(user);
    expect(alertTexts()).toEqual(['ยังมี 1 รายการที่กรอกข้อมูลที่จำเป็นไม่ครบ']);
  });

  it('sums up vision, missions and values, and will not finish without a vision', async () => {
    const fake = planFake([
      row('mission', { text: 'เผยแพร่ข้อมูลข่าวสาร' }, null, 'm1'),
      row('mission', { text: 'ส่งเสริมการมีส่วนร่วม' }, null, 'm2'),
      row('coreValue', { text: 'ซื่อสัตย์ โปร่งใส' }, null, 'v1'),
    ]);
    const { user } = open(fake, 3);
    const summary = await screen.findByText('พันธกิจ (2 ข้อ)');
    const list = summary.closest('dl')!;
    expect(within(list).getByText('เผยแพร่ข้อมูลข่าวสาร')).toBeTruthy();
    expect(within(list).getByText('ซื่อสัตย์ โปร่งใส')).toBeTruthy();
    expect(within(list).getByText('ยังไม่ได้ระบุ')).toBeTruthy();
    expect(screen.getByRole('link', { name: 'แก้ไขพันธกิจ' }).getAttribute('href')).toBe(
      `#/plan/${samplePlan.id}/direction/2`,
    );
    await user.click(screen.getByRole('button', { name: 'เสร็จสิ้น' }));
    expect(alertTexts()).toEqual(['กรอกวิสัยทัศน์ของแผนก่อนไปขั้นถัดไป']);
  });
});
