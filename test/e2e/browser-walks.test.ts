import { describe, expect, it } from 'vitest';
import { openPage, startApp } from '../harness/browser.ts';
import { shoot, specTests, useBrowser } from '../harness/browserTests.ts';
import { WIZARDS } from '../../renderer/src/wizards/index.ts';
import type { Page } from 'playwright-core';
import {
  budgetColumnsApart,
  checkboxColumnsLoose,
  figureColumnsLoose,
  headsBreakingWords,
  pageSettled,
  setOffice,
  stepSettled,
} from './specs/common.ts';
import { keyboardWalkSpecs } from './specs/keyboardWalk.ts';

/**
 * The browser tier's walks through every step of every wizard: half of its time, in a file of its own (with its
 * own browser) so that it runs beside browser.test.ts rather than after it.
 */

const browser = useBrowser();

describe('browser', () => {
  specTests(browser, keyboardWalkSpecs);
});

/** The offices the layout walk assigns on the sample plan, so that the dashboard shows its table per office. */
const OFFICES = ['1001 สำนักงานเขตพระนคร', '1004 สำนักงานเขตบางรัก', '1030 สำนักงานเขตจตุจักร'];

/**
 * What no screen of the workspace may do at either size: scroll the page sideways, or a table sideways inside
 * its frame (every table fits its column, the figures and lights never off to the right); and what no step
 * and not the plan page may do: show its first field below the fold (home and the exchange screen are lists
 * of actions, not forms). `at` names the screen in the failure.
 */
async function expectFits(page: Page, at: string, width: number, form = true): Promise<void> {
  const fit = await page.evaluate((form) => {
    // The first field shown; summaries have none (their Back and Next sit below what they sum).
    const control = [...document.querySelectorAll('main :is(input, select, textarea)')].find(
      (field) => field.getClientRects().length > 0,
    );
    return {
      overflow: document.documentElement.scrollWidth - document.documentElement.clientWidth,
      tableOverflow: Math.max(
        0,
        ...[...document.querySelectorAll('.table-wrap')].map((wrap) => wrap.scrollWidth - wrap.clientWidth),
      ),
      fieldBelowFold: form && !!control && control.getBoundingClientRect().top >= window.innerHeight,
    };
  }, form);
  expect({ at, width, ...fit }).toEqual({ at, width, overflow: 0, tableOverflow: 0, fieldBelowFold: false });
}

describe('the workspace at a government laptop and a desktop screen', () => {
  it('shows home, the plan page and its exchange screen (both with the side navigation) and every step of every wizard of the sample plan with offices assigned, at 1366×768 and 1920×1080, without a sideways scroll, with a field above the fold, the completeness card begun on the plan page, and the names of tables given the width (not figure or checkbox columns)', async () => {
    const app = await startApp();
    const page = await openPage(browser(), app);
    try {
      await setOffice(page, 'BMA-PR', 'สำนักงานประชาสัมพันธ์', 'ฝ่ายเลขานุการ');
      await page.getByRole('button', { name: 'เปิดแผนตัวอย่าง' }).click();
      await page.getByRole('heading', { level: 1 }).locator('.badge').waitFor();
      const plan = page.url();
      await page.getByRole('link', { name: 'เปิดหน้าแลกเปลี่ยนข้อมูล' }).click();
      await page.getByRole('heading', { level: 1, name: 'แลกเปลี่ยนข้อมูลระหว่างหน่วยงาน' }).waitFor();
      for (const office of OFFICES) {
        await page.getByLabel('เพิ่มหน่วยงานจากรายชื่อหน่วยงานที่ร่วมจัดทำแผน').selectOption({ label: office });
        await page.getByRole('button', { name: 'เพิ่มหน่วยงาน' }).click();
        await page.locator('li.assignment', { hasText: office.replace(/^\S+ /, '') }).waitFor();
      }
      const exchange = page.url();
      for (const [width, height] of [
        [1366, 768],
        [1920, 1080],
      ] as const) {
        await page.setViewportSize({ width, height });
        for (const [name, url] of [
          ['home', plan.replace(/#.*/, '#/')],
          ['exchange', exchange],
          ['plan', plan],
        ] as const) {
          await page.goto(url);
          await page.getByRole('heading', { level: 1 }).waitFor();
          await pageSettled(page);
          await shoot(page, `${width}-${name}`, false);
          await expectFits(page, name, width, name === 'plan');
          // The plan's screens keep its side navigation: the exchange screen as well as the plan page, where
          // only the plan page is marked as the place shown.
          const nav = page.getByRole('navigation', { name: 'แผนและขั้นตอนการจัดทำ' });
          const shown = { nav: await nav.count(), current: await nav.locator('[aria-current]').count() };
          expect({ name, ...shown }).toEqual({ name, nav: name === 'home' ? 0 : 1, current: name === 'plan' ? 1 : 0 });
        }
        // The plan page shows more than the plan's details above the fold: the exchange card and the head of the
        // completeness card under it at least (a compact header: the title and its badge on one line).
        const completenessCard = await page
          .getByRole('heading', { name: 'ความครบถ้วนของแผน' })
          .evaluate((heading) => heading.getBoundingClientRect().bottom <= window.innerHeight);
        expect({ width, completenessCard }).toEqual({ width, completenessCard: true });
        for (const wizard of WIZARDS) {
          for (let step = 1; step <= wizard.steps.length; step++) {
            const at = `${wizard.id}/${step}`;
            await page.goto(`${plan}/${at}`);
            await page.getByRole('heading', { name: new RegExp(`ขั้นที่ ${step} จาก`) }).waitFor();
            await stepSettled(page);
            await shoot(page, `${width}-${wizard.id}-${step}`, false);
            expect(await headsBreakingWords(page), `${at} at ${width}`).toEqual([]);
            expect(await budgetColumnsApart(page), `${at} at ${width}`).toEqual([]);
            expect(await figureColumnsLoose(page), `${at} at ${width}`).toEqual([]);
            expect(await checkboxColumnsLoose(page), `${at} at ${width}`).toEqual([]);
            await expectFits(page, at, width);
          }
        }
      }
    } finally {
      await page.context().close();
      await app.close();
    }
  }, 600_000);
});
