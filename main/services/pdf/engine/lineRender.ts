/**
 * Drawing a laid-out line with fewer text operations. Thai breaking leaves one inline per word, and pdfkit
 * writes each inline as its own text object (save, transform, BT … ET, restore): most of the render time
 * and of the file size. Neighbouring inlines that look the same are drawn as one, touching or apart by the
 * gaps justification opened between them; the font then shapes the joined text part by part, each part at
 * its own place and with its own cluster spacing (fonts.ts `drawPlanned`), so the glyphs and their positions
 * are exactly those of the separate inlines, script runs included. One run per line also gives poppler one
 * ActualText span per line (actualText.ts): between separate spans it would read every justification gap as
 * a space and split Thai words apart.
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

/** One of the inlines a drawn run joins. */
interface RunPart {
  readonly text: string;
  /** Where it starts, from the start of the run, in points. */
  readonly offset: number;
  /** Extra space between its grapheme clusters, in points (justified Thai, lineBuilder.ts). */
  readonly clusterSpacing: number;
}

export interface JoinedInline {
  readonly inline: Inline;
  readonly parts: readonly RunPart[];
}

/** The inlines of a line with look-alike neighbours (touching, or apart by justification) joined. */
export function joinInlines(inlines: readonly Inline[]): JoinedInline[] {
  // `own`: the run's inline is a copy made for the run, which later joins extend in place (a copy per join
  // of some thirty properties was a tenth of drawing).
  const out: { inline: Inline; parts: RunPart[]; own: boolean }[] = [];
  for (const inline of inlines) {
    const last = out.at(-1);
    const start = last?.inline.x ?? 0;
    const joins =
      last !== undefined &&
      !inline._pageNodeRef &&
      !last.inline._pageNodeRef &&
      !inline.fontFeatures &&
      (inline.x ?? 0) >= start + last.inline.width - 1e-6 &&
      sameLook(last.inline, inline);
    const part = (offset: number): RunPart => ({
      text: inline.text,
      offset,
      clusterSpacing: inline.clusterSpacing ?? 0,
    });
    if (last && joins) {
      const offset = (inline.x ?? 0) - start;
      if (!last.own) {
        last.inline = { ...last.inline };
        delete last.inline.clusterSpacing; // the parts carry it
        last.own = true;
      }
      last.inline.text += inline.text;
      last.inline.width = offset + inline.width;
      last.inline.trailingCut = inline.trailingCut ?? 0;
      last.parts.push(part(offset));
    } else {
      out.push({ inline, parts: [part(0)], own: false });
    }
  }
  return out;
}
