import { describe, expect, it } from 'vitest';
import { openPage, startApp } from '../harness/browser.ts';
import { shoot, specTests, useBrowser } from '../harness/browserTests.ts';
import { WIZARDS } from '../../renderer/src/wizards/index.ts';
import { budgetColumnsApart, headsBreakingWords, stepSettled } from './specs/common.ts';
import { keyboardWalkSpecs } from './specs/keyboardWalk.ts';

/**
 * The browser tier's walks through every step of every wizard: half of its time, in a file of its own (with its
 * own browser) so that it runs beside browser.test.ts rather than after it.
 */

const browser = useBrowser();

describe('browser', () => {
  specTests(browser, keyboardWalkSpecs);
});

describe('the workspace at a government laptop and a desktop screen', () => {
  it('shows every step of every wizard of the sample plan without a horizontal page scroll, at 1366×768 and 1920×1080', async () => {
    const app = await startApp();
    const page = await openPage(browser(), app);
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
            expect(await budgetColumnsApart(page), `${wizard.id}/${step} at ${width}`).toEqual([]);
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
