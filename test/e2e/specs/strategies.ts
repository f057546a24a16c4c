import type { Locator, Page } from 'playwright-core';
import { expect } from 'vitest';
import { BMA_PLAN, backToPlan, createPlan, next, nextStep, openWizard, type Spec } from './common.ts';

/**
 * Workshop wizard 9: strategies under a goal, linked to a TOWS strategy chosen in wizard 6, their projects with
 * a budget for every plan year, the totals, and all of it after a restart. The factors, the TOWS strategy, the
 * issue and the goal are made through the earlier wizards, as a working group would.
 */

const STRENGTH = 'ช่องทางสื่อของ กทม. ครอบคลุมทุกกลุ่ม';
const OPPORTUNITY = 'ประชาชนใช้สื่อสังคมออนไลน์สูง';
const TOWS = 'ใช้ช่องทางสื่อของ กทม. สื่อสารนโยบายผ่านสื่อสังคมออนไลน์';
const ISSUE = 'การสื่อสารนโยบายและผลการดำเนินงานของกรุงเทพมหานครอย่างทั่วถึง ถูกต้อง และทันเหตุการณ์';
const GOAL = 'ประชาชนรับรู้และเข้าใจนโยบายและผลการดำเนินงานของกรุงเทพมหานคร';
const YEARS = [2566, 2567, 2568, 2569, 2570];
const PLANNED = [
  {
    strategy: 'สื่อสารนโยบาย 9 ดี ด้วยเนื้อหาสั้น เข้าใจง่าย ผ่านสื่อสังคมออนไลน์',
    project: 'โครงการผลิตสื่อดิจิทัลเพื่อสื่อสารนโยบายของกรุงเทพมหานคร',
    kind: 'โครงการ',
    unit: 'สำนักงานประชาสัมพันธ์',
    budgets: [2_500_000, 2_600_000, 2_700_000, 2_800_000, 2_900_000],
  },
  {
    strategy: 'ให้เครือข่ายประชาสัมพันธ์ของสำนักงานเขตรับฟังและส่งต่อปัญหาของชุมชน',
    project: 'แผนงานรับฟังเสียงประชาชนผ่านสื่อออนไลน์ของสำนักงานเขตพระนคร',
    kind: 'แผนงาน',
    unit: 'สำนักงานเขตพระนคร',
    budgets: [150_000, 150_000, 150_000, 160_000, 160_000],
  },
];

const baht = (n: number) => new Intl.NumberFormat('en-US').format(n);
const sum = (values: readonly number[]) => values.reduce((a, b) => a + b, 0);
const yearSums = YEARS.map((_, i) => sum(PLANNED.map((p) => p.budgets[i]!)));
const GRAND = sum(yearSums);

const cellTexts = (scope: Locator) => scope.getByRole('cell').allInnerTexts();

/** A strength and an opportunity, paired into one SO strategy chosen for the plan (wizards 4–6). */
async function chooseTowsStrategy(page: Page) {
  await openWizard(page, 'วิเคราะห์สภาพแวดล้อมภายใน (จุดแข็ง จุดอ่อน)', 1, 4);
  await nextStep(page, 2, 4);
  const s2 = 'บริการและผลผลิต';
  await page.getByRole('button', { name: `เพิ่มจุดแข็ง ในหมวด ${s2}` }).click();
  await page
    .getByRole('listitem', { name: `${s2} ข้อ 1` })
    .getByLabel('ปัจจัย', { exact: true })
    .fill(STRENGTH);
  await backToPlan(page);

  await openWizard(page, 'วิเคราะห์สภาพแวดล้อมภายนอก (โอกาส อุปสรรค)', 1, 4);
  await nextStep(page, 2, 4);
  const tech = 'เทคโนโลยี';
  await page.getByRole('button', { name: `เพิ่มโอกาส ในหมวด ${tech}` }).click();
  await page
    .getByRole('listitem', { name: `${tech} ข้อ 1` })
    .getByLabel('ปัจจัย', { exact: true })
    .fill(OPPORTUNITY);
  await backToPlan(page);

  await openWizard(page, 'จัดทำกลยุทธ์ด้วย TOWS Matrix', 1, 3);
  await page.getByRole('button', { name: 'เพิ่มกลยุทธ์' }).click();
  const tows = page.getByRole('listitem', { name: 'กลยุทธ์ที่ 1' });
  await tows.getByLabel(`S1 ${STRENGTH}`).check();
  await tows.getByLabel(`O1 ${OPPORTUNITY}`).check();
  await tows.getByLabel('ข้อความกลยุทธ์').fill(TOWS);
  await nextStep(page, 2, 3);
  await page.getByRole('region', { name: 'SO กลยุทธ์เชิงรุก' }).getByLabel('เลือกไปใช้กำหนดเป้าประสงค์').check();
  await page.getByText('บันทึกแล้ว').waitFor();
  await backToPlan(page);
}

