/**
 * What the engine changes inside pdfkit's fonts (the Sarabun files themselves: fontFiles.ts): the glyph-to-text map that makes
 * Thai copy and extract correctly, draw plans (joined inlines, justified Thai) and SVG text.
 *
 * pdfkit writes the ToUnicode CMap from the code points fontkit's glyph objects carry, first use wins (shaping.ts
 * attaches them as fontkit's own shaper did).
 * Sarabun decomposes SARA AM (ำ) into NIKHAHIT + SARA AA glyphs and fontkit gives all of ำ to the NIKHAHIT
 * glyph (or a NIKHAHIT + tone mark ligature) and nothing to the SARA AA glyph, so readers extracted ำ as
 * ํ + า at best ("สำนักงาน" not found by search). Here a bare ำ is drawn with the font's own ำ glyph, and
 * after a tone mark the SARA AA glyph stands for ำ under a CID of its own (`encodeWithText`): every reader
 * extracts U+0E33. Readers that order glyphs by position (poppler) also get each run's text as ActualText
 * (actualText.ts).
 */
import { readFileSync } from 'node:fs';
import { splitScriptRuns } from '../../../core/thaiBreak.ts';
import { FONT_FAMILY, sarabunFonts } from './fontFiles.ts';
import { type FontkitFont, type FontkitGlyph, type GlyphPosition, type PdfKitFont, fontkit } from './internals.ts';
import { fontFileKey, shapeWithHarfBuzz } from './shaping.ts';

const SARA_AM = 0x0e33;
const SARA_AA = 0x0e32;
const NIKHAHIT = 0x0e4d;

const prepared = new WeakSet<PdfKitFont>();

/** How the renderer (typeset.ts) wants one text drawn: shaped part by part, each at its place. */
export interface DrawPlan {
  readonly font: PdfKitFont;
  readonly text: string;
  /** The parts (joined inlines, lineRender.ts; one for a lone inline), in 1/1000 em of the font size. */
  readonly parts: readonly {
    readonly text: string;
    /** Where the part starts, from the start of the text. */
    readonly offset: number;
    /** Extra advance between its grapheme clusters (Thai justification, lineBuilder.ts). */
    readonly clusterSpacing: number;
  }[];
}

const plans = new WeakMap<PdfKitFont, Map<string, DrawPlan>>();

/**
 * Run `draw` with each planned text shaped as planned: part by part, each where layout placed it (each
 * word's cached shaping is reused, nothing is shaped across a seam that layout did not measure across),
 * with its extra advance after each grapheme cluster but the last.
 */
export function drawPlanned(planned: readonly DrawPlan[], draw: () => void): void {
  for (const plan of planned) {
    const map = plans.get(plan.font) ?? new Map<string, DrawPlan>();
    map.set(plan.text, plan);
    plans.set(plan.font, map);
  }
  try {
    draw();
  } finally {
    for (const { font } of planned) plans.delete(font);
  }
}

/**
 * SVG text (charts) goes through pdfmake's bundled svg-to-pdfkit, which shapes each text node as one run
 * (Latin shaping for "ISOที่"), skips every glyph of zero advance (all Thai marks vanish) and ignores
 * glyph offsets inside a run. While it draws (`drawSvg`), fonts shape per script run and report marks
 * with a negligible advance so they are kept; `svgWithGlyphPlacement` makes it place each glyph itself.
 */
let svgText = false;

export function drawSvg(draw: () => void): void {
  svgText = true;
  try {
    draw();
  } finally {
    svgText = false;
  }
}

/**
 * The SVG with a negligible inherited letter-spacing on its root, which makes svg-to-pdfkit position every
 * glyph on its own, offsets included (1/10000 of a user unit per glyph: invisible).
 */
export function svgWithGlyphPlacement(svg: string): string {
  const root = /<svg\b[^>]*>/.exec(svg);
  if (!root || /letter-spacing/.test(root[0])) return svg;
  return svg.replace(/<svg\b/, '<svg letter-spacing="0.0001"');
}

