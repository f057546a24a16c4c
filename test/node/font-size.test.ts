import { existsSync } from 'node:fs';
import { join } from 'node:path';
import * as fontkit from 'fontkit';
import { describe, expect, it } from 'vitest';
import { BODY_SIZE, BODY_STYLE, STYLES, TABLE_SIZE, TH_SARABUN_SCALE, thSarabun } from '../../main/core/pdf/blocks.ts';
import { RESOURCES } from '../harness/pdfPlan.ts';

/**
 * The evidence for the body size: Thai official documents are specified in TH SarabunPSK 16 pt as Word sets
 * it, and the plan prints in Google's Sarabun, which draws its glyphs larger at the same size. TH SarabunPSK
 * and TH Sarabun New share their outlines; Debian's Laksaman (fonts-tlwg-laksaman) is TH Sarabun New with
 * every glyph and the OS/2 metrics scaled up by 150.42% "for Garuda X-Height compatibility" (fonts-tlwg
 * ChangeLog, 2014-05-01), so TH SarabunPSK's heights are Laksaman's divided by 1.5042. Both fonts are read
 * here with fontkit; the sizes in core/pdf/blocks.ts must reproduce those heights, and Word's single line.
 */

const LAKSAMAN = '/usr/share/fonts/truetype/tlwg/Laksaman.ttf';
const LAKSAMAN_SCALE = 1.5042;
/** The size official documents specify the body in (TH SarabunPSK). */
const OFFICIAL_BODY = 16;

const sarabun = fontkit.openSync(join(RESOURCES, 'fonts', 'Sarabun-Regular.ttf'));

/** A glyph's height above the baseline, in ems. */
const height = (font: fontkit.Font, char: string) =>
  font.glyphForCodePoint(char.codePointAt(0)!).bbox.maxY / font.unitsPerEm;

/** x-height, capitals, an ascender, and Thai consonants with and without an ascender (ก น บ ป). */
const MEASURES: readonly [string, string][] = [
  ['x-height (x)', 'x'],
  ['capital (H)', 'H'],
  ['ascender (k)', 'k'],
  ['Thai consonant (ก)', 'ก'],
  ['Thai consonant (น)', 'น'],
  ['Thai consonant (บ)', 'บ'],
  ['Thai ascender (ป)', 'ป'],
];

describe('the body size', () => {
  it('prints glyphs as tall as TH SarabunPSK 16 pt (Laksaman, measured), and tables and headings in proportion', () => {
    expect(existsSync(LAKSAMAN), `${LAKSAMAN}: apt-get install fonts-tlwg-laksaman (.ci/run does)`).toBe(true);
    const laksaman = fontkit.openSync(LAKSAMAN);
    const rows = MEASURES.map(([what, char]) => {
      const official = (OFFICIAL_BODY * height(laksaman, char)) / LAKSAMAN_SCALE;
      const printed = BODY_SIZE * height(sarabun, char);
      return {
        what,
        'TH SarabunPSK 16 pt': official.toFixed(2),
        [`Sarabun ${BODY_SIZE.toFixed(2)} pt`]: printed.toFixed(2),
        ratio: printed / official,
      };
    });
    console.table(rows.map((r) => ({ ...r, ratio: r.ratio.toFixed(3) })));
    // Every height within 2% of TH SarabunPSK's (the fonts differ a little glyph by glyph, not in scale).
    for (const row of rows) expect(Math.abs(row.ratio - 1), row.what).toBeLessThan(0.02);
    // The body is 16 pt in TH SarabunPSK's measure, tables 14 pt, chapter titles 20 pt, all by one scale.
    expect(BODY_SIZE).toBeCloseTo(thSarabun(16), 6);
    expect(TABLE_SIZE).toBeCloseTo(thSarabun(14), 6);
    expect(STYLES.chapterTitle?.fontSize).toBeCloseTo(thSarabun(20), 6);
    expect(TH_SARABUN_SCALE).toBeGreaterThan(0.6);
  });

  it("spaces lines as Word's single spacing of TH SarabunPSK 16 pt does", () => {
    const laksaman = fontkit.openSync(LAKSAMAN);
    // Word on Windows spaces a single line by the font's Windows ascent and descent.
    const os2 = laksaman['OS/2'];
    const word = (OFFICIAL_BODY * (os2.winAscent + os2.winDescent)) / laksaman.unitsPerEm / LAKSAMAN_SCALE;
    // pdfkit's line is the hhea ascent less the descent, times the style's line height.
    const printed = (BODY_SIZE * (sarabun.ascent - sarabun.descent) * BODY_STYLE.lineHeight) / sarabun.unitsPerEm;
    console.log(`line pitch: Word, TH SarabunPSK 16 pt single ${word.toFixed(2)} pt; plan ${printed.toFixed(2)} pt`);
    expect(Math.abs(printed / word - 1)).toBeLessThan(0.02);
  });
});
