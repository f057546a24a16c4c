/**
 * The Sarabun files and where they are. Apart from fonts.ts, which needs fontkit and pdfmake, so that the
 * main thread (export jobs, the command line) finds the fonts without loading the engine: only the PDF
 * worker loads pdfmake.
 */
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const FONT_FAMILY = 'Sarabun';

export const FILES = {
  normal: 'Sarabun-Regular.ttf',
  bold: 'Sarabun-Bold.ttf',
  italics: 'Sarabun-Italic.ttf',
  bolditalics: 'Sarabun-BoldItalic.ttf',
} as const;

export type FontStyle = keyof typeof FILES;

/** pdfmake's font dictionary for the Sarabun files in `fontsDir`; throws naming a missing file. */
export function sarabunFonts(fontsDir: string): Record<string, Record<FontStyle, string>> {
  const family = {} as Record<FontStyle, string>;
  for (const [style, file] of Object.entries(FILES) as [FontStyle, string][]) {
    const path = join(fontsDir, file);
    if (!existsSync(path)) throw new Error(`PDF font missing: ${path}`);
    family[style] = path;
  }
  return { [FONT_FAMILY]: family };
}

/**
 * resources/fonts found from this module: the source tree (main/services/pdf/engine) or the bundle
 * (out/main, out/main/chunks). The packaged app passes its resources folder instead.
 */
export function defaultFontsDir(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  for (let up = 0; up < 6; up++) {
    const candidate = join(dir, 'resources', 'fonts');
    if (existsSync(join(candidate, FILES.normal))) return candidate;
    dir = dirname(dir);
  }
  throw new Error('PDF fonts not found: pass fontsDir (resources/fonts)');
}
