import { mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { createDialogs, dialogText } from '../../main/electron/dialogs.ts';
import { appPaths } from '../../main/electron/paths.ts';
import { userDataDir } from '../../main/services/userData.ts';
import { findElectronBinary } from '../../scripts/electron-binary.mjs';
import { useTempDir } from '../harness/tmp.ts';

const electron = vi.hoisted(() => ({
  showSaveDialog: vi.fn(async (..._args: unknown[]) => ({ canceled: false, filePath: '/home/u/plan.plan.json' })),
  showOpenDialog: vi.fn(async (..._args: unknown[]) => ({ canceled: true, filePaths: [] as string[] })),
}));
vi.mock('electron', () => ({ dialog: electron }));

const tempDir = useTempDir();

describe('user-data folder (Electron and browser mode share it)', () => {
  it("matches Electron's app.getPath('userData') for productName Phaen on each platform", () => {
    expect(userDataDir({ APPDATA: 'C:\\Users\\u\\AppData\\Roaming' }, 'win32', 'C:\\Users\\u')).toBe(
      join('C:\\Users\\u\\AppData\\Roaming', 'Phaen'),
    );
    expect(userDataDir({}, 'darwin', '/Users/u')).toBe('/Users/u/Library/Application Support/Phaen');
    expect(userDataDir({}, 'linux', '/home/u')).toBe('/home/u/.config/Phaen');
    expect(userDataDir({ XDG_CONFIG_HOME: '/xdg' }, 'linux', '/home/u')).toBe('/xdg/Phaen');
  });

  it('lets PHAEN_DATA_DIR override it', () => {
    expect(userDataDir({ PHAEN_DATA_DIR: '/tmp/try', XDG_CONFIG_HOME: '/xdg' }, 'linux', '/home/u')).toBe('/tmp/try');
  });
});

describe('app paths', () => {
  it('reads resources beside the asar when packaged and from the project in dev', () => {
    const packaged = appPaths(
      { isPackaged: true, getAppPath: () => '/opt/Phaen/resources/app.asar' },
      '/opt/Phaen/resources',
    );
    expect(packaged).toEqual({
      resourcesDir: '/opt/Phaen/resources/resources',
      rendererDir: '/opt/Phaen/resources/app.asar/out/renderer',
      preload: '/opt/Phaen/resources/app.asar/out/preload/index.cjs',
    });
    expect(appPaths({ isPackaged: false, getAppPath: () => '/work/phaen' }, '/ignored').resourcesDir).toBe(
      '/work/phaen/resources',
    );
  });
});

describe('Electron binary (npm start, the Electron e2e tier)', () => {
  const root = resolve(import.meta.dirname, '../..');

  it('is found only where the file exists, without require(electron) trying a download', () => {
    const dist = tempDir();
    vi.stubEnv('ELECTRON_OVERRIDE_DIST_PATH', dist);
    expect(findElectronBinary(root)).toBeNull();
    writeFileSync(join(dist, 'electron'), '');
    expect(findElectronBinary(root)).toBe(join(dist, 'electron'));
    vi.unstubAllEnvs();
  });
});

describe('file dialogs', () => {
  function resources(): string {
    const dir = tempDir();
    mkdirSync(join(dir, 'locales'));
    const th = { dialogs: { saveJsonTitle: 'บันทึกแผนเป็นไฟล์', jsonFilter: 'ไฟล์แผน' } };
    const en = {
      dialogs: { saveJsonTitle: 'Save plan file', openJsonTitle: 'Open plan file', jsonFilter: 'Plan files' },
    };
    writeFileSync(join(dir, 'locales', 'th.json'), JSON.stringify(th));
    writeFileSync(join(dir, 'locales', 'en.json'), JSON.stringify(en));
    return dir;
  }

  it('titles dialogs in the chosen language, falling back to English, then to the key', () => {
    const dir = resources();
    expect(dialogText(dir, 'th', 'saveJsonTitle')).toBe('บันทึกแผนเป็นไฟล์');
    expect(dialogText(dir, 'en', 'saveJsonTitle')).toBe('Save plan file');
    expect(dialogText(dir, 'th', 'openJsonTitle')).toBe('Open plan file');
    expect(dialogText(dir, 'th', 'openDatabaseTitle')).toBe('openDatabaseTitle');
    expect(dialogText(join(dir, 'missing'), 'th', 'saveJsonTitle')).toBe('saveJsonTitle');
  });

  it('returns the chosen path, or null when cancelled, asking in the current language', async () => {
    let language: 'th' | 'en' = 'th';
    const dialogs = createDialogs({ window: () => null, language: () => language, resourcesDir: resources() });
    await expect(dialogs.saveFile('แผน.plan.json', 'plan-json')).resolves.toBe('/home/u/plan.plan.json');
    expect(electron.showSaveDialog).toHaveBeenLastCalledWith({
      title: 'บันทึกแผนเป็นไฟล์',
      defaultPath: 'แผน.plan.json',
      filters: [{ name: 'ไฟล์แผน', extensions: ['json'] }],
    });
    language = 'en';
    await expect(dialogs.openFile('plan-json')).resolves.toBeNull();
    expect(electron.showOpenDialog).toHaveBeenLastCalledWith(expect.objectContaining({ title: 'Open plan file' }));
  });
});
