import { act, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it } from 'vitest';
import type { Api } from '../../main/core/contract.ts';
import type { Row } from '../../main/core/rows.ts';
import { formatThaiDate } from '../../main/core/thaiDate.ts';
import { App } from '../../renderer/src/App.tsx';
import { i18n } from '../../renderer/src/i18n.ts';
import { routeHash } from '../../renderer/src/route.ts';
import type { Session } from '../../main/services/session.ts';
import { today } from '../../renderer/src/wizards/monitoring/AdoptStep.tsx';
import { WizardScreen } from '../../renderer/src/screens/WizardScreen.tsx';
import type { WizardId } from '../../renderer/src/wizard/types.ts';
import { useTempDir } from '../harness/tmp.ts';
import { fakeShell, lastToast, renderWith } from './fakeApi.tsx';
import { realApi } from './realApi.tsx';

/**
 * Revising an adopted plan's frozen values where each is shown (core/revision.ts), on main's own services and
 * a real SQLite file: the shipped sample, adopted on 20 September 2565.
 */

const tempDir = useTempDir();
const sessions: Session[] = [];
afterEach(async () => {
  for (const session of sessions.splice(0)) session.close();
  await act(() => i18n.changeLanguage('th'));
});

const AWARENESS = 'ร้อยละของประชาชนที่รับรู้และเข้าใจนโยบายและผลการดำเนินงานของกรุงเทพมหานคร';
const FOLLOWERS = 'จำนวนผู้ติดตามช่องทางสื่อสังคมออนไลน์ของกรุงเทพมหานคร';
const MEDIA = 'โครงการผลิตสื่อดิจิทัลเพื่อสื่อสารนโยบายและผลการดำเนินงานของกรุงเทพมหานคร';

async function adoptedSample(before?: (api: Api, rows: Row[]) => Promise<void>) {
  const { api, session } = await realApi(tempDir());
  sessions.push(session);
  const opened = await api['plans.openSample']({});
  if (!opened.ok) throw new Error(opened.error.detail);
  const planId = opened.data.id;
  const rows = async () => {
    const listed = await api['rows.list']({ planId });
    if (!listed.ok) throw new Error(listed.error.detail);
    return listed.data;
  };
  await before?.(api, await rows());
  await api['rows.update']({ id: planId, edits: [{ field: 'adoptedOn', value: '2022-09-20' }] });
  const shell = fakeShell();
  const open = (wizard: WizardId, step: number) =>
    renderWith(<WizardScreen planId={planId} wizard={wizard} step={step} />, api, shell);
  return { api, planId, rows, open, shell };
}

const kpiNamed = (rows: readonly Row[], name: string) => rows.find((r) => r.entity === 'kpi' && r.data.name === name)!;

/** The revision dialog opened from the button named for `item`. */
async function reviseDialog(user: ReturnType<typeof userEvent.setup>, item: RegExp) {
  await user.click(await screen.findByRole('button', { name: item }));
  return screen.findByRole('dialog', { name: /^ปรับแผน: / });
}

const optionTexts = (select: HTMLElement) => [...(select as HTMLSelectElement).options].map((o) => o.textContent);

