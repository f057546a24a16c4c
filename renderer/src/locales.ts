import type { Language } from '../../main/core/settings.ts';

/**
 * Every locale file, bundled: resources/locales/<language>.json plus <language>.<part>.json files, one per
 * part of the app (a wizard's words live beside the others, not in one ever-growing file). Parts hold
 * their own top-level keys; test/dom/locales.test.tsx checks that no two files define the same key.
 */
const files = import.meta.glob<{ default: Record<string, unknown> }>('../../resources/locales/*.json', {
  eager: true,
});

export type LocaleTree = Record<string, unknown>;

/** The files of one language, by file name. */
export function localeFiles(language: Language): Record<string, LocaleTree> {
  return Object.fromEntries(
    Object.entries(files)
      .map(([path, module]) => [path.split('/').pop()!, module.default] as const)
      .filter(([name]) => name.split('.')[0] === language),
  );
}

export function localeResources(language: Language): LocaleTree {
  return Object.assign({}, ...Object.values(localeFiles(language))) as LocaleTree;
}
