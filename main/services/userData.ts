import { homedir } from 'node:os';
import { join } from 'node:path';

/** package.json's productName: Electron names the user-data folder after it. */
export const PRODUCT_NAME = 'Phaen';

/**
 * The user-data folder, computed the way Electron's app.getPath('userData') does for our productName, so the
 * Electron app and browser mode (no Electron binary) open the same database. PHAEN_DATA_DIR overrides it
 * (tests, a portable install, trying the app without touching real data).
 */
export function userDataDir(
  env: NodeJS.ProcessEnv = process.env,
  platform: NodeJS.Platform = process.platform,
  home: string = homedir(),
): string {
  if (env.PHAEN_DATA_DIR) return env.PHAEN_DATA_DIR;
  switch (platform) {
    case 'win32':
      return join(env.APPDATA || join(home, 'AppData', 'Roaming'), PRODUCT_NAME);
    case 'darwin':
      return join(home, 'Library', 'Application Support', PRODUCT_NAME);
    default:
      return join(env.XDG_CONFIG_HOME || join(home, '.config'), PRODUCT_NAME);
  }
}
