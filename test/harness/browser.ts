import chromium from '@sparticuz/chromium';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium as playwright, type Browser, type Page } from 'playwright-core';
import { startBridge, type Bridge } from '../../main/services/bridge/server.ts';
import { createHandlers } from '../../main/services/handlers.ts';
import { Session } from '../../main/services/session.ts';

/**
 * The browser e2e tier: the built renderer in a real Chromium, against the real services (a real SQLite
 * file in a fresh temp folder) through the loopback bridge. One browser per test file, one app per spec.
 * The e2e files run side by side (vitest.config.ts): nothing here is shared between them. No vitest here:
 * bench/ui.ts drives the same app (the tests' hooks are in browserTests.ts).
 */

const ROOT = resolve(import.meta.dirname, '../..');
const STATIC_DIR = join(ROOT, 'out/renderer');

export async function launchBrowser(): Promise<Browser> {
  if (!existsSync(join(STATIC_DIR, 'index.html'))) {
    throw new Error(
      `${STATIC_DIR}/index.html is missing: build the renderer first (npx electron-vite build, part of npm test)`,
    );
  }
  // --single-process (meant for serverless) ends the whole browser when its last page closes.
  const args = chromium.args.filter((a) => a !== '--single-process');
  return playwright.launch({ executablePath: await chromium.executablePath(), args, headless: true });
}

export interface BrowserApp {
  /** The page to open; stays the same across restart() (same port and token). */
  readonly url: string;
  readonly dataDir: string;
  /** Close the bridge and the session, then start both again on the same data folder, as a relaunch would. */
  restart(): Promise<void>;
  close(): Promise<void>;
}

export interface StartOptions {
  /** An existing data folder (kept on close); default: a fresh temp folder, removed on close. */
  readonly dataDir?: string;
}

export async function startApp(options: StartOptions = {}): Promise<BrowserApp> {
  const dataDir = options.dataDir ?? mkdtempSync(join(tmpdir(), 'phaen-e2e-'));
  const logs: string[] = [];
  const log = (m: string) => logs.push(m);

  const open = async (port?: number, token?: string): Promise<{ session: Session; bridge: Bridge }> => {
    const session = await Session.start({ dataDir, backupIntervalMs: 0, log });
    const handlers = createHandlers({
      session,
      dialogs: null,
      resourcesDir: join(ROOT, 'resources'),
      version: '0.1.0',
    });
    const bridge = await startBridge({
      handlers,
      staticDir: STATIC_DIR,
      log,
      ...(port ? { port } : {}),
      ...(token ? { token } : {}),
    });
    return { session, bridge };
  };
  const shut = async ({ session, bridge }: { session: Session; bridge: Bridge }) => {
    await bridge.close();
    session.close();
  };

  let running = await open();
  const { port, token, url } = running.bridge;
  return {
    url,
    dataDir,
    async restart() {
      await shut(running);
      running = await open(port, token);
    },
    async close() {
      await shut(running);
      if (!options.dataDir) rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** A page in its own context (no storage shared between specs) on the app's start screen. */
export async function openPage(browser: Browser, app: BrowserApp): Promise<Page> {
  const context = await browser.newContext({ locale: 'th-TH', viewport: { width: 1100, height: 800 } });
  const page = await context.newPage();
  page.on('pageerror', (err) => console.error(`page error: ${err.message}`));
  page.on('console', (m) => m.type() === 'error' && console.error(`page console: ${m.text()}`));
  await page.goto(app.url);
  return page;
}
