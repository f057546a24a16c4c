import { mkdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Download, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, openPage, startApp, type BrowserApp } from '../harness/browser.ts';
import { setOffice } from './specs/common.ts';

/**
 * Exchange between two installations in the browser tier: two apps on their own data folders, a secretariat
 * and a district office, passing real package files (downloaded by one page, uploaded to the other). Browser
 * only: in Electron the same buttons open main's file dialogs, which Playwright cannot fill in.
 */

const EXCHANGE = 'แลกเปลี่ยนข้อมูลระหว่างหน่วยงาน';
const GOALS = 'กำหนดประเด็นยุทธศาสตร์ เป้าประสงค์ ตัวชี้วัดและค่าเป้าหมาย';
const INTERNAL = 'วิเคราะห์สภาพแวดล้อมภายใน (จุดแข็ง จุดอ่อน)';
const KPI = 'ตัวชี้วัด 1.1.1 ร้อยละของประชาชนที่รับรู้และเข้าใจนโยบายและผลการดำเนินงานของกรุงเทพมหานคร';
const OFFICE_UNIT = 'ฝ่ายปกครอง สำนักงานเขตพระนคร';
const SECRETARIAT_UNIT = 'ส่วนประชาสัมพันธ์ สำนักงานประชาสัมพันธ์';
const FACTOR = 'สำนักงานเขตมีเพจชุมชนของทุกแขวงและเครือข่ายอาสาสมัครประชาสัมพันธ์';

let browser: Browser;
const apps: BrowserApp[] = [];
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  for (const app of apps) await app.close();
  await browser?.close();
});

async function open(): Promise<Page> {
  const app = await startApp();
  apps.push(app);
  return openPage(browser, app);
}

/** A package offered as a download, as the user's browser would save it. */
async function download(page: Page, button: string): Promise<{ name: string; buffer: Buffer }> {
  const [file] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: button }).click()]);
  return { name: file.suggestedFilename(), buffer: readFileSync((await (file as Download).path())!) };
}

async function toExchange(page: Page): Promise<void> {
  await page.getByRole('link', { name: 'กลับไปหน้าแผน' }).click();
  await page.getByRole('link', { name: 'เปิดหน้าแลกเปลี่ยนข้อมูล' }).click();
  await page.getByRole('heading', { level: 1, name: EXCHANGE }).waitFor();
}

async function wizardStep(page: Page, wizard: string, step: string): Promise<void> {
  await page.getByRole('link', { name: 'กลับไปหน้าแผน' }).click();
  await page.getByRole('link', { name: wizard }).click();
  await page.getByRole('button', { name: step }).click();
  await page.getByRole('heading', { name: /ขั้นที่ 2 จาก/ }).waitFor();
}

const kpiUnit = (page: Page) => page.getByRole('listitem', { name: 'ตัวชี้วัดที่ 1.1.1' }).getByLabel('หน่วยงานที่รับผิดชอบ');

async function setKpiUnit(page: Page, value: string): Promise<void> {
  await wizardStep(page, GOALS, '2. ตัวชี้วัด');
  await kpiUnit(page).fill(value);
  await page.getByText('บันทึกแล้ว').waitFor();
}

