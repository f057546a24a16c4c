import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { beforeAll } from 'vitest';

/** The built command line (bin/phaen.mjs → out/main/cli.js), run by the tests as a user would run it. */
export const ROOT = resolve(import.meta.dirname, '../..');
export const BIN = join(ROOT, 'bin', 'phaen.mjs');

/** Fails the test file at once, saying why, when the command line was not built (npm test builds it first). */
export function requireBuiltCli(): void {
  beforeAll(() => {
    if (!existsSync(join(ROOT, 'out', 'main', 'cli.js'))) {
      throw new Error('out/main/cli.js is missing: build first (npx electron-vite build, part of npm test)');
    }
  });
}
