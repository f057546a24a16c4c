import { mkdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Download, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, openPage, startApp, type BrowserApp } from '../harness/browser.ts';
import { comparable, extractPages } from '../harness/pdf.ts';
import { openStep } from './specs/monitoring.ts';

/**
 * A plan's monitoring across installations (issue 14), in Thai at 1366×768: the secretariat adopts the sample
 * plan and assigns one KPI to each of three district offices; two of them receive the plan package, enter
 * quarter 1 of fiscal 2568 offline and send it; the secretariat imports both, restarts, sees the third office
 * late, reminds it, finds the offices' figures in the results, and starts the next plan with its evaluation
 * filled in, and prints the quarter's progress report. Browser only, as test/e2e/exchange.test.ts: packages pass as real downloaded and uploaded files.
 */

const MONITORING = 'ติดตามผลการดำเนินงานตามแผน';
const EXCHANGE = 'แลกเปลี่ยนข้อมูลระหว่างหน่วยงาน';
const AWARENESS = 'ร้อยละของประชาชนที่รับรู้และเข้าใจนโยบายและผลการดำเนินงานของกรุงเทพมหานคร';
const FOLLOWERS = 'จำนวนผู้ติดตามช่องทางสื่อสังคมออนไลน์ของกรุงเทพมหานคร';
const FAKE_NEWS = 'ร้อยละของข่าวปลอมเกี่ยวกับกรุงเทพมหานครที่ได้รับการชี้แจงภายใน 24 ชั่วโมง';
const OFFICES = [
  { code: '1001', name: 'สำนักงานเขตพระนคร', kpi: `ตัวชี้วัด 1.1.1 ${AWARENESS}`, result: '78' },
  { code: '1004', name: 'สำนักงานเขตบางรัก', kpi: `ตัวชี้วัด 1.1.2 ${FOLLOWERS}`, result: '2,950,000' },
  { code: '1030', name: 'สำนักงานเขตจตุจักร', kpi: `ตัวชี้วัด 1.2.1 ${FAKE_NEWS}`, result: null },
] as const;

let browser: Browser;
const apps: BrowserApp[] = [];
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  for (const app of apps) await app.close();
  await browser?.close();
});

async function open(): Promise<{ app: BrowserApp; page: Page }> {
  const app = await startApp();
  apps.push(app);
  const page = await openPage(browser, app);
  await page.setViewportSize({ width: 1366, height: 768 });
  return { app, page };
}

async function setOffice(page: Page, code: string, name: string, role: string): Promise<void> {
  const welcome = page.getByRole('region', { name: 'ยินดีต้อนรับ เครื่องนี้เป็นของหน่วยงานใด' });
  await welcome.getByLabel('รหัสหน่วยงาน').fill(code);
  await welcome.getByLabel('ชื่อหน่วยงาน').fill(name);
  await welcome.getByRole('radio', { name: role }).check();
  await welcome.getByRole('button', { name: 'บันทึกหน่วยงาน' }).click();
  await page.getByRole('region', { name: 'หน่วยงานของเครื่องนี้' }).getByText(`${name} (${code})`).waitFor();
}

async function download(page: Page, button: string): Promise<{ name: string; buffer: Buffer }> {
  const [file] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: button }).click()]);
  return { name: file.suggestedFilename(), buffer: readFileSync((await (file as Download).path())!) };
}

async function exchangeScreen(page: Page): Promise<void> {
  const id = /#\/plan\/([^/]+)/.exec(page.url())?.[1];
  await page.evaluate((hash) => (window.location.hash = hash), `#/plan/${id}/exchange`);
  await page.getByRole('heading', { level: 1, name: EXCHANGE }).waitFor();
}

const SHOTS = join(tmpdir(), 'phaen-screens');
async function shoot(page: Page, name: string): Promise<void> {
  mkdirSync(SHOTS, { recursive: true });
  await page.screenshot({ path: join(SHOTS, `${name}.png`), fullPage: true });
}

