import { readFileSync } from 'node:fs';
import { expect } from 'vitest';
import { comparable, extractPages } from '../../harness/pdf.ts';
import { SAMPLE_FILE } from '../../harness/pdfPlan.ts';
import type { Spec } from './common.ts';

/** Printing (issue 5): the plan page's print panel makes a real PDF of the sample plan. */

const sampleTitle = (JSON.parse(readFileSync(SAMPLE_FILE, 'utf8')) as { plan: { title: string } }).plan.title;

export const pdfSpecs: Spec[] = [
  {
    name: 'the print panel makes a PDF of the sample plan, with its title and chapters, offered as a download',
    async run(page) {
      await page.getByRole('button', { name: 'เปิดแผนตัวอย่าง' }).click();
      const panel = page.getByRole('region', { name: 'พิมพ์เอกสาร (PDF หรือ Word)' });
      await panel.getByRole('checkbox', { name: /ผลการประเมินแผนระยะก่อน/ }).waitFor();
      expect(await panel.getByRole('checkbox', { name: /สาระสำคัญของแผนยุทธศาสตร์/ }).isChecked()).toBe(true);
      // In Electron the button opens main's native save dialog, which Playwright cannot fill in: the file
      // itself is checked in the browser tier, where main hands it back as a download.
      if (await page.evaluate(() => 'api' in window)) return;
      const [download] = await Promise.all([
        page.waitForEvent('download', { timeout: 45_000 }),
        panel.getByRole('button', { name: 'สร้างไฟล์ PDF' }).click(),
      ]);
      expect(download.suggestedFilename()).toBe(`${sampleTitle}.pdf`);
      const pdf = new Uint8Array(readFileSync(await download.path()));
      expect(Buffer.from(pdf.subarray(0, 5)).toString('latin1')).toBe('%PDF-');
      const text = comparable((await extractPages(pdf)).join('\n'));
      expect(text).toContain(comparable(sampleTitle));
      expect(text).toContain(comparable('บทที่ 4 สาระสำคัญของแผนยุทธศาสตร์'));
      await panel.getByText(`สร้างไฟล์ PDF แล้ว: ${sampleTitle}.pdf`, { exact: false }).waitFor();
    },
  },
];
