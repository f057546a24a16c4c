import type { Page } from 'playwright-core';
import { expect } from 'vitest';
import { BMA_PLAN, backToPlan, createPlan, next, stepShown, type Spec } from './common.ts';

/** Workshop wizards 7 and 8: the plan's direction (vision, missions, values), then issues → goals → KPIs → targets. */

const DIRECTION = 'กำหนดวิสัยทัศน์ พันธกิจ และค่านิยม';
const GOALS = 'กำหนดประเด็นยุทธศาสตร์ เป้าประสงค์ ตัวชี้วัดและค่าเป้าหมาย';
const VISION = 'การประชาสัมพันธ์กรุงเทพมหานครเข้าถึงทุกคน ทันสมัย และประชาชนเชื่อมั่น';
const MISSION = 'เผยแพร่ข้อมูลข่าวสารและผลการดำเนินงานของกรุงเทพมหานครสู่ประชาชนอย่างทั่วถึง';
const ISSUE = 'การประชาสัมพันธ์เชิงรุกเพื่อสร้างการรับรู้และความเชื่อมั่น';
const GOAL_A = 'ประชาชนรับรู้และเข้าใจนโยบายของกรุงเทพมหานคร';
const GOAL_B = 'สื่อมวลชนและเครือข่ายร่วมเผยแพร่ข่าวสารของกรุงเทพมหานคร';
const YEARS = [2566, 2567, 2568, 2569, 2570];

/** A KPI of each goal, with its targets 2566–2570 and for the whole plan. */
const KPIS = [
  {
    goal: '1.1',
    name: 'ร้อยละของประชาชนที่รับรู้ข่าวสารของกรุงเทพมหานคร',
    unit: 'ร้อยละ',
    baseline: '72.5',
    source: 'ผลสำรวจความคิดเห็นประชาชน',
    targets: ['75', '78', '80', '83', '85'],
    period: '85',
  },
  {
    goal: '1.2',
    name: 'จำนวนเครือข่ายสื่อมวลชนที่ร่วมเผยแพร่ข่าวสาร',
    unit: 'เครือข่าย',
    baseline: '๑,๒๐๐',
    source: 'ทะเบียนเครือข่ายสื่อมวลชน',
    targets: ['1,250', '1,300', '1,350', '1,400', '1,450'],
    period: '1,450',
  },
];

const targetCell = (page: Page, year: number | null, kpi: (typeof KPIS)[number], number: string) =>
  page.getByLabel(
    year === null ? `ค่าเป้าหมายตลอดแผน: ${number} ${kpi.name}` : `ค่าเป้าหมาย พ.ศ. ${year}: ${number} ${kpi.name}`,
    { exact: true },
  );

async function writeDirection(page: Page): Promise<void> {
  await page.getByRole('link', { name: DIRECTION }).click();
  await stepShown(page, 1, 4);
  await next(page);
  await page.getByRole('alert').getByText('กรอกวิสัยทัศน์ของแผนก่อนไปขั้นถัดไป').waitFor();
  await page.getByLabel('วิสัยทัศน์', { exact: true }).fill(VISION);
  await page.getByText('บันทึกแล้ว').waitFor();
  await next(page);

  await stepShown(page, 2, 4);
  await page.getByRole('button', { name: 'เพิ่มพันธกิจ' }).click();
  await page.getByRole('listitem', { name: 'พันธกิจที่ 1' }).getByLabel('พันธกิจ', { exact: true }).fill(MISSION);
  await next(page);
  await stepShown(page, 3, 4);
  await next(page);
  await stepShown(page, 4, 4);
  await page.getByText(VISION).waitFor();
  await page.getByRole('button', { name: 'เสร็จสิ้น' }).click();
}

