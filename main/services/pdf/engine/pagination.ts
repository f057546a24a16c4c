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
 * - No near-empty page: a page holding one or two lines of text before a page that starts itself (the next
 *   chapter, a moved heading) or at the document's end takes lines from the page before, so it carries at
 *   least MIN_PAGE_LINES. That needs the layout to be known, so it is found on a laid-out document
 *   (pageBreakFixes) and applied in the next layout as breaks before given lines of given text nodes or
 *   before given table rows. The page after starts itself either way, so such a move never changes what
 *   follows it.
 * - Rows kept together: a table row whose cell says `keepWithNext: true` (a KPI's name over its targets)
 *   never ends a page with the next row starting the following one; found and applied the same way.
 *
 * Only text in the page's own flow is planned this way: inside a table row or a block kept together
 * (pdfmake's transactions) or a column group, lines stay as pdfmake places them, since such a block moves
 * whole. Headings kept with what follows are keepWithNext.ts.
 */
import { type Line, type LayoutBuilderThis, type TextNode, pdfmake } from './internals.ts';
import type { LaidOutBody } from './keepWithNext.ts';

/** Fewest lines of a paragraph on either side of a page break. */
export const MIN_LINES = 2;
/** Fewest rows of text on a page whose content runs over from the page before. */
const MIN_PAGE_LINES = 3;

/**
 * Breaks asked of a layout, by what they move: a text node in the page's flow ("text 12", before its line
 * `line`) or a table row in it ("row 5", kept whole), if that starts on page `page` (0-based) as it did when
 * the break was found. A heading moved meanwhile may have taken it to a later page, where the break is not
 * needed any more.
 */
type ForcedBreaks = ReadonlyMap<string, { readonly line: number; readonly page: number }>;
const textKey = (leaf: number) => `text ${leaf}`;
const rowKey = (row: number) => `row ${row}`;

/** What one layout records and is asked to do. */
export interface PaginationLayout {
  readonly forced: ForcedBreaks;
  /** Text nodes and table rows in the page's flow numbered so far. */
  leaves: number;
  rows: number;
  /** The table row being laid out, if it is in the page's flow. */
  row?: number;
  /** Rows whose cells ask to stay with the next row (`keepWithNext`), and the table of each row. */
  readonly keptRows: Set<number>;
  readonly rowTables: Map<number, object>;
  /** Pages (0-based) that a node asked to start (pageBreak: 'before'). */
  readonly pageStarts: Set<number>;
}

let layout: PaginationLayout | null = null;

/** Begins a layout with the given breaks (none at first); the result collects what pageBreakFixes needs. */
export function beginLayout(forced: ForcedBreaks = new Map()): PaginationLayout {
  layout = { forced, leaves: 0, rows: 0, pageStarts: new Set(), keptRows: new Set(), rowTables: new Map() };
  return layout;
}

export function endLayout(): void {
  layout = null;
}

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
function planBreaks(
  heights: readonly number[],
  room: number,
  pageHeight: number,
  atTop: boolean,
  forced?: number,
): Set<number> {
  const breaks = new Set<number>(forced === undefined ? [] : [forced]);
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
    const leaf = layout ? layout.leaves++ : -1;
    lines.forEach((line, index) => Object.assign(line, { leaf, index }));
    const asked = layout?.forced.get(textKey(leaf));
    const forced = asked?.page === context.page ? asked.line : undefined;
    const breaks =
      lines.length > 1 || forced !== undefined
        ? planBreaks(heights, context.availableHeight, pageHeight, atTop, forced)
        : new Set();
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

  // Table rows in the page's flow are numbered, and their lines stamped, so that a row can be asked to start
  // a page (pageBreakFixes); pdfmake keeps each whole (dontBreakRows).
  const table = pdfmake.TableProcessor.prototype;
  const beginRow = table.beginRow;
  table.beginRow = function (rowIndex, writer) {
    const context = writer.context();
    if (layout && writer.transactionLevel === 0 && context.snapshots.length === 0 && this.dontBreakRows) {
      layout.row = layout.rows++;
      layout.rowTables.set(layout.row, this.tableNode);
      if (this.tableNode.table.body[rowIndex]?.some((cell) => cell?.keepWithNext === true)) {
        layout.keptRows.add(layout.row);
      }
      const asked = layout.forced.get(rowKey(layout.row));
      if (asked?.page === context.page && context.y > context.pageMargins.top) writer.moveToNextPage();
    }
    beginRow.call(this, rowIndex, writer);
  };
  const endRow = table.endRow;
  table.endRow = function (rowIndex, writer, pageBreaks) {
    endRow.call(this, rowIndex, writer, pageBreaks);
    if (layout) delete layout.row;
  };
  const addLine = pdfmake.PageElementWriter.prototype.addLine;
  pdfmake.PageElementWriter.prototype.addLine = function (line, ...rest) {
    if (layout?.row !== undefined) line.row = layout.row;
    return addLine.call(this, line, ...rest);
  };

  const processNode = builder.processNode;
  builder.processNode = function (node, ...rest) {
    if (layout && node.pageBreak?.startsWith('before')) layout.pageStarts.add(this.writer.context().page + 1);
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

interface Row {
  readonly y: number;
  readonly lines: Line[];
}

/** The rows of text of a laid-out page body, top to bottom (lines at one height form a row); null if it holds a figure. */
function rowsOf(body: LaidOutBody): Row[] | null {
  const rows = new Map<number, Line[]>();
  for (const { type, item } of body.page.items.slice(0, body.count)) {
    if (type === 'svg' || type === 'image') return null;
    if (type !== 'line' || item.inlines.every((inline) => inline.text.trim() === '')) continue;
    const y = Math.round(item.y);
    rows.set(y, [...(rows.get(y) ?? []), item]);
  }
  return [...rows.entries()].sort(([a], [b]) => a - b).map(([y, lines]) => ({ y, lines }));
}

/**
 * Where the next layout should break: keptRowBreaks, then nearEmptyBreaks. Adds to `forced`; whether it did.
 */
export function pageBreakFixes(
  bodies: readonly LaidOutBody[],
  done: PaginationLayout,
  forced: Map<string, { line: number; page: number }>,
): boolean {
  const rows = keptRowBreaks(bodies, done, forced);
  return nearEmptyBreaks(bodies, done, forced) || rows;
}

/**
 * A row asking to stay with the next (a KPI's name over its targets, a goal over its first KPI) that ends a
 * page while the next starts the following one starts that page itself, with the rows before it in the run
 * (unless the run already starts the page: it is simply taller than what a page can take).
 */
function keptRowBreaks(
  bodies: readonly LaidOutBody[],
  done: PaginationLayout,
  forced: Map<string, { line: number; page: number }>,
): boolean {
  const rowsOn = (body: LaidOutBody) =>
    new Set(body.page.items.slice(0, body.count).flatMap(({ item }) => (item.row === undefined ? [] : [item.row])));
  let added = false;
  let next = bodies[0] ? rowsOn(bodies[0]) : new Set<number>();
  for (let p = 0; p + 1 < bodies.length; p++) {
    const here = next;
    next = rowsOn(bodies[p + 1]!);
    const last = Math.max(...here);
    const sameTable = (a: number, b: number) => done.rowTables.get(a) === done.rowTables.get(b);
    if (!done.keptRows.has(last) || !next.has(last + 1) || here.has(last + 1) || !sameTable(last, last + 1)) continue;
    let first = last;
    while (done.keptRows.has(first - 1) && here.has(first - 1) && sameTable(first - 1, last)) first--;
    const asked = forced.get(rowKey(first));
    if (!here.has(first - 1) || !sameTable(first - 1, last) || asked?.page === p) continue;
    forced.set(rowKey(first), { line: 0, page: p });
    added = true;
  }
  return added;
}

/**
 * Where the next layout should break so that no page carries fewer than MIN_PAGE_LINES rows of text when
 * its content runs over from the page before and the page after starts itself (or there is none): the
 * line of the page before from which enough rows move over, kept clear of widows and orphans. Only text in
 * the page's flow moves (a table row or a figure at the foot of the page before stays). Adds to `forced`.
 */
function nearEmptyBreaks(
  bodies: readonly LaidOutBody[],
  done: PaginationLayout,
  forced: Map<string, { line: number; page: number }>,
): boolean {
  let added = false;
  for (let p = 1; p < bodies.length; p++) {
    if (done.pageStarts.has(p) || !(p === bodies.length - 1 || done.pageStarts.has(p + 1))) continue;
    const rows = rowsOf(bodies[p]!);
    const before = rowsOf(bodies[p - 1]!);
    if (!rows || !before || rows.length === 0 || rows.length >= MIN_PAGE_LINES) continue;
    const moving = before.slice(before.length - (MIN_PAGE_LINES - rows.length));
    const first = moving[0]?.lines[0];
    if (!first || moving.some((row) => row.lines.some((line) => line.leaf === undefined && line.row === undefined))) {
      continue; // something else at the foot (a heading's own line comes with its text node)
    }
    const [key, line] =
      first.leaf !== undefined ? [textKey(first.leaf), textBreak(first, before, rows)] : [rowKey(first.row!), 0];
    if (line === null) continue;
    // The page it starts on: this one, or the nearest before holding its first line.
    const starts = (item: Line) =>
      first.leaf !== undefined ? item.leaf === first.leaf && item.index === 0 : item.row === first.row;
    let page = p - 1;
    while (page > 0 && !bodies[page]!.page.items.some(({ item }) => starts(item))) page--;
    // Asked before for another page (a heading moved since): ask again for this one.
    const asked = forced.get(key);
    if (asked?.line === line && asked.page === page) continue;
    forced.set(key, { line, page });
    added = true;
  }
  return added;
}

/**
 * The line of `cut`'s text node before which to break so that the lines from `cut` down go to the next page
 * with enough of the node (no widow) and enough of it stays (no orphan), or all of it goes; null if neither.
 */
function textBreak(cut: Line, before: Row[], page: Row[]): number | null {
  const ofLeaf = (rows: Row[]) =>
    rows.flatMap((row) => row.lines.filter((line) => line.leaf === cut.leaf).map((line) => line.index!));
  const onBefore = ofLeaf(before).sort((a, b) => a - b);
  const onPage = ofLeaf(page).length;
  let at = cut.index!;
  while (onBefore.filter((i) => i >= at).length + onPage < MIN_LINES && at > (onBefore[0] ?? 0)) at--;
  const kept = onBefore.filter((i) => i < at).length;
  if (kept > 0 && kept < MIN_LINES) return onBefore[0] === 0 ? 0 : null;
  return at;
}