type Layout = PdfKitFont['layout'];

function layoutForSvg(layout: Layout, text: string, onlyWidth?: boolean): ReturnType<Layout> {
  const glyphs: FontkitGlyph[] = [];
  const positions: GlyphPosition[] = [];
  let advanceWidth = 0;
  for (const run of splitScriptRuns(text)) {
    const shaped = layout(run.text, undefined, onlyWidth);
    if (!onlyWidth) {
      glyphs.push(...shaped.glyphs);
      // Copies (pdfkit caches the runs); a mark's advance becomes 1e-6 em so it is not skipped.
      for (const p of shaped.positions ?? []) positions.push({ ...p, advanceWidth: p.advanceWidth || 1e-6 });
    }
    advanceWidth += shaped.advanceWidth ?? 0;
  }
  return { glyphs, positions, advanceWidth };
}

/**
 * Thai marks and SARA AM belong to the cluster before them; so do glyphs without code points (า of ำ) and
 * a trailing space. A no-break space ("พ.ศ.\u00A02566") sits inside a word and is a cluster of its own, as
 * the line builder counts it.
 */
const CONTINUES_CLUSTER = /[\u0E31\u0E33-\u0E3A\u0E47-\u0E4E\p{M}]|[^\S\u00A0\u2007\u202F]/u;

/** Whether `glyphs[i]` starts a grapheme cluster; ำ's SARA AA glyph may carry า's code point (splitSaraAa). */
function startsCluster(glyphs: readonly FontkitGlyph[], i: number, texts: GlyphTexts): boolean {
  const glyph = glyphs[i] as FontkitGlyph;
  const first = glyph.codePoints[0];
  if (first === undefined || CONTINUES_CLUSTER.test(String.fromCodePoint(first))) return false;
  return !(glyph.id === texts.saraAa && glyphs[i - 1]?.codePoints.includes(SARA_AM));
}

/** Parsed font files by postscript name and checksum, shared by the layouts of one render. */
export type ParsedFonts = Map<string, FontkitFont>;

/**
 * Give a font pdfkit just opened the render's parse of the same file, with a subset of its own. typeset lays
 * a document out up to several times, each time in a new pdfkit document, which parses its font files
 * again (fontkit reads a table as it is first used). A parsed font is only read from (each document writes
 * its own subset), and the layouts already share its shaped runs (below).
 */
export function shareParsedFont(font: PdfKitFont, fonts: ParsedFonts): void {
  if (prepared.has(font) || typeof font.font?.createSubset !== 'function') return; // a standard font: no file
  const key = fontFileKey(font.font);
  const parsed = fonts.get(key);
  if (!parsed) {
    fonts.set(key, font.font);
  } else if (parsed !== font.font) {
    font.font = parsed;
    font.subset = parsed.createSubset();
  }
}

/** Fonts parsed while the worker waited for its next render (parseFontsAhead), and from which folder. */
let ahead: { readonly fontsDir: string; readonly fonts: ParsedFonts } | null = null;

/**
 * Parse the Sarabun faces of `fontsDir` for the next render (renderFonts), shaping included (HarfBuzz loaded,
 * shaping.ts), while the worker waits for the document. Each font is first used as pdfkit and prepareFont
 * first use a font they open (glyph 0, then glyphTexts): fontkit keeps the code points of a glyph's first use,
 * so the fonts are then exactly those the render would have parsed itself, and the PDF the same.
 */
export function parseFontsAhead(fontsDir: string): void {
  if (ahead?.fontsDir === fontsDir) return; // parsed ahead already, no render has taken them yet
  const fonts: ParsedFonts = new Map();
  for (const path of Object.values(sarabunFonts(fontsDir)[FONT_FAMILY] ?? {})) {
    const font = fontkit.create(readFileSync(path));
    shapeWithHarfBuzz(font);
    font.getGlyph(0);
    glyphTexts(font);
    fonts.set(fontFileKey(font), font);
  }
  ahead = { fontsDir, fonts };
}

