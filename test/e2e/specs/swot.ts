import type { Page } from 'playwright-core';
import { expect } from 'vitest';
import { BMA_PLAN, createPlan, type Spec } from './common.ts';

/** Workshop wizards 4–6: internal and external environment (weighted SWOT, position) and the TOWS matrix. */

async function addFactor(page: Page, add: string, category: string, n: number, statement: string) {
  await page.getByRole('button', { name: `${add} ในหมวด ${category}` }).click();
  const item = page.getByRole('listitem', { name: `${category} ข้อ ${n}` });
  await item.getByLabel('ปัจจัย', { exact: true }).fill(statement);
}

async function score(page: Page, code: string, weight: string, rating: string) {
  await page.getByLabel(`น้ำหนักของ ${code}`).fill(weight);
  await page.getByLabel(`คะแนนของ ${code}`).fill(rating);
}

async function nextStep(page: Page, step: number, count: number) {
  await page.getByRole('button', { name: 'ถัดไป' }).click();
  await page.getByRole('heading', { name: new RegExp(`ขั้นที่ ${step} จาก ${count}`) }).waitFor();
}

const POSITION = [
  'แกนนอน x = S − W = 3.60 − 3.00 = 0.60',
  'แกนตั้ง y = O − T = 5.00 − 2.00 = 3.00',
  'อยู่ในส่วน เชิงรุก (เอื้อและแข็ง): ควรใช้กลยุทธ์เชิงรุก (SO)',
];
const STRATEGY = 'ใช้ช่องทางสื่อของ กทม. ทุกช่องทางสื่อสารผ่านสื่อสังคมออนไลน์';