/** One strategic issue with one goal (wizard 8, step 1). */
async function addIssueAndGoal(page: Page) {
  await openWizard(page, 'กำหนดประเด็นยุทธศาสตร์ เป้าประสงค์ ตัวชี้วัดและค่าเป้าหมาย', 1, 4);
  await page.getByRole('button', { name: 'เพิ่มประเด็นยุทธศาสตร์' }).click();
  const issue = page.getByRole('listitem', { name: 'ประเด็นยุทธศาสตร์ที่ 1' });
  await issue.getByLabel('ชื่อประเด็นยุทธศาสตร์').fill(ISSUE);
  await issue.getByRole('button', { name: 'เพิ่มเป้าประสงค์' }).click();
  await issue.getByRole('listitem', { name: 'เป้าประสงค์ที่ 1.1' }).getByLabel('เป้าประสงค์', { exact: true }).fill(GOAL);
  await page.getByText('บันทึกแล้ว').waitFor();
  await backToPlan(page);
}

const projectLabel = (i: number) => `${PLANNED[i]!.kind}ที่ 1.1.${i + 1}.1`;
const budgetLabel = (i: number, year: number) => `งบประมาณ พ.ศ. ${year}: 1.1.${i + 1}.1 ${PLANNED[i]!.project}`;

async function expectTotals(page: Page) {
  for (const [i, planned] of PLANNED.entries()) {
    const row = page.getByRole('row', { name: new RegExp(projectLabel(i).replace(/\./g, '\\.')) });
    await expect.poll(async () => (await cellTexts(row)).at(-1)).toBe(baht(sum(planned.budgets)));
    const foot = page.getByRole('row', { name: new RegExp(`รวมกลยุทธ์ที่ 1\\.1\\.${i + 1}`) });
    await expect.poll(() => cellTexts(foot)).toEqual([...planned.budgets, sum(planned.budgets)].map(baht));
  }
  const planTotal = page.getByRole('region', { name: 'รวมทั้งแผน' });
  await expect.poll(() => cellTexts(planTotal)).toEqual([...yearSums, GRAND].map(baht));
}

