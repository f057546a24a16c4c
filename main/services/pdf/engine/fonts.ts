/**
 * The Sarabun family, and what the engine changes inside pdfkit's fonts: the glyph-to-text map that makes
 * Thai copy and extract correctly, draw plans (joined inlines, justified Thai) and SVG text.
 *
 * pdfkit writes the ToUnicode CMap from the code points fontkit attaches to each glyph, first use wins.
 * Sarabun decomposes SARA AM (ำ) into NIKHAHIT + SARA AA glyphs and fontkit gives all of ำ to the NIKHAHIT
 * glyph and nothing to the SARA AA glyph; if ำ comes before the first า, the SARA AA glyph is mapped to
 * nothing and every า in the document extracts as nothing. Here each glyph is mapped before pdfkit sees it:
 * a glyph without code points gets the character the font's cmap maps to it, and ำ on the NIKHAHIT (or
 * NIKHAHIT + tone mark ligature) glyph becomes ํ, so "น้ำ" extracts as น ้ ํ า, which is NFKC("น้ำ").
 */
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { splitScriptRuns } from '../../../core/thaiBreak.ts';
import type { FontkitFont, FontkitGlyph, GlyphPosition, PdfKitFont } from './internals.ts';

export const FONT_FAMILY = 'Sarabun';

const FILES = {
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

const SARA_AM = 0x0e33;
const SARA_AA = 0x0e32;
const NIKHAHIT = 0x0e4d;

const prepared = new WeakSet<PdfKitFont>();

/** How the renderer (typeset.ts) wants one text drawn: shaped part by part, and spread between clusters. */
export interface DrawPlan {
  readonly font: PdfKitFont;
  readonly text: string;
  /** The parts shaped one after the other (joined inlines, lineRender.ts); [text] for one inline. */
  readonly parts: readonly string[];
  /** Extra advance between grapheme clusters, in 1/1000 em (Thai justification, lineBuilder.ts). */
  readonly clusterSpacing: number;
}

const plans = new WeakMap<PdfKitFont, Map<string, DrawPlan>>();

/**
 * Run `draw` with each planned text shaped as planned: part by part, as if the parts had been drawn one
 * after the other (each word's cached shaping is reused, nothing is shaped across a seam that layout did
 * not measure across), and with extra advance after each grapheme cluster but the last.
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

function startsCluster(glyph: FontkitGlyph): boolean {
  const first = glyph.codePoints[0];
  return first !== undefined && !CONTINUES_CLUSTER.test(String.fromCodePoint(first));
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
 * Prepare a pdfkit embedded font: record a correct ToUnicode entry for every glyph it encodes, and shape
 * planned texts as planned.
 */
export function prepareFont(font: PdfKitFont): void {
  if (prepared.has(font) || typeof font.encode !== 'function' || !font.font) return;
  prepared.add(font);

  const layout = font.layout.bind(font);
  font.layout = (text, features, onlyWidth) => {
    if (svgText && !features) return layoutForSvg(layout, text, onlyWidth);
    const plan = plans.get(font)?.get(text);
    if (!plan || features) return layout(text, features, onlyWidth);
    const glyphs: FontkitGlyph[] = [];
    let positions: GlyphPosition[] = [];
    let advanceWidth = 0;
    for (const part of plan.parts) {
      const run = layout(part, undefined, onlyWidth);
      if (!onlyWidth) {
        glyphs.push(...run.glyphs);
        positions.push(...(run.positions ?? []));
      }
      advanceWidth += run.advanceWidth ?? 0;
    }
    if (plan.clusterSpacing && !onlyWidth) {
      positions = positions.map((p) => ({ ...p })); // the parts' positions are pdfkit's cache
      for (let i = 1; i < glyphs.length; i++) {
        const before = positions[i - 1];
        if (before && startsCluster(glyphs[i] as FontkitGlyph)) {
          before.xAdvance += plan.clusterSpacing;
          advanceWidth += plan.clusterSpacing;
        }
      }
    }
    return { glyphs, positions, advanceWidth };
  };

  const codePointsOf = glyphText(font.font);
  const encode = font.encode.bind(font);
  font.encode = (text, features) => {
    for (const glyph of font.layout(text, features).glyphs) {
      const gid = font.subset.includeGlyph(glyph.id);
      if (font.unicode[gid] == null) font.unicode[gid] = codePointsOf(glyph);
    }
    return encode(text, features);
  };
}

function glyphText(font: FontkitFont): (glyph: FontkitGlyph) => number[] {
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
  const saraAa = font.glyphForCodePoint(SARA_AA).id;
  const decomposesAm = font.layout(String.fromCodePoint(SARA_AM)).glyphs.some((g) => g.id === saraAa);
  return (glyph) => {
    if (glyph.codePoints.length === 0) {
      const cp = cmapCodePoint(glyph.id);
      return cp === undefined ? [] : [cp];
    }
    if (!decomposesAm) return glyph.codePoints;
    return glyph.codePoints.map((cp) => (cp !== SARA_AM ? cp : glyph.id === saraAa ? SARA_AA : NIKHAHIT));
  };
}