describe('revising an adopted plan where its frozen values are shown', () => {
  it('revises a project’s budget for one year from the budgets step, with its reason and the day it takes effect', async () => {
    const { open, rows } = await adoptedSample();
    open('strategies', 2);
    const user = userEvent.setup();
    // A plain edit is refused, pointing to the revise button at the project's name.
    const cell = await screen.findByLabelText(new RegExp(`^งบประมาณ พ\\.ศ\\. 2568: .*${MEDIA}`));
    await user.clear(cell);
    await user.type(cell, '2500000');
    await screen.findByText(/ปุ่ม “ปรับแผน” ที่ชื่อตัวชี้วัดหรือโครงการ/);

    const dialog = await reviseDialog(user, new RegExp(`^ปรับแผน\\s*.*${MEDIA}`));
    const what = within(dialog).getByLabelText('ค่าที่ปรับ');
    expect(optionTexts(what)).toEqual([
      'งบประมาณปี 2566: 2,500,000',
      'งบประมาณปี 2567: 2,600,000',
      'งบประมาณปี 2568: 2,700,000',
      'งบประมาณปี 2569: 2,800,000',
      'งบประมาณปี 2570: 2,900,000',
    ]);
    await user.selectOptions(what, 'งบประมาณปี 2568: 2,700,000');
    await user.type(within(dialog).getByLabelText('ค่าใหม่ (เดิม 2,700,000)'), '๒,๔๐๐,๐๐๐');
    const date = within(dialog).getByLabelText(/^วันที่ปรับแผน/) as HTMLInputElement;
    // The day defaults to today, shown in the Buddhist Era.
    expect(date.value).toBe(formatThaiDate(today(), { style: 'short' }));
    await user.click(within(dialog).getByRole('button', { name: 'บันทึกการปรับแผน' }));
    await within(dialog).findByText('กรุณาระบุเหตุผลของการปรับแผน');
    await user.type(within(dialog).getByLabelText('เหตุผลของการปรับแผน'), 'ได้รับจัดสรรงบประมาณลดลงตามมติสภากรุงเทพมหานคร');
    await user.clear(date);
    await user.type(date, '๑๕ ม.ค. ๒๕๖๘');
    await user.click(within(dialog).getByRole('button', { name: 'บันทึกการปรับแผน' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());

    await screen.findByText(/^โครงการ \S+ งบประมาณปี 2568: 2,700,000 → 2,400,000 เมื่อ 15 มกราคม 2568 โดย หน่วยงานนี้/);
    expect(screen.getByText('เหตุผล: ได้รับจัดสรรงบประมาณลดลงตามมติสภากรุงเทพมหานคร')).toBeTruthy();
    const stored = await rows();
    const budget = stored.find((r) => r.entity === 'projectBudget' && r.data.year === 2568 && r.id.includes(':'))!;
    const project = stored.find((r) => r.id === budget.parentId)!;
    expect(project.data.name).toBe(MEDIA);
    expect(budget.data.amount).toBe(2400000);
    expect(stored.filter((r) => r.entity === 'revision').map((r) => ({ parent: r.parentId, ...r.data }))).toEqual([
      {
        parent: budget.id,
        field: 'amount',
        from: 2700000,
        to: 2400000,
        reason: 'ได้รับจัดสรรงบประมาณลดลงตามมติสภากรุงเทพมหานคร',
        revisedOn: '2025-01-15',
      },
    ]);
    // The cell shows the revised budget.
    expect((screen.getByLabelText(new RegExp(`^งบประมาณ พ\\.ศ\\. 2568: .*${MEDIA}`)) as HTMLInputElement).value).toBe(
      '2,400,000',
    );
  }, 60_000);

  it('says in English when the plan was adopted and when each revision took effect, and offers today as a typed English date', async () => {
    const { api, open, rows } = await adoptedSample();
    const project = (await rows()).find((r) => r.entity === 'project' && r.data.name === MEDIA)!;
    const budget = (await rows()).find(
      (r) => r.entity === 'projectBudget' && r.parentId === project.id && r.data.year === 2568,
    )!;
    const revised = await api['rows.revise']({
      id: budget.id,
      field: 'amount',
      value: 2400000,
      reason: 'ได้รับจัดสรรงบประมาณลดลง',
      revisedOn: '2025-01-15',
    });
    expect(revised.ok).toBe(true);
    await act(() => i18n.changeLanguage('en'));
    const adoption = open('monitoring', 0);
    // The box holds the day as English typing writes it (the placeholder's 13/9/2564), read back as typed.
    expect(((await screen.findByLabelText('Date the plan was adopted')) as HTMLInputElement).value).toBe('20/9/2565');
    expect(screen.getByText('Adopted on 20 September B.E. 2565')).toBeTruthy();
    adoption.unmount();

    open('strategies', 2);
    await screen.findByText(/^The plan was adopted on 20 September B\.E\. 2565\. /);
    await screen.findByText(/^Project \S+, Budget for 2568: 2,700,000 → 2,400,000 on 15 January B\.E\. 2568 by /);
    const user = userEvent.setup();
    await user.click(await screen.findByRole('button', { name: new RegExp(`^Revise\\s*.*${MEDIA}`) }));
    const dialog = await screen.findByRole('dialog', { name: /^Revise: / });
    const [year, month, day] = today().split('-').map(Number);
    expect((within(dialog).getByLabelText(/^Date of the revision/) as HTMLInputElement).value).toBe(
      `${day}/${month}/${year! + 543}`,
    );
  }, 60_000);

  it('revises a KPI’s direction in the KPIs step and its result mode in the results step, each offering what it shows', async () => {
    const { open, rows } = await adoptedSample(async (api, before) => {
      // A result mode chosen before adoption is frozen with the rest.
      await api['rows.update']({
        id: kpiNamed(before, FOLLOWERS).id,
        edits: [{ field: 'resultMode', value: 'cumulative' }],
      });
    });
    const view = open('goals', 1);
    const user = userEvent.setup();
    let dialog = await reviseDialog(user, new RegExp(`^ปรับแผน\\s*ตัวชี้วัดที่ \\S+ ${AWARENESS}`));
    const what = within(dialog).getByLabelText('ค่าที่ปรับ');
    expect(optionTexts(what)).toEqual(['หน่วยนับ: ร้อยละ', 'ทิศทางของตัวชี้วัด: ค่าสูงดี', 'ค่าฐาน: 83.6', 'ปีของค่าฐาน: 2565']);
    await user.selectOptions(what, 'ทิศทางของตัวชี้วัด: ค่าสูงดี');
    await user.selectOptions(within(dialog).getByLabelText(/^ค่าใหม่/), 'ค่าต่ำดี (ยิ่งน้อยยิ่งดี)');
    await user.type(within(dialog).getByLabelText('เหตุผลของการปรับแผน'), 'เปลี่ยนนิยามเป็นร้อยละของผู้ที่ยังไม่รับรู้');
    await user.click(within(dialog).getByRole('button', { name: 'บันทึกการปรับแผน' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    const kpiCard = screen.getByRole('listitem', { name: /^ตัวชี้วัดที่ 1\.1\.1/ });
    await waitFor(() =>
      expect((within(kpiCard).getByLabelText('ทิศทางของค่า') as HTMLSelectElement).value).toBe('lower'),
    );
    await screen.findByText(
      new RegExp(`^ตัวชี้วัด \\S+ ทิศทางของตัวชี้วัด: ค่าสูงดี → ค่าต่ำดี เมื่อ ${formatThaiDate(today())} โดย หน่วยงานนี้`),
    );
    expect(kpiNamed(await rows(), AWARENESS).data.direction).toBe('lower');
    view.unmount();

    open('monitoring', 1);
    dialog = await reviseDialog(user, new RegExp(`^ปรับแผน\\s*\\S+ ${FOLLOWERS}`));
    expect(optionTexts(within(dialog).getByLabelText('ค่าที่ปรับ'))).toEqual(['วิธีนับผลรายปี: ผลสะสม']);
    await user.selectOptions(within(dialog).getByLabelText(/^ค่าใหม่/), 'รายไตรมาส');
    await user.type(within(dialog).getByLabelText('เหตุผลของการปรับแผน'), 'นับผู้ติดตามใหม่รายไตรมาส');
    await user.click(within(dialog).getByRole('button', { name: 'บันทึกการปรับแผน' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    await waitFor(() =>
      expect((screen.getByLabelText(`วิธีนับผลรายปี: ${FOLLOWERS}`) as HTMLSelectElement).value).toBe('per-quarter'),
    );
    expect(kpiNamed(await rows(), FOLLOWERS).data.resultMode).toBe('per-quarter');
    // A KPI whose mode was never chosen has nothing to revise there: choosing it fills the plan in.
    expect(screen.queryByRole('button', { name: new RegExp(`^ปรับแผน\\s*\\S+ ${AWARENESS}`) })).toBeNull();
  }, 60_000);

  it('keeps a KPI with adopted targets when its delete is pressed, saying to report it cancelled instead', async () => {
    const { open, rows, shell } = await adoptedSample();
    open('goals', 1);
    const user = userEvent.setup();
    const kpiCard = await screen.findByRole('listitem', { name: /^ตัวชี้วัดที่ 1\.1\.1/ });
    const button = within(kpiCard).getByRole('button', { name: /^ลบ ตัวชี้วัดที่ 1\.1\.1/ });
    await user.click(button);
    // Refused at once: no "delete its yearly targets too?" question first, and the focus stays on the button.
    await waitFor(() => expect(lastToast(shell).kind).toBe('error'));
    expect(lastToast(shell).text).toMatch(/^ลบไม่ได้: แผนประกาศใช้แล้ว และตัวชี้วัดที่ 1\.1\.1 .*ระบุสถานะ “ยกเลิก”/);
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(document.activeElement).toBe(button);
    expect(screen.getByRole('listitem', { name: /^ตัวชี้วัดที่ 1\.1\.1/ })).toBeTruthy();
    expect(kpiNamed(await rows(), AWARENESS)).toBeDefined();
  }, 60_000);

  it('undoes with Ctrl+Z a KPI added with its target since adoption, as the user just did, the adoption kept', async () => {
    const { api, planId, rows } = await adoptedSample();
    const awareness = kpiNamed(await rows(), AWARENESS);
    const added = await api['rows.create']({
      planId,
      rows: [
        {
          entity: 'kpi',
          parentId: awareness.parentId,
          values: { name: 'จำนวนเวทีประชาคม', unit: 'ครั้ง', periodTarget: 60 },
        },
      ],
    });
    if (!added.ok) throw new Error(added.error.detail);
    window.location.hash = routeHash({ name: 'wizard', id: planId, wizard: 'goals', step: 1 });
    try {
      renderWith(<App />, api);
      const user = userEvent.setup();
      await screen.findByDisplayValue('จำนวนเวทีประชาคม');
      await user.keyboard('{Control>}z{/Control}');
      await waitFor(() =>
        expect(screen.getAllByRole('status').map((status) => status.textContent)).toContainEqual(
          expect.stringMatching(/^เลิกทำแล้ว: การเพิ่มรายการ/),
        ),
      );
      await waitFor(() => expect(screen.queryByDisplayValue('จำนวนเวทีประชาคม')).toBeNull());
      expect((await rows()).some((r) => r.id === added.data[0]!.id)).toBe(false);
      expect((await rows()).find((r) => r.entity === 'planOptions')?.data.adoptedOn).toBe('2022-09-20');
    } finally {
      window.location.hash = '';
    }
  }, 60_000);
});
