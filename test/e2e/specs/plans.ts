import { expect } from 'vitest';
import { BMA_PLAN, createPlan, expectValues, field, fillPlan, goHome, type Spec } from './common.ts';

/** The foundation: plans are created, edited, kept across restarts, and the language choice sticks. */
export const planSpecs: Spec[] = [
  {
    name: 'a plan created in Thai is still listed after a reload and opens with every value',
    async run(page) {
      await createPlan(page, BMA_PLAN);
      await goHome(page);
      await page.reload();
      const link = page.getByRole('link', { name: new RegExp(BMA_PLAN.title) });
      await link.waitFor();
      expect(await link.textContent()).toContain('พ.ศ. 2566–2570');
      await link.click();
      await page.getByRole('heading', { level: 1, name: BMA_PLAN.title }).waitFor();
      await expectValues(page, BMA_PLAN);
      // Ctrl+Z on the plan's own page with nothing done in it: the plan stays (its creation is undone from
      // home only), and the notice says there is nothing to undo.
      await page.getByRole('heading', { level: 1 }).click();
      await page.keyboard.press('Control+z');
      await page.getByText('ไม่มีการกระทำให้เลิกทำ').waitFor();
      await expectValues(page, BMA_PLAN);
    },
  },
  {
    name: 'an autosaved edit survives restarting the whole app',
    async run(page, app) {
      await createPlan(page, BMA_PLAN);
      const organisation = 'สำนักงานประชาสัมพันธ์ กรุงเทพมหานคร';
      await field(page, 'organisation').fill(organisation);
      await page.getByText('บันทึกแล้ว', { exact: true }).waitFor();

      const after = (await app.restart()) ?? page;
      await after.getByRole('link', { name: new RegExp(BMA_PLAN.title) }).click();
      await after.getByRole('heading', { level: 1, name: BMA_PLAN.title }).waitFor();
      expect(await field(after, 'organisation').inputValue()).toBe(organisation);
    },
  },
  {
    name: 'English stays chosen across a reload, and Thai comes back',
    async run(page) {
      await page.getByRole('button', { name: 'English' }).click();
      await page.getByRole('heading', { name: "Your agency's plans" }).waitFor();
      await page.getByRole('button', { name: 'New plan' }).waitFor();
      await page.reload();
      await page.getByRole('heading', { name: "Your agency's plans" }).waitFor();
      expect(await page.locator('html').getAttribute('lang')).toBe('en');

      await page.getByRole('button', { name: 'ไทย' }).click();
      await page.getByRole('heading', { name: 'แผนของหน่วยงาน' }).waitFor();
      await page.reload();
      await page.getByRole('heading', { name: 'แผนของหน่วยงาน' }).waitFor();
    },
  },
  {
    name: 'invalid input shows the Thai message and creates nothing',
    async run(page) {
      await page.getByRole('button', { name: 'สร้างแผนใหม่' }).click();
      await fillPlan(page, { organisation: BMA_PLAN.organisation, title: '', startYear: '2566', endYear: '2570' });
      await page.getByRole('button', { name: 'สร้างแผน', exact: true }).click();
      await page.getByText('กรุณากรอกข้อมูลช่องนี้').waitFor();
      expect(await field(page, 'title').getAttribute('aria-invalid')).toBe('true');

      await fillPlan(page, { title: BMA_PLAN.title, endYear: '2580' });
      await field(page, 'endYear').press('Enter');
      await page.getByText('ระยะเวลาของแผนต้องไม่เกิน 10 ปี').waitFor();

      await page.getByRole('link', { name: 'ยกเลิก' }).click();
      await page.getByText('ยังไม่มีแผน', { exact: false }).waitFor();
      expect(await page.locator('.plan-list li').count()).toBe(0);
    },
  },
  {
    name: 'the sample plan opens from home and is marked as a sample',
    async run(page) {
      await page.getByRole('button', { name: 'เปิดแผนตัวอย่าง' }).click();
      const heading = page.getByRole('heading', { level: 1 });
      await heading.locator('.badge', { hasText: 'ตัวอย่าง' }).waitFor();
      expect(await field(page, 'startYear').inputValue()).toBe('2566');
      await goHome(page);
      const listed = page.locator('.plan-list li');
      await listed.first().waitFor();
      expect(await listed.count()).toBe(1);
      expect(await listed.textContent()).toContain('ตัวอย่าง');
    },
  },
  {
    name: 'a deleted plan comes back with Undo',
    async run(page) {
      await createPlan(page, BMA_PLAN);
      await page.getByRole('button', { name: 'ลบแผน' }).click();
      const dialog = page.getByRole('alertdialog');
      await dialog.getByRole('button', { name: 'ลบแผน' }).click();
      await page.getByText(`ลบแผน “${BMA_PLAN.title}” แล้ว`).waitFor();
      // The home list has loaded and is empty (a bare count() could run before it loads).
      await page.getByText('ยังไม่มีแผน เริ่มสร้างแผนใหม่หรือเปิดแผนตัวอย่างเพื่อดูแนวทาง').waitFor();
      expect(await page.locator('.plan-list li').count()).toBe(0);

      await page.getByRole('button', { name: 'เลิกทำ' }).click();
      await page.getByRole('link', { name: new RegExp(BMA_PLAN.title) }).waitFor();
    },
  },
];
