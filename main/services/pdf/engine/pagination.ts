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
import { type Line, type LayoutBuilderThis, type PdfPage, type TextNode, pdfmake } from './internals.ts';
import type { LaidOutBody } from './keepWithNext.ts';

/** Fewest lines of a paragraph on either side of a page break. */
export const MIN_LINES = 2;
/** Fewest rows of text on a page whose content runs over from the page before. */
const MIN_PAGE_LINES = 3;

/**
 * A break asked of a layout (pageBreakFixes), before line `line` of a text node in the page's flow or before a
 * table row in it, applied only while still needed: when what must go on together from there (`need`, in pt:
 * rows kept with the next, or the lines that fill a near-empty page) does not fit in the room left. Headings
 * moved in the same layout shift what follows them, and a break asked before they moved would otherwise leave
 * a table's head and a row alone on a page. A near-empty page's break holds only if what it moves starts on
 * `page` (0-based) as it did when found; a row kept with the next wherever it falls.
 */
export interface ForcedBreak {
  readonly line: number;
  readonly need: number;
  readonly page?: number;
}
type ForcedBreaks = ReadonlyMap<string, ForcedBreak>;
const textKey = (leaf: number) => `text ${leaf}`;
const rowKey = (row: number) => `row ${row}`;

/** Where a page's flow left it (its height there, `from`) and went on on the next page (`to`). */
export interface FlowBreak {
  readonly from: number;
  readonly to: number;
}

/** What one layout records and is asked to do. */
export interface PaginationLayout {
  readonly forced: ForcedBreaks;
  /** Text nodes and table rows in the page's flow numbered so far. */
  leaves: number;
  rows: number;
  /** The table row being laid out, if it is in the page's flow. */
  row?: number;
  /** Rows whose cells ask to stay with the next row (`keepWithNext`), the table of each row, and its height. */
  readonly keptRows: Set<number>;
  readonly rowTables: Map<number, object>;
  readonly rowHeights: Map<number, number>;
  /** Pages (0-based) that a node asked to start (pageBreak: 'before'). */
  readonly pageStarts: Set<number>;
  /**
   * Where the page's flow left each page (0-based) for the next: its height there, and where it went on on the
   * next page, under any table heads repeated there (keepWithNext.ts strandedHeadingNeeds).
   */
  readonly pageBreaks: Map<number, FlowBreak>;
  /** Margin in the page's flow not taken at the page's foot (it would have been, with room): part of `from`. */
  unplacedMargin: number;
}

let layout: PaginationLayout | null = null;

