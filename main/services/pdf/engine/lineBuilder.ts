/**
 * Line filling for the Thai engine, replacing pdfmake's LayoutBuilder.buildNextLine and the justification
 * in ElementWriter.alignLine.
 *
 * pdfmake fills a line with whole inlines (words), keeping glued inlines (`noNewLine`) together, and cuts a
 * word too long for an empty line at an arbitrary UTF-16 offset: that can split "ปั้" from its marks, so the
 * next line starts with a floating tone mark. Here an over-long word (or glued chain) is cut after a no-break
 * space if it has one that helps, otherwise only between grapheme clusters, as late as fits, and its glued
 * parts are no longer forced past the right edge.
 *
 * Justification: pdfmake spreads the slack over every gap between inlines, which with Thai words as
 * inlines opens gaps between words that Thai writes without spaces (they read as phrase breaks), and even
 * inside a word between its script runs ("ISO|ที่"). Here the spaces take the slack first, up to half an em
 * each; what remains is spread evenly between all grapheme clusters of the line ("Thai distributed"), so no
 * gap appears where the text has none, up to 0.08 em per cluster. A line that would need more keeps the
 * rest at its end rather than look loose: letters set further apart read as s p a c e d, and pdf.js takes
 * a gap from 0.1 em on for a space, splitting the word for search and copy. So that this stays rare, the
 * lines of a justified paragraph end where paragraphBreaks.ts planned them for the paragraph as a whole;
 * only a line no setting can fill (a first line whose next word is too long to join it) stops short.
 */
import { graphemeSegmenter } from '../../../core/intl.ts';
import { type Inline, type Line, type LayoutBuilderPrototype, type TextNode, pdfmake } from './internals.ts';
import { stampStructure } from './tagging.ts';
import {
  CLUSTER_STRETCH,
  SPACE_STRETCH,
  endsWithSpace,
  innerClusterGaps,
  planJustifiedBreaks,
} from './paragraphBreaks.ts';

function widthOf(text: string, inline: Inline): number {
  return (
    inline.font.widthOfString(text, inline.fontSize, inline.fontFeatures) +
    (inline.characterSpacing ?? 0) * (text.length - 1)
  );
}

/** The inlines glued to `inlines[from]` (it and every following one while the previous has noNewLine). */
function chainEnd(inlines: Inline[], from: number): number {
  let end = from;
  while (end < inlines.length - 1 && inlines[end]?.noNewLine && !inlines[end]?.lineEnd) end++;
  return end;
}

function chainWidth(inlines: Inline[], from: number, to: number): number {
  let width = 0;
  for (let i = from; i <= to; i++) width += inlines[i]?.width ?? 0;
  return width - (inlines[to]?.trailingCut ?? 0);
}

/**
 * Split `inline` at the last grapheme boundary whose prefix fits in `room`; the first cluster if none fits
 * and `mustTake` (an empty line has to make progress). Null if nothing may be taken.
 */
function splitToFit(inline: Inline, room: number, mustTake: boolean): [Inline, Inline] | null {
  const atSpace = splitAtNoBreakSpace(inline, room);
  if (atSpace) return atSpace;
  const bounds = [...graphemeSegmenter().segment(inline.text)].map((g) => g.index).filter((k) => k > 0);
  // Binary search over cluster boundaries: widths grow with the prefix.
  let low = 0;
  let high = bounds.length - 1;
  let best = -1;
  while (low <= high) {
    const mid = (low + high) >> 1;
    const prefix = inline.text.slice(0, bounds[mid]);
    if (widthOf(prefix, inline) <= room) {
      best = mid;
      low = mid + 1;
    } else {
      high = mid - 1;
    }
  }
  if (best < 0) {
    if (!mustTake || bounds.length === 0) return null;
    best = 0;
  }
  const at = bounds[best] ?? inline.text.length;
  const head: Inline = { ...inline, text: inline.text.slice(0, at), trailingCut: 0, noNewLine: false };
  head.width = widthOf(head.text, head);
  delete head.lineEnd;
  const tail: Inline = { ...inline, text: inline.text.slice(at), leadingCut: 0 };
  tail.width = widthOf(tail.text, tail);
  return [head, tail];
}

const NO_BREAK_SPACE = /[\u00A0\u2007\u202F]/g;

/**
 * A no-break space yields before a word is cut between clusters: "พ.ศ. 2566" in a column too narrow for
 * both ends the line after its space rather than inside the year. The last such space whose text before it
 * fits; the space itself hangs past the edge as an ordinary trailing space does (trailingCut). Null if none.
 */
function splitAtNoBreakSpace(inline: Inline, room: number): [Inline, Inline] | null {
  const after = [...inline.text.matchAll(NO_BREAK_SPACE)].map((m) => m.index + 1).reverse();
  for (const at of after) {
    if (at >= inline.text.length || widthOf(inline.text.slice(0, at - 1), inline) > room) continue;
    const head: Inline = { ...inline, text: inline.text.slice(0, at), noNewLine: false };
    head.width = widthOf(head.text, head);
    head.trailingCut = head.width - widthOf(head.text.slice(0, -1), head);
    delete head.lineEnd;
    const tail: Inline = { ...inline, text: inline.text.slice(at), leadingCut: 0 };
    tail.width = widthOf(tail.text, tail);
    return [head, tail];
  }
  return null;
}

