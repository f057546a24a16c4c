import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { expect } from 'vitest';
import { BMA_PLAN, createPlan, isFocused, openWizard, stepShown, tabTo, type Spec } from './common.ts';

/**
 * The workspace without a mouse (issue 11 #5/#6), in Thai on a government laptop's 1366×768: Tab reaches what
 * is needed, Enter on an add button puts the cursor in the new row's first field, a delete leaves the focus on
 * the neighbouring row or on the add button, Ctrl+Z / Ctrl+Y / Ctrl+Shift+Z undo and redo in the plan, and a
 * whole step is done and left with the keyboard alone. And wide tables keep their names and heads in view.
 */

const focusedLabel = (page: Page) =>
  page.evaluate(() => {
    const el = document.activeElement as HTMLElement | null;
    const id = el?.id;
    const label = id ? document.querySelector(`label[for="${CSS.escape(id)}"]`)?.textContent : null;
    return label ?? el?.getAttribute('aria-label') ?? el?.textContent ?? null;
  });

export const keyboardSpecs: Spec[] = [
  {
    name: 'at 1366×768 in Thai the keyboard alone adds, fills and deletes rows, undoes and redoes, and finishes a step',
    async run(page) {
      await page.setViewportSize({ width: 1366, height: 768 });
      await createPlan(page, BMA_PLAN);
      await openWizard(page, 'กำหนดกรอบการจัดทำแผน', 1, 5);
      const members = page.getByRole('listitem', { name: /^คณะทำงานคนที่/ });

      // Add with Enter: the cursor lands in the new row's first field, ready to type.
      const add = page.getByRole('button', { name: 'เพิ่มคณะทำงาน' });
      await tabTo(page, add);
      await page.keyboard.press('Enter');
      const first = page.getByRole('listitem', { name: 'คณะทำงานคนที่ 1' });
      await expect.poll(() => isFocused(first.getByLabel('ชื่อ–นามสกุล'))).toBe(true);
      await page.keyboard.type('นางสาวศิริพร ใจดี');
      // The role by keyboard: the select is a few Tabs on; ArrowUp from "คณะทำงาน" goes to "ประธานคณะทำงาน".
      const role = first.getByLabel('บทบาทในคณะทำงาน');
      await tabTo(page, role);
      await page.keyboard.press('ArrowUp');
      await page.keyboard.press('ArrowUp');
      expect(await role.locator('option:checked').textContent()).toBe('ประธานคณะทำงาน');

      await tabTo(page, add);
      await page.keyboard.press('Enter');
      const second = page.getByRole('listitem', { name: 'คณะทำงานคนที่ 2' });
      await expect.poll(() => isFocused(second.getByLabel('ชื่อ–นามสกุล'))).toBe(true);
      await page.keyboard.type('นายสมชาย รักงาน');
      await page.getByText('บันทึกแล้ว').first().waitFor();

      // Delete the last row: the focus goes to the neighbour's delete button, never to the page body.
      await tabTo(page, second.getByRole('button', { name: 'ลบ คณะทำงานคนที่ 2' }));
      await page.keyboard.press('Enter');
      await expect.poll(() => members.count()).toBe(1);
      await expect.poll(() => focusedLabel(page)).toBe('ลบ คณะทำงานคนที่ 1');

      // Undo and redo in the plan, from the keyboard (the focus is on a button, not in a text field).
      await page.keyboard.press('Control+z');
      await expect.poll(() => members.count()).toBe(2);
      expect(await second.getByLabel('ชื่อ–นามสกุล').inputValue()).toBe('นายสมชาย รักงาน');
      await page.keyboard.press('Control+y');
      await expect.poll(() => members.count()).toBe(1);
      await page.keyboard.press('Control+z');
      await expect.poll(() => members.count()).toBe(2);
      await page.keyboard.press('Control+Shift+z');
      await expect.poll(() => members.count()).toBe(1);

      // The step is done: Tab to Next, Enter, and the workshops step opens.
      await tabTo(page, page.getByRole('button', { name: 'ถัดไป' }));
      await page.keyboard.press('Enter');
      await stepShown(page, 2, 5);

      // The only row deleted: the focus goes back to the add button.
      const addWorkshop = page.getByRole('button', { name: 'เพิ่มการประชุม' });
      await tabTo(page, addWorkshop);
      await page.keyboard.press('Enter');
      const workshop = page.getByRole('listitem', { name: 'การประชุมครั้งที่ 1' });
      await workshop.waitFor();
      await expect
        .poll(() => page.evaluate(() => document.activeElement?.closest('li')?.getAttribute('aria-label')))
        .toBe('การประชุมครั้งที่ 1');
      await tabTo(page, workshop.getByRole('button', { name: 'ลบ การประชุมครั้งที่ 1' }));
      await page.keyboard.press('Enter');
      await workshop.waitFor({ state: 'detached' });
      await expect.poll(() => isFocused(addWorkshop)).toBe(true);
    },
  },
  {
    name: 'wide tables at 1366×768 keep the name column and the head in view while they scroll',
    async run(page) {
      await page.setViewportSize({ width: 1366, height: 768 });
      await page.getByRole('button', { name: 'เปิดแผนตัวอย่าง' }).click();
      await page.getByRole('heading', { level: 1 }).locator('.badge').waitFor();
      const plan = page.url();
      for (const [wizard, step] of [
        ['evaluation', 4],
        ['goals', 3],
        ['strategies', 3],
      ] as const) {
        await page.goto(`${plan}/${wizard}/${step}`);
        await stepShown(page, step);
        const wrap = page.locator('.table-wrap').first();
        await wrap.locator('tbody th[scope="row"]').first().waitFor();
        const moved = await wrap.evaluate((el) => {
          const name = el.querySelector<HTMLElement>('tbody th[scope="row"]')!;
          const head = el.querySelector<HTMLElement>('thead')!;
          const figure = el.querySelector<HTMLElement>('tbody td')!;
          // The sample's five years fit 1366 px; a ten-year plan or a long message would not. The same table in
          // a narrower box scrolls sideways as such a table does.
          if (el.scrollWidth <= el.clientWidth) el.style.maxWidth = '640px';
          const before = { name: name.getBoundingClientRect(), figure: figure.getBoundingClientRect() };
          el.scrollLeft = 300;
          el.scrollTop = 200;
          const after = { name: name.getBoundingClientRect(), figure: figure.getBoundingClientRect() };
          return {
            scrolledX: el.scrollLeft,
            scrolledY: el.scrollTop,
            nameLeft: Math.round(after.name.left - el.getBoundingClientRect().left),
            figureShift: Math.round(before.figure.left - after.figure.left),
            headTop: Math.round(head.getBoundingClientRect().top - el.getBoundingClientRect().top),
          };
        });
        // The names stay at the box's left edge while the figures scroll under them; a table taller than the
        // box (the evaluation's) keeps its head at the top.
        expect({ at: `${wizard}/${step}`, nameLeft: moved.nameLeft }).toEqual({ at: `${wizard}/${step}`, nameLeft: 0 });
        expect(moved.scrolledX).toBeGreaterThan(0);
        expect(moved.figureShift).toBe(moved.scrolledX);
        if (wizard === 'evaluation') expect(moved.scrolledY).toBeGreaterThan(0);
        // (Within the table's own 1 px top border when it does not scroll down.)
        expect(moved.headTop, `${wizard}/${step}`).toBeLessThanOrEqual(1);
        // For a look, beside the workspace walk's screenshots.
        await page.screenshot({ path: join(tmpdir(), 'phaen-screens', `sticky-${wizard}-${step}.png`) });
      }
    },
  },
];
