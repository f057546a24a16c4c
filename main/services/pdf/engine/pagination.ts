/**
 * Page breaks a typesetter would sign off, decided while pdfmake lays the body out (no extra layout):
 *
 * - Widows and orphans: a paragraph or list item that runs over a page break leaves at least MIN_LINES
 *   lines on each side. pdfmake places a text node's lines one by one and breaks the page before the first
 *   that does not fit; here the node's lines are built first (their width does not depend on the page), the
 *   breaks are planned from their heights and the room left, and moved where needed: a paragraph whose
 *   first page would hold one line starts on the next page; one whose last page would hold one line takes
 *   lines from the page before (or moves whole when that would leave an orphan instead).
 * - No blank page: pdfmake moves to a new page when a block's bottom margin does not fit under it, and the
 *   next block, if it starts a page itself (a chapter), adds another: a page with nothing but its header and
 *   footer. A bottom margin in the page's flow only takes the room that is left.
 *
 * Only text in the page's own flow is planned this way: inside a table row or a block kept together
 * (pdfmake's transactions) or a column group, lines stay as pdfmake places them, since such a block moves
 * whole. Headings kept with what follows are keepWithNext.ts.
 */
import { type Line, type LayoutBuilderThis, type TextNode, pdfmake } from './internals.ts';

/** Fewest lines of a paragraph on either side of a page break. */
export const MIN_LINES = 2;

/** Whether the builder is placing directly in the page's flow (not in a table, columns or a kept block). */
function inPageFlow(builder: LayoutBuilderThis): boolean {
  const context = builder.writer.context();
  return builder.writer.transactionLevel === 0 && context.snapshots.length === 0 && (builder.nestedLevel ?? 0) === 0;
}

/** The page (0 = the current one) each line lands on, moving to a new page before the lines in `breaks`. */
function placeLines(
  heights: readonly number[],
  room: number,
  pageHeight: number,
  atTop: boolean,
  breaks: ReadonlySet<number>,
): number[] {
  let page = 0;
  let left = room;
  let top = atTop;
  return heights.map((height, i) => {
    // As pdfmake's processLeaf: a line that does not fit moves on, unless it already starts a page.
    if (!top && (breaks.has(i) || height > left)) {
      page++;
      left = pageHeight;
    }
    left -= height;
    top = false;
    return page;
  });
}

/**
 * The lines before which to start a new page so that no page holds fewer than MIN_LINES lines of this
 * paragraph, given the room left on the current page. Empty when pdfmake's own breaks already do.
 */
export function planBreaks(heights: readonly number[], room: number, pageHeight: number, atTop: boolean): Set<number> {
  const breaks = new Set<number>();
  // Each step moves a break to an earlier line, so this ends; the bound is only a guard.
  for (let step = 0; step <= heights.length; step++) {
    const pages = placeLines(heights, room, pageHeight, atTop, breaks);
    const last = pages[pages.length - 1] ?? 0;
    if (last === 0) return breaks;
    const count = (page: number) => pages.filter((p) => p === page).length;
    const firstOn = (page: number) => pages.indexOf(page);
    if (count(0) < MIN_LINES && !atTop && firstOn(0) === 0) {
      breaks.add(0); // an orphan: the paragraph starts on the next page
      continue;
    }
    const short = MIN_LINES - count(last);
    if (short <= 0) return breaks;
    // A widow: the page before gives up lines, if it keeps enough itself; else the paragraph moves whole.
    const start = firstOn(last - 1);
    const at = firstOn(last) - short;
    if (at - start >= MIN_LINES) breaks.add(at);
    else if (last - 1 === 0 && !atTop) breaks.add(0);
    else return breaks; // a paragraph taller than a page with a short tail: nothing better without reflowing
  }
  return breaks;
}

let installed = false;

export function installPagination(): void {
  if (installed) return;
  const builder = pdfmake.LayoutBuilder.prototype;

  const processLeaf = builder.processLeaf;
  builder.processLeaf = function (node) {
    if (!inPageFlow(this) || node.maxHeight) return processLeaf.call(this, node);
    const lines: Line[] = [];
    for (let line = builder.buildNextLine.call(this, node); line; line = builder.buildNextLine.call(this, node)) {
      lines.push(line);
    }
    const context = this.writer.context();
    const page = context.getCurrentPage();
    const pageHeight = page.pageSize.height - context.pageMargins.top - context.pageMargins.bottom;
    const atTop = context.y <= context.pageMargins.top;
    const heights = lines.map((line) => line.getHeight());
    const breaks = lines.length > 1 ? planBreaks(heights, context.availableHeight, pageHeight, atTop) : new Set();
    // pdfmake's processLeaf asks for each line just before placing it, the previous one being placed.
    let next = 0;
    this.buildNextLine = (textNode: TextNode) => {
      if (textNode !== node) return builder.buildNextLine.call(this, textNode);
      if (breaks.has(next) && this.writer.context().y > this.writer.context().pageMargins.top) {
        this.writer.moveToNextPage(node.pageOrientation);
      }
      return lines[next++] ?? null;
    };
    try {
      processLeaf.call(this, node);
    } finally {
      delete (this as Partial<LayoutBuilderThis>).buildNextLine;
    }
  };

  const processNode = builder.processNode;
  builder.processNode = function (node, ...rest) {
    const margin = node._margin;
    const bottom = margin?.[3] ?? 0;
    if (!margin || bottom <= 0 || node.pageBreak?.startsWith('after') || !inPageFlow(this)) {
      return processNode.call(this, node, ...rest);
    }
    node._margin = [margin[0], margin[1], margin[2], 0];
    try {
      processNode.call(this, node, ...rest);
    } finally {
      node._margin = margin;
    }
    const context = this.writer.context();
    context.moveDown(Math.min(bottom, Math.max(0, context.availableHeight)));
  };
  installed = true;
}
