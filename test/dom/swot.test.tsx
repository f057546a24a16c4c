import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { type Row, type RowEntity } from '../../main/core/rows.ts';
import { WizardScreen } from '../../renderer/src/screens/WizardScreen.tsx';
import type { WizardId } from '../../renderer/src/wizard/types.ts';
import { renderWith, samplePlan } from './fakeApi.tsx';
import { planFake, wholeText } from './planFake.tsx';
import { testRow } from '../harness/rows.ts';

/** Factor and strategy fields hold row ids checked as UUIDs, so this fake main makes real ones. */
function row(entity: RowEntity, data: Record<string, unknown>, createdBy = 'office-1'): Row {
  return testRow(entity, data, { createdBy, id: entity === 'planOptions' ? samplePlan.id : crypto.randomUUID() });
}

const rowsApi = (initial: Row[] = []) => planFake(initial);

async function open(wizard: WizardId, step: number, rows: Row[]) {
  const fake = rowsApi(rows);
  renderWith(<WizardScreen planId={samplePlan.id} wizard={wizard} step={step} />, fake.api);
  await screen.findByRole('heading', { name: /^ขั้นที่/ });
  return { fake, user: userEvent.setup() };
}

const next = () => screen.getByRole('button', { name: /^(ถัดไป|เสร็จสิ้น)$/ });

const strengths = [
  row('factor', { swot: 'S', category: 'S2', statement: 'ช่องทางสื่อของ กทม. ครอบคลุม', weight: 0, rating: 4 }),
  row('factor', { swot: 'S', category: 'M1', statement: 'บุคลากรมีประสบการณ์', weight: 0, rating: 3 }),
];
const weaknesses = [row('factor', { swot: 'W', category: 'M1', statement: 'ขาดบุคลากรด้านดิจิทัล', weight: 1, rating: 3 })];

