/**
 * UI benchmark (part of `npm run bench`): the built renderer in real Chromium against the real services, on a
 * plan the size issue 3 names (500 SWOT factors, 1,000 previous-plan KPIs with their years) and one the size
 * issue 4 names (30 issues, 200 goals, 1,000 KPIs, 500 projects: bench/planContent.ts). For each screen
 * it types into one field and prints how long the browser takes to handle each keystroke (input event to
 * React's commit, synchronous for typing) and the time to the next frame; under 16.7 ms repaints within one
 * frame at 60 Hz. Where the text typed is accepted, also the longest task each save then sets off (the
 * re-render of the rows it returns), which a keystroke typed at that moment waits for. An argument keeps only
 * the lines whose name it matches (`bench/ui.ts 'KPI target|budget'`), to compare two builds one line at a time.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import type { NewRowInput } from '../main/core/contract.ts';
import { createPlan } from '../main/services/plans.ts';
import { createRows } from '../main/services/rows.ts';
import { LEXICON_READ_MEASURE } from '../renderer/src/thai/lexicon.ts';
import { launchBrowser, openPage, startApp } from '../test/harness/browser.ts';
import { bmaDraft, openStore } from '../test/harness/store.ts';
import { seedPlanContent } from './planContent.ts';

const FACTORS = 500;
const KPIS = 1_000;
const KEYSTROKES = 40;
const SAVES = 8;
const only = new RegExp(process.argv[2] ?? '');

function line(label: string, value: string): void {
  console.log(`${label.padEnd(52)} ${value}`);
}

async function seed(dir: string): Promise<{ planId: string; contentId: string }> {
  const store = await openStore(dir);
  const plan = createPlan(store, bmaDraft);
  const letters = ['S', 'W', 'O', 'T'] as const;
  createRows(
    store,
    plan.id,
    Array.from({ length: FACTORS }, (_, n) => ({
      entity: 'factor' as const,
      values: { swot: letters[n % 4], category: n % 4 < 2 ? 'M1' : 'T', statement: `ปัจจัยที่ ${n + 1}` },
    })),
  );
  const [issue] = createRows(store, plan.id, [{ entity: 'prevIssue', values: { name: 'ประเด็นที่ 1' } }]);
  const goals = createRows(
    store,
    plan.id,
    Array.from({ length: 20 }, (_, n) => ({ entity: 'prevGoal', parentId: issue!.id, values: { name: `เป้าที่ ${n}` } })),
  );
  for (let chunk = 0; chunk < KPIS; chunk += 500) {
    const kpis = createRows(
      store,
      plan.id,
      Array.from({ length: 500 }, (_, n) => ({
        entity: 'prevKpi' as const,
        parentId: goals[(chunk + n) % goals.length]!.id,
        values: { name: `ตัวชี้วัดที่ ${chunk + n + 1}`, unit: 'ร้อยละ', weight: 0.05 },
      })),
    );
    const years: NewRowInput[] = kpis.flatMap((k) =>
      [2563, 2564, 2565].map((year) => ({
        entity: 'prevKpiYear' as const,
        parentId: k.id,
        values: { year, target: 80, actual: 75 },
      })),
    );
    createRows(store, plan.id, years);
  }
  const content = createPlan(store, { ...bmaDraft, title: 'แผนขนาดใหญ่ 30/200/1,000/500' });
  seedPlanContent(store, content.id);
  store.close();
  return { planId: plan.id, contentId: content.id };
}

/** Time per keystroke in the page: input event dispatch (React commits discrete input synchronously) and to the next frame. */
async function typingCost(
  page: Page,
  locator: string,
  char: string,
  { nth = 0, start }: { nth?: number; start?: string } = {},
): Promise<{ handle: number[]; frame: number[] }> {
  return page
    .locator(locator)
    .nth(nth)
    .evaluate(
      async (el, { count, char, start }) => {
        const input = el as HTMLInputElement | HTMLTextAreaElement;
        // React listens for the native value setter (input or textarea), then the input event.
        const setter = Object.getOwnPropertyDescriptor(Object.getPrototypeOf(input), 'value')!.set!;
        const handle: number[] = [];
        const frame: number[] = [];
        input.focus();
        if (start !== undefined) {
          setter.call(input, start);
          input.dispatchEvent(new Event('input', { bubbles: true }));
        }
        for (let i = 0; i < count; i++) {
          const t0 = performance.now();
          setter.call(input, `${input.value}${char}`);
          input.dispatchEvent(new Event('input', { bubbles: true }));
          handle.push(performance.now() - t0);
          await new Promise<void>((resolve) => requestAnimationFrame(() => resolve()));
          frame.push(performance.now() - t0);
        }
        return { handle, frame };
      },
      { count: KEYSTROKES, char, start },
    );
}

