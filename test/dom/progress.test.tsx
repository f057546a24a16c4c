import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { Row, RowEntity } from '../../main/core/rows.ts';
import { testRow } from '../harness/rows.ts';
import { samplePlan } from './fakeApi.tsx';
import { alertTexts, next, openWizard, planFake, wholeText } from './planFake.tsx';

const row = (entity: RowEntity, parentId: string | null, data: Record<string, unknown>, id: string): Row =>
  testRow(entity, data, { parentId, id });

/** The side navigation's item for a wizard or a step, and the state it reads out (its description). */
const nav = () => screen.getByRole('navigation', { name: 'แผนและขั้นตอนการจัดทำ' });
function stateOf(element: HTMLElement): string {
  const id = element.getAttribute('aria-describedby')!;
  return document.getElementById(id)!.textContent!;
}
const wizardState = (title: string) => stateOf(within(nav()).getByRole('link', { name: title }));
const stepState = (title: string) => stateOf(within(nav()).getByRole('button', { name: title }));

/** The previous plan: one issue, goal and two KPIs whose weights sum to `weights`, with targets entered. */
function evaluation(weights: [number, number]): Row[] {
  return [
    row('prevIssue', null, { name: 'ประชาสัมพันธ์เชิงรุก' }, 'i1'),
    row('prevGoal', 'i1', { name: 'ประชาชนรับรู้ข่าวสาร' }, 'g1'),
    row('prevKpi', 'g1', { name: 'ร้อยละการรับรู้', unit: 'ร้อยละ', weight: weights[0] }, 'k1'),
    row('prevKpi', 'g1', { name: 'จำนวนเรื่องร้องเรียน', unit: 'เรื่อง', weight: weights[1] }, 'k2'),
    row('prevKpiYear', 'k1', { year: 2563, target: 80, actual: null }, 'k1:2563'),
    row('prevKpiYear', 'k2', { year: 2563, target: 100, actual: null }, 'k2:2563'),
  ];
}