describe('internal environment wizard', () => {
  it('shows the remaining weight live and blocks Next, saying which letter and by how much', async () => {
    const { user, fake } = await open('internal', 2, [...strengths, ...weaknesses]);
    const live = within(screen.getByRole('region', { name: 'จุดแข็ง (S)' })).getByText(/น้ำหนัก/, {
      selector: '[aria-live]',
    });
    expect(live.textContent).toBe('จุดแข็ง (S): น้ำหนักคงเหลือ 1.00');

    await user.type(screen.getByLabelText('น้ำหนักของ S1'), '0.6');
    expect(live.textContent).toBe('จุดแข็ง (S): น้ำหนักคงเหลือ 0.40');
    await user.click(next());
    const alert = await screen.findByRole('alert');
    expect(within(alert).getByText(wholeText('น้ำหนักของจุดแข็ง (S) รวมได้ 0.60 ยังขาดอีก 0.40 จึงจะครบ 1.00'))).toBeTruthy();

    await user.type(screen.getByLabelText('น้ำหนักของ S2'), '0.5');
    expect(live.textContent).toBe('จุดแข็ง (S): น้ำหนักเกิน 1.00 อยู่ 0.10');
    await user.clear(screen.getByLabelText('น้ำหนักของ S2'));
    await user.type(screen.getByLabelText('น้ำหนักของ S2'), '๐.๔');
    expect(live.textContent).toBe('จุดแข็ง (S): น้ำหนักครบ 1.00');
    await waitFor(() =>
      expect(fake.callsTo('rows.update')).toContainEqual({
        id: strengths[1]!.id,
        edits: [{ field: 'weight', value: 0.4 }],
      }),
    );
    await user.click(next());
    await waitFor(() => expect(screen.queryByRole('alert')).toBeNull());
  });

  it('marks a rating off the plan’s scale at once, keeps it unsaved and uncounted, and holds Next on it', async () => {
    const options = row('planOptions', { ratingMin: 1, ratingMax: 4 });
    const { user, fake } = await open('internal', 2, [
      options,
      ...strengths.map((s) => ({ ...s, data: { ...s.data, weight: 0.5 } })),
      ...weaknesses,
    ]);
    const table = within(screen.getByRole('region', { name: 'จุดแข็ง (S)' }));
    const total = () => table.getByRole('row', { name: /รวม/ }).textContent;
    // 0.5 × 4 + 0.5 × 3: the stored ratings.
    expect(total()).toContain('3.50');
    const rating = screen.getByLabelText('คะแนนของ S1') as HTMLInputElement;
    await user.clear(rating);
    await user.type(rating, '5');
    expect(rating.getAttribute('aria-invalid')).toBe('true');
    expect(screen.getByText('คะแนนต้องอยู่ระหว่าง 1 ถึง 4')).toBeTruthy();
    expect(screen.getByText(/ยังไม่บันทึก 1 ช่อง/)).toBeTruthy();
    await user.click(next());
    // Refused by core's rule, so never stored: Next waits for the field, not for a stored rating off the scale.
    const alert = await screen.findByRole('alert');
    expect(
      within(alert)
        .getAllByRole('listitem')
        .map((li) => li.textContent),
    ).toEqual(['ยังมี 1 ช่องที่กรอกค่าไม่ผ่านเกณฑ์และยังไม่ได้บันทึก แก้ไขหรือลบค่านั้นก่อน']);
    expect(screen.getByRole('heading', { name: /^ขั้นที่ 3/ })).toBeTruthy();
    expect(rating.value).toBe('5');
    expect(screen.getByText('คะแนนต้องอยู่ระหว่าง 1 ถึง 4')).toBeTruthy();
    expect(total()).toContain('3.50');
    expect(fake.callsTo('rows.update')).toEqual([]);
    expect(fake.rows().find((r) => r.id === strengths[0]!.id)!.data.rating).toBe(4);
  });

  it('flags a stored rating once the plan narrows its scale, scores it as nothing and holds Next on it', async () => {
    // Rated 4 on 1–5; the plan now rates 1–3.
    const options = row('planOptions', { ratingMin: 1, ratingMax: 3 });
    const { user } = await open('internal', 2, [
      options,
      ...strengths.map((s) => ({ ...s, data: { ...s.data, weight: 0.5 } })),
      ...weaknesses,
    ]);
    const table = within(screen.getByRole('region', { name: 'จุดแข็ง (S)' }));
    const s1 = table.getByRole('row', { name: /^S1/ });
    // Only S2 (0.5 × 3) counts; S1's score shows as not counted.
    expect(table.getByRole('row', { name: /รวม/ }).textContent).toContain('1.50');
    expect(within(s1).getAllByRole('cell').at(-1)?.textContent).toBe('—');
    await user.click(next());
    const alert = await screen.findByRole('alert');
    expect(within(alert).getByText(wholeText('มี 1 ปัจจัยที่คะแนนไม่อยู่ระหว่าง 1 ถึง 3'))).toBeTruthy();
  });

  it("names each factor's category by its Thai name beside the factor codes, not by the framework code", async () => {
    await open('internal', 2, [...strengths, ...weaknesses]);
    const table = within(screen.getByRole('region', { name: 'จุดแข็ง (S)' }));
    // S2 of 2S4M is "บริการและผลผลิต": next to strength codes S1 and S2, "S2 Service and Products" would read as one.
    expect(table.getByText('บริการและผลผลิต')).toBeTruthy();
    expect(table.queryByText(/Service and Products/)).toBeNull();
  });

  it('does not ask for 1.00 when the plan says weights need not sum', async () => {
    const options = row('planOptions', { weightsMustSum: false });
    const { user } = await open('internal', 2, [options, ...strengths, ...weaknesses]);
    expect(screen.getByText('จุดแข็ง (S): น้ำหนักรวม 0.00 (แผนนี้ไม่บังคับให้รวมได้ 1.00)')).toBeTruthy();
    await user.click(next());
    await waitFor(() => expect(screen.queryByRole('alert')).toBeNull());
  });

  it('needs a strength and a weakness with their statements before leaving the factor step', async () => {
    const { user } = await open('internal', 1, [strengths[0]!]);
    await user.click(next());
    const alert = await screen.findByRole('alert');
    expect(within(alert).getByText(wholeText('บันทึกจุดอ่อนอย่างน้อย 1 ข้อในกรอบที่เลือก'))).toBeTruthy();

    const people = screen.getByRole('region', { name: 'บุคลากร' });
    await user.click(within(people).getByRole('button', { name: 'เพิ่มจุดอ่อน ในหมวด บุคลากร' }));
    const item = await within(people).findByRole('listitem', { name: 'บุคลากร ข้อ 1' });
    // Categories by their Thai names only: "S1 Structure" beside strengths S1, S2 would read as strength S1.
    expect(document.body.textContent).not.toMatch(/[SM][1-4] [A-Z][a-z]/);
    expect(within(item).getByText('บันทึกโดย หน่วยงานนี้')).toBeTruthy();
    expect((within(item).getByLabelText('จุดแข็ง/จุดอ่อน') as HTMLSelectElement).value).toBe('W');
    await user.click(next());
    await waitFor(() =>
      expect(within(screen.getByRole('alert')).getByText(wholeText('ยังมี 1 รายการที่กรอกข้อมูลที่จำเป็นไม่ครบ'))).toBeTruthy(),
    );
  });

  it('puts the focus on its category’s add button after deleting the category’s only factor, not on the page', async () => {
    const { user } = await open('internal', 1, [...strengths, ...weaknesses]);
    const services = screen.getByRole('region', { name: 'บริการและผลผลิต' });
    // The category's list goes with its last row; its add buttons stay below it.
    await user.click(within(services).getByRole('button', { name: 'ลบ บริการและผลผลิต ข้อ 1' }));
    await within(services).findByText('ยังไม่มีปัจจัยในหมวดนี้');
    await waitFor(() =>
      expect(document.activeElement).toBe(
        within(services).getByRole('button', { name: 'เพิ่มจุดแข็ง ในหมวด บริการและผลผลิต' }),
      ),
    );
  });

  it('keeps factors of the other framework when the framework changes, listed apart', async () => {
    const { user, fake } = await open('internal', 0, [...strengths, ...weaknesses]);
    await user.click(screen.getByRole('radio', { name: /McKinsey 7S/ }));
    await waitFor(() =>
      expect(fake.callsTo('rows.create')).toEqual([
        { planId: samplePlan.id, rows: [{ entity: 'planOptions', values: { internalFramework: '7S' } }] },
      ]),
    );
    expect(fake.callsTo('rows.delete')).toEqual([]);
  });

  it('lists factors filed under 2S4M apart when the plan uses 7S, with a category to move them to', async () => {
    const options = row('planOptions', { internalFramework: '7S' });
    const { user, fake } = await open('internal', 1, [options, ...strengths, ...weaknesses]);
    const other = screen.getByRole('region', { name: 'ปัจจัยที่บันทึกไว้ตามกรอบอื่น' });
    expect(within(other).getAllByRole('listitem')).toHaveLength(3);
    const first = within(other).getByRole('listitem', { name: 'ปัจจัยตามกรอบอื่น ข้อ 1' });
    const category = within(first).getByLabelText('หมวด') as HTMLSelectElement;
    expect(category.selectedOptions[0]!.textContent).toBe('บริการและผลผลิต');
    await user.selectOptions(category, 'บุคลากร');
    await waitFor(() =>
      expect(fake.callsTo('rows.update')).toContainEqual({
        id: strengths[0]!.id,
        edits: [{ field: 'category', value: 'staff' }],
      }),
    );
    const staff = screen.getByRole('region', { name: 'บุคลากร' });
    // Plan-wide updates are transitions: wait for the re-render rather than expecting it synchronously.
    expect(await within(staff).findByDisplayValue('ช่องทางสื่อของ กทม. ครอบคลุม')).toBeTruthy();
  });
});

