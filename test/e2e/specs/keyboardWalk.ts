import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { expect } from 'vitest';
import { translator } from '../../../main/services/locales.ts';
import { WIZARDS } from '../../../renderer/src/wizards/index.ts';
import { isFocused, stepShown, tabTo, type Spec } from './common.ts';

/**
 * Every step of every wizard without a mouse (issue 11 #6), in Thai at 1366×768, on the sample plan: each step
 * is opened from the side navigation with Tab and Enter; Tab goes from the step's heading through the step to
 * Next without getting stuck, each stop visible (its focus ring shown and not hidden under a sticky head), and
 * Shift+Tab walks the same stops back; on a step with lists, Enter on the first add button puts the cursor in
 * the new row's first field, the row is filled, deleted (a confirmation closes with Esc and is answered with the
 * keyboard), the focus lands on a neighbouring row or the add button, and Ctrl+Z brings the row back and Ctrl+Y
 * takes it away again. The first row already there is deleted too: where it has rows under it the confirmation
 * opens, Esc closes it with nothing deleted and the focus back on the delete button, and Ctrl+Z brings the row
 * back with what went with it. On monitoring's steps (after adoption, no lists) the plan is adopted from the
 * keyboard, and a quarter's result is typed in, cleared, and brought back and cleared again with Ctrl+Z / Ctrl+Y.
 */

/** Tab presses allowed to reach a target: a sample plan's step holds a few hundred stops. */
const MOST_TABS = 600;

const th = translator(join(import.meta.dirname, '..', '..', '..', 'resources'), 'th');

/** The focused element as the walk reports it, and what keeps it from being seen. */
const focusStop = (page: Page) =>
  page.evaluate(() => {
    const el = document.activeElement as HTMLElement | null;
    if (!el || el === document.body) return { name: 'body', problem: 'focus on the page body', next: false };
    // The step's Next, where the walk through a step ends (asked here: one round trip per Tab stop).
    const next = el.matches('.wizard-buttons button.primary');
    const name = `${el.tagName.toLowerCase()} “${(el.getAttribute('aria-label') ?? el.textContent ?? '').trim().slice(0, 40)}”`;
    const style = getComputedStyle(el);
    const ring = (style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) > 0) || style.boxShadow !== 'none';
    if (!el.matches(':focus-visible') || !ring) return { name, problem: 'no focus ring', next };
    const box = el.getBoundingClientRect();
    // Chromium scrolled it into view; what is drawn at its middle must be it (not a sticky head over it).
    const x = Math.min(Math.max(box.left + box.width / 2, 0), innerWidth - 1);
    const y = Math.min(Math.max(box.top + Math.min(box.height / 2, 12), 0), innerHeight - 1);
    const hit = document.elementFromPoint(x, y);
    if (box.bottom < 0 || box.top > innerHeight) return { name, problem: 'off screen', next };
    if (hit && hit !== el && !el.contains(hit) && !(el instanceof HTMLLabelElement))
      return { name, problem: `covered by ${hit.tagName.toLowerCase()}.${[...hit.classList].join('.')}`, next };
    return { name, problem: null, next };
  });

