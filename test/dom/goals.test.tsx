import { act, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { i18n } from '../../renderer/src/i18n.ts';
import type { Row } from '../../main/core/rows.ts';
import { lastToast, samplePlan } from './fakeApi.tsx';
import { planFake, row, next, alertTexts, openWizard, type PlanFake } from './planFake.tsx';

/** Two issues; the first with two goals, its first goal with two KPIs (a percentage and a count of people). */
function seeded(): Row[] {
  return [
    row('strategicIssue', { name: 'การประชาสัมพันธ์เชิงรุก' }, null, 'i1'),
    row('goal', { name: 'ประชาชนรับรู้ข่าวสาร' }, 'i1', 'g1'),
    row('goal', { name: 'สื่อมวลชนเป็นเครือข่าย' }, 'i1', 'g2'),
    row('strategicIssue', { name: 'การสื่อสารในภาวะวิกฤต' }, null, 'i2'),
    row('goal', { name: 'ข่าวปลอมได้รับการชี้แจงทันเวลา' }, 'i2', 'g3'),
    row('kpi', { name: 'ร้อยละการรับรู้', unit: 'ร้อยละ' }, 'g1', 'k1'),
    row('kpi', { name: 'จำนวนผู้เข้าร่วม', unit: 'คน' }, 'g1', 'k2'),
  ];
}

const target = (kpi: string, year: number, value: number) =>
  row('kpiTarget', { year, target: value }, kpi, `${kpi}:${year}`);

const open = (fake: PlanFake, step: number) => openWizard(fake, 'goals', step);

describe('goals wizard: issues and goals', () => {
  it('needs an issue, then names an issue without a name and one without a goal', async () => {
    const fake = planFake();
    const { user } = open(fake, 0);
    await screen.findByRole('heading', { name: /ขั้นที่ 1 จาก 4/ });
    await next(user);
    expect(alertTexts()).toEqual(['เพิ่มประเด็นยุทธศาสตร์อย่างน้อย 1 ประเด็น']);

    await user.click(screen.getByRole('button', { name: 'เพิ่มประเด็นยุทธศาสตร์' }));
    const issue = await screen.findByRole('listitem', { name: 'ประเด็นยุทธศาสตร์ที่ 1' });
    await next(user);
    await waitFor(() =>
      expect(alertTexts()).toEqual(['ประเด็นยุทธศาสตร์ที่ 1 ยังไม่ได้ระบุชื่อ', 'ประเด็นยุทธศาสตร์ที่ 1 ยังไม่มีเป้าประสงค์']),
    );
    await user.type(within(issue).getByLabelText('ชื่อประเด็นยุทธศาสตร์'), 'การประชาสัมพันธ์เชิงรุก');
    await user.click(within(issue).getByRole('button', { name: 'เพิ่มเป้าประสงค์' }));
    await screen.findByRole('listitem', { name: 'เป้าประสงค์ที่ 1.1' });
    await next(user);
    await waitFor(() => expect(alertTexts()).toEqual(['เป้าประสงค์ที่ 1.1 ยังไม่ได้ระบุข้อความ']));
  });

  it('numbers goals under their issue and renumbers them when an issue moves', async () => {
    const fake = planFake(seeded());
    fake.api['rows.move'] = async ({ id, after }) => {
      fake.calls.push({ channel: 'rows.move', input: { id, after } });
      // Main puts the row right after `after` (first when null): here, issue 2 before issue 1.
      return { ok: true, data: { ...fake.rows().find((r) => r.id === 'i2')!, position: 'a0' } };
    };
    const { user } = open(fake, 0);
    const crisis = await screen.findByRole('listitem', { name: 'ประเด็นยุทธศาสตร์ที่ 2' });
    expect(within(crisis).getByRole('listitem', { name: 'เป้าประสงค์ที่ 2.1' })).toBeTruthy();
    await user.click(within(crisis).getByRole('button', { name: 'เลื่อน ประเด็นยุทธศาสตร์ที่ 2 ขึ้น' }));
    await waitFor(() => expect(fake.callsTo('rows.move')).toEqual([{ id: 'i2', after: null }]));
    const goalsOf = (number: string) => {
      const issue = screen.getByRole('listitem', { name: `ประเด็นยุทธศาสตร์ที่ ${number}` });
      const name = (within(issue).getByLabelText('ชื่อประเด็นยุทธศาสตร์') as HTMLTextAreaElement).value;
      const goals = within(issue)
        .getAllByRole('listitem')
        .map((li) => li.getAttribute('aria-label'));
      return [name, ...goals];
    };
    await waitFor(() => expect(goalsOf('1')).toEqual(['การสื่อสารในภาวะวิกฤต', 'เป้าประสงค์ที่ 1.1']));
    expect(goalsOf('2')).toEqual(['การประชาสัมพันธ์เชิงรุก', 'เป้าประสงค์ที่ 2.1', 'เป้าประสงค์ที่ 2.2']);
  });
});

describe('goals wizard: KPIs', () => {
  it('names goals without a KPI and KPIs without a name or unit, in the order the plan shows them', async () => {
    const fake = planFake([...seeded(), row('kpi', { name: '', unit: 'ครั้ง' }, 'g3', 'k3')]);
    const { user } = open(fake, 1);
    const kpi = await screen.findByRole('listitem', { name: 'ตัวชี้วัดที่ 1.1.2' });
    await user.clear(within(kpi).getByLabelText('หน่วยนับ'));
    await next(user);
    await waitFor(() =>
      expect(alertTexts()).toEqual([
        'เป้าประสงค์ที่ 1.2 “สื่อมวลชนเป็นเครือข่าย” ยังไม่มีตัวชี้วัด',
        'ตัวชี้วัดที่ 1.1.2 “จำนวนผู้เข้าร่วม” ยังไม่ได้ระบุหน่วยนับ',
        'ตัวชี้วัดที่ 2.1.1 ยังไม่ได้ระบุชื่อ',
      ]),
    );
  });

  it('saves every field of a KPI: name, unit, direction, baseline and its year, source, responsible unit, definition', async () => {
    const fake = planFake(seeded());
    const { user } = open(fake, 1);
    const goal = await screen.findByRole('region', { name: 'เป้าประสงค์ที่ 1.2' });
    await user.click(within(goal).getByRole('button', { name: 'เพิ่มตัวชี้วัด' }));
    const kpi = await screen.findByRole('listitem', { name: 'ตัวชี้วัดที่ 1.2.1' });
    await user.type(within(kpi).getByLabelText('ชื่อตัวชี้วัด'), 'จำนวนเครือข่ายสื่อมวลชน');
    await user.type(within(kpi).getByLabelText('หน่วยนับ'), 'เครือข่าย');
    await user.selectOptions(within(kpi).getByLabelText('ทิศทางของค่า'), 'lower');
    await user.type(within(kpi).getByLabelText('ค่าฐาน (ข้อมูลพื้นฐาน)'), '๑,๒๐๐');
    await user.type(within(kpi).getByLabelText('ปีของค่าฐาน (พ.ศ.)'), '2565');
    await user.type(within(kpi).getByLabelText('แหล่งข้อมูล'), 'ทะเบียนสื่อมวลชน');
    await user.type(within(kpi).getByLabelText('หน่วยงานที่รับผิดชอบ'), 'กองประชาสัมพันธ์');
    await user.type(within(kpi).getByLabelText('คำอธิบายตัวชี้วัดและสูตรการคำนวณ'), 'นับจากทะเบียน');
    await user.tab();
    const id = fake.callsTo('rows.create')[0]!.rows[0]!;
    expect(id.entity).toBe('kpi');
    await waitFor(() =>
      expect(fake.rows().find((r) => r.entity === 'kpi' && r.parentId === 'g2')?.data).toEqual({
        name: 'จำนวนเครือข่ายสื่อมวลชน',
        unit: 'เครือข่าย',
        direction: 'lower',
        baselineValue: 1200,
        baselineYear: 2565,
        dataSource: 'ทะเบียนสื่อมวลชน',
        responsibleUnit: 'กองประชาสัมพันธ์',
        definition: 'นับจากทะเบียน',
        periodTarget: null,
        resultMode: null,
      }),
    );
  });

  it('refuses a baseline year that is not a B.E. year, in Thai', async () => {
    const fake = planFake(seeded());
    const { user } = open(fake, 1);
    const kpi = await screen.findByRole('listitem', { name: 'ตัวชี้วัดที่ 1.1.1' });
    await user.type(within(kpi).getByLabelText('ปีของค่าฐาน (พ.ศ.)'), '2022');
    expect(within(kpi).getByText('ปี พ.ศ. ต้องอยู่ระหว่าง 2500 ถึง 2700')).toBeTruthy();
  });
});

describe('goals wizard: targets', () => {
  it('lists per KPI the plan years still without a target', async () => {
    const fake = planFake([
      ...seeded(),
      ...[2566, 2567, 2568, 2569, 2570].map((y) => target('k1', y, 70 + y - 2566)),
      target('k2', 2566, 100),
      target('k2', 2570, 500),
    ]);
    const { user } = open(fake, 2);
    await screen.findByRole('region', { name: /เป้าประสงค์ที่ 1\.1/ });
    await next(user);
    expect(alertTexts()).toEqual(['ตัวชี้วัดที่ 1.1.2 “จำนวนผู้เข้าร่วม” ยังไม่มีค่าเป้าหมาย พ.ศ. 2567, 2568, 2569']);
  });

  it('creates a year target on the first keystroke and says in Thai when a target does not fit the unit', async () => {
    const fake = planFake(seeded());
    const { user } = open(fake, 2);
    const percent = await screen.findByLabelText('ค่าเป้าหมาย พ.ศ. 2567: 1.1.1 ร้อยละการรับรู้');
    await user.type(percent, '120');
    expect(screen.getByText('ต้องอยู่ระหว่าง 0–100 (ร้อยละ)')).toBeTruthy();
    await user.clear(percent);
    await user.type(percent, '85.5');
    await user.tab();
    expect(screen.queryByText('ต้องอยู่ระหว่าง 0–100 (ร้อยละ)')).toBeNull();
    expect(fake.callsTo('rows.create')).toEqual([
      { planId: samplePlan.id, rows: [{ entity: 'kpiTarget', parentId: 'k1', values: { year: 2567, target: 1 } }] },
    ]);
    await waitFor(() => expect(fake.rows().find((r) => r.id === 'k1:2567')?.data.target).toBe(85.5));

    await user.type(screen.getByLabelText('ค่าเป้าหมายตลอดแผน: 1.1.2 จำนวนผู้เข้าร่วม'), '2.5');
    expect(screen.getByText('ต้องเป็นจำนวนเต็มตั้งแต่ 0 (คน)')).toBeTruthy();
    await user.type(screen.getByLabelText('ค่าเป้าหมาย พ.ศ. 2566: 1.1.2 จำนวนผู้เข้าร่วม'), 'มาก');
    expect(screen.getByText('กรุณากรอกตัวเลข เช่น 1,250 หรือ 12.5')).toBeTruthy();
  });
});

describe('goals wizard: typing into a large table', () => {
  it('re-renders the row of the KPI whose target was saved, not the rows beside it', async () => {
    const fake = planFake(seeded());
    const { user } = open(fake, 2);
    const percent = await screen.findByLabelText('ค่าเป้าหมาย พ.ศ. 2567: 1.1.1 ร้อยละการรับรู้');
    await screen.findByLabelText('ค่าเป้าหมาย พ.ศ. 2567: 1.1.2 จำนวนผู้เข้าร่วม');
    // A render counter per KPI row: each render of a row asks i18next for its cells' labels.
    const t = vi.spyOn(i18n, 't');
    const rendersOf = (kpi: string) =>
      t.mock.calls.filter(([key, options]) => key === 'goals.targetOf' && (options as { kpi?: string }).kpi === kpi)
        .length;
    await user.type(percent, '85');
    await user.tab();
    await waitFor(() => expect(fake.rows().find((r) => r.id === 'k1:2567')?.data.target).toBe(85));
    // The row typed into follows its new target row; its sibling's cells, name and buttons are left as they are.
    await waitFor(() => expect(rendersOf('1.1.1 ร้อยละการรับรู้')).toBeGreaterThan(0));
    expect(rendersOf('1.1.2 จำนวนผู้เข้าร่วม')).toBe(0);
    t.mockRestore();
  });
});

describe('goals wizard: summary', () => {
  it('reads issue by issue, goal by goal, with each KPI’s targets and what is still missing', async () => {
    const fake = planFake([
      ...seeded(),
      ...[2566, 2567, 2568, 2569, 2570].map((y) => target('k1', y, 70 + (y - 2566) * 5)),
    ]);
    open(fake, 3);
    expect(await screen.findByText('2 ประเด็นยุทธศาสตร์ · 3 เป้าประสงค์ · 2 ตัวชี้วัด')).toBeTruthy();
    const first = screen.getByRole('row', { name: /1\.1\.1 ร้อยละการรับรู้/ });
    expect(within(first).getByRole('rowheader').textContent).toContain('หน่วยนับ ร้อยละ · ค่าสูงดี (ยิ่งมากยิ่งดี)');
    expect(
      within(first)
        .getAllByRole('cell')
        .map((c) => c.textContent),
    ).toEqual(['–', '70', '75', '80', '85', '90', 'ยังไม่ระบุ']);
    expect(screen.getAllByText('เป้าประสงค์นี้ยังไม่มีตัวชี้วัด')).toHaveLength(2);
  });
});

describe('the save status while a row is being created', () => {
  it('says "saving", not "saved", when a field typed during the creation still waits', async () => {
    const fake = planFake(seeded());
    // The first target of a year creates its row; hold that request until the second field has been typed.
    let release = () => {};
    const held = new Promise<void>((resolve) => (release = resolve));
    const create = fake.api['rows.create'];
    fake.api['rows.create'] = async (input) => {
      await held;
      return create(input);
    };
    // And the save of the field typed meanwhile, until the creation has returned.
    let releaseUpdate = () => {};
    const updateHeld = new Promise<void>((resolve) => (releaseUpdate = resolve));
    const update = fake.api['rows.update'];
    fake.api['rows.update'] = async (input) => {
      await updateHeld;
      return update(input);
    };
    const { user } = open(fake, 2);
    // One keystroke: the creation carries the whole value, so nothing else of this cell is left to save.
    await user.type(await screen.findByLabelText('ค่าเป้าหมาย พ.ศ. 2566: 1.1.1 ร้อยละการรับรู้'), '8');
    await user.type(screen.getByLabelText('ค่าเป้าหมายตลอดแผน: 1.1.1 ร้อยละการรับรู้'), '90');
    release();
    await waitFor(() => expect(fake.callsTo('rows.create').length).toBeGreaterThan(0));
    await new Promise((resolve) => setTimeout(resolve, 50));
    // The creation is back, the whole-period target is not: the status line must not claim it is saved.
    expect(screen.queryByText('บันทึกแล้ว')).toBeNull();
    releaseUpdate();
    await screen.findByText('บันทึกแล้ว', {}, { timeout: 2000 });
    expect(fake.callsTo('rows.update').some((u) => u.edits.some((e) => e.field === 'periodTarget'))).toBe(true);
  });
});

describe('Next right after typing', () => {
  it('waits for a row still being created behind a slow save and judges the step by what is stored', async () => {
    const fake = planFake([
      ...seeded(),
      ...[2566, 2567, 2568, 2569, 2570].map((y) => target('k1', y, 70 + y - 2566)),
      ...[2566, 2567, 2568, 2569].map((y) => target('k2', y, 100)),
    ]);
    // A save of another cell still on its way when the last year's first keystroke creates its row: the
    // creation waits behind it, and Next is pressed meanwhile. Main answers a creation after a while, as over IPC.
    let release = () => {};
    const held = new Promise<void>((resolve) => (release = resolve));
    const update = fake.api['rows.update'];
    fake.api['rows.update'] = async (input) => {
      await held;
      return update(input);
    };
    const create = fake.api['rows.create'];
    fake.api['rows.create'] = async (input) => {
      await new Promise((resolve) => setTimeout(resolve, 50));
      return create(input);
    };
    const { user, shell } = open(fake, 2);
    await user.type(await screen.findByLabelText('ค่าเป้าหมาย พ.ศ. 2566: 1.1.2 จำนวนผู้เข้าร่วม'), '0');
    await user.type(screen.getByLabelText('ค่าเป้าหมาย พ.ศ. 2570: 1.1.2 จำนวนผู้เข้าร่วม'), '5');
    await user.click(screen.getByRole('button', { name: 'ถัดไป' }));
    release();
    await waitFor(() =>
      expect(shell.navigate).toHaveBeenCalledWith({ name: 'wizard', id: samplePlan.id, wizard: 'goals', step: 3 }),
    );
    expect(screen.queryByRole('alert')).toBeNull();
    expect(fake.rows().find((r) => r.id === 'k2:2570')?.data.target).toBe(5);
    expect(fake.rows().find((r) => r.id === 'k2:2566')?.data.target).toBe(1000);
  });

  it('says what went with a deleted goal, and says it again in English after a switch while it shows', async () => {
    // The only goal of issue 2, so the focus goes to the add button (jsdom has no CSS.escape for a neighbour's).
    const kpi = row('kpi', { name: 'ร้อยละข่าวปลอมที่ชี้แจงภายใน 2 ชั่วโมง', unit: 'ร้อยละ' }, 'g3', 'k3');
    const fake = planFake([...seeded(), kpi, target('k3', 2566, 80)]);
    const { user, shell } = open(fake, 0);
    const goal = await screen.findByRole('listitem', { name: 'เป้าประสงค์ที่ 2.1' });
    await user.click(within(goal).getByRole('button', { name: 'ลบ เป้าประสงค์ที่ 2.1' }));
    const dialog = await screen.findByRole('alertdialog');
    await user.click(within(dialog).getByRole('button', { name: 'ลบทั้งหมด' }));
    await waitFor(() => expect(fake.callsTo('rows.delete')).toEqual([{ id: 'g3' }]));
    await waitFor(() =>
      expect(lastToast(shell).text).toBe('ลบ “เป้าประสงค์ที่ 2.1” แล้ว พร้อม ตัวชี้วัด 1 รายการและค่าเป้าหมาย 1 รายการ'),
    );
    try {
      await act(() => i18n.changeLanguage('en'));
      expect(lastToast(shell).text).toBe('Deleted “Goal 2.1” with 1 × KPI and 1 × Target');
    } finally {
      await act(() => i18n.changeLanguage('th'));
    }
  });
});