describe('exchange between a secretariat and an office (browser)', () => {
  it('a plan goes out, an office edits and sends back, the secretariat settles the conflict, and the update goes back', async () => {
    const secretariat = await open();
    const office = await open();

    // The secretariat names itself at first start, opens the sample plan and assigns KPI 1.1.1 to Phra Nakhon.
    await setOffice(secretariat, 'BMA-PR', 'สำนักงานประชาสัมพันธ์', 'ฝ่ายเลขานุการ');
    await secretariat.getByRole('button', { name: 'เปิดแผนตัวอย่าง' }).click();
    await secretariat.getByRole('heading', { level: 1 }).locator('.badge').waitFor();
    await secretariat.getByRole('link', { name: 'เปิดหน้าแลกเปลี่ยนข้อมูล' }).click();
    await secretariat.getByRole('heading', { level: 1, name: EXCHANGE }).waitFor();
    await secretariat
      .getByLabel('เพิ่มหน่วยงานจากรายชื่อหน่วยงานที่ร่วมจัดทำแผน')
      .selectOption({ label: '1001 สำนักงานเขตพระนคร' });
    await secretariat.getByRole('button', { name: 'เพิ่มหน่วยงาน' }).click();
    await secretariat.getByText('บันทึกการมอบหมายแล้ว').waitFor();
    await secretariat.locator('summary', { hasText: 'ตัวชี้วัดที่รายงานผล (เลือกแล้ว 0)' }).click();
    await secretariat.getByRole('checkbox', { name: KPI }).check();
    await secretariat.locator('summary', { hasText: 'ตัวชี้วัดที่รายงานผล (เลือกแล้ว 1)' }).waitFor();
    await shoot(secretariat, 'exchange-assignments');
    const planPackage = await download(secretariat, 'ส่งออกแพ็กเกจแผน');
    expect(planPackage.name).toMatch(/-BMA-PR-1\.phaen-package$/);

    // The office receives the plan from its home screen and sees what it was assigned.
    await setOffice(office, '1001', 'สำนักงานเขตพระนคร', 'หน่วยงานผู้ร่วมจัดทำแผน');
    await office.locator('input[type=file][accept=".phaen-package"]').setInputFiles({
      name: planPackage.name,
      mimeType: 'application/json',
      buffer: planPackage.buffer,
    });
    await office.getByRole('heading', { level: 1, name: EXCHANGE }).waitFor();
    const mine = office.getByRole('region', { name: 'ส่วนที่หน่วยงานนี้ได้รับมอบหมาย' });
    await mine.getByText(KPI).waitFor();
    await office.getByText('สำนักงานประชาสัมพันธ์ (BMA-PR)', { exact: true }).first().waitFor();
    await shoot(office, 'exchange-office');

    // Offline, the office sets who is responsible for KPI 1.1.1 and rewrites a strength, then sends its changes:
    // the KPI's unit only, since the strength is not one of its parts (it stays here, counted).
    await setKpiUnit(office, OFFICE_UNIT);
    await wizardStep(office, INTERNAL, '2. ระบุจุดแข็งและจุดอ่อน');
    await office
      .getByRole('listitem', { name: 'โครงสร้างและนโยบาย ข้อ 1' })
      .getByLabel('ปัจจัย', { exact: true })
      .fill(FACTOR);
    await office.getByText('บันทึกแล้ว').waitFor();
    await toExchange(office);
    await office.getByText('มีการแก้ไข 1 รายการที่ฝ่ายเลขานุการยังไม่ได้รับ').waitFor();
    await office.getByText(/^1 รายการ เก็บไว้ในเครื่องนี้ ไม่ส่งให้ฝ่ายเลขานุการ/).waitFor();
    const contribution = await download(office, 'ส่งออกข้อมูลของหน่วยงาน');

    // Meanwhile the secretariat writes another unit into the same field.
    await setKpiUnit(secretariat, SECRETARIAT_UNIT);
    await toExchange(secretariat);

    // The contribution arrives: one conflict, the office's arrival listed with what it changed, by name.
    await secretariat
      .getByRole('region', { name: 'รับข้อมูลจากหน่วยงาน' })
      .locator('input[type=file]')
      .setInputFiles({ name: contribution.name, mimeType: 'application/json', buffer: contribution.buffer });
    const outcome = secretariat.getByRole('list', { name: 'ผลการนำเข้าแต่ละไฟล์' }).getByRole('listitem');
    await outcome.getByText('นำเข้าแล้ว', { exact: true }).waitFor();
    await outcome.getByText('มีข้อมูลขัดแย้ง 1 รายการที่ต้องตัดสิน').waitFor();
    const arrivals = secretariat.getByRole('region', { name: 'ข้อมูลที่ได้รับ' });
    await arrivals.getByRole('row', { name: /สำนักงานเขตพระนคร \(1001\) ได้รับมอบหมาย 1/ }).waitFor();
    const arrival = arrivals.getByRole('listitem', { name: /สำนักงานเขตพระนคร \(1001\)/ });
    await arrival.getByRole('button', { name: 'ดูสิ่งที่เปลี่ยน' }).click();
    await arrival.getByText(KPI, { exact: true }).waitFor();
    await arrival.getByText(`หน่วยงานที่รับผิดชอบ: ${OFFICE_UNIT}`).waitFor();
    expect(await arrival.getByText(`ปัจจัย: ${FACTOR}`).count()).toBe(0);

    const conflicts = secretariat.getByRole('region', { name: 'ข้อมูลขัดแย้งที่รอตัดสิน (1 รายการ)' });
    const conflict = conflicts.getByRole('listitem', { name: `${KPI}: หน่วยงานที่รับผิดชอบ` });
    const values = conflict.getByRole('group', { name: 'ค่าที่แต่ละหน่วยงานแก้ไข' });
    await values.getByText(OFFICE_UNIT, { exact: true }).waitFor();
    await values.getByText(SECRETARIAT_UNIT, { exact: true }).waitFor();
    await values.getByText('สำนักงานประชาสัมพันธ์ (BMA-PR) (เครื่องนี้)', { exact: true }).waitFor();
    // Both dated in B.E.; the plan shows the later edit (the secretariat's) until someone chooses.
    expect(await values.getByText(/ 25\d\d /).count()).toBe(2);
    expect(await conflict.locator('.conflict-winner .conflict-text').innerText()).toBe(SECRETARIAT_UNIT);
    await shoot(secretariat, 'exchange-conflict');

    await conflict.getByRole('button', { name: 'ใช้ค่านี้: สำนักงานเขตพระนคร (1001)' }).click();
    await secretariat.getByText(/ใช้ค่า “ฝ่ายปกครอง สำนักงานเขตพระนคร” แล้ว/).waitFor();
    await conflicts.waitFor({ state: 'detached' });
    expect(await secretariat.getByRole('link', { name: '1 รายการ (ดูด้านล่าง)' }).count()).toBe(0);

    // The chosen value is the plan's, in the wizard where people edit it.
    await wizardStep(secretariat, GOALS, '2. ตัวชี้วัด');
    expect(await kpiUnit(secretariat).inputValue()).toBe(OFFICE_UNIT);

    // The update package goes back: the office has the merged plan and nothing left unconfirmed.
    await toExchange(secretariat);
    const update = await download(secretariat, 'ส่งออกแพ็กเกจแผน');
    expect(update.name).toMatch(/-BMA-PR-2\.phaen-package$/);
    await office
      .getByRole('region', { name: 'รับแผนฉบับปรับปรุงจากฝ่ายเลขานุการ' })
      .locator('input[type=file]')
      .setInputFiles({ name: update.name, mimeType: 'application/json', buffer: update.buffer });
    await office.getByRole('list', { name: 'ผลการนำเข้าแต่ละไฟล์' }).getByText('นำเข้าแล้ว', { exact: true }).waitFor();
    await office.getByText('ฝ่ายเลขานุการได้รับการแก้ไขทั้งหมดของหน่วยงานนี้แล้ว').waitFor();
    await wizardStep(office, GOALS, '2. ตัวชี้วัด');
    expect(await kpiUnit(office).inputValue()).toBe(OFFICE_UNIT);
  }, 600_000); // Two windows and restarts: vitest’s 60 s default is too short on a loaded 2-core machine.
});

const SHOTS = join(tmpdir(), 'phaen-screens');
async function shoot(page: Page, name: string): Promise<void> {
  mkdirSync(SHOTS, { recursive: true });
  await page.screenshot({ path: join(SHOTS, `${name}.png`), fullPage: true });
}
