import type { Page } from 'playwright-core';
import { expect } from 'vitest';
import { BMA_PLAN, createPlan, type Spec } from './common.ts';

/** Workshop wizard 2: evaluation of the previous plan (ประเมินผลแผนระยะก่อน). */

const ISSUE = 'การประชาสัมพันธ์เชิงรุกเพื่อสร้างการรับรู้';
const GOAL = 'ประชาชนรับรู้และเข้าใจนโยบายของกรุงเทพมหานคร';
const KPI1 = 'ร้อยละของประชาชนที่รับรู้ข่าวสารของกรุงเทพมหานคร';
const KPI2 = 'จำนวนข่าวคลาดเคลื่อนที่ต้องชี้แจง';

/** Two KPIs as Excel copies them: Thai digits, a thousands separator, a blank year, one lower-is-better. */
const PASTE = [
  `${ISSUE}\t${GOAL}\tจำนวนผู้ติดตามสื่อออนไลน์\tคน\tสูงดี\t0\t๑๐,๐๐๐\t๑๒,๐๐๐\t12,000\t12,000\t\t`,
  `${ISSUE}\t${GOAL}\tระยะเวลาตอบข้อร้องเรียน\tวัน\tต่ำดี\t0\t15\t12\t\t\t\t`,
].join('\n');

/** The computed cells of a KPI's row in step 4, % / level / status per year 2563–2565, once they show. */
const results = (page: Page, name: string, cells: number) =>
  expect.poll(async () => (await page.getByRole('row', { name }).getByRole('cell').allInnerTexts()).slice(0, cells), {
    timeout: 5000,
  });

async function expectResults(page: Page): Promise<void> {
  await results(page, `1.1.1 ${KPI1}`, 9).toEqual(['110.0', '5', 'บรรลุ', '80.0', '4', 'ไม่บรรลุ', '–', '–', 'ยังไม่มีข้อมูล']);
  await results(page, `1.1.2 ${KPI2}`, 3).toEqual(['80.0', '4', 'ไม่บรรลุ']);
  await results(page, '1.1.3 จำนวนผู้ติดตามสื่อออนไลน์', 6).toEqual(['120.0', '5', 'บรรลุ', '100.0', '5', 'บรรลุ']);
  await results(page, '1.1.4 ระยะเวลาตอบข้อร้องเรียน', 3).toEqual(['125.0', '5', 'บรรลุ']);
}