/** The line starts planned for a justified paragraph (paragraphBreaks.ts), for the width they were planned at. */
const plans = new WeakMap<TextNode, { width: number; starts: Set<Inline> | null }>();

function plannedStarts(textNode: TextNode, inlines: Inline[], width: number): Set<Inline> | null {
  if (inlines[0]?.alignment !== 'justify') return null;
  let plan = plans.get(textNode);
  if (!plan || plan.width !== width) {
    plan = { width, starts: planJustifiedBreaks(inlines, width) };
    plans.set(textNode, plan);
  }
  return plan.starts;
}

// Stamps for tests that check every line break: which paragraph a line belongs to, in build order.
const paragraphIds = new WeakMap<TextNode, number>();
let nextParagraph = 0;
let nextLine = 0;

export const buildNextLine: LayoutBuilderPrototype['buildNextLine'] = function (textNode: TextNode) {
  const inlines = textNode._inlines;
  if (!inlines || inlines.length === 0) return null;
  const line = new pdfmake.Line(this.writer.context().availableWidth);
  const starts = plannedStarts(textNode, inlines, line.maxWidth);

  while (inlines.length > 0 && !line.newLineForced) {
    const end = chainEnd(inlines, 0);
    const empty = line.inlines.length === 0;
    if (!empty && starts?.has(inlines[0] as Inline)) break;
    // As pdfmake's Line.hasEnoughSpaceForInline: the space ending the line so far counts, the chain's own
    // trailing space does not, and an empty line drops the chain's leading space.
    const used = empty ? -(inlines[0]?.leadingCut ?? 0) : line.inlineWidths - line.leadingCut;
    if (used + chainWidth(inlines, 0, end) <= line.maxWidth) {
      for (let i = 0; i <= end; i++) line.addInline(inlines.shift() as Inline);
      continue;
    }
    if (!empty) break;
    // An over-long word on an empty line: take what fits, cutting between grapheme clusters.
    for (let i = 0; i <= end; i++) {
      const inline = inlines[0] as Inline;
      const left =
        line.maxWidth - (line.inlines.length === 0 ? -(inline.leadingCut ?? 0) : line.inlineWidths - line.leadingCut);
      if (inline.width - (inline.trailingCut ?? 0) <= left) {
        line.addInline(inlines.shift() as Inline);
        continue;
      }
      const parts = inline.noWrap ? null : splitToFit(inline, left, line.inlines.length === 0);
      if (parts) {
        inlines.splice(0, 1, parts[1]);
        line.addInline(parts[0]);
      } else if (line.inlines.length === 0) {
        line.addInline(inlines.shift() as Inline); // noWrap or a single cluster: it overflows, as in pdfmake
      }
      break;
    }
    break;
  }
  line.lastLineInParagraph = inlines.length === 0;
  let paragraph = paragraphIds.get(textNode);
  if (paragraph === undefined) {
    paragraph = nextParagraph++;
    paragraphIds.set(textNode, paragraph);
  }
  line.paragraph = paragraph;
  line.seq = nextLine++;
  stampStructure(line, textNode);
  return line;
};

/** pdfmake's alignment, with justification that widens spaces first (see the module comment). */
export function alignLine(this: { context(): { availableWidth: number } }, line: Line): void {
  const width = this.context().availableWidth;
  const lineWidth = line.getWidth();
  const alignment = line.inlines[0]?.alignment;
  const offset = alignment === 'right' ? width - lineWidth : alignment === 'center' ? (width - lineWidth) / 2 : 0;
  if (offset) line.x = (line.x ?? 0) + offset;

  const inlines = line.inlines;
  if (alignment !== 'justify' || line.newLineForced || line.lastLineInParagraph || inlines.length === 0) return;
  let slack = width - lineWidth;
  if (slack <= 1e-6) return;

  // The seam before inline i is a space (the inline before ends with one) or a cluster boundary.
  const spaceBefore = inlines.map((_inline, i) => i > 0 && endsWithSpace(inlines[i - 1]));
  const spaces = spaceBefore.filter(Boolean).length;
  // Cluster boundaries: inside each inline (trailing space aside) and at seams that are not spaces.
  const inside = inlines.map(innerClusterGaps);
  const boundaries = inside.reduce((a, b) => a + b, 0) + (inlines.length - 1 - spaces);

  const em = inlines[0]?.fontSize ?? 0;
  const perSpace = spaces === 0 ? 0 : Math.min(slack / spaces, SPACE_STRETCH * em);
  slack -= perSpace * spaces;
  const perCluster = boundaries > 0 && slack > 1e-6 ? Math.min(slack / boundaries, CLUSTER_STRETCH * em) : 0;

  let shift = 0;
  inlines.forEach((inline, i) => {
    if (i > 0) {
      const gap = spaceBefore[i] ? perSpace : perCluster;
      if (gap) inline.justifyShift = gap;
      shift += gap;
    }
    inline.x = (inline.x ?? 0) + shift;
    const spread = perCluster * (inside[i] ?? 0);
    if (spread) {
      inline.clusterSpacing = perCluster;
      inline.width += spread;
      shift += spread;
    }
  });
}