/** The parsed fonts a render starts with: those parsed ahead from the same folder, once; else none. */
export function renderFonts(fontsDir: string): ParsedFonts {
  const fonts = ahead?.fontsDir === fontsDir ? ahead.fonts : new Map<string, FontkitFont>();
  ahead = null;
  return fonts;
}

/** Shaped runs by text, one table per font (by postscript name), shared by the layouts of one render. */
export type LayoutCaches = Map<string, Record<string, unknown>>;

/**
 * Give the font the render's table of shaped runs. pdfkit keeps one per embedded font, that is per layout,
 * and typeset lays a document out up to several times: each would shape every word again. A run depends
 * only on the font file and the text (pdfkit does not cache runs shaped with OpenType features).
 */
export function shareLayoutCache(font: PdfKitFont, caches: LayoutCaches): void {
  if (typeof font.font?.layout !== 'function') return; // pdfkit's standard fonts: nothing is shaped
  if (typeof font.layoutCached !== 'function' || typeof font.layoutCache !== 'object') {
    throw new Error('pdfkit internals changed: EmbeddedFont.layoutCache is not a cache of shaped runs');
  }
  const shared = caches.get(font.name);
  if (shared) font.layoutCache = shared;
  else caches.set(font.name, font.layoutCache);
}

/**
 * Prepare a pdfkit embedded font: shaped by HarfBuzz (shaping.ts), SARA AM drawn so that it extracts as ำ, a
 * ToUnicode entry per glyph and text (see `encodeWithText`), and planned texts shaped as planned.
 */
export function prepareFont(font: PdfKitFont): void {
  if (prepared.has(font) || typeof font.encode !== 'function' || !font.font) return;
  prepared.add(font);
  shapeWithHarfBuzz(font.font);

  const texts = glyphTexts(font.font);
  const layout = font.layout.bind(font);
  const planned: Layout = (text, features, onlyWidth) => {
    if (svgText && !features) return layoutForSvg(layout, text, onlyWidth);
    const plan = plans.get(font)?.get(text);
    if (!plan || features) return layout(text, features, onlyWidth);
    const glyphs: FontkitGlyph[] = [];
    const positions: GlyphPosition[] = [];
    let advanceWidth = 0;
    plan.parts.forEach((part, k) => {
      const shaped = layout(part.text, undefined, onlyWidth);
      const run = onlyWidth ? shaped : composeSaraAm(shaped, texts);
      let advance = run.advanceWidth ?? 0;
      const first = positions.length;
      if (!onlyWidth) {
        glyphs.push(...run.glyphs);
        // Copies: the run's positions are pdfkit's cache.
        for (const p of run.positions ?? []) positions.push({ ...p });
        for (let i = first + 1; i < glyphs.length; i++) {
          if (part.clusterSpacing && startsCluster(glyphs, i, texts)) {
            (positions[i - 1] as GlyphPosition).xAdvance += part.clusterSpacing;
            advance += part.clusterSpacing;
          }
        }
      }
      // The next part starts where layout placed it (a widened space or a cluster gap before it).
      const next = plan.parts[k + 1];
      const last = positions.at(-1);
      if (next && last && positions.length > first) {
        last.xAdvance += next.offset - part.offset - advance;
        advance = next.offset - part.offset;
      }
      advanceWidth += advance;
    });
    return { glyphs, positions, advanceWidth };
  };
  font.layout = (text, features, onlyWidth) => {
    const shaped = planned(text, features, onlyWidth);
    return onlyWidth ? shaped : composeSaraAm(shaped, texts);
  };
  font.encode = (text, features) => encodeWithText(font, font.layout(text, features), texts);
}