async function writeGoals(page: Page): Promise<void> {
  await page.getByRole('link', { name: GOALS }).click();
  await stepShown(page, 1, 4);
  await page.getByRole('button', { name: 'เพิ่มประเด็นยุทธศาสตร์' }).click();
  const issue = page.getByRole('listitem', { name: 'ประเด็นยุทธศาสตร์ที่ 1' });
  await issue.getByLabel('ชื่อประเด็นยุทธศาสตร์').fill(ISSUE);
  await next(page);
  await page.getByRole('alert').getByText(`ประเด็นยุทธศาสตร์ที่ 1 “${ISSUE}” ยังไม่มีเป้าประสงค์`).waitFor();
  // Goal B first, then A, then A dragged above B by its grip: numbers follow the new order.
  await issue.getByRole('button', { name: 'เพิ่มเป้าประสงค์' }).click();
  await page.getByRole('listitem', { name: 'เป้าประสงค์ที่ 1.1' }).getByLabel('เป้าประสงค์', { exact: true }).fill(GOAL_B);
  await issue.getByRole('button', { name: 'เพิ่มเป้าประสงค์' }).click();
  await page.getByRole('listitem', { name: 'เป้าประสงค์ที่ 1.2' }).getByLabel('เป้าประสงค์', { exact: true }).fill(GOAL_A);
  await page.getByText('บันทึกแล้ว').waitFor();
  const first = page.getByRole('listitem', { name: 'เป้าประสงค์ที่ 1.1' });
  await page
    .getByRole('listitem', { name: 'เป้าประสงค์ที่ 1.2' })
    .locator('.drag-handle')
    .dragTo(first, { targetPosition: { x: 40, y: 5 } });
  await expect
    .poll(() =>
      page.getByRole('listitem', { name: 'เป้าประสงค์ที่ 1.1' }).getByLabel('เป้าประสงค์', { exact: true }).inputValue(),
    )
    .toBe(GOAL_A);
  await next(page);

  await stepShown(page, 2, 4);
  await next(page);
  await page.getByRole('alert').getByText(`เป้าประสงค์ที่ 1.1 “${GOAL_A}” ยังไม่มีตัวชี้วัด`).waitFor();
  for (const kpi of KPIS) {
    await page
      .getByRole('region', { name: `เป้าประสงค์ที่ ${kpi.goal}` })
      .getByRole('button', { name: 'เพิ่มตัวชี้วัด' })
      .click();
    const card = page.getByRole('listitem', { name: `ตัวชี้วัดที่ ${kpi.goal}.1` });
    await card.getByLabel('ชื่อตัวชี้วัด').fill(kpi.name);
    await card.getByLabel('หน่วยนับ').fill(kpi.unit);
    await card.getByLabel('ค่าฐาน (ข้อมูลพื้นฐาน)').fill(kpi.baseline);
    await card.getByLabel('ปีของค่าฐาน (พ.ศ.)').fill('2565');
    await card.getByLabel('แหล่งข้อมูล').fill(kpi.source);
    await card.getByLabel('หน่วยงานที่รับผิดชอบ').fill('ส่วนประชาสัมพันธ์');
    await card.getByLabel('คำอธิบายตัวชี้วัดและสูตรการคำนวณ').fill(`นับจาก${kpi.source}`);
  }
  await next(page);

  await stepShown(page, 3, 4);
  const percent = targetCell(page, 2566, KPIS[0]!, '1.1.1');
  await percent.fill('120');
  await page.getByText('ต้องอยู่ระหว่าง 0–100 (ร้อยละ)').waitFor();
  for (const [k, kpi] of KPIS.entries()) {
    const number = `1.${k + 1}.1`;
    for (const [i, year] of YEARS.entries()) await targetCell(page, year, kpi, number).fill(kpi.targets[i]!);
    await targetCell(page, null, kpi, number).fill(kpi.period);
  }
  expect(await page.getByText('ต้องอยู่ระหว่าง 0–100 (ร้อยละ)').count()).toBe(0);
  await page.getByText('บันทึกแล้ว').waitFor();
  await next(page);
  await stepShown(page, 4, 4);
}

