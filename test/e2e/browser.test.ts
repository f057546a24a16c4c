import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, openPage, startApp, type BrowserApp } from '../harness/browser.ts';
import { WIZARDS } from '../../renderer/src/wizards/index.ts';
import { BMA_PLAN, fillPlan, headsBreakingWords, stepSettled } from './specs/common.ts';
import { specs } from './specs.ts';

/** Every shared spec in Chromium against the real services, each on its own fresh data folder. */

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

async function withApp(run: (page: Page, app: BrowserApp) => Promise<void>, app?: BrowserApp): Promise<void> {
  const running = app ?? (await startApp());
  const page = await openPage(browser, running);
  try {
    await run(page, running);
  } catch (err) {
    // What the user would have seen: the failing step's screen, for the test log and a look.
    await shoot(page, 'failure');
    throw new Error(`${String(err)}\n--- page text ---\n${await page.locator('body').innerText()}`, { cause: err });
  } finally {
    await page.context().close();
    await running.close();
  }
}

describe('browser', () => {
  for (const spec of specs) {
    it(
      spec.name,
      () =>
        withApp((page, app) =>
          spec.run(page, {
            url: app.url,
            // Same port and token after the restart: the page just loads the app again.
            restart: async () => {
              await app.restart();
              await page.goto(app.url);
              return undefined;
            },
          }),
        ),
      spec.timeout,
    );
  }

  it('a database that fails to open shows why, and a backup restores it', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'phaen-e2e-'));
    try {
      // The first start makes a scheduled backup; then the file is damaged while the app is down.
      await withApp(
        (page) => page.getByRole('heading', { name: 'แผนของหน่วยงาน' }).waitFor(),
        await startApp({ dataDir }),
      );
      writeFileSync(join(dataDir, 'phaen.sqlite'), 'this is not a SQLite database'.repeat(200));
      await withApp(
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
    await withApp(async (page) => {
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
    const page = await openPage(browser, app);
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

const SHOTS = join(tmpdir(), 'phaen-screens');
/** A screenshot for review in the temp folder's phaen-screens; `fullPage: false` keeps what is above the fold. */
async function shoot(page: Page, name: string, fullPage = true): Promise<void> {
  mkdirSync(SHOTS, { recursive: true });
  await page.screenshot({ path: join(SHOTS, `${name}.png`), fullPage });
}

describe('the workspace at a government laptop and a desktop screen', () => {
  it('shows every step of every wizard of the sample plan without a horizontal page scroll, at 1366×768 and 1920×1080', async () => {
    const app = await startApp();
    const page = await openPage(browser, app);
    try {
      await page.getByRole('button', { name: 'เปิดแผนตัวอย่าง' }).click();
      await page.getByRole('heading', { level: 1 }).locator('.badge').waitFor();
      const plan = page.url();
      for (const [width, height] of [
        [1366, 768],
        [1920, 1080],
      ] as const) {
        await page.setViewportSize({ width, height });
        await page.goto(plan);
        await page.getByRole('navigation', { name: 'แผนและขั้นตอนการจัดทำ' }).waitFor();
        await shoot(page, `${width}-plan`, false);
        for (const wizard of WIZARDS) {
          for (let step = 1; step <= wizard.steps.length; step++) {
            await page.goto(`${plan}/${wizard.id}/${step}`);
            await page.getByRole('heading', { name: new RegExp(`ขั้นที่ ${step} จาก`) }).waitFor();
            await stepSettled(page);
            await shoot(page, `${width}-${wizard.id}-${step}`, false);
            expect(await headsBreakingWords(page), `${wizard.id}/${step} at ${width}`).toEqual([]);
            const overflow = await page.evaluate(
              () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
            );
            // The quarters' tables fit their column too: the figures and lights are never off to the right.
            const tableOverflow = await page.evaluate(() =>
              Math.max(
                0,
                ...[...document.querySelectorAll('.table-wrap:has(.monitoring-table)')].map(
                  (wrap) => wrap.scrollWidth - wrap.clientWidth,
                ),
              ),
            );
            expect({ at: `${wizard.id}/${step}`, width, overflow, tableOverflow }).toEqual({
              at: `${wizard.id}/${step}`,
              width,
              overflow: 0,
              tableOverflow: 0,
            });
          }
        }
      }
    } finally {
      await page.context().close();
      await app.close();
    }
  }, 600_000);
});
