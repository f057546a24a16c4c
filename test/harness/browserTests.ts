import { mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, it } from 'vitest';
import type { Spec } from '../e2e/specs/common.ts';
import { launchBrowser, openPage, startApp, type BrowserApp } from './browser.ts';

/** The browser tier's test hooks, shared by its test files (each with its own browser, run side by side). */

/** The test file's browser: launched before its first test, closed after its last. */
export function useBrowser(): () => Browser {
  let browser: Browser | undefined;
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });
  return () => browser!;
}

const SHOTS = join(tmpdir(), 'phaen-screens');
/** A screenshot for review in the temp folder's phaen-screens; `fullPage: false` keeps what is above the fold. */
export async function shoot(page: Page, name: string, fullPage = true): Promise<void> {
  mkdirSync(SHOTS, { recursive: true });
  await page.screenshot({ path: join(SHOTS, `${name}.png`), fullPage });
}

/** Runs `run` on a page of the app (a fresh one unless given), then closes both; a failure keeps what the page showed. */
export async function withApp(
  browser: Browser,
  run: (page: Page, app: BrowserApp) => Promise<void>,
  app?: BrowserApp,
): Promise<void> {
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

/** One test per shared spec, each on its own fresh app in the file's browser. */
export function specTests(browser: () => Browser, specs: readonly Spec[]): void {
  for (const spec of specs) {
    it(
      spec.name,
      () =>
        withApp(browser(), (page, app) =>
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
}
