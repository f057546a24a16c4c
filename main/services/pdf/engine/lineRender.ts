/**
 * Drawing a laid-out line with fewer text operations. Thai breaking leaves one inline per word, and pdfkit
 * writes each inline as its own text object (save, transform, BT … ET, restore): most of the render time
 * and of the file size. Neighbouring inlines that look the same and touch are drawn as one; the font then
 * shapes the joined text part by part (fonts.ts `drawPlanned`), so the glyphs and their positions are
 * exactly those of the separate inlines, script runs included.
 */
import type { Inline } from './internals.ts';

/** Everything pdfmake's Renderer and TextDecorator read from an inline, besides text, x and width. */
const DRAWN_AS = [
  'font',
  'fontSize',
  'color',
  'opacity',
  'characterSpacing',
  'fontFeatures',
  'link',
  'linkToPage',
  'linkToDestination',
  'sup',
  'sub',
  'decoration',
  'decorationColor',
  'decorationStyle',
  'decorationThickness',
  'background',
  'height',
  'alignment',
] as const;

const sameLook = (a: Inline, b: Inline): boolean => DRAWN_AS.every((key) => a[key] === b[key]);

export interface JoinedInline {
  readonly inline: Inline;
  /** The texts of the inlines it joins, in order. */
  readonly parts: readonly string[];
}

/** The inlines of a line with touching look-alike neighbours joined; null when nothing joins. */
export function joinInlines(inlines: readonly Inline[]): JoinedInline[] | null {
  const out: { inline: Inline; parts: string[] }[] = [];
  let joined = false;
  for (const inline of inlines) {
    const last = out.at(-1);
    const touches =
      last !== undefined &&
      !inline.justifyShift &&
      !inline.clusterSpacing &&
      !last.inline.clusterSpacing &&
      !inline._pageNodeRef &&
      !last.inline._pageNodeRef &&
      !inline.fontFeatures &&
      Math.abs((last.inline.x ?? 0) + last.inline.width - (inline.x ?? 0)) < 1e-6 &&
      sameLook(last.inline, inline);
    if (last && touches) {
      last.inline = { ...last.inline, text: last.inline.text + inline.text, width: last.inline.width + inline.width };
      last.inline.trailingCut = inline.trailingCut ?? 0;
      last.parts.push(inline.text);
      joined = true;
    } else {
      out.push({ inline, parts: [inline.text] });
    }
  }
  return joined ? out : null;
}