describe('external environment summary', () => {
  const scored = [
    row('factor', { swot: 'S', category: 'S2', statement: 'ช่องทางสื่อครอบคลุม', weight: 1, rating: 4 }),
    row('factor', { swot: 'W', category: 'M1', statement: 'ขาดบุคลากร', weight: 1, rating: 3 }),
    row('factor', { swot: 'O', category: 'T', statement: 'ประชาชนใช้สื่อออนไลน์', weight: 1, rating: 2 }),
    row('factor', { swot: 'T', category: 'S', statement: 'ข่าวปลอม & ข่าวลือ', weight: 1, rating: 4 }),
  ];

  it('shows the scores, the position, its quadrant in Thai and the chart', async () => {
    await open('external', 3, scored);
    expect(screen.getByText('แกนนอน x = S − W = 4.00 − 3.00 = 1.00')).toBeTruthy();
    expect(screen.getByText('แกนตั้ง y = O − T = 2.00 − 4.00 = -2.00')).toBeTruthy();
    expect(screen.getByText('อยู่ในส่วน เชิงป้องกัน (ไม่เอื้อแต่แข็ง): ควรใช้กลยุทธ์เชิงป้องกัน (ST)')).toBeTruthy();
    const chart = screen.getByRole('img', { name: 'แผนภาพตำแหน่ง SWOT: x = 1.00, y = -2.00' });
    expect(chart.querySelector('rect[data-current]')?.getAttribute('data-quadrant')).toBe('ST');
  });

  it('says so when the internal factors are missing instead of placing a point', async () => {
    await open('external', 3, scored.slice(2));
    expect(screen.getByText(/ยังไม่มีปัจจัยภายใน \(จุดแข็ง จุดอ่อน\)/)).toBeTruthy();
    expect(screen.queryByRole('img')).toBeNull();
  });
});

