/**
 * Shaping with HarfBuzz (engine/shaping.ts): the widths, glyphs and code points fontkit gave, so lines, pages
 * and extracted text stay what they were, and the font's own narrow tone marks over ป ฝ ฟ where fontkit
 * shifted the plain ones. On the shipped Sarabun faces, every word of the shipped lexicon and of the sample plan.
 */
import { spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { inflateSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { fontkit, type FontkitFont } from '../../main/services/pdf/engine/internals.ts';
import { FILES } from '../../main/services/pdf/engine/fontFiles.ts';
import { shapeWithHarfBuzz } from '../../main/services/pdf/engine/shaping.ts';
import { renderPdf } from '../../main/services/pdf/render.ts';
import { LEXICON_ADDITIONS_FILE, LEXICON_FILE } from '../../main/services/thaiLexicon.ts';
import { BIN, requireBuiltCli } from '../harness/cli.ts';
import { comparable, drawnText, extractPages, popplerText } from '../harness/pdf.ts';
import { RESOURCES, SAMPLE_FILE } from '../harness/pdfPlan.ts';
import { useTempDir } from '../harness/tmp.ts';

const fontFile = (face: keyof typeof FILES) => readFileSync(join(RESOURCES, 'fonts', FILES[face]));

/** fontkit's glyph with its outline, which the engine's own types leave out. */
type Outlined = { id: number; name?: string; path: { toSVG(): string } };

/** A font parsed the way the engine first uses one (fonts.ts parseFontsAhead): glyph 0, า, กำ, ำ. */
function parsed(data: Uint8Array, harfBuzz: boolean): FontkitFont {
  const font = fontkit.create(data);
  if (harfBuzz) shapeWithHarfBuzz(font);
  font.getGlyph(0);
  font.glyphForCodePoint(0x0e32);
  font.layout('\u0E01\u0E33');
  font.glyphForCodePoint(0x0e33);
  return font;
}

function shaped(font: FontkitFont, text: string) {
  const run = font.layout(text);
  return {
    width: run.advanceWidth,
    glyphs: run.glyphs.map((g) => g.id),
    names: run.glyphs.map((g) => g.name ?? ''),
    codePoints: run.glyphs.map((g) => g.codePoints.join(' ')),
    positions: run.positions.map((p) => [p.xAdvance, p.yAdvance, p.xOffset, p.yOffset].join(' ')),
  };
}

/** Every word of the sample plan as pdfkit shapes it (words cut after each space), and the lexicon's words. */
function words(): string[] {
  const plan = readFileSync(SAMPLE_FILE, 'utf8');
  const planWords = [...plan.matchAll(/[^\s"\\]+ ?/g)].map((m) => m[0]);
  const lexicon = [LEXICON_FILE, LEXICON_ADDITIONS_FILE].flatMap((f) =>
    readFileSync(join(RESOURCES, f), 'utf8').split('\n'),
  );
  return [...new Set([...planWords, ...lexicon].filter((w) => w.trim() !== ''))];
}

/** A Thai consonant with a tall stem on the right, a vowel below it and a tone mark: HarfBuzz's narrow mark. */
const NARROW_MARK_CONTEXT = /[\u0E1B\u0E1D\u0E1F][\u0E38\u0E39][\u0E48-\u0E4B]/;

describe('text shaped by HarfBuzz, as fontkit shaped it', () => {
  const all = words();

  it.each(Object.keys(FILES) as (keyof typeof FILES)[])(
    'gives every word of the lexicon and the sample plan fontkit’s widths, glyphs and code points (%s)',
    (face) => {
      const data = fontFile(face);
      const [before, after] = [parsed(data, false), parsed(data, true)];
      let narrow = 0;
      const differences: string[] = [];
      for (const word of all) {
        const a = shaped(before, word);
        const b = shaped(after, word);
        if (a.width !== b.width) differences.push(`${word}: width ${a.width} → ${b.width}`);
        if (a.codePoints.join() !== b.codePoints.join()) differences.push(`${word}: code points`);
        if (a.glyphs.join() === b.glyphs.join()) {
          if (a.positions.join() !== b.positions.join()) differences.push(`${word}: positions`);
          continue;
        }
        // The one difference: over ป ฝ ฟ with a lower vowel, the font's narrow tone mark (HarfBuzz, as in
        // Chromium and LibreOffice) where fontkit moved the plain one left; same advance.
        const other = b.names.filter((name, i) => a.names[i] !== name);
        if (NARROW_MARK_CONTEXT.test(word) && other.every((name) => /^uni0E4[89AB]\.narrow$/.test(name))) narrow++;
        else differences.push(`${word}: glyphs ${a.names.join(' ')} → ${b.names.join(' ')}`);
      }
      expect(differences).toEqual([]);
      expect(all.length).toBeGreaterThan(60_000);
      // ปุ่ม ฝุ่น ปุ๋ย ฟุ่มเฟือย … : found, so the comparison above did see HarfBuzz's shaping.
      expect(narrow).toBeGreaterThan(50);
    },
    60_000,
  );
});

describe('characters drawn as nothing', () => {
  it('keep the space glyph standing for a space, though a soft hyphen was shaped before any space', () => {
    const font = parsed(fontFile('normal'), true);
    const hyphenated = shaped(font, 'ca\u00ADre');
    expect(hyphenated.width).toBe(shaped(font, 'care').width);
    expect(shaped(font, 'a b').codePoints[1]).toBe(String(0x20));
  });

  it('draw a direction mark pasted from a web page as nothing, not as the missing-glyph box', async () => {
    const pdf = await renderPdf({ content: [{ text: 'ราคา\u200E 100 บาท' }] });
    expect(drawnText(pdf).flatMap((run) => run.glyphs)).not.toContain(0);
    expect(comparable(popplerText(pdf, 'raw'))).toBe(comparable('ราคา\u200E 100 บาท'));
  });
});

/** The outlines of every glyph of every font embedded in a PDF (pdfkit's TrueType subsets, FontFile2). */
function embeddedOutlines(pdf: Uint8Array): Set<string> {
  const raw = Buffer.from(pdf).toString('latin1');
  const outlines = new Set<string>();
  for (const ref of raw.matchAll(/\/FontFile2 (\d+) 0 R/g)) {
    const object = new RegExp(`\\n${ref[1]} 0 obj\\s*<<([\\s\\S]*?)>>\\s*stream\\r?\\n`).exec(raw);
    const length = Number(/\/Length (\d+)/.exec(object?.[1] ?? '')?.[1]);
    if (!object || !length) throw new Error(`FontFile2 ${ref[1]} not found`);
    const start = object.index + object[0].length;
    const font = fontkit.create(inflateSync(pdf.subarray(start, start + length))) as FontkitFont & {
      numGlyphs: number;
    };
    for (let id = 0; id < font.numGlyphs; id++) outlines.add((font.getGlyph(id) as unknown as Outlined).path.toSVG());
  }
  return outlines;
}

/** Sarabun Regular's outline of a glyph, by its name. */
function outlineNamed(name: string): string {
  const font = fontkit.create(fontFile('normal')) as FontkitFont & { numGlyphs: number };
  for (let id = 0; id < font.numGlyphs; id++) {
    const glyph = font.getGlyph(id) as unknown as Outlined;
    if (glyph.name === name) return glyph.path.toSVG();
  }
  throw new Error(`Sarabun has no glyph ${name}`);
}

describe('tone marks over ป ฝ ฟ in the printed PDF', () => {
  const tempDir = useTempDir();
  requireBuiltCli();
  const narrowMaiChattawa = outlineNamed('uni0E4B.narrow');
  const plainMaiChattawa = outlineNamed('uni0E4B');

  it('draws ปุ๋ย with Sarabun’s narrow ๋ beside ป’s stem and extracts it as typed', async () => {
    const pdf = await renderPdf({ content: [{ text: 'ปุ๋ย ญี่ปุ่น ฝุ่น ฟุ่มเฟือย' }] });
    const outlines = embeddedOutlines(pdf);
    expect(outlines).toContain(narrowMaiChattawa);
    expect(outlines).not.toContain(plainMaiChattawa);
    expect(popplerText(pdf, 'raw').trim()).toBe('ปุ๋ย ญี่ปุ่น ฝุ่น ฟุ่มเฟือย');
    expect((await extractPages(pdf, { exact: true }))[0]?.trim()).toBe('ปุ๋ย ญี่ปุ่น ฝุ่น ฟุ่มเฟือย');
  });

  it('prints them so from the command line’s startup snapshot too, which HarfBuzz cannot be part of', () => {
    const dir = tempDir();
    const plan = JSON.parse(readFileSync(SAMPLE_FILE, 'utf8')) as { plan: { title: string } };
    plan.plan.title = 'แผนลดฝุ่นและปุ๋ยเคมี';
    const file = join(dir, 'plan.json');
    writeFileSync(file, JSON.stringify(plan));
    const out = join(dir, 'plan.pdf');
    const run = spawnSync(process.execPath, [BIN, 'pdf', file, out], { encoding: 'utf8', timeout: 60_000 });
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    expect(embeddedOutlines(new Uint8Array(readFileSync(out)))).toContain(narrowMaiChattawa);
  }, 120_000);
});
