import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

/**
 * The Electron executable the npm package points at, or null when there is none. Not require('electron'):
 * since Electron 42 that downloads the binary on first use, which hangs or fails on a machine that cannot
 * reach Electron's download host. This reads the same path.txt, honouring ELECTRON_OVERRIDE_DIST_PATH.
 *
 * @param {string} root the project folder
 * @returns {string | null}
 */
export function findElectronBinary(root) {
  let packageDir;
  try {
    packageDir = dirname(createRequire(join(root, 'package.json')).resolve('electron/package.json'));
  } catch {
    return null;
  }
  const pathFile = join(packageDir, 'path.txt');
  const executable = existsSync(pathFile) ? readFileSync(pathFile, 'utf8').trim() : null;
  const override = process.env.ELECTRON_OVERRIDE_DIST_PATH;
  const candidate = override
    ? join(override, executable ?? 'electron')
    : executable && join(packageDir, 'dist', executable);
  return candidate && existsSync(candidate) ? candidate : null;
}
