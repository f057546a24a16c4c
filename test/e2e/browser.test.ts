import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openPage, startApp } from '../harness/browser.ts';
import { shoot, specTests, useBrowser, withApp } from '../harness/browserTests.ts';
import { BMA_PLAN, fillPlan } from './specs/common.ts';
import { keyboardWalkSpecs } from './specs/keyboardWalk.ts';
import { specs } from './specs.ts';

/**
 * Every shared spec in Chromium against the real services, each on its own fresh data folder; the long walks
 * are in browser-walks.test.ts, so that the two files, each with its own browser, run side by side.
 */

const browser = useBrowser();

describe('browser', () => {
  specTests(
    browser,
    specs.filter((spec) => !keyboardWalkSpecs.includes(spec)),
  );

  it('a database that fails to open shows why, and a backup restores it', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'phaen-e2e-'));
    try {
      // The first start makes a scheduled backup; then the file is damaged while the app is down.
      await withApp(
        browser(),
        (page) => page.getByRole('heading', { name: 'แผนของหน่วยงาน' }).waitFor(),
        await startApp({ dataDir }),
      );
      writeFileSync(join(dataDir, 'phaen.sqlite'), 'this is not a SQLite database'.repeat(200));
      await withApp(
        browser(),
        async (page) => {
          await page.getByRole('heading', { name: 'เปิดฐานข้อมูลไม่ได้' }).waitFor();
          await page.getByText(join(dataDir, 'phaen.sqlite')).waitFor();
          await shoot(page, 'failed-db');
          await page.getByRole('button', { name: 'กู้คืน' }).first().click();
          await page.getByRole('alertdialog').getByRole('button', { name: 'กู้คืน' }).click();
          await page.getByRole('heading', { name: 'แผนของหน่วยงาน' }).waitFor();
        },
        await startApp({ dataDir }),
      );
    } finally {
      rmSync(dataDir, { recursive: true, force: true });
    }
  });

  it('walks every screen and saves screenshots for review', async () => {
    await withApp(browser(), async (page) => {
      await page.getByRole('button', { name: 'เปิดแผนตัวอย่าง' }).click();
      await page.getByRole('heading', { level: 1 }).locator('.badge').waitFor();
      await shoot(page, 'editor');
      await page.getByRole('link', { name: 'กลับหน้าหลัก' }).click();
      await page.locator('.plan-list li').first().waitFor();
      await shoot(page, 'home');
      await page.getByRole('button', { name: 'สร้างแผนใหม่' }).click();
      await page.getByLabel('ปีสิ้นสุด (พ.ศ.)', { exact: true }).fill('2500');
      await page.getByRole('button', { name: 'สร้างแผน', exact: true }).click();
      await page.getByText('กรุณากรอกข้อมูลช่องนี้').first().waitFor();
      await shoot(page, 'create-invalid');
      await page.getByRole('button', { name: 'English' }).click();
      await page.getByRole('link', { name: 'Cancel' }).click();
      await page.getByRole('heading', { name: "Your agency's plans" }).waitFor();
      await shoot(page, 'home-en');
    });
  });
});

describe('browser mode when the program stops', () => {
  it('says the connection to the program was lost, with what to do, instead of an internal error', async () => {
    const app = await startApp();
    const page = await openPage(browser(), app);
    try {
      await page.getByRole('button', { name: 'สร้างแผนใหม่' }).click();
      await fillPlan(page, BMA_PLAN);
      // The program is closed (its window, or the terminal that ran it) while the page stays open.
      await app.close();
      await page.getByRole('button', { name: 'สร้างแผน', exact: true }).click();
      await page
        .getByText(/^ขาดการเชื่อมต่อกับโปรแกรม Phaen .*ให้เปิดโปรแกรมอีกครั้ง/)
        .first()
        .waitFor();
      expect(await page.getByText(/ข้อผิดพลาดภายใน/).count()).toBe(0);
      await shoot(page, 'disconnected');
    } finally {
      await page.context().close();
    }
  });
});
