import type { Page } from 'playwright-core';
import { expect } from 'vitest';
import { BMA_PLAN, backToPlan, createPlan, stepShown, type Spec } from './common.ts';

/** Workshop wizard 10 (review: alignment, strategy map, completeness) and the history of a row. */

const GOALS = 'กำหนดประเด็นยุทธศาสตร์ เป้าประสงค์ ตัวชี้วัดและค่าเป้าหมาย';
const REVIEW = 'ตรวจความสอดคล้องและความครบถ้วนของแผน';
const ISSUE = 'การเสริมสร้างภาพลักษณ์และความเชื่อมั่นต่อกรุงเทพมหานคร';
const CELL = 'ประเด็นยุทธศาสตร์ที่ 1 × 1. ยุทธศาสตร์ชาติด้านความมั่นคง';
const UNALIGNED = `ประเด็นยุทธศาสตร์ที่ 1 “${ISSUE}” ยังไม่สอดคล้องกับยุทธศาสตร์ แผน หรือนโยบายใด`;
const NOTHING_TO_FIX = 'ไม่พบรายการที่ต้องแก้ไข แผนครบถ้วนตามเกณฑ์การตรวจแล้ว';
const toFix = (n: number) => `พบ ${n} รายการที่ผู้ตรวจแผนจะขอให้แก้ไข`;

/** How many items the plan's page says a reviewer would send back. */
async function countToFix(page: Page): Promise<number> {
  const text = await page
    .getByText(/^พบ \d+ รายการที่ผู้ตรวจแผนจะขอให้แก้ไข/)
    .first()
    .innerText();
  return Number(/พบ (\d+) รายการ/.exec(text)?.[1]);
}

const focusedLabel = (page: Page) => page.evaluate(() => document.activeElement?.getAttribute('aria-label') ?? null);

async function alignToNationalStrategy(page: Page): Promise<void> {
  await page.getByRole('link', { name: 'กำหนดกรอบการจัดทำแผน' }).click();
  await page.getByRole('button', { name: '3. กรอบการจัดทำแผนที่ต้องสอดคล้อง' }).click();
  await stepShown(page, 3);
  await page.getByRole('group', { name: 'ยุทธศาสตร์ชาติ', exact: true }).getByRole('checkbox').check();
  await page.getByText('บันทึกแล้ว').waitFor();
  await backToPlan(page);
}

async function addIssue(page: Page): Promise<void> {
  await page.getByRole('link', { name: GOALS }).click();
  await stepShown(page, 1);
  await page.getByRole('button', { name: 'เพิ่มประเด็นยุทธศาสตร์' }).click();
  await page.getByRole('listitem', { name: 'ประเด็นยุทธศาสตร์ที่ 1' }).getByLabel('ชื่อประเด็นยุทธศาสตร์').fill(ISSUE);
  await page.getByText('บันทึกแล้ว').waitFor();
  await backToPlan(page);
}

export const reviewSpecs: Spec[] = [
  {
    name: 'an unaligned issue shows in completeness beside what the plan lacks, its link lands on its alignment row, ticking a cell clears it, across a restart',
    async run(page, app) {
      await createPlan(page, BMA_PLAN);
      await alignToNationalStrategy(page);
      await addIssue(page);

      // The plan's page counts it with what the plan still lacks (vision, goals …) and links to the panel.
      const before = await countToFix(page);
      expect(before).toBeGreaterThan(1);
      // The completeness card's link (the print panel below it has one to the same list).
      await page.getByRole('link', { name: 'ดูรายการที่ต้องแก้ไข' }).first().click();
      await stepShown(page, 3);
      await page.getByRole('heading', { name: /ประเด็นยุทธศาสตร์ที่ยังไม่สอดคล้องกับกรอบใด/ }).waitFor();

      // The item's link opens the alignment step with the cursor in the issue's row.
      await page.getByRole('link', { name: UNALIGNED }).click();
      await stepShown(page, 1);
      await expect.poll(() => focusedLabel(page)).toBe(CELL);
      await page
        .getByRole('row', { name: /ประเด็นยุทธศาสตร์ที่ 1/ })
        .getByText('⚠ ยังไม่สอดคล้องกับกรอบใด')
        .waitFor();
      await page.keyboard.press('Space');
      await page.getByText('ประเด็นยุทธศาสตร์ทุกประเด็นสอดคล้องกับกรอบอย่างน้อย 1 ข้อแล้ว').waitFor();
      expect(await page.getByRole('checkbox', { name: CELL }).isChecked()).toBe(true);
      await page.getByText('บันทึกแล้ว').waitFor();
      await page.getByRole('button', { name: '3. ความครบถ้วนของแผน' }).click();
      await page
        .getByText(toFix(before - 1))
        .first()
        .waitFor();
      expect(await page.getByRole('link', { name: UNALIGNED }).count()).toBe(0);
      // The rest of the plan is still missing: never "complete".
      expect(await page.getByText(NOTHING_TO_FIX).count()).toBe(0);

      const page2 = (await app.restart()) ?? page;
      await page2.getByRole('link', { name: new RegExp(BMA_PLAN.title) }).click();
      await page2
        .getByText(toFix(before - 1))
        .first()
        .waitFor();
      await page2.getByRole('link', { name: REVIEW }).click();
      await page2.getByRole('button', { name: '1. ความสอดคล้องกับแผนระดับต่างๆ' }).click();
      await stepShown(page2, 1);
      expect(await page2.getByRole('checkbox', { name: CELL }).isChecked()).toBe(true);

      // The strategy map draws the issue, and says that it has no goal yet.
      await page2.getByRole('button', { name: '2. แผนที่ยุทธศาสตร์' }).click();
      await stepShown(page2, 2);
      const map = page2.getByRole('img', { name: 'แผนที่ยุทธศาสตร์' });
      expect(await map.locator('g[data-level="issue"]').count()).toBe(1);
      await map.locator('g[data-missing="goal"]').getByText('ยังไม่มีเป้าประสงค์').waitFor();
    },
  },
  {
    name: 'the history of a row lists its creation and its edit, with the office and a B.E. date, and closes with Esc',
    async run(page) {
      await createPlan(page, BMA_PLAN);
      await addIssue(page);
      await page.getByRole('link', { name: GOALS }).click();
      await stepShown(page, 1);
      const open = page.getByRole('button', { name: 'ประวัติการแก้ไขของ ประเด็นยุทธศาสตร์ที่ 1' });
      await open.click();
      const dialog = page.getByRole('dialog', { name: 'ประวัติการแก้ไข: ประเด็นยุทธศาสตร์ที่ 1' });
      await dialog.getByText(`ชื่อ: (ว่าง) → ${ISSUE}`).waitFor();
      const actions = dialog.getByRole('list', { name: 'การแก้ไข ล่าสุดอยู่บนสุด' }).locator(':scope > li');
      expect(await actions.count()).toBe(2);
      expect(await actions.nth(0).innerText()).toMatch(/^แก้ไข .*25\d\d.* โดยหน่วยงานนี้/s);
      expect(await actions.nth(1).innerText()).toMatch(/^เพิ่มรายการ /);
      await page.keyboard.press('Escape');
      await dialog.waitFor({ state: 'detached' });
      expect(await open.evaluate((button) => button === document.activeElement)).toBe(true);
    },
  },
];