export const strategiesSpecs: Spec[] = [
  {
    name: 'two strategies answer a chosen TOWS strategy, their projects get yearly budgets, totals add up and stay after a restart',
    async run(page, app) {
      await createPlan(page, BMA_PLAN);
      await chooseTowsStrategy(page);
      await addIssueAndGoal(page);

      // Step 1: two strategies under goal 1.1, each taking up the SO strategy; the first also its factors.
      await openWizard(page, 'กำหนดกลยุทธ์ โครงการ และงบประมาณ', 1, 4);
      await next(page);
      await page.getByRole('alert').getByText('เพิ่มกลยุทธ์อย่างน้อย 1 กลยุทธ์').waitFor();
      const goal = page.getByRole('region', { name: 'เป้าประสงค์ที่ 1.1' });
      for (const [i, planned] of PLANNED.entries()) {
        await goal.getByRole('button', { name: 'เพิ่มกลยุทธ์ของเป้าประสงค์ที่ 1.1' }).click();
        const strategy = goal.getByRole('listitem', { name: `กลยุทธ์ที่ 1.1.${i + 1}` });
        await strategy.getByLabel('ชื่อกลยุทธ์').fill(planned.strategy);
        await strategy.getByRole('checkbox', { name: `SO ${TOWS}` }).check();
      }
      const first = goal.getByRole('listitem', { name: 'กลยุทธ์ที่ 1.1.1' });
      await first.getByRole('button', { name: 'เลือกปัจจัย SWOT' }).click();
      await first.getByRole('button', { name: 'เลือกปัจจัยที่ใช้สร้างกลยุทธ์จาก TOWS ที่เลือกไว้' }).click();
      await first.getByText('S1, O1 (รวม 2 ปัจจัย)').waitFor();
      await nextStep(page, 2, 4);

      // Step 2: a project and a programme; Next names what is missing until every field that must be is filled.
      for (const [i, planned] of PLANNED.entries()) {
        const strategy = page.getByRole('region', { name: `กลยุทธ์ที่ 1.1.${i + 1}` });
        await strategy.getByRole('button', { name: `เพิ่มโครงการ/แผนงานของกลยุทธ์ที่ 1.1.${i + 1}` }).click();
        const project = strategy.getByRole('listitem', { name: `โครงการที่ 1.1.${i + 1}.1` });
        await project.getByLabel('ชื่อโครงการ/แผนงาน').fill(planned.project);
        await project.getByLabel('ปีเริ่มต้น (พ.ศ.)').fill('2566');
        await project.getByLabel('ปีสิ้นสุด (พ.ศ.)').fill('2571');
        await project.getByText('ปีต้องอยู่ในช่วงของแผน พ.ศ. 2566–2570').waitFor();
        await project.getByLabel('ปีสิ้นสุด (พ.ศ.)').fill('2570');
        await project.getByLabel('หลักการและเหตุผล').fill('ประชาชนรับข่าวสารผ่านสมาร์ตโฟนเป็นหลัก');
        await project.getByLabel('วัตถุประสงค์').fill('เผยแพร่ผลการดำเนินงานตามนโยบายทุกเดือน');
        await project.getByLabel('ประเภท').selectOption({ label: planned.kind });
        await strategy.getByRole('listitem', { name: projectLabel(i) }).waitFor();
      }
      await next(page);
      await page
        .getByRole('alert')
        .getByText(`${projectLabel(1)} “${PLANNED[1]!.project}” ยังไม่ได้ระบุหน่วยงานรับผิดชอบ`)
        .waitFor();
      for (const [i, planned] of PLANNED.entries()) {
        const project = page.getByRole('listitem', { name: projectLabel(i) });
        await project.getByLabel('หน่วยงานรับผิดชอบ').fill(planned.unit);
        await project.getByLabel('หน่วยงานสนับสนุน').fill('สำนักยุทธศาสตร์และประเมินผล');
      }
      await nextStep(page, 3, 4);

      // Step 3: a budget for every plan year; totals per project, strategy and year.
      await next(page);
      await page
        .getByRole('alert')
        .getByText(`${projectLabel(0)} “${PLANNED[0]!.project}” ยังไม่มีงบประมาณในปีใดเลย`)
        .waitFor();
      for (const [i, planned] of PLANNED.entries())
        for (const [y, year] of YEARS.entries())
          await page.getByLabel(budgetLabel(i, year)).fill(baht(planned.budgets[y]!));
      await expectTotals(page);
      await nextStep(page, 4, 4);

      // Step 4: the summary per issue, year and unit.
      await page.getByText(`งบประมาณรวมทั้งแผน ${baht(GRAND)} บาท`).waitFor();
      const byIssue = page.getByRole('table', { name: 'งบประมาณจำแนกตามประเด็นยุทธศาสตร์และปี (บาท)' });
      expect(await cellTexts(byIssue.getByRole('row', { name: /ประเด็นยุทธศาสตร์ที่ 1 / }))).toEqual([
        ...[...yearSums, GRAND].map(baht),
        '100.0',
      ]);
      const byUnit = page.getByRole('table', { name: 'งบประมาณจำแนกตามหน่วยงานรับผิดชอบ (บาท)' });
      const district = PLANNED[1]!;
      expect(await cellTexts(byUnit.getByRole('row', { name: new RegExp(district.unit) }))).toEqual([
        ...[...district.budgets, sum(district.budgets)].map(baht),
        ((sum(district.budgets) / GRAND) * 100).toFixed(1),
      ]);
      await page.getByText('บันทึกแล้ว').waitFor();

      const page2 = (await app.restart()) ?? page;
      await page2.getByRole('link', { name: new RegExp(BMA_PLAN.title) }).click();
      // The wizard opens where it was left: the summary.
      await openWizard(page2, 'กำหนดกลยุทธ์ โครงการ และงบประมาณ', 4, 4);
      await page2.getByText(`งบประมาณรวมทั้งแผน ${baht(GRAND)} บาท`).waitFor();
      await page2.getByRole('button', { name: '3. งบประมาณรายปี', exact: true }).click();
      await page2.getByRole('heading', { name: /ขั้นที่ 3 จาก 4/ }).waitFor();
      expect(await page2.getByLabel(budgetLabel(0, 2566)).inputValue()).toBe('2,500,000');
      await expectTotals(page2);
      await page2.getByRole('button', { name: '2. โครงการและแผนงาน', exact: true }).click();
      const programme = page2.getByRole('listitem', { name: projectLabel(1) });
      expect(await programme.getByLabel('หน่วยงานรับผิดชอบ').inputValue()).toBe(PLANNED[1]!.unit);
      expect(await programme.getByLabel('ปีสิ้นสุด (พ.ศ.)').inputValue()).toBe('2570');
      await page2.getByRole('button', { name: '1. กลยุทธ์', exact: true }).click();
      for (const [i, planned] of PLANNED.entries()) {
        const strategy = page2.getByRole('listitem', { name: `กลยุทธ์ที่ 1.1.${i + 1}` });
        expect(await strategy.getByLabel('ชื่อกลยุทธ์').inputValue()).toBe(planned.strategy);
        expect(await strategy.getByRole('checkbox', { name: `SO ${TOWS}` }).isChecked()).toBe(true);
      }
      await page2.getByText('S1, O1 (รวม 2 ปัจจัย)').waitFor();
    },
  },
];