async function expectSummary(page: Page): Promise<void> {
  await page.getByText('1 ประเด็นยุทธศาสตร์ · 2 เป้าประสงค์ · 2 ตัวชี้วัด').waitFor();
  await page.getByRole('heading', { name: `ประเด็นยุทธศาสตร์ที่ 1 ${ISSUE}` }).waitFor();
  await page.getByRole('heading', { name: `เป้าประสงค์ที่ 1.1 ${GOAL_A}` }).waitFor();
  await page.getByRole('heading', { name: `เป้าประสงค์ที่ 1.2 ${GOAL_B}` }).waitFor();
  const cells = (number: string, kpi: (typeof KPIS)[number]) =>
    page.getByRole('row', { name: new RegExp(`^${number.replace(/\./g, '\\.')} ${kpi.name}`) }).getByRole('cell');
  expect(await cells('1.1.1', KPIS[0]!).allInnerTexts()).toEqual([
    '72.5\nพ.ศ. 2565',
    '75',
    '78',
    '80',
    '83',
    '85',
    '85',
  ]);
  expect(await cells('1.2.1', KPIS[1]!).allInnerTexts()).toEqual([
    '1,200\nพ.ศ. 2565',
    '1,250',
    '1,300',
    '1,350',
    '1,400',
    '1,450',
    '1,450',
  ]);
  await page
    .getByRole('rowheader', { name: new RegExp(KPIS[1]!.name) })
    .getByText('หน่วยนับ เครือข่าย · ค่าสูงดี (ยิ่งมากยิ่งดี)')
    .waitFor();
  await page
    .getByRole('rowheader', { name: new RegExp(KPIS[1]!.name) })
    .getByText('รับผิดชอบ: ส่วนประชาสัมพันธ์')
    .waitFor();
}

export const goalsSpecs: Spec[] = [
  {
    name: 'the direction and goals wizards keep vision, mission, an issue with two goals, their KPIs and targets across a restart',
    async run(page, app) {
      await createPlan(page, BMA_PLAN);
      await writeDirection(page);
      await page.getByRole('link', { name: GOALS }).waitFor();
      await writeGoals(page);
      await expectSummary(page);

      const page2 = (await app.restart()) ?? page;
      await page2.getByRole('link', { name: new RegExp(BMA_PLAN.title) }).click();
      await page2.getByRole('link', { name: GOALS }).click();
      // Resumes at the summary, with everything typed.
      await stepShown(page2, 4, 4);
      await expectSummary(page2);
      await page2.getByRole('button', { name: '3. ค่าเป้าหมายรายปี' }).click();
      expect(await targetCell(page2, 2570, KPIS[1]!, '1.2.1').inputValue()).toBe('1,450');
      await page2.getByRole('button', { name: '2. ตัวชี้วัด' }).click();
      const card = page2.getByRole('listitem', { name: 'ตัวชี้วัดที่ 1.1.1' });
      expect(await card.getByLabel('แหล่งข้อมูล').inputValue()).toBe(KPIS[0]!.source);
      expect(await card.getByLabel('ปีของค่าฐาน (พ.ศ.)').inputValue()).toBe('2565');

      await backToPlan(page2);
      await page2.getByRole('link', { name: DIRECTION }).click();
      await stepShown(page2, 4, 4);
      await page2.getByText(VISION).waitFor();
      await page2.getByText(MISSION).waitFor();
    },
  },
  {
    name: 'a goal with a KPI is deleted with the mouse through the confirmation, which is drawn above the row, and Ctrl+Z brings both back',
    async run(page) {
      await createPlan(page, BMA_PLAN);
      await writeGoals(page);
      await page.getByRole('button', { name: '1. ประเด็นยุทธศาสตร์และเป้าประสงค์' }).click();
      await page.getByRole('button', { name: 'ลบ เป้าประสงค์ที่ 1.1' }).click();
      const dialog = page.getByRole('alertdialog');
      await dialog.getByText('เป้าประสงค์ที่ 1.1').first().waitFor();
      // The whole dialog is on top: each corner of it is hit as part of the dialog, not of a row around or below
      // it (a dialog drawn inside its row is clipped to the row's box).
      const hits = await dialog.evaluate((box) => {
        const r = box.getBoundingClientRect();
        return [
          [r.left + 4, r.top + 4],
          [r.right - 4, r.top + 4],
          [r.left + 4, r.bottom - 4],
          [r.right - 4, r.bottom - 4],
        ].map(([x, y]) => box.contains(document.elementFromPoint(x!, y!)));
      });
      expect(hits).toEqual([true, true, true, true]);
      await dialog.getByRole('button', { name: 'ลบทั้งหมด' }).click({ timeout: 5000 });
      await expect.poll(() => page.getByRole('listitem', { name: /^เป้าประสงค์ที่ 1\.\d$/ }).count()).toBe(1);
      await page
        .getByText(/ตัวชี้วัด 1 รายการ/)
        .first()
        .waitFor();
      await page.keyboard.press('Control+z');
      await expect.poll(() => page.getByRole('listitem', { name: /^เป้าประสงค์ที่ 1\.\d$/ }).count()).toBe(2);
    },
  },
];