/**
 * What a save costs the page after typing stops: one accepted keystroke, then the debounce, the save and the
 * re-render of the rows it returns (PlanData), SAVES times. The longest task of each cycle (PerformanceObserver
 * longtask, over 50 ms) is how long a keystroke typed then would have waited; 0 when none was that long.
 */
async function saveCost(page: Page, locator: string, char: string, nth: number): Promise<number[]> {
  return page
    .locator(locator)
    .nth(nth)
    .evaluate(
      async (el, { count, char }) => {
        const input = el as HTMLInputElement | HTMLTextAreaElement;
        const setter = Object.getOwnPropertyDescriptor(Object.getPrototypeOf(input), 'value')!.set!;
        const longest: number[] = [];
        let tasks: number[] = [];
        const observer = new PerformanceObserver((list) => tasks.push(...list.getEntries().map((e) => e.duration)));
        observer.observe({ type: 'longtask' });
        input.focus();
        for (let i = 0; i < count; i++) {
          tasks = [];
          setter.call(input, `${input.value}${char}`);
          input.dispatchEvent(new Event('input', { bubbles: true }));
          // PlanData's debounce is 400 ms; then the save's round trip and the render of what it returns.
          await new Promise((resolve) => setTimeout(resolve, 1_200));
          longest.push(Math.max(0, ...tasks));
        }
        observer.disconnect();
        return longest;
      },
      { count: SAVES, char },
    );
}

const p = (values: number[], q: number) =>
  [...values].sort((a, b) => a - b)[Math.floor((q / 100) * (values.length - 1))]!;

/**
 * The Thai lexicon the screen loads at start (renderer/src/thai/lexicon.ts), over LEXICON_LOADS fresh starts:
 * when it is installed after navigation starts, and how long reading it held the page's main thread (its
 * User Timing measure). Choosing the words from the lists there instead, as the screen did until the build's
 * compact lexicon reached it, took 260–880 ms of that thread (p50 about 340 ms; the compact file 5–34 ms).
 */
const LEXICON_LOADS = 5;
async function lexiconLoad(page: Page, url: string): Promise<{ installed: number[]; read: number[] }> {
  const installed: number[] = [];
  const read: number[] = [];
  for (let i = 0; i < LEXICON_LOADS; i++) {
    await page.goto(url);
    const entry = await page.waitForFunction(
      (name) => {
        const [measure] = performance.getEntriesByName(name);
        return measure && { end: measure.startTime + measure.duration, duration: measure.duration };
      },
      LEXICON_READ_MEASURE,
      { timeout: 60_000 },
    );
    const { end, duration } = (await entry.jsonValue()) as { end: number; duration: number };
    installed.push(end);
    read.push(duration);
  }
  return { installed, read };
}

