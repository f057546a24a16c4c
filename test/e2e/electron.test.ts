import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { _electron as electron, type ElectronApplication, type Page } from 'playwright-core';
import { afterEach, describe, it } from 'vitest';
import { findElectronBinary } from '../../scripts/electron-binary.mjs';
import { useTempDir } from '../harness/tmp.ts';
import { specs } from './specs.ts';

/** The shared e2e specs against the real Electron app, where an Electron binary exists (not on CI here). */
const root = resolve(import.meta.dirname, '../..');
const binary = findElectronBinary(root);
const built = ['out/main/index.js', 'out/preload/index.cjs', 'out/renderer/index.html'].every((f) =>
  existsSync(join(root, f)),
);
const skipReason = !binary
  ? 'no Electron binary in node_modules/electron (its download host is unreachable here); the browser tier runs the same specs'
  : !built
    ? 'out/ is not built: run npm run build first'
    : null;
if (skipReason) console.log(`e2e electron: skipped: ${skipReason}`);

const tempDir = useTempDir();
let running: ElectronApplication | null = null;

afterEach(async () => {
  await running?.close();
  running = null;
});

async function launch(dataDir: string): Promise<Page> {
  // executablePath given: without it Playwright would require('electron'), which tries to download it.
  running = await electron.launch({
    executablePath: binary!,
    args: [root],
    env: { ...process.env, PHAEN_DATA_DIR: dataDir },
  });
  const page = await running.firstWindow();
  await page.waitForLoadState('domcontentloaded');
  return page;
}

describe.skipIf(skipReason !== null)('Electron app', () => {
  for (const spec of specs) {
    it(
      spec.name,
      async () => {
        const dataDir = tempDir();
        const page = await launch(dataDir);
        await spec.run(page, {
          url: page.url(),
          // A relaunch is a new process and so a new window: the spec continues with the page returned here.
          async restart() {
            await running?.close();
            return launch(dataDir);
          },
        });
      },
      spec.timeout,
    );
  }
});
