import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { localeTree, translator } from '../../main/services/locales.ts';
import { useTempDir } from '../harness/tmp.ts';

/** main's one reader of the locale files (dialogs, PDF documents, the command line). */

const tempDir = useTempDir();

function resources(files: Record<string, unknown>): string {
  const dir = tempDir();
  mkdirSync(join(dir, 'locales'));
  for (const [name, content] of Object.entries(files)) {
    writeFileSync(join(dir, 'locales', name), typeof content === 'string' ? content : JSON.stringify(content));
  }
  return dir;
}

describe('locale files in main', () => {
  it('merge a language’s files as the renderer does, skipping a broken one', () => {
    const dir = resources({
      'th.json': { dialogs: { a: 'ก' } },
      'th.pdf.json': { pdf: { title: 'แผน {{year}}' } },
      'th.broken.json': '{ not json',
      'en.json': { dialogs: { a: 'A' } },
    });
    expect(localeTree(dir, 'th')).toEqual({ dialogs: { a: 'ก' }, pdf: { title: 'แผน {{year}}' } });
    expect(localeTree(join(dir, 'missing'), 'th')).toEqual({});
  });

  it('translate with values, fall back to English, then to the key, and report what is missing', () => {
    const dir = resources({
      'th.json': { pdf: { title: 'แผน พ.ศ. {{year}}' } },
      'en.json': { pdf: { title: 'Plan {{year}}', only: 'English only' } },
    });
    const missing: string[] = [];
    const t = translator(dir, 'th', { onMissing: (key) => missing.push(key) });
    expect(t('pdf.title', { year: 2566 })).toBe('แผน พ.ศ. 2566');
    expect(t('pdf.only')).toBe('English only');
    expect(t('pdf.nothing')).toBe('pdf.nothing');
    expect(missing).toEqual(['pdf.nothing']);
  });
});