/** What a font's glyphs stand for, beyond the code points fontkit attaches to them. */
interface GlyphTexts {
  /** The SARA AA glyph if the font draws ำ as NIKHAHIT + SARA AA (Sarabun does), else -1. */
  readonly saraAa: number;
  /** The font's own ำ glyph, drawn as NIKHAHIT and SARA AA together; null if it has none. */
  readonly whole: FontkitGlyph | null;
  /** The character the font's cmap maps to a glyph (for glyphs that shaping left without code points). */
  readonly cmapCodePoint: (glyphId: number) => number | undefined;
}

function glyphTexts(font: FontkitFont): GlyphTexts {
  const aaGlyph = font.glyphForCodePoint(SARA_AA).id;
  const shaped = font.layout('\u0E01\u0E33').glyphs; // กำ: ำ after a consonant, as it is written
  const saraAa = shaped.some((g) => g.id === aaGlyph) ? aaGlyph : -1;
  const whole = font.glyphForCodePoint(SARA_AM);
  let reverse: Map<number, number> | undefined;
  const cmapCodePoint = (id: number): number | undefined => {
    if (!reverse) {
      reverse = new Map();
      for (const cp of font.characterSet) {
        const gid = font.glyphForCodePoint(cp).id;
        if (!reverse.has(gid)) reverse.set(gid, cp);
      }
    }
    return reverse.get(id);
  };
  const ownGlyph = saraAa >= 0 && whole.id > 0 && !shaped.some((g) => g.id === whole.id);
  return { saraAa, whole: ownGlyph ? whole : null, cmapCodePoint };
}

/**
 * The SARA AA glyph that shaping split off ำ at `glyphs[i]`: the first SARA AA glyph in the next two.
 * Its code points cannot tell: fontkit caches one glyph object per glyph id, so they are those of whichever
 * use came first (none for ำ's, า for a real one).
 */
function splitSaraAa(glyphs: readonly FontkitGlyph[], i: number, am: GlyphTexts): number {
  if (am.saraAa < 0) return -1;
  for (let j = i + 1; j < Math.min(glyphs.length, i + 3); j++) if (glyphs[j]?.id === am.saraAa) return j;
  return -1;
}

/**
 * A bare ำ (no tone mark on it) drawn with the font's own ำ glyph instead of NIKHAHIT + SARA AA: the same
 * outlines at the same place (Sarabun's ำ is exactly the two), but one glyph for one character, so that
 * every reader extracts U+0E33 (pdf.js reads glyphs through ToUnicode alone, and a glyph mapped to nothing
 * reads as its code). The NIKHAHIT keeps its place from mark positioning (a few units left over ก); SARA AA
 * moves with it, by at most 0.04 em.
 */
function composeSaraAm(shaped: ReturnType<Layout>, am: GlyphTexts): ReturnType<Layout> {
  const { glyphs, positions } = shaped;
  const whole = am.whole;
  if (!whole || !positions || !glyphs.some((g) => g.codePoints.length === 1 && g.codePoints[0] === SARA_AM)) {
    return shaped;
  }
  const outGlyphs: FontkitGlyph[] = [];
  const outPositions: GlyphPosition[] = [];
  for (let i = 0; i < glyphs.length; i++) {
    const glyph = glyphs[i] as FontkitGlyph;
    const position = positions[i] as GlyphPosition;
    const aa = glyph.codePoints.length === 1 && glyph.codePoints[0] === SARA_AM ? splitSaraAa(glyphs, i, am) : -1;
    if (aa !== i + 1) {
      outGlyphs.push(glyph);
      outPositions.push(position);
      continue;
    }
    const after = positions[aa] as GlyphPosition;
    // The NIKHAHIT's offset moves the glyph through the advances around it, not by an offset of its own:
    // pdfkit draws an offset glyph under a text matrix of its own, and pdf.js reads the jump back after it
    // as a space inside the word (ดำ เนินงาน) once justification adds cluster spacing.
    const before = outPositions.at(-1);
    const shift = before ? position.xOffset : 0;
    if (before) outPositions[outPositions.length - 1] = { ...before, xAdvance: before.xAdvance + shift };
    outGlyphs.push(whole);
    outPositions.push({
      ...position,
      xOffset: position.xOffset - shift,
      xAdvance: position.xAdvance + after.xAdvance - shift,
      advanceWidth: after.advanceWidth,
    });
    i = aa;
  }
  return { ...shaped, glyphs: outGlyphs, positions: outPositions };
}