export const keyboardWalkSpecs: Spec[] = [
  {
    name: 'at 1366×768 in Thai every step of every wizard is reached, walked and its lists edited and undone from the keyboard alone',
    async run(page) {
      await page.setViewportSize({ width: 1366, height: 768 });
      const openSample = page.getByRole('button', { name: 'เปิดแผนตัวอย่าง' });
      await openSample.waitFor();
      await tabTo(page, openSample, MOST_TABS);
      await page.keyboard.press('Enter');
      await page.getByRole('heading', { level: 1 }).locator('.badge').waitFor();
      const nav = page.getByRole('navigation', { name: th('workspace.nav') });
      const problems: string[] = [];
      const saw = (at: string, what: string) => problems.push(`${at}: ${what}`);
      const confirmed: string[] = [];

      for (const wizard of WIZARDS) {
        await tabTo(page, nav.getByRole('link', { name: th(wizard.title), exact: true }), MOST_TABS);
        await page.keyboard.press('Enter');
        await page.getByRole('heading', { level: 1, name: th(wizard.title) }).waitFor();
        for (let i = 0; i < wizard.steps.length; i++) {
          const at = `${wizard.id}/${i + 1}`;
          const step = nav.getByRole('button', { name: `${i + 1}. ${th(wizard.steps[i]!.title)}`, exact: true });
          // The wizard's link opens the step to resume (the summary once all are done); another is picked in the
          // navigation. (Its own step's button only says where the user is.)
          if ((await step.getAttribute('aria-current')) !== 'step') {
            await tabTo(page, step, MOST_TABS);
            await page.keyboard.press('Enter');
          }
          await stepShown(page, i + 1, wizard.steps.length);
          // The wizard puts the focus on the step's heading, where reading and Tab begin.
          const heading = await expect
            .poll(() => page.evaluate(() => document.activeElement?.id))
            .toBe('step-heading')
            .then(
              () => true,
              () => false,
            );
          if (!heading) saw(at, `the step opens with the focus on ${(await focusStop(page)).name}, not its heading`);

          // What a step loads after it shows (a catalog, a chart) in place first: it would move the stops.
          await expect
            .poll(async () => {
              const height = () => page.locator('.step-card').evaluate((el) => el.scrollHeight);
              const before = await height();
              await page.waitForTimeout(150);
              return before === (await height());
            })
            .toBe(true);
          // Tab from the heading to Next: every stop seen, and Shift+Tab goes back through the same ones.
          const stops: string[] = [];
          for (let n = 0; ; n++) {
            if (n > MOST_TABS) {
              saw(at, `Tab never reached Next (stuck at ${stops.at(-1)})`);
              break;
            }
            await page.keyboard.press('Tab');
            const stop = await focusStop(page);
            stops.push(stop.name);
            if (stop.problem) saw(at, `${stop.name}: ${stop.problem}`);
            if (stop.next) break;
          }
          const back: string[] = [];
          for (let n = 1; n < Math.min(stops.length, 8); n++) {
            await page.keyboard.press('Shift+Tab');
            back.push((await focusStop(page)).name);
          }
          expect(back, at).toEqual(stops.slice(0, -1).reverse().slice(0, back.length));

          if (wizard.afterAdoption) {
            await monitoringByKeyboard(page, wizard.steps[i]!.id, at, saw);
            continue;
          }
          const add = page.locator('.step-card [data-add-row]:not([disabled])').first();
          if ((await add.count()) === 0) continue;
          const rowsBefore = await page
            .locator('.step-card [data-row-id]')
            .evaluateAll((els) => els.map((el) => (el as HTMLElement).dataset.rowId));
          await tabTo(page, add, MOST_TABS);
          await page.keyboard.press('Enter');
          // The cursor in the new row's first field.
          const landed = await expect
            .poll(() =>
              page.evaluate((before) => {
                const el = document.activeElement as HTMLElement | null;
                const row = el?.closest<HTMLElement>('[data-row-id]');
                if (!el || !row || before.includes(row.dataset.rowId)) return null;
                const first = row.querySelector(
                  'input:not([disabled]), textarea:not([disabled]), select:not([disabled])',
                );
                return { id: row.dataset.rowId!, first: first === el, tag: el.tagName };
              }, rowsBefore),
            )
            .not.toBeNull()
            .then(
              () => true,
              () => false,
            );
          if (!landed) {
            saw(at, `after Enter on “${await add.textContent()}” the focus is on ${(await focusStop(page)).name}`);
            continue;
          }
          const field = await page.evaluate(() => {
            const el = document.activeElement as HTMLElement;
            const row = el.closest<HTMLElement>('[data-row-id]')!;
            return {
              id: row.dataset.rowId!,
              first: row.querySelector('input, textarea, select') === el,
              tag: el.tagName,
            };
          });
          if (!field.first) saw(at, 'after add the focus is not on the new row’s first field');
          if (field.tag !== 'SELECT') await page.keyboard.type('ทดสอบ');
          else await page.keyboard.press('ArrowDown');
          await deleteAndUndo(page, at, field.id, saw);
          await page.keyboard.press('Control+y');
          await page.locator(`.step-card [data-row-id="${field.id}"]`).first().waitFor({ state: 'detached' });
          // A row that was there before: one with rows under it asks first (Esc is checked there).
          const first = await page.evaluate(
            (before) =>
              [...document.querySelectorAll('.step-card [data-delete-row]')]
                .map((button) => button.closest<HTMLElement>('[data-row-id]')?.dataset.rowId)
                .find((id) => before.includes(id)),
            rowsBefore,
          );
          if (first && (await deleteAndUndo(page, at, first, saw))) confirmed.push(at);
        }
      }
      // The sample's issues, goals and strategies have rows under them: some step must have asked.
      expect(confirmed.length, 'steps where a delete asked first').toBeGreaterThan(0);
      expect(problems).toEqual([]);
    },
    timeout: 900_000,
  },
];