describe('TOWS wizard', () => {
  const factors = [
    row('factor', { swot: 'S', category: 'S2', statement: 'ช่องทางสื่อครอบคลุม', weight: 1, rating: 4 }),
    row('factor', { swot: 'W', category: 'M1', statement: 'ขาดบุคลากร', weight: 1, rating: 3 }),
    row('factor', { swot: 'O', category: 'T', statement: 'ประชาชนใช้สื่อออนไลน์', weight: 1, rating: 2 }),
    row('factor', { swot: 'T', category: 'S', statement: 'ข่าวปลอม', weight: 1, rating: 4 }),
  ];

  it('guides a new row without calling it wrong, derives the type from the picked letters, explains mixed picks and blocks Next until valid', async () => {
    const { user, fake } = await open('tows', 0, factors);
    await user.click(screen.getByRole('button', { name: 'เพิ่มกลยุทธ์' }));
    const item = await screen.findByRole('listitem', { name: 'กลยุทธ์ที่ 1' });
    // A new row is not wrong yet: what to pick is guidance, not an error.
    const guidance = within(item).getByText('เลือกโอกาส (O) หรืออุปสรรค (T) อย่างน้อย 1 ข้อ');
    expect(guidance.closest('ul')?.className).toBe('hint');
    expect(item.querySelector('.field-error')).toBeNull();
    await user.click(within(item).getByLabelText(/S1 ช่องทางสื่อครอบคลุม/));
    await user.click(within(item).getByLabelText(/W1 ขาดบุคลากร/));
    const mixed = await within(item).findByText(/เลือกจุดแข็งหรือจุดอ่อนอย่างใดอย่างหนึ่ง/);
    expect(mixed.closest('ul')?.className).toBe('field-error');
    await user.click(next());
    const alert = await screen.findByRole('alert');
    expect(within(alert).getByText(wholeText('กลยุทธ์ที่ 1: ยังไม่ได้เขียนข้อความกลยุทธ์'))).toBeTruthy();
    expect(within(alert).getByText(wholeText('กลยุทธ์ที่ 1: เลือกทั้งจุดแข็งและจุดอ่อน ให้เลือกอย่างใดอย่างหนึ่ง'))).toBeTruthy();
    expect(within(alert).getByText(wholeText('กลยุทธ์ที่ 1: ยังไม่ได้เลือกโอกาสหรืออุปสรรค'))).toBeTruthy();

    await user.click(within(item).getByLabelText(/W1 ขาดบุคลากร/));
    await user.click(within(item).getByLabelText(/T1 ข่าวปลอม/));
    expect(await within(item).findByText('ประเภท: ST กลยุทธ์เชิงป้องกัน')).toBeTruthy();
    await user.type(within(item).getByLabelText('ข้อความกลยุทธ์'), 'ใช้ช่องทางสื่อของ กทม. ชี้แจงข่าวปลอม');
    await user.click(next());
    await waitFor(() => expect(screen.queryByRole('alert')).toBeNull());
    const strategyId = fake.callsTo('rows.update')[0]!.id;
    const saved = fake
      .callsTo('rows.update')
      .filter((c) => c.id === strategyId)
      .flatMap((c) => c.edits);
    expect(saved).toContainEqual({ field: 'type', value: 'ST' });
    expect(saved).toContainEqual({ field: 'factorIds', value: [factors[0]!.id, factors[3]!.id] });
  });

  it('shows strategies in their quadrants with source factors and asks for one chosen', async () => {
    const so = row(
      'towsStrategy',
      { type: 'SO', text: 'ขยายสื่อออนไลน์', factorIds: [factors[0]!.id, factors[2]!.id] },
      'office-2',
    );
    const wt = row('towsStrategy', {
      type: 'WT',
      text: 'อบรมบุคลากรรับมือข่าวปลอม',
      factorIds: [factors[1]!.id, factors[3]!.id],
    });
    const { user, fake } = await open('tows', 1, [...factors, so, wt]);
    const aggressive = screen.getByRole('region', { name: 'SO กลยุทธ์เชิงรุก' });
    const item = within(aggressive).getByRole('listitem', { name: 'SO ข้อ 1' });
    expect(within(item).getByText('S1 ช่องทางสื่อครอบคลุม')).toBeTruthy();
    expect(within(item).getByText('O1 ประชาชนใช้สื่อออนไลน์')).toBeTruthy();
    expect(within(item).getByText(/บันทึกโดย office-2/)).toBeTruthy();
    expect(
      within(screen.getByRole('region', { name: 'WT กลยุทธ์เชิงรับ' })).getByDisplayValue('อบรมบุคลากรรับมือข่าวปลอม'),
    ).toBeTruthy();

    await user.click(next());
    expect(
      within(await screen.findByRole('alert')).getByText(wholeText('เลือกกลยุทธ์ที่จะนำไปกำหนดเป้าประสงค์อย่างน้อย 1 รายการ')),
    ).toBeTruthy();
    await user.click(within(item).getByLabelText('เลือกไปใช้กำหนดเป้าประสงค์'));
    await waitFor(() =>
      expect(fake.callsTo('rows.update')).toContainEqual({ id: so.id, edits: [{ field: 'chosen', value: true }] }),
    );
    await user.click(next());
    await waitFor(() => expect(screen.queryByRole('alert')).toBeNull());
  });
});
