/**
 * One Chromium print, as its own process for bench/chromium.ts: launch headless Chromium (the one the e2e tier
 * uses), open an HTML file, print it to PDF, quit. `node bench/chromiumPrint.ts page.html out.pdf`
 * (Chromium's bare --print-to-pdf switch hangs with this build, so Playwright drives it: the usual way a
 * program prints through Chromium).
 */
import chromium from '@sparticuz/chromium';
import { pathToFileURL } from 'node:url';
import { chromium as playwright } from 'playwright-core';

const [html, out] = process.argv.slice(2);
if (!html || !out) throw new Error('usage: chromiumPrint.ts page.html out.pdf');
const args = chromium.args.filter((a) => a !== '--single-process');
const browser = await playwright.launch({ executablePath: await chromium.executablePath(), args, headless: true });
const page = await browser.newPage();
await page.goto(pathToFileURL(html).href, { waitUntil: 'load' });
await page.pdf({ path: out, preferCSSPageSize: true });
await browser.close();
