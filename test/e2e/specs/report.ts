import { readFileSync } from 'node:fs';
import { expect } from 'vitest';
import { comparable, extractPages } from '../../harness/pdf.ts';
import { next, nextStep, openWizard, type Spec } from './common.ts';

/** Issue 14: the secretariat's dashboard and the progress report it exports, through the print panel's job. */

const FOLLOWERS = 'จำนวนผู้ติดตามช่องทางสื่อสังคมออนไลน์ของกรุงเทพมหานคร';

export const reportSpecs: Spec[] = [
  {
    name: 'the dashboard sums the quarter per issue, goal and office, and exports its progress report as a PDF',
    async run(page) {
      await page.getByRole('button', { name: 'เปิดแผนตัวอย่าง' }).click();
      await openWizard(page, 'ติดตามผลการดำเนินงานตามแผน', 1, 5);
      await page.getByLabel('วันที่ประกาศใช้แผน').fill('20 ก.ย. 2565');
      await page.getByText('แผนประกาศใช้เมื่อ 20 กันยายน 2565').waitFor();
      await nextStep(page, 2, 5);
      await page.getByLabel('ปีงบประมาณ', { exact: true }).selectOption('2568');
      await page.getByLabel('ไตรมาส', { exact: true }).selectOption('2');
      // A count at the quarter's end (followers are a stock), judged against the year's whole 3,400,000:
      // 3,450,000 is 101.5 %: green.
      await page.getByLabel(`ผลไตรมาส 2 ปีงบประมาณ พ.ศ. 2568: ${FOLLOWERS}`).fill('3,450,000');
      await page.getByText('บันทึกแล้ว', { exact: true }).waitFor();
      await next(page);
      await nextStep(page, 4, 5);
      await nextStep(page, 5, 5);

      const byIssue = page.getByRole('table', { name: 'รายประเด็นยุทธศาสตร์' });
      const issue1 = byIssue.getByRole('row', { name: /ประเด็นยุทธศาสตร์ที่ 1/ });
      // 3 KPIs in issue 1: one green (the followers), two without data; mean achievement capped at 100.
      await expect
        .poll(() => issue1.getByRole('cell').allInnerTexts())
        .toEqual(['3', '1', '0', '0', '2', '100.0', '4,000,000', '0', '0.0']);
      await page
        .getByRole('table', { name: 'รายเป้าประสงค์' })
        .getByRole('row', { name: /^1\.1 / })
        .waitFor();
      // No KPI is assigned to an office here: the dashboard says so instead of a table per reporting office.
      await page.getByText('ยังไม่ได้มอบหมายตัวชี้วัดหรือโครงการให้หน่วยงาน', { exact: false }).waitFor();
      await page.getByRole('img', { name: 'ผลสำเร็จเฉลี่ยรายไตรมาสเทียบกับเป้าหมายที่ควรถึง (ร้อยละ)' }).waitFor();
      await page.getByRole('img', { name: /การเบิกจ่ายงบประมาณสะสมของปีเทียบกับแผน/ }).waitFor();

      const report = page.getByRole('region', { name: 'รายงานผลการดำเนินงาน' });
      // In Electron the button opens main's native save dialog, which Playwright cannot fill in: the file
      // itself is checked in the browser tier, where main hands it back as a download.
      if (await page.evaluate(() => 'api' in window)) return;
      const [download] = await Promise.all([
        page.waitForEvent('download', { timeout: 45_000 }),
        report.getByRole('button', { name: 'บันทึกรายงานเป็น PDF' }).click(),
      ]);
      expect(download.suggestedFilename()).toMatch(/รายงานผล ไตรมาสที่ 2 ปีงบประมาณ พ\.ศ\. 2568\.pdf$/);
      const text = comparable((await extractPages(new Uint8Array(readFileSync(await download.path())))).join('\n'));
      expect(text).toContain(comparable('ไตรมาสที่ 2 ปีงบประมาณ พ.ศ. 2568'));
      expect(text).toContain(comparable(`1.1.2 ${FOLLOWERS}`));
      expect(text).toContain(comparable('3,400,000 คน3,400,000 คน3,450,000 คน101.5เป็นไปตามเป้าหมาย'));
      await report.getByText('สร้างไฟล์ PDF แล้ว', { exact: false }).waitFor();
    },
  },
];
