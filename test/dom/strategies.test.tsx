import { cleanup, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { Row } from '../../main/core/rows.ts';
import { PlanEditor } from '../../renderer/src/screens/PlanEditor.tsx';
import { renderWith, samplePlan } from './fakeApi.tsx';
import { planFake, row, next, alertTexts, openWizard, type PlanFake } from './planFake.tsx';

/** Ids that fields of other rows hold must be UUIDs (core's schemas check them). */
const id = (n: number) => `5a3b1e00-0000-4000-8000-${String(n).padStart(12, '0')}`;
const S1 = id(1);
const O1 = id(2);
const T1 = id(3);
const TOWS_SO = id(10);
const TOWS_WT = id(11);
const K1 = id(20);
const K2 = id(21);
const K3 = id(22);

const SO_TEXT = 'ใช้สื่อสังคมออนไลน์สื่อสารนโยบายด้วยเนื้อหาสั้น เข้าใจง่าย';

/** Two issues, three goals; SWOT factors; one chosen SO strategy and one WT strategy not chosen; three KPIs. */
function seeded(): Row[] {
  return [
    row('factor', { swot: 'S', category: 'S2', statement: 'ช่องทางสื่อของ กทม. ครอบคลุมทุกกลุ่ม' }, null, S1),
    row('factor', { swot: 'O', category: 'T', statement: 'ประชาชนใช้สื่อสังคมออนไลน์สูง' }, null, O1),
    row('factor', { swot: 'T', category: 'S', statement: 'ข่าวปลอมแพร่กระจายรวดเร็ว' }, null, T1),
    row('towsStrategy', { type: 'SO', text: SO_TEXT, chosen: true, factorIds: [S1, O1] }, null, TOWS_SO),
    row('towsStrategy', { type: 'WT', text: 'ลดความซ้ำซ้อนของงบประมาณ', chosen: false, factorIds: [T1] }, null, TOWS_WT),
    row('strategicIssue', { name: 'การสื่อสารนโยบายอย่างทั่วถึง' }, null, 'i1'),
    row('goal', { name: 'ประชาชนรับรู้นโยบาย' }, 'i1', 'g1'),
    row('goal', { name: 'ข่าวปลอมได้รับการชี้แจงรวดเร็ว' }, 'i1', 'g2'),
    row('strategicIssue', { name: 'การพัฒนาบุคลากรสู่ยุคดิจิทัล' }, null, 'i2'),
    row('goal', { name: 'บุคลากรมีทักษะดิจิทัล' }, 'i2', 'g3'),
    row('kpi', { name: 'ร้อยละของประชาชนที่รับรู้นโยบาย', unit: 'ร้อยละ' }, 'g1', K1),
    row('kpi', { name: 'จำนวนผู้ติดตามสื่อออนไลน์', unit: 'คน' }, 'g1', K2),
    row('kpi', { name: 'ร้อยละของบุคลากรที่ผ่านการอบรม', unit: 'ร้อยละ' }, 'g3', K3),
  ];
}

const project = (values: Record<string, unknown>, strategy: string, rowId: string) =>
  row('project', { responsibleUnit: 'สำนักงานประชาสัมพันธ์', startYear: 2566, endYear: 2570, ...values }, strategy, rowId);
const budget = (projectId: string, year: number, amount: number | null) =>
  row('projectBudget', { year, amount }, projectId, `${projectId}:${year}`);

/** Strategies 1.1.1 and 1.1.2 under goal 1.1, strategy 2.1.1 under goal 2.1; projects with budgets. */
function planned(): Row[] {
  return [
    ...seeded(),
    row('strategy', { name: 'สื่อสารนโยบายผ่านสื่อออนไลน์', towsStrategyIds: [TOWS_SO] }, 'g1', 's1'),
    row('strategy', { name: 'พัฒนาเครือข่ายประชาสัมพันธ์ชุมชน' }, 'g1', 's2'),
    row('strategy', { name: 'อบรมนักสื่อสารดิจิทัล' }, 'g3', 's3'),
    project({ name: 'โครงการผลิตสื่อดิจิทัล' }, 's1', 'p1'),
    project({ name: 'แผนงานรับฟังเสียงประชาชน', kind: 'programme', responsibleUnit: 'สำนักงานเขตพระนคร' }, 's2', 'p2'),
    project({ name: 'โครงการอบรมเชิงปฏิบัติการ' }, 's3', 'p3'),
    budget('p1', 2566, 2_500_000),
    budget('p1', 2567, 2_600_000),
    budget('p2', 2566, 150_000),
    budget('p3', 2566, 600_000),
    budget('p3', 2570, 700_000.5),
  ];
}

const open = (fake: PlanFake, step: number) => openWizard(fake, 'strategies', step);

describe('strategies wizard: strategies', () => {
  it('without goals says so in Thai, links to the goals wizard and blocks Next', async () => {
    const fake = planFake();
    const { user } = open(fake, 0);
    await screen.findByText('ยังไม่มีเป้าประสงค์ กลยุทธ์กำหนดภายใต้เป้าประสงค์ของแต่ละประเด็นยุทธศาสตร์');
    const link = screen.getByRole('link', { name: 'ไปกำหนดประเด็นยุทธศาสตร์และเป้าประสงค์' });
    expect(link.getAttribute('href')).toBe(`#/plan/${samplePlan.id}/goals/1`);
    await next(user);
    expect(alertTexts()).toEqual(['ยังไม่มีเป้าประสงค์ กำหนดได้ที่กิจกรรม “กำหนดประเด็นยุทธศาสตร์ เป้าประสงค์ ตัวชี้วัดและค่าเป้าหมาย”']);
  });

  it('groups strategies by issue and goal, needs one, and names a strategy without a name by its number', async () => {
    const fake = planFake(seeded());
    const { user } = open(fake, 0);
    const issue2 = await screen.findByRole('region', { name: 'ประเด็นยุทธศาสตร์ที่ 2' });
    expect(within(issue2).getByRole('heading', { name: 'เป้าประสงค์ที่ 2.1 บุคลากรมีทักษะดิจิทัล' })).toBeTruthy();
    await next(user);
    expect(alertTexts()).toEqual(['เพิ่มกลยุทธ์อย่างน้อย 1 กลยุทธ์']);

    const goal2 = screen.getByRole('region', { name: 'เป้าประสงค์ที่ 1.2' });
    await user.click(within(goal2).getByRole('button', { name: 'เพิ่มกลยุทธ์ของเป้าประสงค์ที่ 1.2' }));
    await user.click(within(goal2).getByRole('button', { name: 'เพิ่มกลยุทธ์ของเป้าประสงค์ที่ 1.2' }));
    const second = await within(goal2).findByRole('listitem', { name: 'กลยุทธ์ที่ 1.2.2' });
    await user.type(within(second).getByLabelText('ชื่อกลยุทธ์'), 'จัดตั้งศูนย์ชี้แจงข้อเท็จจริง');
    await next(user);
    await waitFor(() => expect(alertTexts()).toEqual(['กลยุทธ์ที่ 1.2.1 ยังไม่มีชื่อ']));
    expect(fake.callsTo('rows.create').map((c) => c.rows[0])).toEqual([
      { entity: 'strategy', parentId: 'g2', values: {} },
      { entity: 'strategy', parentId: 'g2', values: {} },
    ]);
  });

  it('links a strategy to chosen TOWS strategies only, and to their factors with one button', async () => {
    const fake = planFake([...seeded(), row('strategy', { name: 'สื่อสารนโยบายผ่านสื่อออนไลน์' }, 'g1', 's1')]);
    const { user } = open(fake, 0);
    const strategy = await screen.findByRole('listitem', { name: 'กลยุทธ์ที่ 1.1.1' });
    const tows = within(strategy).getByRole('group', { name: 'กลยุทธ์จาก TOWS Matrix ที่นำมาใช้' });
    // The WT strategy was not chosen in the matrix: it is not offered.
    expect(
      within(tows)
        .getAllByRole('checkbox')
        .map((c) => c.closest('label')!.textContent),
    ).toEqual([`SO ${SO_TEXT}`]);
    await user.click(within(tows).getByRole('checkbox', { name: `SO ${SO_TEXT}` }));
    await waitFor(() =>
      expect(fake.callsTo('rows.update').at(-1)).toEqual({
        id: 's1',
        edits: [{ field: 'towsStrategyIds', value: [TOWS_SO] }],
      }),
    );

    expect(within(strategy).getByText('ยังไม่ได้เลือกปัจจัย SWOT')).toBeTruthy();
    const show = within(strategy).getByRole('button', { name: 'เลือกปัจจัย SWOT' });
    expect(show.getAttribute('aria-expanded')).toBe('false');
    await user.click(show);
    expect(show.getAttribute('aria-expanded')).toBe('true');
    await user.click(within(strategy).getByRole('button', { name: 'เลือกปัจจัยที่ใช้สร้างกลยุทธ์จาก TOWS ที่เลือกไว้' }));
    expect(
      (within(strategy).getByRole('checkbox', { name: 'S1 ช่องทางสื่อของ กทม. ครอบคลุมทุกกลุ่ม' }) as HTMLInputElement)
        .checked,
    ).toBe(true);
    expect(within(strategy).getByText('S1, O1 (รวม 2 ปัจจัย)')).toBeTruthy();
    // By keyboard: Tab to the threat, Space ticks it.
    const threat = within(strategy).getByRole('checkbox', { name: 'T1 ข่าวปลอมแพร่กระจายรวดเร็ว' });
    threat.focus();
    await user.keyboard(' ');
    await waitFor(() => expect(fake.rows().find((r) => r.id === 's1')!.data.factorIds).toEqual([S1, O1, T1]));
    expect(within(strategy).getByText('S1, O1, T1 (รวม 3 ปัจจัย)')).toBeTruthy();
  });
});

describe('strategies wizard: projects', () => {
  it('numbers projects under their strategy and lists every project problem in Thai', async () => {
    const fake = planFake([
      ...planned(),
      row('strategy', { name: 'ชี้แจงข่าวปลอมภายใน 24 ชั่วโมง' }, 'g2', 's4'),
      project({ name: 'โครงการนอกช่วงแผน', startYear: 2565, endYear: 2571 }, 's1', 'p4'),
    ]);
    const { user } = open(fake, 1);
    const strategy = await screen.findByRole('region', { name: 'กลยุทธ์ที่ 1.1.2' });
    expect(within(strategy).getByRole('listitem', { name: 'แผนงานที่ 1.1.2.1' })).toBeTruthy();
    const s1 = screen.getByRole('region', { name: 'กลยุทธ์ที่ 1.1.1' });
    const late = within(s1).getByRole('listitem', { name: 'โครงการที่ 1.1.1.2' });
    expect(within(late).getAllByText('ปีต้องอยู่ในช่วงของแผน พ.ศ. 2566–2570')).toHaveLength(2);

    await user.click(within(s1).getByRole('button', { name: 'เพิ่มโครงการ/แผนงานของกลยุทธ์ที่ 1.1.1' }));
    const added = await within(s1).findByRole('listitem', { name: 'โครงการที่ 1.1.1.3' });
    await next(user);
    await waitFor(() =>
      expect(alertTexts()).toEqual([
        'ระยะเวลาของโครงการที่ 1.1.1.2 “โครงการนอกช่วงแผน” (พ.ศ. 2565–2571) อยู่นอกช่วงของแผน พ.ศ. 2566–2570',
        'โครงการที่ 1.1.1.3 ยังไม่มีชื่อ',
        'โครงการที่ 1.1.1.3 ยังไม่ได้ระบุหน่วยงานรับผิดชอบ',
        'กลยุทธ์ที่ 1.2.1 “ชี้แจงข่าวปลอมภายใน 24 ชั่วโมง” ยังไม่มีโครงการหรือแผนงาน',
      ]),
    );

    await user.type(within(added).getByLabelText('ชื่อโครงการ/แผนงาน'), 'โครงการศูนย์ชี้แจงข้อเท็จจริง');
    await user.selectOptions(within(added).getByLabelText('ประเภท'), 'แผนงาน');
    await screen.findByRole('listitem', { name: 'แผนงานที่ 1.1.1.3' });
    const renamed = screen.getByRole('listitem', { name: 'แผนงานที่ 1.1.1.3' });
    await user.type(within(renamed).getByLabelText('ปีสิ้นสุด (พ.ศ.)'), '2569');
    await user.type(within(renamed).getByLabelText('ปีเริ่มต้น (พ.ศ.)'), '2568');
    const end = within(renamed).getByLabelText('ปีสิ้นสุด (พ.ศ.)');
    await user.clear(end);
    await user.type(end, '2567');
    expect(within(renamed).getByText('ปีสิ้นสุดต้องไม่ก่อนปีเริ่มต้น')).toBeTruthy();
    await next(user);
    // Refused, so not stored: the step waits for the field, not for a stored end before the start.
    await waitFor(() => expect(alertTexts()).toContain('ยังมี 1 ช่องที่กรอกค่าไม่ผ่านเกณฑ์และยังไม่ได้บันทึก แก้ไขหรือลบค่านั้นก่อน'));
    expect(alertTexts()).toContain('แผนงานที่ 1.1.1.3 “โครงการศูนย์ชี้แจงข้อเท็จจริง” ยังไม่ได้ระบุหน่วยงานรับผิดชอบ');
  }, 60_000);

  it("offers the KPIs of the project's own goal first and those of other goals on request", async () => {
    const fake = planFake(planned());
    const { user } = open(fake, 1);
    const p1 = await screen.findByRole('listitem', { name: 'โครงการที่ 1.1.1.1' });
    const own = within(p1).getByRole('group', { name: 'ตัวชี้วัดของเป้าประสงค์ที่ 1.1 ที่โครงการนี้ส่งผล' });
    expect(
      within(own)
        .getAllByRole('checkbox')
        .map((c) => c.closest('label')!.textContent),
    ).toEqual(['ตัวชี้วัดที่ 1.1.1 ร้อยละของประชาชนที่รับรู้นโยบาย', 'ตัวชี้วัดที่ 1.1.2 จำนวนผู้ติดตามสื่อออนไลน์']);
    expect(within(p1).queryByRole('checkbox', { name: /ร้อยละของบุคลากรที่ผ่านการอบรม/ })).toBeNull();
    await user.click(within(own).getByRole('checkbox', { name: 'ตัวชี้วัดที่ 1.1.2 จำนวนผู้ติดตามสื่อออนไลน์' }));
    await user.click(within(p1).getByRole('button', { name: 'ตัวชี้วัดของเป้าประสงค์อื่น (เลือกแล้ว 0)' }));
    const other = within(p1).getByRole('group', { name: 'เป้าประสงค์ที่ 2.1 บุคลากรมีทักษะดิจิทัล' });
    await user.click(within(other).getByRole('checkbox', { name: 'ตัวชี้วัดที่ 2.1.1 ร้อยละของบุคลากรที่ผ่านการอบรม' }));
    expect(within(p1).getByRole('button', { name: 'ตัวชี้วัดของเป้าประสงค์อื่น (เลือกแล้ว 1)' })).toBeTruthy();
    await waitFor(() => expect(fake.rows().find((r) => r.id === 'p1')!.data.kpiIds).toEqual([K2, K3]));
  });
});

describe('strategies wizard: budgets', () => {
  it('shows totals per project, strategy and year with thousands separators, and follows typing', async () => {
    const fake = planFake(planned());
    const { user } = open(fake, 2);
    const s1 = await screen.findByRole('region', { name: 'กลยุทธ์ที่ 1.1.1 สื่อสารนโยบายผ่านสื่อออนไลน์' });
    const p1 = within(s1).getByRole('row', { name: /โครงการที่ 1\.1\.1\.1/ });
    expect((within(p1).getByLabelText('งบประมาณ พ.ศ. 2566: 1.1.1.1 โครงการผลิตสื่อดิจิทัล') as HTMLInputElement).value).toBe(
      '2,500,000',
    );
    expect(within(p1).getAllByRole('cell').at(-1)!.textContent).toBe('5,100,000');
    const planTotal = screen.getByRole('region', { name: 'รวมทั้งแผน' });
    const totals = () =>
      within(planTotal)
        .getAllByRole('cell')
        .map((c) => c.textContent);
    // 2566: 2,500,000 + 150,000 + 600,000; 2570: 700,000.5.
    expect(totals()).toEqual(['3,250,000', '2,600,000', '0', '0', '700,000.50', '6,550,000.50']);

    // Typing into a year without a row creates the row `${projectId}:${year}`; totals move before the autosave.
    const cell = within(p1).getByLabelText('งบประมาณ พ.ศ. 2568: 1.1.1.1 โครงการผลิตสื่อดิจิทัล');
    await user.type(cell, '๒๗๐๐๐๐๐');
    await waitFor(() => expect(within(p1).getAllByRole('cell').at(-1)!.textContent).toBe('7,800,000'));
    // Counted before the autosave sends it (400 ms after the last keystroke): the first digit made the row.
    expect(fake.rows().find((r) => r.id === 'p1:2568')!.data.amount).toBe(2);
    const strategyFoot = within(s1).getByRole('row', { name: /รวมกลยุทธ์ที่ 1\.1\.1/ });
    expect(
      within(strategyFoot)
        .getAllByRole('cell')
        .map((c) => c.textContent),
    ).toEqual(['2,500,000', '2,600,000', '2,700,000', '0', '0', '7,800,000']);
    await waitFor(() =>
      expect(totals()).toEqual(['3,250,000', '2,600,000', '2,700,000', '0', '700,000.50', '9,250,000.50']),
    );
    expect(fake.callsTo('rows.create')[0]!.rows).toEqual([
      { entity: 'projectBudget', parentId: 'p1', values: { year: 2568, amount: 2 } },
    ]);
    await user.tab();
    await waitFor(() => expect(fake.rows().find((r) => r.id === 'p1:2568')!.data.amount).toBe(2_700_000));
  });

  it('names a project without any budget; a negative budget stays typed with its message, unsaved and uncounted, also after a restart', async () => {
    const fake = planFake([...planned(), project({ name: 'โครงการที่ยังไม่มีงบ' }, 's2', 'p5'), budget('p5', 2566, null)]);
    const { user } = open(fake, 2);
    const s2 = await screen.findByRole('region', { name: /กลยุทธ์ที่ 1\.1\.2/ });
    await next(user);
    const noBudget = 'โครงการที่ 1.1.2.2 “โครงการที่ยังไม่มีงบ” ยังไม่มีงบประมาณในปีใดเลย';
    expect(alertTexts()).toEqual([noBudget]);
    const label = 'งบประมาณ พ.ศ. 2567: 1.1.2.2 โครงการที่ยังไม่มีงบ';
    const total = () => within(s2).getByRole('row', { name: /รวมกลยุทธ์ที่ 1\.1\.2/ }).textContent;
    const before = total();
    await user.type(within(s2).getByLabelText(label), '-5000');
    expect(within(s2).getByText('งบประมาณต้องไม่ติดลบ')).toBeTruthy();
    expect(screen.getByText(/ยังไม่บันทึก 1 ช่อง/)).toBeTruthy();
    expect(screen.getByRole('link', { name: 'ไปยังช่องที่ยังไม่บันทึก' }).getAttribute('href')).toBe(
      `#/plan/${samplePlan.id}/strategies/3/p5%3A2567`,
    );
    await next(user);
    await waitFor(() =>
      expect(alertTexts()).toEqual(['ยังมี 1 ช่องที่กรอกค่าไม่ผ่านเกณฑ์และยังไม่ได้บันทึก แก้ไขหรือลบค่านั้นก่อน', noBudget]),
    );
    expect(total()).toBe(before);
    expect(fake.rows().some((r) => r.id === 'p5:2567')).toBe(false);

    // The plan's page, which loads no rows, neither says all is saved nor calls the plan complete.
    cleanup();
    renderWith(<PlanEditor id={samplePlan.id} />, fake.api);
    const unsavedLine = 'ยังมี 1 ช่องที่กรอกค่าไม่ผ่านเกณฑ์และยังไม่ได้บันทึก แก้ไขหรือลบค่านั้นก่อน';
    expect((await screen.findByText(/^ยังไม่บันทึก 1 ช่อง/)).className).toContain('save-invalid');
    expect(await screen.findByText(unsavedLine)).toBeTruthy();
    expect(screen.queryByText('ไม่พบรายการที่ต้องแก้ไข แผนครบถ้วนตามเกณฑ์การตรวจแล้ว')).toBeNull();
    for (const link of screen.getAllByRole('link', { name: 'ไปยังช่องที่ยังไม่บันทึก' }))
      expect(link.getAttribute('href')).toBe(`#/plan/${samplePlan.id}/strategies/3/p5%3A2567`);

    cleanup();
    open(fake, 2);
    const again = await screen.findByRole('region', { name: /กลยุทธ์ที่ 1\.1\.2/ });
    expect((within(again).getByLabelText(label) as HTMLInputElement).value).toBe('-5000');
    expect(within(again).getByText('งบประมาณต้องไม่ติดลบ')).toBeTruthy();
    const cell = within(again).getByLabelText(label);
    await user.clear(cell);
    await user.type(cell, '5000');
    await waitFor(() => expect(fake.rows().find((r) => r.id === 'p5:2567')?.data.amount).toBe(5000));
    await waitFor(() => expect(screen.queryByText(/ยังไม่บันทึก/)).toBeNull());
  }, 60_000);
});

describe('strategies wizard: a shortened plan', () => {
  it('flags a budget for a year the plan no longer has, leaves it out of every total and holds Next on it', async () => {
    // The plan ended in 2570 when project 2.1.1.1 got its 2570 budget; it now ends in 2569.
    const fake = planFake(planned(), [], { ...samplePlan, endYear: 2569 });
    const { user } = open(fake, 2);
    const s3 = await screen.findByRole('region', { name: /กลยุทธ์ที่ 2\.1\.1/ });
    const cell = within(s3).getByLabelText('งบประมาณ พ.ศ. 2570: 2.1.1.1 โครงการอบรมเชิงปฏิบัติการ');
    expect((cell as HTMLInputElement).value).toBe('700,000.5');
    expect(cell.getAttribute('aria-invalid')).toBe('true');
    expect(within(s3).getByText('ปีนี้อยู่นอกช่วงปีของแผน')).toBeTruthy();
    const planTotal = screen.getByRole('region', { name: 'รวมทั้งแผน' });
    expect(
      within(planTotal)
        .getAllByRole('cell')
        .map((c) => c.textContent),
    ).toEqual(['3,250,000', '2,600,000', '0', '0', '0', '5,850,000']);
    await next(user);
    await waitFor(() =>
      expect(alertTexts()).toContain(
        'งบประมาณ พ.ศ. 2570 ของโครงการที่ 2.1.1.1 “โครงการอบรมเชิงปฏิบัติการ” อยู่นอกช่วงปีของแผนหรือของโครงการ จึงไม่นับรวม ลบออกหรือแก้ช่วงปี',
      ),
    );
  });
});

describe('strategies wizard: summary', () => {
  it('sums the budget per issue and year, per responsible unit, and in total, in baht', async () => {
    const fake = planFake(planned());
    open(fake, 3);
    await screen.findByText('งบประมาณรวมทั้งแผน 6,550,000.50 บาท');
    expect(screen.getByText('3 กลยุทธ์ 3 โครงการ/แผนงาน')).toBeTruthy();
    const cells = (table: HTMLElement, name: RegExp) =>
      within(within(table).getByRole('row', { name }))
        .getAllByRole('cell')
        .map((c) => c.textContent);
    const byIssue = screen.getByRole('table', { name: 'งบประมาณจำแนกตามประเด็นยุทธศาสตร์และปี (บาท)' });
    expect(cells(byIssue, /ประเด็นยุทธศาสตร์ที่ 1 /)).toEqual([
      '2,650,000',
      '2,600,000',
      '0',
      '0',
      '0',
      '5,250,000',
      '80.2',
    ]);
    expect(cells(byIssue, /ประเด็นยุทธศาสตร์ที่ 2 /)).toEqual([
      '600,000',
      '0',
      '0',
      '0',
      '700,000.50',
      '1,300,000.50',
      '19.8',
    ]);
    // Both tables end on the same plan total: per year, in all, and the whole plan's share.
    const planTotal = ['3,250,000', '2,600,000', '0', '0', '700,000.50', '6,550,000.50', '100.0'];
    expect(cells(byIssue, /รวมทั้งแผน/)).toEqual(planTotal);
    const byUnit = screen.getByRole('table', { name: 'งบประมาณจำแนกตามหน่วยงานรับผิดชอบ (บาท)' });
    // The same figure columns in both tables, so that they line up one above the other.
    const figureHeads = (table: HTMLElement) =>
      within(table)
        .getAllByRole('columnheader')
        .slice(1)
        .map((c) => c.textContent);
    expect(figureHeads(byIssue)).toEqual(figureHeads(byUnit));
    expect(
      within(byUnit)
        .getAllByRole('rowheader')
        .map((c) => c.textContent),
    ).toEqual(['สำนักงานเขตพระนคร', 'สำนักงานประชาสัมพันธ์', 'รวมทั้งแผน']);
    expect(cells(byUnit, /สำนักงานเขตพระนคร/)).toEqual(['150,000', '0', '0', '0', '0', '150,000', '2.3']);
    expect(cells(byUnit, /รวมทั้งแผน/)).toEqual(planTotal);
  });

  it('is in progress, not "not started", with a stored negative budget, and names budgets as the step holding it', async () => {
    // A budget of -500 came in stored (an old import): the budgets step refuses it, the summary has the wizard's data.
    const fake = planFake([...planned(), budget('p2', 2567, -500)]);
    open(fake, 3);
    const nav = await screen.findByRole('navigation', { name: 'แผนและขั้นตอนการจัดทำ' });
    const summary = within(nav).getByRole('button', { name: '4. สรุปงบประมาณ' });
    const state = () => document.getElementById(summary.getAttribute('aria-describedby')!)!.textContent!;
    await waitFor(() => expect(state()).toMatch(/^กำลังทำ: /));
    expect(state()).toMatch(/ · ขั้นที่ 3 “งบประมาณรายปี” ก่อนหน้ายังไม่ผ่าน$/);
  });
});