describe('derived progress in the side navigation', () => {
  it('shows a new plan as not started, every wizard and step, with what each step needs', async () => {
    openWizard(planFake(), 'goals', 0);
    await screen.findByRole('heading', { name: /ขั้นที่ 1 จาก 4/ });
    await waitFor(() => expect(wizardState('กำหนดประเด็นยุทธศาสตร์ เป้าประสงค์ ตัวชี้วัดและค่าเป้าหมาย')).toBe('ยังไม่เริ่ม'));
    expect(wizardState('กำหนดกรอบการจัดทำแผน')).toBe('ยังไม่เริ่ม');
    expect(stepState('1. ประเด็นยุทธศาสตร์และเป้าประสงค์')).toBe('ยังไม่เริ่ม: เพิ่มประเด็นยุทธศาสตร์อย่างน้อย 1 ประเด็น');
    expect(within(nav()).getByText(wholeText('ความคืบหน้าของแผน: ยังไม่เริ่ม'))).toBeTruthy();
  });

  it('keeps a finished step done when the user opens an earlier one, and flags the one skipped past', async () => {
    // Weights of 0.90 refuse Next on step 2, yet targets (step 3) were entered: step 2 needs attention.
    const fake = planFake(evaluation([0.5, 0.4]));
    openWizard(fake, 'evaluation', 0);
    await screen.findByRole('heading', { name: /ขั้นที่ 1 จาก 6/ });
    await waitFor(() => expect(stepState('1. ประเด็นยุทธศาสตร์และเป้าประสงค์')).toBe('เสร็จแล้ว'));
    expect(stepState('2. ตัวชี้วัด')).toMatch(/^ต้องแก้ไข: น้ำหนักตัวชี้วัดของประเด็น.*0\.90/);
    expect(stepState('3. ค่าเป้าหมายและผลการดำเนินงาน')).toBe('เสร็จแล้ว');
    expect(wizardState('ประเมินผลแผนระยะก่อน')).toBe('ต้องแก้ไข');
  });

  it('calls a step done only with its own content: results still empty in every year are not started', async () => {
    // An evaluation started from an adopted plan: its issues, KPIs and targets came filled, no result yet.
    openWizard(planFake(evaluation([0.5, 0.5])), 'evaluation', 0);
    await screen.findByRole('heading', { name: /ขั้นที่ 1 จาก 6/ });
    await waitFor(() => expect(stepState('3. ค่าเป้าหมายและผลการดำเนินงาน')).toBe('เสร็จแล้ว'));
    expect(stepState('4. ผลการประเมินตัวชี้วัด')).toBe('ยังไม่เริ่ม');
    expect(wizardState('ประเมินผลแผนระยะก่อน')).toBe('กำลังทำ');
  });

  it('says on a step opened past a refusing one which step holds the way and why, with a way back to it', async () => {
    const fake = planFake(evaluation([0.5, 0.4]));
    const { user, shell } = openWizard(fake, 'evaluation', 2);
    await screen.findByRole('heading', { name: /ขั้นที่ 3 จาก 6/ });
    const notice = screen.getByText(wholeText('ขั้นที่ 2 “ตัวชี้วัด” ยังไม่ผ่าน จึงยังไม่ควรทำขั้นนี้ต่อ:')).parentElement!;
    expect(within(notice).getByRole('listitem').textContent).toMatch(/0\.90/);
    await user.click(within(notice).getByRole('button', { name: 'ไปที่ขั้นที่ 2' }));
    await waitFor(() =>
      expect(shell.navigate).toHaveBeenCalledWith({ name: 'wizard', id: samplePlan.id, wizard: 'evaluation', step: 1 }),
    );
  });

  it('says nothing of earlier steps when they let the user through', async () => {
    openWizard(planFake(evaluation([0.6, 0.4])), 'evaluation', 2);
    await screen.findByRole('heading', { name: /ขั้นที่ 3 จาก 6/ });
    expect(screen.queryByText(wholeText(/ยังไม่ผ่าน จึงยังไม่ควรทำขั้นนี้ต่อ/))).toBeNull();
  });

  it('drops a reason from the refused-Next message as soon as it is fixed, and the message once none is left', async () => {
    const fake = planFake([row('member', null, { name: 'นางวัลยา วัฒนรัตน์', role: 'member' }, 'm1')]);
    const { user } = openWizard(fake, 'setup', 0);
    await screen.findByRole('heading', { name: /ขั้นที่ 1 จาก 5/ });
    await next(user);
    await waitFor(() => expect(alertTexts()).toEqual(['กำหนดประธานคณะทำงาน 1 คน']));
    await user.selectOptions(screen.getByLabelText('บทบาทในคณะทำงาน'), 'ประธานคณะทำงาน');
    await waitFor(() => expect(screen.queryByRole('alert')).toBeNull());
    await waitFor(() => expect(stepState('1. คณะทำงาน')).toBe('เสร็จแล้ว'));
  });
});

/** An adopted plan's one KPI (ร้อยละ), with the results of 2567 given for the quarters in `results`. */
function monitored(adoptedOn: string | null, results: Record<number, number>): Row[] {
  return [
    row('planOptions', null, { adoptedOn }, samplePlan.id),
    row('strategicIssue', null, { name: 'การสื่อสารเชิงรุก' }, 'i1'),
    row('goal', 'i1', { name: 'ประชาชนรับรู้ข่าวสาร' }, 'g1'),
    row('kpi', 'g1', { name: 'ร้อยละการรับรู้', unit: 'ร้อยละ' }, 'k1'),
    ...Object.entries(results).map(([quarter, result]) =>
      row('kpiQuarter', 'k1', { year: 2567, quarter: Number(quarter), result }, `k1:2567:q${quarter}`),
    ),
  ];
}

