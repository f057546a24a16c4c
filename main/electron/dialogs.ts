import { type BrowserWindow, dialog } from 'electron';
import type { Language } from '../core/settings.ts';
import { localeTree } from '../services/locales.ts';
import type { FileDialogs } from '../services/session.ts';

type Kind = 'plan-json' | 'database' | 'exchange-package' | 'pdf' | 'docx' | 'xlsx';
const EXTENSIONS: Record<Kind, string[]> = {
  'plan-json': ['json'],
  database: ['sqlite', 'db'],
  'exchange-package': ['phaen-package'],
  pdf: ['pdf'],
  docx: ['docx'],
  xlsx: ['xlsx'],
};
const FILTER_KEY: Record<Kind, string> = {
  'plan-json': 'jsonFilter',
  database: 'databaseFilter',
  'exchange-package': 'packageFilter',
  pdf: 'pdfFilter',
  docx: 'docxFilter',
  xlsx: 'xlsxFilter',
};
const OPEN_TITLE_KEY: Record<Exclude<Kind, 'pdf' | 'docx'>, string> = {
  'plan-json': 'openJsonTitle',
  database: 'openDatabaseTitle',
  'exchange-package': 'openPackageTitle',
  xlsx: 'openXlsxTitle',
};

const SAVE_TITLE_KEY: Record<Exclude<Kind, 'database'>, string> = {
  'plan-json': 'saveJsonTitle',
  'exchange-package': 'savePackageTitle',
  pdf: 'savePdfTitle',
  docx: 'saveDocxTitle',
  xlsx: 'saveXlsxTitle',
};

export interface DialogOptions {
  readonly window: () => BrowserWindow | null;
  /** The language chosen in settings, read at each dialog so a change applies at once. */
  readonly language: () => Language;
  readonly resourcesDir: string;
}

/** Native file dialogs, titled in the user's language from the same locale files as the renderer. */
export function createDialogs({ window, language, resourcesDir }: DialogOptions): FileDialogs {
  const text = (key: string) => dialogText(resourcesDir, language(), key);
  const filters = (kind: Kind) => [{ name: text(FILTER_KEY[kind]), extensions: EXTENSIONS[kind] }];

  return {
    async saveFile(defaultName, kind) {
      const title = text(SAVE_TITLE_KEY[kind]);
      const options = { title, defaultPath: defaultName, filters: filters(kind) };
      const win = window();
      const result = win ? await dialog.showSaveDialog(win, options) : await dialog.showSaveDialog(options);
      return result.canceled || !result.filePath ? null : result.filePath;
    },
    async openFile(kind) {
      const options = { title: text(OPEN_TITLE_KEY[kind]), filters: filters(kind), properties: ['openFile' as const] };
      const win = window();
      const result = win ? await dialog.showOpenDialog(win, options) : await dialog.showOpenDialog(options);
      return result.canceled ? null : (result.filePaths[0] ?? null);
    },
    async openFolder(purpose) {
      const title = text(purpose === 'shared-folder' ? 'sharedFolderTitle' : 'openPackagesFolderTitle');
      const options = { title, properties: ['openDirectory' as const, 'createDirectory' as const] };
      const win = window();
      const result = win ? await dialog.showOpenDialog(win, options) : await dialog.showOpenDialog(options);
      return result.canceled ? null : (result.filePaths[0] ?? null);
    },
  };
}

/** `dialogs.<key>` from the locale files (services/locales.ts); English, then the key, if a file or key is missing. */
export function dialogText(resourcesDir: string, language: Language, key: string): string {
  for (const lang of [language, 'en'] as const) {
    const dialogs = localeTree(resourcesDir, lang).dialogs as Record<string, unknown> | undefined;
    const value = dialogs?.[key];
    if (typeof value === 'string') return value;
  }
  return key;
}
