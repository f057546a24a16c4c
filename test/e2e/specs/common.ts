import type { Locator, Page } from 'playwright-core';
import { expect } from 'vitest';

/**
 * End-to-end specs, shared by the browser tier (loopback bridge) and the Electron tier: they only use the
 * page and these two app hooks, nothing specific to either. Each run starts on the app's home screen with
 * an empty database.
 */
export interface SpecApp {
  readonly url: string;
  /**
   * Quit and relaunch the whole app on the same data. Resolves to the page to continue with when the
   * relaunch replaced it (Electron: a new window); otherwise the same page, showing the restarted app.
   */
  restart(): Promise<Page | undefined>;
}

export interface Spec {
  name: string;
  run(page: Page, app: SpecApp): Promise<void>;
  /** A long walk's own timeout (ms), generous for CI's two loaded cores; the tier's default otherwise. */
  timeout?: number;
}

export const BMA_PLAN = {
  organisation: 'สำนักงานประชาสัมพันธ์ สำนักปลัดกรุงเทพมหานคร',
  title: 'แผนยุทธศาสตร์การประชาสัมพันธ์กรุงเทพมหานคร ระยะ 5 ปี',
  startYear: '2566',
  endYear: '2570',
  prevStartYear: '2563',
  prevEndYear: '2565',
};
export type PlanValues = typeof BMA_PLAN;

const LABELS: Record<keyof PlanValues, string> = {
  organisation: 'หน่วยงาน',
  title: 'ชื่อแผน',
  startYear: 'ปีเริ่มต้น (พ.ศ.)',
  endYear: 'ปีสิ้นสุด (พ.ศ.)',
  prevStartYear: 'ปีเริ่มต้นของแผนฉบับก่อน (พ.ศ.)',
  prevEndYear: 'ปีสิ้นสุดของแผนฉบับก่อน (พ.ศ.)',
};

export const field = (page: Page, name: keyof PlanValues) => page.getByLabel(LABELS[name], { exact: true });

export async function fillPlan(page: Page, values: Partial<PlanValues>): Promise<void> {
  for (const [name, value] of Object.entries(values) as [keyof PlanValues, string][])
    await field(page, name).fill(value);
}

export async function createPlan(page: Page, values: PlanValues): Promise<void> {
  await page.getByRole('button', { name: 'สร้างแผนใหม่' }).click();
  await fillPlan(page, values);
  await page.getByRole('button', { name: 'สร้างแผน', exact: true }).click();
  await page.getByRole('heading', { level: 1, name: values.title }).waitFor();
}

/** Names this installation's office on the home screen's first-start card (its code, name and role). */
export async function setOffice(page: Page, code: string, name: string, role: string): Promise<void> {
  const welcome = page.getByRole('region', { name: 'ยินดีต้อนรับ เครื่องนี้เป็นของหน่วยงานใด' });
  await welcome.getByLabel('รหัสหน่วยงาน').fill(code);
  await welcome.getByLabel('ชื่อหน่วยงาน').fill(name);
  await welcome.getByRole('radio', { name: role }).check();
  await welcome.getByRole('button', { name: 'บันทึกหน่วยงาน' }).click();
  await page.getByRole('region', { name: 'หน่วยงานของเครื่องนี้' }).getByText(`${name} (${code})`).waitFor();
}

export async function goHome(page: Page): Promise<void> {
  await page.getByRole('link', { name: 'กลับหน้าหลัก' }).click();
  await page.getByRole('heading', { name: 'แผนของหน่วยงาน' }).waitFor();
}

export async function expectValues(page: Page, values: PlanValues): Promise<void> {
  for (const name of Object.keys(values) as (keyof PlanValues)[])
    expect(await field(page, name).inputValue()).toBe(values[name]);
}

/** Clicks the wizard's Next. */
export const next = (page: Page) => page.getByRole('button', { name: 'ถัดไป' }).click();

/** Waits for the wizard to show step `n` (of `count` steps, when given). */
export const stepShown = (page: Page, n: number, count?: number) =>
  page.getByRole('heading', { name: new RegExp(`ขั้นที่ ${n} จาก${count === undefined ? '' : ` ${count}`}`) }).waitFor();

export async function nextStep(page: Page, n: number, count: number): Promise<void> {
  await next(page);
  await stepShown(page, n, count);
}

