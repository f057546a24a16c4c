import { readFileSync, writeFileSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { expect } from 'vitest';
import { SAMPLE_FILE } from '../../harness/pdfPlan.ts';
import { readXlsxParts } from '../../harness/xlsxParts.ts';
import { officeWorkbook } from '../../harness/xlsxOffice.ts';
import type { Spec } from './common.ts';

/**
 * Excel (issue 13) at 1366×768: the plan page exports the sample plan's tables as an .xlsx; its KPI sheet,
 * edited as in Excel, updates a target from the goals wizard after a before → after preview; an office's
 * previous-plan table imports into the evaluation wizard through the column-mapping step.
 */

const sample = JSON.parse(readFileSync(SAMPLE_FILE, 'utf8')) as { plan: { id: string; title: string } };

export const xlsxSpecs: Spec[] = [
  {
    name: 'exports the plan tables to Excel, brings an edited target back with a preview, and imports a previous-plan table',
    async run(page) {
      await page.setViewportSize({ width: 1366, height: 768 });
      await page.getByRole('button', { name: 'เปิดแผนตัวอย่าง' }).click();
      const exportButton = page.getByRole('button', { name: 'ส่งออกตารางเป็น Excel (.xlsx)' });
      await exportButton.waitFor();
      // Electron opens main's native dialogs, which Playwright cannot fill in: the files are walked in the
      // browser tier, where main hands the workbook back as a download and reads an uploaded one.
      if (await page.evaluate(() => 'api' in window)) return;
      const [download] = await Promise.all([page.waitForEvent('download'), exportButton.click()]);
      expect(download.suggestedFilename()).toBe(`${sample.plan.title}.xlsx`);
      const exported = readFileSync(await download.path());
      const { sheets } = readXlsxParts(new Uint8Array(exported));
      expect(sheets[0]!.name).toBe('ตัวชี้วัดและค่าเป้าหมาย');
      expect(sheets[0]!.cells.get('A3')?.value).toBe('1.1.1');

      // Edited as in Excel: KPI 1.1.2's target for 2567 (column G) typed over (a count: 1.1.1 is a percentage).
      const dir = mkdtempSync(join(tmpdir(), 'phaen-xlsx-'));
      const book = new ExcelJS.Workbook();
      await book.xlsx.load(exported as unknown as Parameters<ExcelJS.Xlsx['load']>[0]);
      const before = book.worksheets[0]!.getCell('G4').value;
      book.worksheets[0]!.getCell('G4').value = 999;
      const editedFile = join(dir, 'แก้ไขแล้ว.xlsx');
      writeFileSync(editedFile, new Uint8Array(await book.xlsx.writeBuffer()));

      await page.evaluate((id) => (location.hash = `#/plan/${id}/goals/3`), sample.plan.id);
      const targets = page.getByRole('region', { name: 'ปรับค่าเป้าหมายจากไฟล์ Excel' });
      await targets.locator('input[type="file"]').setInputFiles(editedFile);
      await targets.getByText('ค่าเป้าหมายที่จะเปลี่ยน 1 ค่า').waitFor();
      await targets
        .getByText(new RegExp(`^1\\.1\\.2 .* พ\\.ศ\\. 2567: ${Number(before).toLocaleString('en-US')} → 999$`))
        .waitFor();
      await targets.getByRole('button', { name: 'ยืนยันปรับ 1 ค่าเป้าหมาย' }).click();
      await page.getByText('ปรับค่าเป้าหมาย 1 ค่าจากไฟล์ Excel แล้ว').waitFor();
      await expect.poll(() => page.getByLabel(/^ค่าเป้าหมาย พ\.ศ\. 2567: 1\.1\.2 /).inputValue()).toBe('999');

      const officeFile = join(dir, 'ผลการดำเนินงาน.xlsx');
      writeFileSync(officeFile, await officeWorkbook());
      await page.evaluate((id) => (location.hash = `#/plan/${id}/evaluation/3`), sample.plan.id);
      const evaluation = page.getByRole('region', { name: 'นำเข้าตารางตัวชี้วัดจากไฟล์ Excel' });
      await evaluation.locator('input[type="file"]').setInputFiles(officeFile);
      await evaluation.getByText('พร้อมเพิ่ม 3 ตัวชี้วัด').waitFor();
      expect(await evaluation.getByLabel('ตัวชี้วัด', { exact: true }).inputValue()).toBe('2');
      await evaluation.getByText(/^ชีต “ผลการดำเนินงาน” แถวที่ 7: /).waitFor();
      await evaluation.screenshot({ path: join(dir, 'evaluation-import.png') });
      await evaluation.getByRole('button', { name: 'ยืนยันนำเข้า 3 ตัวชี้วัด' }).click();
      await page.getByText('นำเข้า 3 ตัวชี้วัดจากไฟล์ Excel แล้ว').waitFor();
      await page.getByRole('rowheader', { name: /จำนวนผู้ติดตามสื่อออนไลน์/ }).waitFor();
    },
  },
];
