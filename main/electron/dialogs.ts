import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { type BrowserWindow, dialog } from 'electron';
import type { Language } from '../core/settings.ts';
import type { FileDialogs } from '../services/session.ts';

type Kind = 'plan-json' | 'database';
const EXTENSIONS: Record<Kind, string[]> = { 'plan-json': ['json'], database: ['sqlite', 'db'] };
const FILTER_KEY: Record<Kind, string> = { 'plan-json': 'jsonFilter', database: 'databaseFilter' };

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
      const options = { title: text('saveJsonTitle'), defaultPath: defaultName, filters: filters(kind) };
      const win = window();
      const result = win ? await dialog.showSaveDialog(win, options) : await dialog.showSaveDialog(options);
      return result.canceled || !result.filePath ? null : result.filePath;
    },
    async openFile(kind) {
      const title = text(kind === 'database' ? 'openDatabaseTitle' : 'openJsonTitle');
      const options = { title, filters: filters(kind), properties: ['openFile' as const] };
      const win = window();
      const result = win ? await dialog.showOpenDialog(win, options) : await dialog.showOpenDialog(options);
      return result.canceled ? null : (result.filePaths[0] ?? null);
    },
  };
}

/** `dialogs.<key>` from resources/locales/<language>.json; English, then the key, if a file or key is missing. */
export function dialogText(resourcesDir: string, language: Language, key: string): string {
  for (const lang of [language, 'en']) {
    try {
      const locale = JSON.parse(readFileSync(join(resourcesDir, 'locales', `${lang}.json`), 'utf8')) as {
        dialogs?: Record<string, unknown>;
      };
      const value = locale.dialogs?.[key];
      if (typeof value === 'string') return value;
    } catch {
      // A missing or broken locale file must not stop the dialog from opening.
    }
  }
  return key;
}
