import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import mammoth from 'mammoth';
import { expect } from 'vitest';
import { comparable, extractPages } from '../../harness/pdf.ts';
import { SAMPLE_FILE } from '../../harness/pdfPlan.ts';
import type { Spec } from './common.ts';

/**
 * Printing (issue 5): the plan page's print panel makes a real PDF of the sample plan; and (issue 13) the same
 * panel makes the one-page summary as a Word file at 1366×768, read back with mammoth.
 */

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
  {
    name: 'the print panel makes the summary handout as a Word file in Thai digits, offered as a download at 1366×768',
    async run(page) {
      await page.setViewportSize({ width: 1366, height: 768 });
      await page.getByRole('button', { name: 'เปิดแผนตัวอย่าง' }).click();
      const panel = page.getByRole('region', { name: 'พิมพ์เอกสาร (PDF หรือ Word)' });
      await panel.getByRole('checkbox', { name: /ผลการประเมินแผนระยะก่อน/ }).waitFor();
      await panel.getByRole('radio', { name: /สรุปแผน 1 หน้า/ }).check();
      await panel.getByRole('radio', { name: /Word \(\.docx\)/ }).check();
      await panel.getByRole('checkbox', { name: /ใช้เลขไทย/ }).check();
      const start = panel.getByRole('button', { name: 'สร้างไฟล์ Word' });
      // The button is on screen at the laptop size, without scrolling sideways.
      const box = await start.boundingBox();
      expect(box && box.x >= 0 && box.x + box.width <= 1366).toBe(true);
      if (await page.evaluate(() => 'api' in window)) return; // Electron: main's native save dialog
      const [download] = await Promise.all([page.waitForEvent('download', { timeout: 45_000 }), start.click()]);
      const fileName = download.suggestedFilename();
      expect(fileName.startsWith(sampleTitle) && fileName.endsWith('.docx')).toBe(true);
      const file = join(mkdtempSync(join(tmpdir(), 'phaen-docx-')), 'summary.docx');
      writeFileSync(file, readFileSync(await download.path()));
      const text = (await mammoth.extractRawText({ path: file })).value.replace(/\s+/g, '');
      expect(text).toContain('๒๕๖๖');
      expect(text).not.toMatch(/25[67]\d/);
      await panel.getByText(/^สร้างไฟล์ Word แล้ว/).waitFor();
    },
  },
];