/** Opens a wizard from the plan's page by its title and waits for its step `n`. */
export async function openWizard(page: Page, title: string, n: number, count: number): Promise<void> {
  await page.getByRole('link', { name: title }).click();
  await stepShown(page, n, count);
}

export const backToPlan = (page: Page) => page.getByRole('link', { name: 'กลับไปหน้าแผน' }).click();

export const isFocused = (target: Locator) => target.evaluate((el) => el === document.activeElement);

/**
 * Presses Tab until `target` has the focus, as a keyboard user would (Shift+Tab when it comes before the focus,
 * rather than round the whole page); fails when `most` presses never reach it.
 */
export async function tabTo(page: Page, target: Locator, most = 80): Promise<void> {
  const before = await target.evaluate((el) => {
    const focus = document.activeElement;
    return (
      !!focus && focus !== document.body && !!(el.compareDocumentPosition(focus) & Node.DOCUMENT_POSITION_FOLLOWING)
    );
  });
  for (let i = 0; i < most; i++) {
    if (await isFocused(target)) return;
    await page.keyboard.press(before ? 'Shift+Tab' : 'Tab');
  }
  throw new Error(`Tab never reached ${String(target)}`);
}

/** Waits until the step has loaded what it shows after it appears (a catalog, the Bangkok plan): nothing busy. */
/**
 * Nothing on the page is still loading: the plan page's cards fill in one by one and each changes the height of
 * what is above the buttons below it, so a click made meanwhile can land where the button was (seen under CI load).
 */
export const pageSettled = (page: Page) =>
  expect.poll(() => page.locator('[aria-busy="true"]').count(), { timeout: 30_000 }).toBe(0);

export const stepSettled = (page: Page) =>
  expect.poll(() => page.locator('.step-card [aria-busy="true"]').count(), { timeout: 15_000 }).toBe(0);

/**
 * Table heads laid out on more than one line with Thai text outside the no-wrap word spans of ThaiText: there
 * Chromium may have cut a word (ผลเทียบเป้า|หมาย). Each is reported by its text.
 */
export const headsBreakingWords = (page: Page) =>
  page.evaluate(() =>
    [...document.querySelectorAll<HTMLElement>('.step-card thead th')]
      .filter((th) => {
        const range = document.createRange();
        range.selectNodeContents(th);
        return new Set([...range.getClientRects()].map((r) => Math.round(r.top))).size > 1;
      })
      .filter((th) => {
        const walker = document.createTreeWalker(th, NodeFilter.SHOW_TEXT);
        for (let node = walker.nextNode(); node; node = walker.nextNode())
          if (
            /[\u0E01-\u0E2E]/.test(node.textContent ?? '') &&
            !node.parentElement?.closest('.thai-word') &&
            getComputedStyle(node.parentElement!).whiteSpace !== 'nowrap'
          )
            return true;
        return false;
      })
      .map((th) => th.textContent?.trim() ?? ''),
  );

/**
 * Budget tables one under the other whose columns do not line up: in each of the budget steps' containers,
 * every table's head cells against the first table's (left edge and width, to the pixel). Each mismatch is
 * reported by the table's caption and the column's head.
 */
export const budgetColumnsApart = (page: Page) =>
  page.evaluate(() =>
    [...document.querySelectorAll('.step-card .strat-summary, .step-card .strat-budgets')].flatMap((group) => {
      const edges = (table: HTMLTableElement) =>
        [...table.querySelectorAll('thead th')].map((th) => {
          const box = th.getBoundingClientRect();
          return { head: th.textContent?.trim() ?? '', at: Math.round(box.left), width: Math.round(box.width) };
        });
      const [first, ...rest] = [...group.querySelectorAll<HTMLTableElement>('table.data-table')];
      if (!first) return [];
      const model = edges(first);
      return rest.flatMap((table) =>
        edges(table)
          .map((cell, i) => ({ cell, i }))
          .filter(({ cell, i }) => model[i]?.at !== cell.at || model[i]?.width !== cell.width)
          .map(({ cell }) => `${table.caption?.textContent ?? ''}: ${cell.head}`),
      );
    }),
  );