export const evaluationSpecs: Spec[] = [
  {
    name: 'the evaluation wizard computes achievement of typed and pasted KPIs and keeps it across a restart',
    async run(page, app) {
      await createPlan(page, BMA_PLAN);
      await page.getByRole('link', { name: 'ประเมินผลแผนระยะก่อน' }).click();
      await page.getByRole('heading', { name: /ขั้นที่ 1 จาก 6/ }).waitFor();

      await page.getByRole('button', { name: 'เพิ่มประเด็นยุทธศาสตร์' }).click();
      const issue = page.getByRole('listitem', { name: 'ประเด็นยุทธศาสตร์ที่ 1' });
      await issue.getByLabel('ชื่อประเด็นยุทธศาสตร์').fill(ISSUE);
      await page.getByRole('button', { name: 'ถัดไป' }).click();
      await page.getByRole('alert').getByText(`ประเด็นยุทธศาสตร์ “${ISSUE}” ยังไม่มีเป้าประสงค์`).waitFor();
      await issue.getByRole('button', { name: 'เพิ่มเป้าประสงค์' }).click();
      await page.getByRole('listitem', { name: 'เป้าประสงค์ที่ 1.1' }).getByLabel('ชื่อเป้าประสงค์').fill(GOAL);
      await page.getByRole('button', { name: 'ถัดไป' }).click();

      await page.getByRole('heading', { name: /ขั้นที่ 2 จาก 6/ }).waitFor();
      await page.getByRole('button', { name: 'เพิ่มตัวชี้วัด' }).click();
      const kpi1 = page.getByRole('listitem', { name: 'ตัวชี้วัดที่ 1.1.1' });
      await kpi1.getByLabel('ชื่อตัวชี้วัด').fill(KPI1);
      await kpi1.getByLabel('หน่วยนับ').fill('ร้อยละ');
      await kpi1.getByText('บันทึกโดย หน่วยงานนี้').waitFor();
      await page.getByRole('button', { name: 'เพิ่มตัวชี้วัด' }).click();
      const kpi2 = page.getByRole('listitem', { name: 'ตัวชี้วัดที่ 1.1.2' });
      await kpi2.getByLabel('ชื่อตัวชี้วัด').fill(KPI2);
      await kpi2.getByLabel('หน่วยนับ').fill('เรื่อง');
      await kpi2.getByLabel('ทิศทางของค่า').selectOption({ label: 'ค่าต่ำดี (ยิ่งน้อยยิ่งดี)' });
      await page.getByRole('button', { name: 'ถัดไป' }).click();

      await page.getByRole('heading', { name: /ขั้นที่ 3 จาก 6/ }).waitFor();
      await page.getByRole('button', { name: 'ถัดไป' }).click();
      await page.getByRole('alert').getByText(`ตัวชี้วัด “${KPI1}” ยังไม่มีค่าเป้าหมายในปีใดเลย`).waitFor();
      const cell = (which: 'ค่าเป้าหมาย' | 'ผลการดำเนินงาน', year: number, kpi: string) =>
        page.getByLabel(`${which} พ.ศ. ${year}: ${kpi}`);
      await cell('ค่าเป้าหมาย', 2563, KPI1).fill('80');
      await cell('ผลการดำเนินงาน', 2563, KPI1).fill('๘๘');
      await cell('ค่าเป้าหมาย', 2564, KPI1).fill('85');
      await cell('ผลการดำเนินงาน', 2564, KPI1).fill('68');
      await cell('ค่าเป้าหมาย', 2563, KPI2).fill('20');
      await cell('ผลการดำเนินงาน', 2563, KPI2).fill('25');
      await page.getByLabel('ข้อมูลที่วาง (คั่นคอลัมน์ด้วย Tab)').fill(PASTE);
      await page.getByText('พร้อมเพิ่ม 2 ตัวชี้วัด').waitFor();
      await page.getByRole('button', { name: 'เพิ่ม 2 ตัวชี้วัดจากข้อมูลที่วาง' }).click();
      await page.getByRole('rowheader', { name: /1\.1\.4 ระยะเวลาตอบข้อร้องเรียน/ }).waitFor();
      expect(await cell('ค่าเป้าหมาย', 2563, 'จำนวนผู้ติดตามสื่อออนไลน์').inputValue()).toBe('10,000');
      await page.getByRole('button', { name: 'ถัดไป' }).click();

      await page.getByRole('heading', { name: /ขั้นที่ 4 จาก 6/ }).waitFor();
      await expectResults(page);
      await page.getByText('บันทึกแล้ว').waitFor();

      const page2 = (await app.restart()) ?? page;
      await page2.getByRole('link', { name: new RegExp(BMA_PLAN.title) }).click();
      await page2.getByRole('link', { name: 'ประเมินผลแผนระยะก่อน' }).click();
      // Every value and computed figure is still there.
      await page2.getByRole('button', { name: '4. ผลการประเมินตัวชี้วัด' }).click();
      await page2.getByRole('heading', { name: /ขั้นที่ 4 จาก 6/ }).waitFor();
      await expectResults(page2);
      await page2.getByRole('button', { name: /3\. ค่าเป้าหมายและผลการดำเนินงาน/ }).click();
      expect(await page2.getByLabel(`ผลการดำเนินงาน พ.ศ. 2563: ${KPI1}`).inputValue()).toBe('88');
    },
  },
];
