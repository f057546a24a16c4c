import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import i18next from 'i18next';
import { describe, expect, it } from 'vitest';
import { BackupReason, DbFailure } from '../../main/core/contract.ts';
import { ErrorCode } from '../../main/core/errors.ts';
import { localeFiles, localeResources } from '../../renderer/src/locales.ts';

const root = join(import.meta.dirname, '../..');

function keys(tree: object, prefix = ''): string[] {
  return Object.entries(tree).flatMap(([k, v]) =>
    typeof v === 'object' && v !== null ? keys(v as object, `${prefix}${k}.`) : [`${prefix}${k}`],
  );
}

function sources(dir: string): string[] {
  return readdirSync(join(root, dir), { recursive: true, encoding: 'utf8' })
    .filter((f) => /\.tsx?$/.test(f))
    .map((f) => readFileSync(join(root, dir, f), 'utf8'));
}

const th = localeResources('th');
const en = localeResources('en');
const thKeys = new Set(keys(th));

describe('locale files', () => {
  // English counts have a singular and a plural form (i18next's "_one" and "_other" beside a key); Thai has one
  // form, the bare key, which i18next falls back to for any count.
  it('Thai and English have exactly the same keys, English plural forms aside', () => {
    const english = keys(en).map((k) => k.replace(/_(one|other)$/, ''));
    expect([...new Set(english)].sort()).toEqual([...thKeys].sort());
    expect([...thKeys].filter((k) => /_(one|other)$/.test(k))).toEqual([]);
  });

  it('counts one thing in the singular in English and several in the plural', () => {
    const t = i18next.createInstance({ lng: 'en', resources: { en: { translation: en } } });
    void t.init();
    expect(t.t('setup.summaryWorkshops', { count: 1 })).toBe('Workshops: 1 session');
    expect(t.t('setup.summaryWorkshops', { count: 2 })).toBe('Workshops: 2 sessions');
  });

  it('no two files of a language define the same top-level key', () => {
    for (const language of ['th', 'en'] as const) {
      const tops = Object.values(localeFiles(language)).flatMap((tree) => Object.keys(tree));
      expect(tops.filter((k, i) => tops.indexOf(k) !== i)).toEqual([]);
    }
  });

  it('every validation message key used in core has a translation', () => {
    const used = new Set(sources('main/core').flatMap((s) => s.match(/validation\.[A-Za-z]+/g) ?? []));
    expect(used.size).toBeGreaterThan(5);
    expect([...used].filter((k) => !thKeys.has(k))).toEqual([]);
  });

  it('every error code, database failure and backup reason has a translation', () => {
    const needed = [
      ...ErrorCode.options.map((c) => `errors.${c}`),
      ...DbFailure.options.map((r) => `dbFailed.reason.${r}`),
      ...BackupReason.options.map((r) => `backups.reason.${r}`),
    ];
    expect(needed.filter((k) => !thKeys.has(k))).toEqual([]);
  });

  it('every dialog text the main process looks up exists in both languages', () => {
    const dialogs = ['main/electron/dialogs.ts', 'main/index.ts'].map((f) => readFileSync(join(root, f), 'utf8'));
    const used = new Set(
      dialogs.flatMap((s) =>
        [...s.matchAll(/\btext\('([a-zA-Z]+)'\)|'(\w+(?:Title|Filter))'/g)].map((m) => m[1] ?? m[2]!),
      ),
    );
    expect(used.size).toBeGreaterThanOrEqual(6);
    for (const tree of [th, en]) {
      const texts = (tree as { dialogs?: Record<string, string> }).dialogs ?? {};
      expect([...used].filter((k) => !(k in texts))).toEqual([]);
    }
  });

  it('every literal key the renderer translates exists', () => {
    const used = new Set(
      sources('renderer/src').flatMap((s) => [...s.matchAll(/\bt\('([a-zA-Z.-]+)'/g)].map((m) => m[1]!)),
    );
    expect(used.size).toBeGreaterThan(20);
    expect([...used].filter((k) => !thKeys.has(k))).toEqual([]);
  });
});
