/**
 * Text shaped by HarfBuzz (harfbuzz.ts) and handed to pdfkit as fontkit would have shaped it: fontkit still
 * parses the font, makes the glyph objects and writes the subset; only `font.layout`, fontkit's shaper, is
 * replaced. Widths are those fontkit gave (the shipped Sarabun faces: every word of the lexicon and of the
 * plans is checked in test/node/pdf-shaping.test.ts), so lines and pages break where they did.
 *
 * pdfkit and fonts.ts read the text a glyph stands for from the code points fontkit attaches to it (the
 * ToUnicode map, SARA AM, ActualText). fontkit gives each input character's glyph its code point, a ligature
 * its components' and the further glyphs of a decomposition (ำ as NIKHAHIT + SARA AA) none. HarfBuzz gives
 * clusters instead: each character its own (cluster level MONOTONE_CHARACTERS), joined where shaping joins
 * characters; so the first glyph of a cluster gets the cluster's code points and the others none. fontkit
 * keeps one glyph object per glyph id, with the code points of its first use, and so does this.
 */
import { GLYPH_WORDS, harfBuzzHere, shapeText } from './harfbuzz.ts';
import type { FontkitFont, FontkitGlyph, FontkitPosition, FontkitRun } from './internals.ts';

/** A shaped run as fontkit's GlyphRun gives it to pdfkit. */
class GlyphRun implements FontkitRun {
  readonly glyphs: FontkitGlyph[];
  readonly positions: FontkitPosition[];

  constructor(glyphs: FontkitGlyph[], positions: FontkitPosition[]) {
    this.glyphs = glyphs;
    this.positions = positions;
  }

  private width: number | undefined;

  /**
   * The sum of the x advances when first read, then kept. A getter, as fontkit's: pdfkit scales the positions to
   * 1/1000 em in place before it first reads the run's advance (EmbeddedFont.layoutRun), then reads it again at
   * every use of the word it caches the run for, and changes the positions no more (fonts.ts changes copies).
   */
  get advanceWidth(): number {
    if (this.width === undefined) {
      let width = 0;
      for (const p of this.positions) width += p.xAdvance;
      this.width = width;
    }
    return this.width;
  }
}

const shaped = new WeakSet<FontkitFont>();

/**
 * Characters drawn as nothing (a soft hyphen, a direction mark): HarfBuzz puts the space glyph in their place
 * with no advance. fontkit's own object for the space glyph stands there, as in fontkit: given the hidden
 * character's code point at its first use, every space would extract as that character. (The Hangul fillers
 * are drawn, as in HarfBuzz and fontkit.)
 */
const HIDDEN = /(?![\u115F\u1160\u3164\uFFA0])\p{Default_Ignorable_Code_Point}/u;
const SPACE = 0x20;

/**
 * Shape this font's text with HarfBuzz from now on. Runs with OpenType features of their own (pdfmake's
 * fontFeatures, which Phaen's documents never set) stay fontkit's, and so does all shaping where there is no
 * HarfBuzz (building the command line's startup snapshot).
 */
export function shapeWithHarfBuzz(font: FontkitFont): void {
  if (shaped.has(font)) return;
  shaped.add(font);
  const file = { key: fontFileKey(font), data: font.stream.buffer };
  const fontkitLayout = font.layout.bind(font);
  font.layout = (text, features) =>
    features || !harfBuzzHere() ? fontkitLayout(text, features) : layout(font, file, text);
}

/** A font file told apart from others by its name and checksum, as pdfkit's isEqualFont does. */
export const fontFileKey = (font: FontkitFont): string =>
  `${font.postscriptName}:${font.head?.checkSumAdjustment ?? ''}`;

function layout(font: FontkitFont, file: { key: string; data: Uint8Array }, text: string): GlyphRun {
  const { length, info, position, words, signed } = shapeText(file.key, file.data, text);
  const glyphs = new Array<FontkitGlyph>(length);
  const positions = new Array<FontkitPosition>(length);
  for (let i = 0; i < length; i++) {
    const g = info + i * GLYPH_WORDS;
    const cluster = words[g + 2] as number;
    const first = i === 0 || words[g + 2 - GLYPH_WORDS] !== cluster;
    glyphs[i] = !first
      ? font.getGlyph(words[g] as number, [])
      : HIDDEN.test(String.fromCodePoint(text.codePointAt(cluster) as number))
        ? font.glyphForCodePoint(SPACE)
        : font.getGlyph(words[g] as number, codePoints(text, cluster, clusterEnd(i)));
    const p = position + i * GLYPH_WORDS;
    positions[i] = {
      xAdvance: signed[p] as number,
      yAdvance: signed[p + 1] as number,
      xOffset: signed[p + 2] as number,
      yOffset: signed[p + 3] as number,
    };
  }
  return new GlyphRun(glyphs, positions);

  /** Where glyph i's cluster's text ends: at the next cluster (they ascend, left to right), else the text's end. */
  function clusterEnd(i: number): number {
    const cluster = words[info + i * GLYPH_WORDS + 2] as number;
    for (let j = i + 1; j < length; j++) {
      const next = words[info + j * GLYPH_WORDS + 2] as number;
      if (next > cluster) return next;
    }
    return text.length;
  }
}

function codePoints(text: string, start: number, end: number): number[] {
  const out: number[] = [];
  for (let i = start; i < end; i++) {
    const cp = text.codePointAt(i) as number;
    out.push(cp);
    if (cp > 0xffff) i++;
  }
  return out;
}
