import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import i18next from 'i18next';
import type { Translate } from '../core/pdf/options.ts';
import type { Language } from '../core/settings.ts';

/**
 * The locale files as main reads them (dialog titles, PDF documents, command-line messages): the same files
 * and the same merge as the renderer (renderer/src/locales.ts), `<language>.json` plus `<language>.<part>.json`,
 * and the same i18next interpolation, so a word reads the same on screen, in a dialog and on paper.
 * Read at each use rather than cached: a handful of small files, and a language switch applies at once.
 */

export type LocaleTree = Record<string, unknown>;

/** Every locale file of a language merged; a missing folder or a broken file counts as empty (logged by the caller's fallback). */
export function localeTree(resourcesDir: string, language: Language): LocaleTree {
  const dir = join(resourcesDir, 'locales');
  let names: string[];
  try {
    names = readdirSync(dir).filter((name) => name.endsWith('.json') && name.split('.')[0] === language);
  } catch {
    return {};
  }
  const tree: LocaleTree = {};
  for (const name of names.sort()) {
    try {
      Object.assign(tree, JSON.parse(readFileSync(join(dir, name), 'utf8')) as LocaleTree);
    } catch {
      // A broken locale file must not stop a dialog or an export: its keys fall back to English, then the key.
    }
  }
  return tree;
}

export interface TranslatorOptions {
  /** Called with each key found in neither language (tests make this throw). */
  readonly onMissing?: (key: string) => void;
}

/** t(key, values) in `language`, falling back to English, then to the key itself. */
export function translator(resourcesDir: string, language: Language, options: TranslatorOptions = {}): Translate {
  const instance = i18next.createInstance();
  void instance.init({
    resources: {
      [language]: { translation: localeTree(resourcesDir, language) },
      ...(language === 'en' ? {} : { en: { translation: localeTree(resourcesDir, 'en') } }),
    },
    lng: language,
    fallbackLng: 'en',
    initAsync: false,
    // Plain text for PDFs, dialogs and terminals: nothing here is HTML.
    interpolation: { escapeValue: false },
    ...(options.onMissing
      ? {
          saveMissing: true,
          missingKeyHandler: (_lngs: readonly string[], _ns: string, key: string) => options.onMissing!(key),
        }
      : {}),
  });
  return (key, values) => instance.t(key, values ?? {});
}
