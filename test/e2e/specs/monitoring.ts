import { mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { expect } from 'vitest';
import { field, next, nextStep, openWizard, pageSettled, stepShown, type Spec } from './common.ts';

/** After adoption (issue 14): quarterly monitoring, and the next plan started from this plan's results. */

/**
 * Opens step `n` of a wizard of the plan on screen by its address, as a bookmark would: a wizard's link
 * opens its first step that is not done, which depends on the data.
 */
export async function openStep(page: Page, wizard: string, n: number, count: number): Promise<void> {
  const id = /#\/plan\/([^/]+)/.exec(page.url())?.[1];
  if (!id) throw new Error(`not on a plan: ${page.url()}`);
  await page.evaluate((hash) => (window.location.hash = hash), `#/plan/${id}/${wizard}/${n}`);
  await stepShown(page, n, count);
}

const KPI = 'ร้อยละของประชาชนที่รับรู้และเข้าใจนโยบายและผลการดำเนินงานของกรุงเทพมหานคร';

export const monitoringSpecs: Spec[] = [
  {
    name: 'the next plan starts from the sample with its evaluation filled in, and keeps it across a restart',
    async run(page, app) {
      await page.getByRole('button', { name: 'เปิดแผนตัวอย่าง' }).click();
      await page.getByRole('heading', { level: 1, name: /2566–2570/ }).waitFor();
      await pageSettled(page);
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
      await after.getByRole('heading', { level: 1, name: /2571–2575/ }).waitFor();
      await openStep(after, 'evaluation', 3, 6);
      expect(await after.getByLabel(`ค่าเป้าหมาย พ.ศ. 2566: ${KPI}`).inputValue()).toBe('85');
      expect(await after.getByLabel(`ค่าเป้าหมาย พ.ศ. 2570: ${KPI}`).inputValue()).toBe('90');
    },
  },
];

const PROJECT = 'โครงการผลิตสื่อดิจิทัลเพื่อสื่อสารนโยบายและผลการดำเนินงานของกรุงเทพมหานคร';
const FOLLOWERS = 'จำนวนผู้ติดตามช่องทางสื่อสังคมออนไลน์ของกรุงเทพมหานคร';

monitoringSpecs.push({
  name: 'quarterly results typed after adoption show where each KPI stands, and survive a restart',
  async run(page, app) {
    await page.getByRole('button', { name: 'เปิดแผนตัวอย่าง' }).click();
    await openWizard(page, 'ติดตามผลการดำเนินงานตามแผน', 1, 5);
    await next(page);
    await page.getByRole('alert').getByText('ระบุวันที่ประกาศใช้แผนก่อนรายงานผล').waitFor();
    await page.getByLabel('วันที่ประกาศใช้แผน').fill('๒๐ ก.ย. ๒๕๖๕');
    await page.getByText('แผนประกาศใช้เมื่อ 20 กันยายน 2565').waitFor();
    await nextStep(page, 2, 5);
    await page.getByLabel('ปีงบประมาณ', { exact: true }).selectOption('2568');
    await page.getByLabel('ไตรมาส', { exact: true }).selectOption('2');
    const result = (q: number, kpi: string) => page.getByLabel(`ผลไตรมาส ${q} ปีงบประมาณ พ.ศ. 2568: ${kpi}`);
    // A percentage is a rate: ร้อยละ 88 in quarter 2 meets the year's ร้อยละ 87.
    await result(1, KPI).fill('๘๐');
    await result(2, KPI).fill('88');
    // Followers are counted at the quarter's end: 2,000,000 is well short of the year's whole 3,400,000 (58.8 %).
    await result(2, FOLLOWERS).fill('2,000,000');
    await page.getByLabel(`สถานะไตรมาส 2 (ม.ค.–มี.ค.): ${FOLLOWERS}`).selectOption({ label: 'ล่าช้า' });
    await page.getByLabel(`ผลการดำเนินงานโดยสรุปไตรมาส 2 (ม.ค.–มี.ค.): ${FOLLOWERS}`).fill('แพลตฟอร์มเปลี่ยนนโยบายการเข้าถึง');
    const standing = (kpi: string) =>
      page
        .getByRole('row', { name: new RegExp(kpi) })
        .first()
        .getByRole('cell')
        .last();
    await expect.poll(() => standing(KPI).innerText()).toContain('เป็นไปตามเป้าหมาย');
    await expect.poll(() => standing(FOLLOWERS).innerText()).toContain('ต่ำกว่าเป้าหมายมาก');

    await nextStep(page, 3, 5);
    const labels = `ไตรมาส 2 (ม.ค.–มี.ค.): ${PROJECT}`;
    await page.getByLabel(`งบประมาณที่ได้รับจัดสรร${labels}`).fill('1,350,000');
    await page.getByLabel(`งบประมาณที่เบิกจ่าย${labels}`).fill('๔๕๐,๐๐๐.๕๐');
    await page.getByLabel(`ความก้าวหน้า${labels}`).fill('120');
    await page.getByText('ร้อยละต้องอยู่ระหว่าง 0 ถึง 100').waitFor();
    await page.getByLabel(`ความก้าวหน้า${labels}`).fill('40');
    const projectRow = page.getByRole('row', { name: new RegExp(PROJECT) });
    await expect.poll(() => projectRow.getByRole('cell').last().innerText()).toContain('450,000.50 / 1,350,000');
    await page.getByText('บันทึกแล้ว', { exact: true }).waitFor();

    const after = (await app.restart()) ?? page;
    await after.getByRole('link', { name: /2566–2570/ }).click();
    await after.getByRole('heading', { level: 1, name: /2566–2570/ }).waitFor();
    await openStep(after, 'monitoring', 3, 5);
    expect(await after.getByLabel(`ความก้าวหน้าไตรมาส 2 (ม.ค.–มี.ค.): ${PROJECT}`).inputValue()).toBe('40');
    await after.getByRole('button', { name: 'ย้อนกลับ' }).click();
    await stepShown(after, 2, 5);
    await after.getByLabel('ปีงบประมาณ', { exact: true }).selectOption('2568');
    await after.getByLabel('ไตรมาส', { exact: true }).selectOption('2');
    expect(await after.getByLabel(`ผลไตรมาส 2 ปีงบประมาณ พ.ศ. 2568: ${FOLLOWERS}`).inputValue()).toBe('2,000,000');
    expect(await after.getByLabel(`ผลการดำเนินงานโดยสรุปไตรมาส 2 (ม.ค.–มี.ค.): ${FOLLOWERS}`).inputValue()).toBe(
      'แพลตฟอร์มเปลี่ยนนโยบายการเข้าถึง',
    );
  },
});

const SHOTS = join(tmpdir(), 'phaen-screens');

monitoringSpecs.push({
  name: 'at 1366×768 an adopted target changes only as a revision with its reason, listed with when and by whom; the offices’ reporting step says the due day',
  async run(page) {
    await page.setViewportSize({ width: 1366, height: 768 });
    mkdirSync(SHOTS, { recursive: true });
    await page.getByRole('button', { name: 'เปิดแผนตัวอย่าง' }).click();
    await openWizard(page, 'ติดตามผลการดำเนินงานตามแผน', 1, 5);
    await page.getByLabel('วันที่ประกาศใช้แผน').fill('๒๐ ก.ย. ๒๕๖๕');
    await page.getByText('แผนประกาศใช้เมื่อ 20 กันยายน 2565').waitFor();
    await page.getByText('บันทึกแล้ว', { exact: true }).waitFor();

    await openStep(page, 'goals', 3, 4);
    await page.getByText(/แผนประกาศใช้เมื่อ 20 กันยายน 2565 ค่าเป้าหมาย/).waitFor();
    // A plain edit of an adopted target is refused at once, in Thai, and nothing is saved.
    const target = page.getByLabel(new RegExp(`^ค่าเป้าหมาย พ\\.ศ\\. 2566: 1\\.1\\.1 ${KPI}`));
    expect(await target.inputValue()).toBe('85');
    await target.fill('86');
    await page
      .getByText(/ค่านี้เปลี่ยนได้โดยการปรับแผนพร้อมระบุเหตุผลเท่านั้น/)
      .first()
      .waitFor();
    await target.fill('85');

    await page.getByRole('button', { name: new RegExp(`^ปรับแผน 1\\.1\\.1 ${KPI}`) }).click();
    const dialog = page.getByRole('dialog', { name: /^ปรับแผน: 1\.1\.1/ });
    await dialog.getByLabel('ค่าที่ปรับ').selectOption({ label: 'ค่าเป้าหมายปี 2566: 85' });
    await dialog.getByLabel(/^ค่าใหม่/).fill('๘๖');
    await dialog.getByRole('button', { name: 'บันทึกการปรับแผน' }).click();
    await dialog.getByText('กรุณาระบุเหตุผลของการปรับแผน').waitFor();
    await dialog.getByLabel('เหตุผลของการปรับแผน').fill('ผลสำรวจปีฐานสูงกว่าที่คาด ตามมติคณะกรรมการ');
    await page.screenshot({ path: join(SHOTS, 'revision-dialog.png') });
    await dialog.getByRole('button', { name: 'บันทึกการปรับแผน' }).click();
    await dialog.waitFor({ state: 'detached' });
    await page.getByText(/ตัวชี้วัด 1\.1\.1 ค่าเป้าหมายปี 2566: 85 → 86 เมื่อ .* 25\d\d โดย/).waitFor();
    await page.getByText('เหตุผล: ผลสำรวจปีฐานสูงกว่าที่คาด ตามมติคณะกรรมการ').waitFor();
    expect(await target.inputValue()).toBe('86');
    await page.screenshot({ path: join(SHOTS, 'revision-list.png') });

    await openStep(page, 'monitoring', 4, 5);
    await page.getByText(/ครบกำหนดส่ง 15 วันหลังสิ้นไตรมาส/).waitFor();
    await page.getByText(/ยังไม่ได้มอบหมายตัวชี้วัดหรือโครงการให้หน่วยงาน/).waitFor();
    await page.screenshot({ path: join(SHOTS, 'monitoring-arrivals.png') });
    await openStep(page, 'monitoring', 2, 5);
    await page.screenshot({ path: join(SHOTS, 'monitoring-kpis.png') });
    await openStep(page, 'monitoring', 3, 5);
    await page.screenshot({ path: join(SHOTS, 'monitoring-projects.png') });
  },
});