const dir = mkdtempSync(join(tmpdir(), 'phaen-bench-ui-'));
const browser = await launchBrowser();
try {
  const { planId, contentId } = await seed(dir);
  const app = await startApp({ dataDir: dir });
  const page = await openPage(browser, app);
  if (only.test('Thai lexicon')) {
    const { installed, read } = await lexiconLoad(page, app.url);
    line(
      'ui: Thai lexicon installed after start: p50 / max',
      `${p(installed, 50).toFixed(0)} / ${Math.max(...installed).toFixed(0)} ms`,
    );
    line(
      'ui: Thai lexicon read on the main thread: p50 / max',
      `${p(read, 50).toFixed(1)} / ${Math.max(...read).toFixed(1)} ms`,
    );
  }
  // Inputs: the plan title; a factor statement and a weight among 500 factors; a target among 1,000 KPIs.
  // The content plan's first target (70, a percentage) and budget (250,000) become 701… and 250,0001…: refused
  // input, kept as typed with its message. `accepted`: then, in the next cell, text the field takes (0.1…, 1…).
  const screens: {
    name: string;
    hash: string;
    input: string;
    char: string;
    accepted?: { name: string; start: string };
  }[] = [
    { name: 'plan header (title)', hash: `#/plan/${planId}`, input: 'input', char: 'ก' },
    { name: '500 factors: statement', hash: `#/plan/${planId}/internal/2`, input: 'textarea, main input', char: 'ก' },
    { name: '500 factors: weight', hash: `#/plan/${planId}/internal/3`, input: 'td input', char: '1' },
    { name: '1,000 KPIs: target', hash: `#/plan/${planId}/evaluation/3`, input: 'td input', char: '1' },
    { name: '30/200/1,000/500: issue name', hash: `#/plan/${contentId}/goals/1`, input: 'main input', char: 'ก' },
    { name: '30/200/1,000/500: KPI name', hash: `#/plan/${contentId}/goals/2`, input: 'main input', char: 'ก' },
    {
      name: '30/200/1,000/500: KPI target',
      hash: `#/plan/${contentId}/goals/3`,
      input: 'td input',
      char: '1',
      accepted: { name: '30/200/1,000/500: KPI target within the unit', start: '0.' },
    },
    {
      name: '30/200/1,000/500: project name',
      hash: `#/plan/${contentId}/strategies/2`,
      input: 'main input',
      char: 'ก',
    },
    {
      name: '30/200/1,000/500: project budget',
      hash: `#/plan/${contentId}/strategies/3`,
      input: 'td input',
      char: '1',
      accepted: { name: '30/200/1,000/500: project budget accepted', start: '' },
    },
  ];
  for (const screen of screens.filter((s) => only.test(s.name))) {
    const t0 = performance.now();
    await page.goto(`${app.url}${screen.hash}`);
    await page.locator(screen.input).first().waitFor({ timeout: 180_000 });
    line(`ui: open ${screen.name}`, `${(performance.now() - t0).toFixed(0)} ms`);
    const typed = [{ name: screen.name, cost: await typingCost(page, screen.input, screen.char) }];
    if (screen.accepted) {
      const cost = await typingCost(page, screen.input, screen.char, { nth: 1, start: screen.accepted.start });
      typed.push({ name: screen.accepted.name, cost });
    }
    for (const { name, cost } of typed) {
      line(
        `ui: keystroke handling, ${name}: p50 / p95 / p99`,
        `${p(cost.handle, 50).toFixed(2)} / ${p(cost.handle, 95).toFixed(2)} / ${p(cost.handle, 99).toFixed(2)} ms`,
      );
      line(
        `ui: keystroke to next frame, ${name}: p50 / p95 / p99`,
        `${p(cost.frame, 50).toFixed(2)} / ${p(cost.frame, 95).toFixed(2)} / ${p(cost.frame, 99).toFixed(2)} ms`,
      );
    }
    if (screen.accepted) {
      const longest = await saveCost(page, screen.input, screen.char, 1);
      line(
        `ui: longest task per save, ${screen.accepted.name}: p50 / max`,
        `${p(longest, 50).toFixed(0)} / ${Math.max(...longest).toFixed(0)} ms`,
      );
    }
  }
  // Views with nothing to type into: the time until they show (the map is one SVG of every item).
  const views: { name: string; hash: string; ready: string }[] = [
    { name: 'budget summary', hash: `#/plan/${contentId}/strategies/4`, ready: 'main table' },
    { name: 'alignment matrix', hash: `#/plan/${contentId}/review/1`, ready: 'main table' },
    { name: 'strategy map', hash: `#/plan/${contentId}/review/2`, ready: 'main svg' },
    { name: 'completeness panel', hash: `#/plan/${contentId}/review/3`, ready: 'main h2' },
  ];
  for (const view of views.filter((v) => only.test(v.name))) {
    const t0 = performance.now();
    await page.goto(`${app.url}${view.hash}`);
    await page.locator(view.ready).first().waitFor({ timeout: 180_000 });
    line(`ui: open 30/200/1,000/500 ${view.name}`, `${(performance.now() - t0).toFixed(0)} ms`);
  }
  await app.close();
} finally {
  await browser.close();
  rmSync(dir, { recursive: true, force: true });
}