type Saw = (at: string, what: string) => void;

/**
 * Deletes the row `id` of the step from the keyboard (a confirmation, if one opens, first closed with Esc and
 * then answered), checks where the focus lands, and brings the row back with Ctrl+Z. Says whether it asked.
 */
async function deleteAndUndo(page: Page, at: string, id: string, saw: Saw): Promise<boolean> {
  const row = page.locator(`.step-card [data-row-id="${id}"]`).first();
  const remove = row.locator('[data-delete-row]').first();
  if ((await remove.count()) === 0) return false;
  // What the delete takes with it comes back with the undo: the step's rows are counted before and after.
  const rows = () => page.locator('.step-card [data-row-id]').count();
  const before = await rows();
  await tabTo(page, remove, MOST_TABS);
  await page.keyboard.press('Enter');
  const dialog = page.getByRole('alertdialog');
  // Either the confirmation opens or the row goes at once.
  await expect.poll(async () => (await dialog.isVisible()) || (await row.count()) === 0).toBe(true);
  const asked = await dialog.isVisible();
  if (asked) {
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'detached' });
    if (!(await isFocused(remove))) saw(at, 'Esc on the delete confirmation leaves the focus elsewhere');
    if ((await rows()) !== before) saw(at, 'Esc on the delete confirmation deleted something');
    await page.keyboard.press('Enter');
    await dialog.waitFor();
    await tabTo(page, dialog.getByRole('button', { name: th('workspace.confirmDelete'), exact: true }), MOST_TABS);
    await page.keyboard.press('Enter');
  }
  await row.waitFor({ state: 'detached' });
  const after = await page.evaluate(() => {
    const el = document.activeElement as HTMLElement | null;
    return { onRow: !!el?.closest('[data-row-id]'), onAdd: el?.hasAttribute('data-add-row') ?? false };
  });
  if (!after.onRow && !after.onAdd) saw(at, `after delete the focus is on ${(await focusStop(page)).name}`);
  await page.keyboard.press('Control+z');
  await row.waitFor();
  await expect.poll(rows).toBe(before);
  return asked;
}

/**
 * Monitoring's steps from the keyboard: step 1 adopts the plan (Enter on its button); on the KPI and project
 * steps a quarter's first figure is typed and saved, cleared and saved, then Ctrl+Z (from the row's button, as
 * a text field keeps Ctrl+Z for its own text) brings it back and Ctrl+Y clears it again.
 */
async function monitoringByKeyboard(page: Page, step: string, at: string, saw: Saw): Promise<void> {
  if (step === 'adopt') {
    const adopt = page.getByRole('button', { name: th('monitoring.adoptToday') });
    if ((await adopt.count()) === 0) return;
    await tabTo(page, adopt, MOST_TABS);
    await page.keyboard.press('Enter');
    await page.getByLabel(th('monitoring.adoptedOn')).waitFor();
    return;
  }
  if (step !== 'kpis' && step !== 'projects') return;
  const cell = page.locator('.monitoring-table tbody tr').first().locator('input:not([disabled])').first();
  await tabTo(page, cell, MOST_TABS);
  const saved = page.locator('.save-status.save-saved');
  await page.keyboard.type('50');
  await page.keyboard.press('Tab');
  await saved.waitFor();
  await page.keyboard.press('Shift+Tab');
  await page.keyboard.press('Control+a');
  await page.keyboard.press('Backspace');
  await page.keyboard.press('Tab');
  await expect.poll(() => cell.inputValue()).toBe('');
  await saved.waitFor();
  // To the row's first control that is not a text field: the app's undo, not the field's own.
  await page.keyboard.press('Shift+Tab');
  for (let n = 0; n < 4 && (await page.evaluate(() => document.activeElement?.tagName)) !== 'BUTTON'; n++)
    await page.keyboard.press('Shift+Tab');
  await page.keyboard.press('Control+z');
  const back = await expect
    .poll(() => cell.inputValue())
    .toBe('50')
    .then(
      () => true,
      () => false,
    );
  if (!back) saw(at, 'Ctrl+Z did not bring back the cleared result');
  await page.keyboard.press('Control+y');
  await expect.poll(() => cell.inputValue()).toBe('');
}