/**
 * Figure columns (no inputs in them) wider than what they hold, in the step's tables whose row names wrap onto
 * three lines or more: the width a name lacks is spread over figures that do not need it (the budget summary's
 * year columns twice as wide as "4,300,000" beside issue names five lines deep; the budget step's total column
 * beside its year inputs). Each column is reported as "caption: head +N px" where N, its width beyond its widest
 * cell or head (in any table of the step where the column lines up) and the cell's padding, exceeds 6 px.
 */
export const figureColumnsLoose = (page: Page) =>
  page.evaluate(() => {
    const contentWidth = (cell: HTMLTableCellElement) => {
      const range = document.createRange();
      range.selectNodeContents(cell);
      const style = getComputedStyle(cell);
      return range.getBoundingClientRect().width + parseFloat(style.paddingLeft) + parseFloat(style.paddingRight);
    };
    // The lines of the name itself, not of the notes under it (a KPI's unit, who recorded it).
    const lines = (cell: HTMLElement) => {
      const tops = new Set<number>();
      const walker = document.createTreeWalker(cell, NodeFilter.SHOW_TEXT);
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        if (node.parentElement?.closest('.table-note, .provenance')) continue;
        const range = document.createRange();
        range.selectNodeContents(node);
        for (const rect of range.getClientRects()) tops.add(Math.round(rect.top));
      }
      return tops.size;
    };
    const tables = [...document.querySelectorAll<HTMLTableElement>('.step-card table.data-table')];
    return tables
      .filter((table) => [...table.querySelectorAll<HTMLElement>('tbody th[scope="row"]')].some((th) => lines(th) > 2))
      .flatMap((table) => {
        const heads = [...(table.tHead?.rows[table.tHead.rows.length - 1]?.cells ?? [])];
        return heads
          .filter((head) => head.classList.contains('num'))
          .flatMap((head) => {
            const left = Math.round(head.getBoundingClientRect().left);
            // The column's cells in every table of the step where it lines up (the budget step's total column is
            // as wide as the plan's total, in the table under the strategies' own).
            const width = Math.round(head.getBoundingClientRect().width);
            const column = tables.flatMap((other) =>
              [...other.rows].flatMap((row) =>
                [...row.cells].filter((cell) => {
                  const box = cell.getBoundingClientRect();
                  return Math.round(box.left) === left && Math.round(box.width) === width;
                }),
              ),
            );
            // A column of inputs is as wide as its boxes (they grow with what is typed), not its figures.
            if (column.some((cell) => cell.querySelector('input, select, textarea'))) return [];
            const spare = Math.round(head.getBoundingClientRect().width - Math.max(...column.map(contentWidth)));
            return spare > 6
              ? [`${table.caption?.textContent ?? ''}: ${head.textContent?.trim() ?? ''} +${spare} px`]
              : [];
          });
      });
  });

/**
 * Columns of one checkbox wider than 7rem (a code over a short title fits 6rem) in the step's matrices whose item
 * names wrap onto three lines or more: the width the names lack went to boxes that do not need it (the alignment
 * matrix's six 212 px columns beside a 17rem item column at 1920 px, names 4-5 lines deep). Each is reported as
 * "matrix: code N px".
 */
export const checkboxColumnsLoose = (page: Page) =>
  page.evaluate(() => {
    const most = 7 * parseFloat(getComputedStyle(document.documentElement).fontSize);
    // The height of a name's text (its range, not the cell's padding) in lines of its line height (in px).
    const deep = (th: HTMLElement) => {
      const range = document.createRange();
      range.selectNodeContents(th);
      return range.getBoundingClientRect().height > 2.5 * parseFloat(getComputedStyle(th).lineHeight);
    };
    return [...document.querySelectorAll<HTMLTableElement>('.step-card table')]
      .filter((table) => [...table.querySelectorAll<HTMLElement>('tbody th[scope="row"]')].some(deep))
      .flatMap((table) =>
        [...(table.tHead?.rows[0]?.cells ?? [])]
          .filter((_, i) =>
            [...table.tBodies].some((body) =>
              [...body.rows].some((row) => row.cells[i]?.querySelector('input[type="checkbox"]')),
            ),
          )
          .map((head) => ({ head, width: Math.round(head.getBoundingClientRect().width) }))
          .filter(({ width }) => width > most)
          .map(
            ({ head, width }) =>
              `${table.caption?.textContent ?? ''}: ${head.firstElementChild?.textContent} ${width} px`,
          ),
      );
  });