export const swotSpecs: Spec[] = [
  {
    name: 'internal and external factors give the SWOT position, a TOWS strategy is chosen, all kept across a restart',
    async run(page, app) {
      await createPlan(page, BMA_PLAN);

      // Wizard 4: strengths and weaknesses under 2S4M, weights per letter summing to 1.00.
      await page.getByRole('link', { name: 'วิเคราะห์สภาพแวดล้อมภายใน (จุดแข็ง จุดอ่อน)' }).click();
      await page.getByRole('heading', { name: /ขั้นที่ 1 จาก 4/ }).waitFor();
      await nextStep(page, 2, 4);
      await addFactor(page, 'เพิ่มจุดแข็ง', 'บริการและผลผลิต', 1, 'ช่องทางสื่อของ กทม. ครอบคลุมทุกกลุ่ม');
      await addFactor(page, 'เพิ่มจุดแข็ง', 'บุคลากร', 1, 'บุคลากรมีประสบการณ์ด้านการประชาสัมพันธ์');
      await addFactor(page, 'เพิ่มจุดอ่อน', 'บุคลากร', 2, 'บุคลากรด้านสื่อดิจิทัลไม่เพียงพอ');
      await nextStep(page, 3, 4);
      await score(page, 'S1', '0.6', '4');
      await page.getByText('จุดแข็ง (S): น้ำหนักคงเหลือ 0.40').waitFor();
      await score(page, 'S2', '0.4', '3');
      await score(page, 'W1', '1', '3');
      await page.getByText('จุดแข็ง (S): น้ำหนักครบ 1.00').waitFor();
      await nextStep(page, 4, 4);
      await page.getByRole('row', { name: /คะแนนรวมจุดแข็ง \(S\) 3\.60/ }).waitFor();
      await page.getByRole('button', { name: 'เสร็จสิ้น' }).click();

      // Wizard 5: opportunities and threats under C-PEST; Next refused while O does not sum to 1.00.
      await page.getByRole('link', { name: 'วิเคราะห์สภาพแวดล้อมภายนอก (โอกาส อุปสรรค)' }).click();
      await page.getByRole('heading', { name: /ขั้นที่ 1 จาก 4/ }).waitFor();
      await nextStep(page, 2, 4);
      await addFactor(page, 'เพิ่มโอกาส', 'เทคโนโลยี', 1, 'ประชาชนใช้สื่อสังคมออนไลน์สูง');
      await addFactor(page, 'เพิ่มอุปสรรค', 'สังคมและวัฒนธรรม', 1, 'ข่าวปลอมแพร่กระจายรวดเร็ว');
      await nextStep(page, 3, 4);
      await score(page, 'O1', '0.5', '5');
      await score(page, 'T1', '1', '2');
      await page.getByRole('button', { name: 'ถัดไป' }).click();
      await page.getByRole('alert').getByText('น้ำหนักของโอกาส (O) รวมได้ 0.50 ยังขาดอีก 0.50 จึงจะครบ 1.00').waitFor();
      await page.getByLabel('น้ำหนักของ O1').fill('1');
      await nextStep(page, 4, 4);
      for (const line of POSITION) await page.getByText(line).waitFor();
      await page.getByRole('img', { name: 'แผนภาพตำแหน่ง SWOT: x = 0.60, y = 3.00' }).waitFor();
      await page.getByRole('button', { name: 'เสร็จสิ้น' }).click();

      // Wizard 6: pair S1 with O1 (an SO strategy), then choose it in the matrix.
      await page.getByRole('link', { name: 'จัดทำกลยุทธ์ด้วย TOWS Matrix' }).click();
      await page.getByRole('heading', { name: /ขั้นที่ 1 จาก 3/ }).waitFor();
      await page.getByRole('button', { name: 'เพิ่มกลยุทธ์' }).click();
      const strategy = page.getByRole('listitem', { name: 'กลยุทธ์ที่ 1' });
      await strategy.getByLabel('S1 ช่องทางสื่อของ กทม. ครอบคลุมทุกกลุ่ม').check();
      await strategy.getByLabel('O1 ประชาชนใช้สื่อสังคมออนไลน์สูง').check();
      await strategy.getByText('ประเภท: SO กลยุทธ์เชิงรุก').waitFor();
      await strategy.getByLabel('ข้อความกลยุทธ์').fill(STRATEGY);
      await nextStep(page, 2, 3);
      const aggressive = page.getByRole('region', { name: 'SO กลยุทธ์เชิงรุก' });
      await aggressive.getByText('S1 ช่องทางสื่อของ กทม. ครอบคลุมทุกกลุ่ม').waitFor();
      await aggressive.getByLabel('เลือกไปใช้กำหนดเป้าประสงค์').check();
      await page.getByText('บันทึกแล้ว').waitFor();

      const page2 = (await app.restart()) ?? page;
      await page2.getByRole('link', { name: new RegExp(BMA_PLAN.title) }).click();
      await page2.getByRole('link', { name: 'จัดทำกลยุทธ์ด้วย TOWS Matrix' }).click();
      await page2.getByRole('button', { name: '2. ตาราง TOWS Matrix' }).click();
      await page2.getByRole('heading', { name: /ขั้นที่ 2 จาก 3/ }).waitFor();
      const chosen = page2.getByRole('region', { name: 'SO กลยุทธ์เชิงรุก' }).getByLabel('เลือกไปใช้กำหนดเป้าประสงค์');
      expect(await chosen.isChecked()).toBe(true);
      await nextStep(page2, 3, 3);
      await page2.getByText('กลยุทธ์ที่เลือกไปกำหนดเป้าประสงค์ 1 รายการ').waitFor();
      await page2.getByText(STRATEGY).waitFor();

      await page2.getByRole('link', { name: 'กลับไปหน้าแผน' }).click();
      await page2.getByRole('link', { name: 'วิเคราะห์สภาพแวดล้อมภายนอก (โอกาส อุปสรรค)' }).click();
      await page2.getByRole('heading', { name: /ขั้นที่ 4 จาก 4/ }).waitFor();
      for (const line of POSITION) await page2.getByText(line).waitFor();
      await page2.getByRole('img', { name: 'แผนภาพตำแหน่ง SWOT: x = 0.60, y = 3.00' }).waitFor();
    },
  },
];