/** Begins a layout with the given breaks (none at first); the result collects what pageBreakFixes needs. */
export function beginLayout(forced: ForcedBreaks = new Map()): PaginationLayout {
  layout = {
    forced,
    leaves: 0,
    rows: 0,
    pageStarts: new Set(),
    pageBreaks: new Map(),
    unplacedMargin: 0,
    keptRows: new Set(),
    rowTables: new Map(),
    rowHeights: new Map(),
  };
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

/**
 * The page (0 = the current one) each line lands on, moving to a new page before the lines in `breaks`, and
 * the room left on its page just before it.
 */
function placeLines(
  heights: readonly number[],
  room: number,
  pageHeight: number,
  atTop: boolean,
  breaks: ReadonlySet<number>,
): { pages: number[]; rooms: number[] } {
  let page = 0;
  let left = room;
  let top = atTop;
  const rooms: number[] = [];
  const pages = heights.map((height, i) => {
    // As pdfmake's processLeaf: a line that does not fit moves on, unless it already starts a page.
    if (!top && (breaks.has(i) || height > left)) {
      page++;
      left = pageHeight;
    }
    rooms.push(left);
    left -= height;
    top = false;
    return page;
  });
  return { pages, rooms };
}

/**
 * Whether a page may start before line `at` of a run of text (a paragraph, or a list's items one after the
 * other, `starts` the first line of each): the run itself (at its start it moves whole) and the item the line
 * is in keep at least MIN_LINES lines on each side. So a list is paginated as a paragraph is: neither its
 * first line alone at a page foot nor its last alone at the top, and no item split one line from the rest.
 */
function mayBreakBefore(at: number, count: number, starts: readonly number[]): boolean {
  if (at === 0) return true;
  if (at < MIN_LINES || count - at < MIN_LINES) return false;
  const item = starts.findLastIndex((start) => start <= at);
  const start = starts[item] ?? 0;
  const end = starts[item + 1] ?? count;
  return at === start || (at - start >= MIN_LINES && end - at >= MIN_LINES);
}

/**
 * The lines before which to start a new page so that no page break falls where mayBreakBefore forbids,
 * given the room left on the current page: each break pdfmake would make there moves up to the latest line
 * where it may go, while the page before keeps MIN_LINES lines of the run (or, on the run's first page,
 * none: it starts on the next). Empty when pdfmake's own breaks already do.
 */
function planBreaks(
  heights: readonly number[],
  starts: readonly number[],
  room: number,
  pageHeight: number,
  atTop: boolean,
  forced: readonly number[],
): Set<number> {
  const breaks = new Set<number>(forced);
  // Each step moves a break to an earlier line, so this ends; the bound is only a guard.
  for (let step = 0; step <= heights.length; step++) {
    const { pages } = placeLines(heights, room, pageHeight, atTop, breaks);
    const first = pages[0] ?? 0;
    const last = pages[pages.length - 1] ?? 0;
    let page = first + 1;
    while (page <= last && mayBreakBefore(pages.indexOf(page), heights.length, starts)) page++;
    if (page > last) return breaks;
    const from = pages.indexOf(page - 1);
    let at = pages.indexOf(page) - 1;
    while (at > from && !(mayBreakBefore(at, heights.length, starts) && at - from >= MIN_LINES)) at--;
    if (at > from) breaks.add(at);
    else if (page - 1 === 0 && !atTop) breaks.add(0);
    else return breaks; // a run taller than a page with a short tail: nothing better without reflowing
  }
  return breaks;
}

/** The lines of a text node in the page's flow as planned (planRun): built, numbered, and where pages break. */
interface PlannedLeaf {
  readonly lines: Line[];
  readonly breaks: ReadonlySet<number>;
}

/**
 * The lists being laid out whose items are all text in the page's flow: their items are planned as one run
 * when the first is reached (the list's margin is applied by then, so every item's lines have their width).
 */
const runs: (readonly TextNode[])[] = [];
const planned = new WeakMap<TextNode, PlannedLeaf>();

/** Builds the lines of `nodes` (a paragraph, or a list's items) and plans the page breaks over them as one run. */
function planRun(builder: LayoutBuilderThis, nodes: readonly TextNode[]): void {
  const context = builder.writer.context();
  const page = context.getCurrentPage();
  const pageHeight = page.pageSize.height - context.pageMargins.top - context.pageMargins.bottom;
  const atTop = context.y <= context.pageMargins.top;
  const leaves = nodes.map((node) => {
    const lines: Line[] = [];
    for (let line = pdfmake.LayoutBuilder.prototype.buildNextLine.call(builder, node); line;) {
      lines.push(line);
      line = pdfmake.LayoutBuilder.prototype.buildNextLine.call(builder, node);
    }
    const leaf = layout ? layout.leaves++ : -1;
    lines.forEach((line, index) => Object.assign(line, { leaf, index }));
    return { leaf, lines };
  });
  const starts: number[] = [];
  const heights: number[] = [];
  for (const { lines } of leaves) {
    starts.push(heights.length);
    for (const line of lines) heights.push(line.getHeight());
  }
  // Breaks asked by pageBreakFixes for a node that starts on the page it started on when they were asked,
  // while what they move still does not fit where it stands.
  const unforced = placeLines(heights, context.availableHeight, pageHeight, atTop, new Set());
  const forced = leaves.flatMap(({ leaf }, i) => {
    const asked = layout?.forced.get(textKey(leaf));
    const start = starts[i]!;
    if (!asked || asked.page !== context.page + (unforced.pages[start] ?? 0)) return [];
    const at = start + asked.line;
    return (unforced.rooms[at] ?? Infinity) < asked.need ? [at] : [];
  });
  const breaks =
    heights.length > 1 || forced.length > 0
      ? planBreaks(heights, starts, context.availableHeight, pageHeight, atTop, forced)
      : new Set<number>();
  leaves.forEach(({ lines }, i) => {
    const start = starts[i]!;
    const own = new Set([...breaks].filter((at) => at >= start && at < start + lines.length).map((at) => at - start));
    planned.set(nodes[i]!, { lines, breaks: own });
  });
}

let installed = false;

export function installPagination(): void {
  if (installed) return;
  const builder = pdfmake.LayoutBuilder.prototype;

  const processLeaf = builder.processLeaf;
  builder.processLeaf = function (node) {
    if (!inPageFlow(this) || node.maxHeight) return processLeaf.call(this, node);
    const run = runs.at(-1);
    if (!planned.has(node)) planRun(this, run?.[0] === node ? run : [node]);
    const { lines, breaks } = planned.get(node)!;
    planned.delete(node);
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

  // A list whose items are all plain text, in the page's flow, is planned as one run (planRun).
  const processList = builder.processList;
  builder.processList = function (ordered, node) {
    const items = (ordered ? node.ol : node.ul) ?? [];
    const plain = items.every((item) => typeof item.text === 'string' && !item.maxHeight);
    if (!layout || !inPageFlow(this) || items.length < 2 || !plain) return processList.call(this, ordered, node);
    runs.push(items);
    try {
      processList.call(this, ordered, node);
    } finally {
      runs.pop();
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
      const still = asked && (asked.page ?? context.page) === context.page && context.availableHeight < asked.need;
      if (still && context.y > context.pageMargins.top) writer.moveToNextPage();
    }
    beginRow.call(this, rowIndex, writer);
  };
  const endRow = table.endRow;
  table.endRow = function (rowIndex, writer, pageBreaks) {
    endRow.call(this, rowIndex, writer, pageBreaks);
    if (layout) delete layout.row;
  };
  // A row's height, as pdfmake fits it on the page: its block's height when committed.
  const commit = pdfmake.PageElementWriter.prototype.commitUnbreakableBlock;
  pdfmake.PageElementWriter.prototype.commitUnbreakableBlock = function (forcedX, forcedY) {
    if (layout?.row !== undefined && this.transactionLevel === 1) layout.rowHeights.set(layout.row, this.context().y);
    commit.call(this, forcedX, forcedY);
  };
  const moveToNextPage = pdfmake.PageElementWriter.prototype.moveToNextPage;
  pdfmake.PageElementWriter.prototype.moveToNextPage = function (pageOrientation) {
    const context = this.context();
    const { page, y } = context;
    const inFlow = this.transactionLevel === 0 && context.snapshots.length === 0;
    moveToNextPage.call(this, pageOrientation);
    if (layout && inFlow) {
      layout.pageBreaks.set(page, { from: y + layout.unplacedMargin, to: this.context().y });
      layout.unplacedMargin = 0;
    }
  };
  const addLine = pdfmake.PageElementWriter.prototype.addLine;
  pdfmake.PageElementWriter.prototype.addLine = function (line, ...rest) {
    if (layout?.row !== undefined) line.row = layout.row;
    return addLine.call(this, line, ...rest);
  };

  const processNode = builder.processNode;
  builder.processNode = function (node, ...rest) {
    // A moved heading (keepWithNext.ts breakBefore) starts a page when what it keeps does not fit here.
    const need = (node as { breakUnlessRoom?: number }).breakUnlessRoom;
    const here = this.writer.context();
    if (need !== undefined && inPageFlow(this) && here.y > here.pageMargins.top && here.availableHeight < need) {
      this.writer.moveToNextPage(node.pageOrientation);
      layout?.pageStarts.add(here.page);
    }
    if (layout && node.pageBreak?.startsWith('before')) layout.pageStarts.add(this.writer.context().page + 1);
    const margin = node._margin;
    // pdfmake starts a node whose top margin does not fit on the next page, without that margin.
    const top = margin?.[1] ?? 0;
    if (layout && top > here.availableHeight && !node.pageBreak?.startsWith('before') && inPageFlow(this)) {
      layout.unplacedMargin += top - Math.max(0, here.availableHeight);
    }
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
    const placed = Math.min(bottom, Math.max(0, context.availableHeight));
    context.moveDown(placed);
    if (layout) layout.unplacedMargin += bottom - placed;
  };
  installed = true;
}

/** A line as placed on its page. */
type PlacedLine = PdfPage['items'][number]['item'];

interface Row {
  readonly y: number;
  readonly lines: PlacedLine[];
}

/** The foot of the lowest row. */
const bottomOf = (rows: readonly Row[]) =>
  Math.max(...rows.flatMap((row) => row.lines.map((l) => l.y + l.getHeight())));

/** The height of the rows `from` to `to` of the page's flow together, as last laid out (Infinity if unknown). */
function rowsHeight(done: PaginationLayout, from: number, to: number): number {
  let height = 0;
  for (let row = from; row <= to; row++) height += done.rowHeights.get(row) ?? Infinity;
  return height;
}

/** The rows of text of a laid-out page body, top to bottom (lines at one height form a row); null if it holds a figure. */
function rowsOf(body: LaidOutBody): Row[] | null {
  const rows = new Map<number, PlacedLine[]>();
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
  forced: Map<string, ForcedBreak>,
): boolean {
  const rows = keptRowBreaks(bodies, done, forced);
  const lists = listRowBreaks(bodies, done, forced);
  return nearEmptyBreaks(bodies, done, forced) || rows || lists;
}

/**
 * A row asking to stay with the next (a KPI's name over its targets, a goal over its first KPI) that ends a
 * page while the next starts the following one starts that page itself, with the rows before it in the run
 * (unless the run already starts the page: it is simply taller than what a page can take).
 */
function keptRowBreaks(
  bodies: readonly LaidOutBody[],
  done: PaginationLayout,
  forced: Map<string, ForcedBreak>,
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
    if (!here.has(first - 1) || !sameTable(first - 1, last) || forced.has(rowKey(first))) continue;
    forced.set(rowKey(first), { line: 0, need: rowsHeight(done, first, last + 1) });
    added = true;
  }
  return added;
}

/** The table layout of a numbered list written as a table, one item a row (core/pdf/digits.ts). */
const LIST_TABLE = 'phaenList';

/**
 * A numbered list written as a table (its items kept whole as rows) paginated as a paragraph is: when a page
 * break leaves fewer than MIN_LINES rows of its text on either side (its last item alone at the top of a
 * page, its first alone at a foot), rows before the break go over with it, as long as the page before keeps
 * MIN_LINES of them; else the list starts the next page whole. The lists of pdfmake's own (`ol`, `ul`) are
 * planned as they are laid out (planRun).
 */
function listRowBreaks(
  bodies: readonly LaidOutBody[],
  done: PaginationLayout,
  forced: Map<string, ForcedBreak>,
): boolean {
  const isList = (row: number) => (done.rowTables.get(row) as { layout?: unknown } | undefined)?.layout === LIST_TABLE;
  /** Rows of text (by height) of each list row on a page. */
  const listRows = (body: LaidOutBody) => {
    const rows = new Map<number, Set<number>>();
    for (const { type, item } of body.page.items.slice(0, body.count)) {
      if (type !== 'line' || item.row === undefined || !isList(item.row)) continue;
      if (item.inlines.every((inline) => inline.text.trim() === '')) continue;
      rows.set(item.row, (rows.get(item.row) ?? new Set()).add(Math.round(item.y)));
    }
    return rows;
  };
  const sameList = (a: number, b: number) => done.rowTables.get(a) === done.rowTables.get(b);
  let added = false;
  let next = bodies[0] ? listRows(bodies[0]) : new Map<number, Set<number>>();
  for (let p = 0; p + 1 < bodies.length; p++) {
    const here = next;
    next = listRows(bodies[p + 1]!);
    const last = Math.max(...here.keys());
    if (!next.has(last + 1) || !sameList(last, last + 1)) continue;
    // The list's rows at this page's foot, from the first, and how many rows of text each side of the break.
    const foot = [...here.keys()].filter((row) => sameList(row, last)).sort((a, b) => a - b);
    const lines = (rows: Iterable<number>, on: Map<number, Set<number>>) =>
      [...rows].reduce((n, row) => n + (on.get(row)?.size ?? 0), 0);
    const after = lines(
      [...next.keys()].filter((row) => row > last && sameList(row, last)),
      next,
    );
    let at = foot.length; // index in `foot` of the first row to go over
    if (after < MIN_LINES) {
      while (at > 0 && lines(foot.slice(at), here) + after < MIN_LINES) at--;
    }
    if (lines(foot.slice(0, at), here) < MIN_LINES) at = 0;
    if (at === foot.length) continue;
    const first = foot[at]!;
    // All of the list's rows here and not its first: it runs over from the page before and starts this one.
    if (at === 0 && sameList(first - 1, first)) continue;
    if (forced.has(rowKey(first))) continue;
    forced.set(rowKey(first), { line: 0, need: rowsHeight(done, first, last + 1) });
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
  forced: Map<string, ForcedBreak>,
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
    // What must fit for the page not to break: from the first line moving (a row's top padding and rule above
    // it, at most 4 pt) to the foot of the page before, then what this page holds.
    const top = bodies[p]!.page.pageMargins.top;
    const need = bottomOf(before) - first.y + (first.leaf === undefined ? 4 : 0) + bottomOf(rows) - top;
    forced.set(key, { line, page, need });
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