describe('derived progress of the monitoring wizard, by core’s checks', () => {
  const wizard = 'ติดตามผลการดำเนินงานตามแผน';

  it('shows a plan not yet adopted as not started, with what the first step needs', async () => {
    openWizard(planFake(), 'monitoring', 0);
    await screen.findByRole('heading', { name: /ขั้นที่ 1 จาก 5/ });
    await waitFor(() => expect(wizardState(wizard)).toBe('ยังไม่เริ่ม'));
    expect(stepState('1. การประกาศใช้แผน')).toBe('ยังไม่เริ่ม: ระบุวันที่ประกาศใช้แผนก่อนรายงานผล');
    // Its own reason, then the step before that holds the way, said as such.
    expect(stepState('2. ผลการดำเนินงานตามตัวชี้วัดรายไตรมาส')).toBe(
      'ยังไม่เริ่ม: แผนนี้ยังไม่มีตัวชี้วัด · ขั้นที่ 1 “การประกาศใช้แผน” ก่อนหน้ายังไม่ผ่าน',
    );
  });

  it('flags results entered on a plan without its adoption date, and a quarter left out before a reported one', async () => {
    openWizard(planFake(monitored(null, { 1: 20, 3: 55 })), 'monitoring', 0);
    await screen.findByRole('heading', { name: /ขั้นที่ 1 จาก 5/ });
    await waitFor(() => expect(stepState('1. การประกาศใช้แผน')).toBe('ต้องแก้ไข: ระบุวันที่ประกาศใช้แผนก่อนรายงานผล'));
    expect(stepState('2. ผลการดำเนินงานตามตัวชี้วัดรายไตรมาส')).toBe(
      'กำลังทำ: ตัวชี้วัดที่ 1.1.1 “ร้อยละการรับรู้” ปี พ.ศ. 2567 ยังไม่มีผลไตรมาส 2 ทั้งที่กรอกผลไตรมาสหลังจากนั้นแล้ว' +
        ' · ขั้นที่ 1 “การประกาศใช้แผน” ก่อนหน้ายังไม่ผ่าน',
    );
    expect(wizardState(wizard)).toBe('ต้องแก้ไข');
  });

  it('calls an adopted plan with its quarters in order done', async () => {
    openWizard(planFake(monitored('2566-10-02', { 1: 20, 2: 35 })), 'monitoring', 4);
    await screen.findByRole('heading', { name: /ขั้นที่ 5 จาก 5/ });
    await waitFor(() => expect(stepState('2. ผลการดำเนินงานตามตัวชี้วัดรายไตรมาส')).toBe('เสร็จแล้ว'));
    expect(stepState('1. การประกาศใช้แผน')).toBe('เสร็จแล้ว');
    expect(wizardState(wizard)).toBe('เสร็จแล้ว');
  });
});

describe('derived progress of the document texts, by core’s checks', () => {
  const wizard = 'ข้อความประกอบเอกสารแผน (คำนำ บทนำ การติดตามผล)';

  it('is not started until a text is written, then done: no text is required', async () => {
    const { user } = openWizard(planFake(), 'document', 0);
    await screen.findByRole('heading', { name: /ขั้นที่ 1 จาก 4/ });
    await waitFor(() => expect(wizardState(wizard)).toBe('ยังไม่เริ่ม'));
    expect(stepState('1. คำนำ')).toBe('ยังไม่เริ่ม');
    await user.type(screen.getByLabelText('คำนำ'), 'แผนนี้จัดทำขึ้นเพื่อ');
    await waitFor(() => expect(stepState('1. คำนำ')).toBe('เสร็จแล้ว'));
    expect(stepState('2. ความเป็นมาและวัตถุประสงค์')).toBe('เสร็จแล้ว');
    expect(wizardState(wizard)).toBe('เสร็จแล้ว');
  });

  it('needs attention on the step where a text too long to keep was typed', async () => {
    openWizard(planFake(), 'document', 2);
    const field = await screen.findByLabelText('แนวทางการติดตามและประเมินผล');
    fireEvent.change(field, { target: { value: 'ติดตามผลรายไตรมาส'.repeat(600) } });
    await waitFor(() => expect(stepState('3. การติดตามและประเมินผล')).toMatch(/^ต้องแก้ไข/));
    expect(field.getAttribute('aria-invalid')).toBe('true');
    expect(wizardState(wizard)).toBe('ต้องแก้ไข');
  });
});