/** The quarter shown by the monitoring steps: fiscal 2568, quarter 1 (October–December 2024). */
async function quarterOne(page: Page): Promise<void> {
  await page.getByLabel('ปีงบประมาณ', { exact: true }).selectOption('2568');
  await page.getByLabel('ไตรมาส', { exact: true }).selectOption('1');
}

const resultOf = (page: Page, kpi: string) => page.getByLabel(`ผลไตรมาส 1 ปีงบประมาณ พ.ศ. 2568: ${kpi}`);

describe('monitoring between a secretariat and its offices (browser)', () => {
  it('two offices send quarter 1, the third is late and reminded, the results are the plan’s, and the next plan starts from them', async () => {
    const secretariat = await open();
    const s = secretariat.page;
    await setOffice(s, 'BMA-PR', 'สำนักงานประชาสัมพันธ์', 'ฝ่ายเลขานุการ');
    await s.getByRole('button', { name: 'เปิดแผนตัวอย่าง' }).click();
    await s.getByRole('heading', { level: 1, name: /2566–2570/ }).waitFor();
    await s.getByRole('link', { name: MONITORING }).click();
    await s.getByLabel('วันที่ประกาศใช้แผน').fill('๒๐ ก.ย. ๒๕๖๕');
    await s.getByText('แผนประกาศใช้เมื่อ 20 กันยายน 2565').waitFor();
    await s.getByText('บันทึกแล้ว', { exact: true }).waitFor();

    await exchangeScreen(s);
    for (const office of OFFICES) {
      await s
        .getByLabel('เพิ่มหน่วยงานจากรายชื่อหน่วยงานที่ร่วมจัดทำแผน')
        .selectOption({ label: `${office.code} ${office.name}` });
      await s.getByRole('button', { name: 'เพิ่มหน่วยงาน' }).click();
      const assignment = s.locator('li.assignment', { hasText: office.name });
      await assignment.locator('summary', { hasText: 'ตัวชี้วัดที่รายงานผล (เลือกแล้ว 0)' }).click();
      await assignment.getByRole('checkbox', { name: office.kpi }).check();
      await assignment.locator('summary', { hasText: 'ตัวชี้วัดที่รายงานผล (เลือกแล้ว 1)' }).waitFor();
    }
    const planPackage = await download(s, 'ส่งออกแพ็กเกจแผน');

    // Two offices, each on its own computer, enter quarter 1 offline and send it.
    const contributions: { name: string; buffer: Buffer }[] = [];
    for (const office of OFFICES.filter((o) => o.result !== null)) {
      const { page } = await open();
      await setOffice(page, office.code, office.name, 'หน่วยงานผู้ร่วมจัดทำแผน');
      await page.locator('input[type=file][accept=".phaen-package"]').setInputFiles({
        name: planPackage.name,
        mimeType: 'application/json',
        buffer: planPackage.buffer,
      });
      await page.getByRole('heading', { level: 1, name: EXCHANGE }).waitFor();
      await openStep(page, 'monitoring', 2, 5);
      await quarterOne(page);
      await resultOf(page, office.kpi.replace(/^ตัวชี้วัด \S+ /, '')).fill(office.result!);
      await page.getByText('บันทึกแล้ว', { exact: true }).waitFor();
      await exchangeScreen(page);
      contributions.push(await download(page, 'ส่งออกข้อมูลของหน่วยงาน'));
    }

    // The secretariat imports both packages, then the program restarts.
    await s
      .getByRole('region', { name: 'รับข้อมูลจากหน่วยงาน' })
      .locator('input[type=file]')
      .setInputFiles(contributions.map((c) => ({ name: c.name, mimeType: 'application/json', buffer: c.buffer })));
    const outcomes = s.getByRole('list', { name: 'ผลการนำเข้าแต่ละไฟล์' }).getByRole('listitem');
    await expect.poll(() => outcomes.getByText('นำเข้าแล้ว', { exact: true }).count()).toBe(2);
    await secretariat.app.restart();
    await s.goto(secretariat.app.url);
    await s.getByRole('link', { name: /2566–2570/ }).click();
    await s.getByRole('heading', { level: 1, name: /2566–2570/ }).waitFor();

    // Who has reported quarter 1 (due 15 January 2025): the third office is late, and is reminded.
    await openStep(s, 'monitoring', 4, 5);
    await quarterOne(s);
    const rowOf = (name: string) => s.getByRole('row', { name: new RegExp(name) });
    await expect.poll(() => rowOf(OFFICES[0].name).getByRole('cell').first().innerText()).toBe('ส่งครบแล้ว (1/1)');
    expect(await rowOf(OFFICES[1].name).getByRole('cell').first().innerText()).toBe('ส่งครบแล้ว (1/1)');
    expect(await rowOf(OFFICES[2].name).getByRole('cell').first().innerText()).toBe('ล่าช้า (0/1)');
    await s.getByText(`${OFFICES[2].name} (ล่าช้า): ตัวชี้วัด 1.2.1 ${FAKE_NEWS}`).waitFor();
    const reminder = s.getByRole('region', { name: 'แจ้งเตือนหน่วยงาน' });
    expect(await reminder.getByRole('checkbox', { name: `${OFFICES[2].name} (ล่าช้า)` }).isChecked()).toBe(true);
    await reminder.getByRole('button', { name: 'เพิ่มการแจ้งเตือน' }).click();
    await reminder.getByText(/เพิ่มการแจ้งเตือนแล้ว/).waitFor();
    await reminder.getByText(new RegExp(`ถึง ${OFFICES[2].name}: ขอให้ส่งผลการดำเนินงานไตรมาส 1`)).waitFor();
    await shoot(s, 'monitoring-flow-arrivals');

    // The offices' figures are the plan's results.
    await openStep(s, 'monitoring', 2, 5);
    await quarterOne(s);
    expect(await resultOf(s, AWARENESS).inputValue()).toBe('78');
    expect(await resultOf(s, FOLLOWERS).inputValue()).toBe('2,950,000');
    expect(await resultOf(s, FAKE_NEWS).inputValue()).toBe('');
    await shoot(s, 'monitoring-flow-results');

    // The secretariat prints the quarter's progress report (the dashboard keeps the period chosen above): the
    // offices' figures are in it, read back from the downloaded PDF.
    await openStep(s, 'monitoring', 5, 5);
    const report = s.getByRole('region', { name: 'รายงานผลการดำเนินงาน' });
    const [file] = await Promise.all([
      s.waitForEvent('download', { timeout: 60_000 }),
      report.getByRole('button', { name: 'บันทึกรายงานเป็น PDF' }).click(),
    ]);
    expect(file.suggestedFilename()).toMatch(/ไตรมาสที่ 1 ปีงบประมาณ พ\.ศ\. 2568\.pdf$/);
    const text = comparable((await extractPages(new Uint8Array(readFileSync((await file.path())!)))).join('\n'));
    expect(text).toContain(comparable(`1.1.1 ${AWARENESS}`));
    expect(text).toContain(comparable('2,950,000'));

    // The next plan starts from this one, its evaluation filled in.
    await s.getByRole('link', { name: 'กลับไปหน้าแผน' }).click();
    await s.getByRole('button', { name: 'เริ่มแผนฉบับถัดไปจากแผนนี้' }).click();
    await s.getByRole('alertdialog').getByRole('button', { name: 'เริ่มแผนฉบับถัดไป' }).click();
    await s.getByRole('heading', { level: 1, name: /\(พ\.ศ\. 2571–2575\)/ }).waitFor();
    await openStep(s, 'evaluation', 3, 6);
    expect(await s.getByLabel(`ค่าเป้าหมาย พ.ศ. 2568: ${AWARENESS}`).inputValue()).toBe('87');
  }, 600_000); // A walk of several windows and restarts: 80 s on a loaded 2-core machine, 60 s is the default.
});
