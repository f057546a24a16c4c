import { join } from 'node:path';

/** The parts of Electron's `app` the paths depend on (a plain object in tests). */
export interface AppLocation {
  readonly isPackaged: boolean;
  /** The project folder in dev, resources/app.asar when packaged. */
  getAppPath(): string;
}

export interface AppPaths {
  /** Locales, fonts, catalogs, sample, schema: shipped outside the asar by electron-builder's extraResources. */
  readonly resourcesDir: string;
  readonly rendererDir: string;
  readonly preload: string;
}

export function appPaths(app: AppLocation, resourcesPath: string = process.resourcesPath): AppPaths {
  const appPath = app.getAppPath();
  return {
    resourcesDir: app.isPackaged ? join(resourcesPath, 'resources') : join(appPath, 'resources'),
    rendererDir: join(appPath, 'out', 'renderer'),
    preload: join(appPath, 'out', 'preload', 'index.cjs'),
  };
}
