import { expect } from 'vitest';
import { field, nextStep, openWizard, type Spec } from './common.ts';

/** After adoption (issue 14): the next plan starts from this plan's results. */

const KPI = 'ร้อยละของประชาชนที่รับรู้และเข้าใจนโยบายและผลการดำเนินงานของกรุงเทพมหานคร';

export const monitoringSpecs: Spec[] = [
  {
    name: 'the next plan starts from the sample with its evaluation filled in, and keeps it across a restart',
    async run(page, app) {
      await page.getByRole('button', { name: 'เปิดแผนตัวอย่าง' }).click();
      await page.getByRole('heading', { level: 1, name: /2566–2570/ }).waitFor();
      await page.getByRole('button', { name: 'เริ่มแผนฉบับถัดไปจากแผนนี้' }).click();
      const dialog = page.getByRole('alertdialog');
      await dialog
        .getByText(/พ\.ศ\. 2571–2575/)
        .first()
        .waitFor();
      await dialog.getByRole('button', { name: 'เริ่มแผนฉบับถัดไป' }).click();
      await page.getByRole('heading', { level: 1, name: /\(พ\.ศ\. 2571–2575\)/ }).waitFor();
      expect(await field(page, 'startYear').inputValue()).toBe('2571');
      expect(await field(page, 'prevStartYear').inputValue()).toBe('2566');
      expect(await field(page, 'prevEndYear').inputValue()).toBe('2570');

      const after = (await app.restart()) ?? page;
      await after.getByRole('link', { name: /2571–2575/ }).click();
      await openWizard(after, 'ประเมินผลแผนระยะก่อน', 1, 6);
      await nextStep(after, 2, 6);
      await nextStep(after, 3, 6);
      expect(await after.getByLabel(`ค่าเป้าหมาย พ.ศ. 2566: ${KPI}`).inputValue()).toBe('85');
      expect(await after.getByLabel(`ค่าเป้าหมาย พ.ศ. 2570: ${KPI}`).inputValue()).toBe('90');
    },
  },
];
