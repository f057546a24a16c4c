import chromium from '@sparticuz/chromium';

/**
 * The e2e tier's global setup, run once before any test file: unpack Chromium to the temp folder. The e2e files
 * run side by side, and @sparticuz/chromium takes the binary as ready once its file exists: two files unpacking
 * at once would start a half-written browser.
 */
export default async function setup(): Promise<void> {
  await chromium.executablePath();
}
