import type { Page } from 'playwright-core';
import { expect } from 'vitest';
import { BMA_PLAN, createPlan, type Spec } from './common.ts';

/** Workshop wizard 3: situation analysis against the Bangkok 20-year plan. */

const SITUATION = 'วิเคราะห์สถานการณ์ตามแผนพัฒนากรุงเทพมหานคร ระยะ 20 ปี';

const gapHeader = (page: Page, dimension: string) =>
  page.getByRole('columnheader', { name: new RegExp(dimension) }).getByText('⚠ ช่องว่าง');

export const situationSpecs: Spec[] = [
  {
    name: 'the situation wizard keeps missions and marked cells against the chosen Bangkok plan, gaps flagged, across a restart',
    async run(page, app) {
      await createPlan(page, BMA_PLAN);

      // Set-up: align the plan to the Bangkok plan 2556–2575.
      await page.getByRole('link', { name: 'กำหนดกรอบการจัดทำแผน' }).click();
      await page.getByRole('button', { name: '3. กรอบการจัดทำแผนที่ต้องสอดคล้อง' }).click();
      await page.getByRole('heading', { name: /ขั้นที่ 3 จาก 5/ }).waitFor();
      await page
        .getByRole('group', { name: 'แผนพัฒนากรุงเทพมหานคร ระยะ 20 ปี' })
        .getByRole('radio', { name: /\(พ\.ศ\. 2556–2575\)/ })
        .check();
      await page.getByText('แผนนี้ใช้ฉบับ 2556').waitFor();
      await page.getByText('บันทึกแล้ว').waitFor();
      await page.getByRole('link', { name: 'กลับไปหน้าแผน' }).click();

      // Step 1: two missions; Next refuses an empty one.
      await page.getByRole('link', { name: SITUATION }).click();
      await page.getByRole('heading', { name: /ขั้นที่ 1 จาก 3/ }).waitFor();
      await page.getByRole('button', { name: 'เพิ่มพันธกิจ' }).click();
      await page
        .getByRole('listitem', { name: 'พันธกิจที่ 1' })
        .getByLabel('พันธกิจ', { exact: true })
        .fill('เผยแพร่ข้อมูลข่าวสารของกรุงเทพมหานคร');
      await page.getByRole('button', { name: 'เพิ่มพันธกิจ' }).click();
      // The cursor is in the new mission; leaving it empty shows its message, so Next is pressed by keyboard.
      await page.getByRole('listitem', { name: 'พันธกิจที่ 2' }).getByLabel('พันธกิจ', { exact: true }).waitFor();
      await expect.poll(() => page.evaluate(() => document.activeElement?.tagName)).toBe('TEXTAREA');
      await page.getByRole('button', { name: 'ถัดไป' }).focus();
      await page.keyboard.press('Enter');
      await page.getByRole('alert').getByText('ยังมี 1 รายการที่กรอกข้อมูลที่จำเป็นไม่ครบ').waitFor();
      await page
        .getByRole('listitem', { name: 'พันธกิจที่ 2' })
        .getByLabel('พันธกิจ', { exact: true })
        .fill('ส่งเสริมการมีส่วนร่วมของประชาชน');
      await page.getByRole('button', { name: 'ถัดไป' }).click();

      // Step 2: mark cells from the keyboard; the dimensions nobody serves stay flagged.
      await page.getByRole('heading', { name: /ขั้นที่ 2 จาก 3/ }).waitFor();
      const cell = page.getByRole('checkbox', { name: 'พันธกิจที่ 1 × มหานครปลอดภัย' });
      await cell.focus();
      await page.keyboard.press('Space');
      await page.getByRole('checkbox', { name: 'พันธกิจที่ 2 × มหานครประชาธิปไตย' }).check();
      await page.getByLabel('หมายเหตุ: พันธกิจที่ 2 × มหานครประชาธิปไตย').fill('เวทีรับฟังความคิดเห็น');
      await page.getByText('มี 5 มิติที่ยังไม่มีพันธกิจใดรองรับ (ช่องว่าง):').waitFor();
      await gapHeader(page, 'มหานครกระชับ').waitFor();
      expect(await gapHeader(page, 'มหานครปลอดภัย').count()).toBe(0);
      await page.getByText('บันทึกแล้ว').waitFor();

      const page2 = (await app.restart()) ?? page;
      await page2.getByRole('link', { name: new RegExp(BMA_PLAN.title) }).click();
      await page2.getByRole('link', { name: SITUATION }).click();
      await page2
        .getByRole('navigation', { name: 'แผนและขั้นตอนการจัดทำ' })
        .getByRole('button', { name: /^2\. / })
        .click();
      await page2.getByRole('heading', { name: /ขั้นที่ 2 จาก 3/ }).waitFor();
      expect(await page2.getByRole('checkbox', { name: 'พันธกิจที่ 1 × มหานครปลอดภัย' }).isChecked()).toBe(true);
      expect(await page2.getByRole('checkbox', { name: 'พันธกิจที่ 2 × มหานครประชาธิปไตย' }).isChecked()).toBe(true);
      expect(await page2.getByRole('checkbox', { name: 'พันธกิจที่ 1 × มหานครกระชับ' }).isChecked()).toBe(false);
      expect(await page2.getByLabel('หมายเหตุ: พันธกิจที่ 2 × มหานครประชาธิปไตย').inputValue()).toBe('เวทีรับฟังความคิดเห็น');
      await gapHeader(page2, 'มหานครกระชับ').waitFor();

      // Gaps do not block: Next goes on to the summary, which lists them.
      await page2.getByRole('button', { name: 'ถัดไป' }).click();
      await page2.getByRole('heading', { name: /ขั้นที่ 3 จาก 3/ }).waitFor();
      await page2.getByRole('heading', { name: 'ช่องว่าง (มิติที่ยังไม่มีพันธกิจรองรับ) 5 มิติ' }).waitFor();
      await page2.locator('.gap-list').getByText('4. มหานครกระชับ').waitFor();
      await page2
        .getByRole('row', { name: /5\. มหานครประชาธิปไตย/ })
        .getByText('1 จาก 2 พันธกิจ (50%)')
        .waitFor();
    },
  },
];