/**
 * pdfkit's encode, with the CID of each glyph chosen by the text it stands for here. pdfkit gives a glyph
 * one CID and one ToUnicode entry, the first use's; and fontkit attaches code points to glyphs in ways a
 * reader cannot use: all of ำ to a NIKHAHIT + tone mark ligature and nothing to the SARA AA after it, and
 * nothing at all to some glyphs. Here the ligature stands for its tone mark and that SARA AA for ำ ("น้ำ"
 * extracts as น ้ ำ, as typed), a glyph without code points for the character the cmap maps to it, and a
 * glyph that stands for two texts gets a second CID (the subset then carries its outline twice).
 */
function encodeWithText(font: PdfKitFont, shaped: ReturnType<Layout>, am: GlyphTexts): [string[], GlyphPosition[]] {
  const { glyphs } = shaped;
  const texts = glyphs.map((g) => g.codePoints);
  glyphs.forEach((glyph, i) => {
    if (glyph.codePoints.includes(SARA_AM) && glyph.id !== am.whole?.id) {
      const aa = splitSaraAa(glyphs, i, am);
      const rest = glyph.codePoints.filter((cp) => cp !== SARA_AM);
      if (aa >= 0 && rest.length > 0) {
        texts[i] = rest;
        texts[aa] = [SARA_AM];
      } else if (aa >= 0) {
        // No whole ำ glyph in this font: NIKHAHIT + SARA AA, which is NFKC("ำ").
        texts[i] = [NIKHAHIT];
        texts[aa] = [SARA_AA];
      }
    } else if (glyph.codePoints.length === 0 && texts[i] === glyph.codePoints) {
      const cp = am.cmapCodePoint(glyph.id);
      texts[i] = cp === undefined ? [] : [cp];
    }
  });
  const encoded = glyphs.map((glyph, i) => {
    const cid = cidFor(font, glyph, texts[i] ?? []);
    return cid.toString(16).padStart(4, '0');
  });
  return [encoded, shaped.positions ?? []];
}

/** A font's extra CIDs: a glyph that stands for a second text, by glyph id and text. */
const duplicates = new WeakMap<PdfKitFont, Map<string, number>>();

const sameText = (a: readonly number[] | undefined, b: readonly number[]): boolean =>
  a !== undefined && a.length === b.length && a.every((cp, k) => cp === b[k]);

function cidFor(font: PdfKitFont, glyph: FontkitGlyph, text: readonly number[]): number {
  if (glyph.id === 0) return 0; // .notdef, the missing-glyph box, stays what every reader knows it as
  const { subset } = font;
  let cid = subset.mapping[glyph.id];
  if (cid === undefined) {
    cid = subset.includeGlyph(glyph.id);
  } else if (!sameText(font.unicode[cid], text)) {
    const copies = duplicates.get(font) ?? new Map<string, number>();
    duplicates.set(font, copies);
    const key = `${glyph.id}:${text.join(',')}`;
    const copy = copies.get(key);
    if (copy !== undefined) return copy;
    subset.glyphs.push(glyph.id);
    cid = subset.glyphs.length - 1;
    copies.set(key, cid);
  }
  font.unicode[cid] ??= [...text];
  font.widths[cid] ??= glyph.advanceWidth * font.scale;
  return cid;
}
